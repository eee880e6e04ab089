<?php
// Installs the end-to-end tests' WordPress site (run by serve.sh once, against an empty database):
// an Administrator, and an Editor, an Author and a Contributor, each with an application password
// for the REST API. Prints {"editor": {"user", "password"}, "author": …, "contributor": …}.
define( 'WP_INSTALLING', true );
require getenv( 'OC_WP_DIR' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
add_filter( 'pre_wp_mail', '__return_false' ); // no mail server here
wp_install( 'Offence charts test', 'admin', 'admin@example.org', false, '', wp_generate_password() );
$out = array();
foreach ( array( 'editor', 'author', 'contributor' ) as $role ) {
	$id = wp_insert_user(
		array(
			'user_login' => $role,
			'user_email' => "$role@example.org",
			'user_pass'  => wp_generate_password(),
			'role'       => $role,
		)
	);
	list( $password ) = WP_Application_Passwords::create_new_application_password(
		$id,
		array( 'name' => 'offence-charts e2e' )
	);
	$out[ $role ] = array( 'user' => $role, 'password' => $password );
}
echo wp_json_encode( $out );
