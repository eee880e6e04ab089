<?php
// Installs the end-to-end tests' WordPress site (run by serve.sh once, against an empty database):
// an Administrator, and an Editor, an Author and a Contributor, each with a password to log in
// with and an application password for the REST API. Prints {"admin": {"user", "password",
// "login"}, "editor": …, "author": …, "contributor": …} (password: the application password).
define( 'WP_INSTALLING', true );
require getenv( 'OC_WP_DIR' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
add_filter( 'pre_wp_mail', '__return_false' ); // no mail server here
$logins = array();
foreach ( array( 'admin', 'editor', 'author', 'contributor' ) as $role ) {
	$logins[ $role ] = wp_generate_password( 20, false );
}
$installed = wp_install( 'Offence charts test', 'admin', 'admin@example.org', false, '', $logins['admin'] );
$out       = array();
foreach ( $logins as $role => $login ) {
	$id = 'admin' === $role ? $installed['user_id'] : wp_insert_user(
		array(
			'user_login' => $role,
			'user_email' => "$role@example.org",
			'user_pass'  => $login,
			'role'       => $role,
		)
	);
	list( $password ) = WP_Application_Passwords::create_new_application_password(
		$id,
		array( 'name' => 'offence-charts e2e' )
	);
	$out[ $role ] = array(
		'user'     => $role,
		'password' => $password,
		'login'    => $login,
	);
}
echo wp_json_encode( $out );
