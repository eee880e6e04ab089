<?php
// The configuration of the end-to-end tests' WordPress site (serve.sh copies it into its own tree
// of Debian's WordPress): its database socket and address come from serve.sh's environment, so
// the tree can be kept between runs. Nothing here differs from a default single site but that.
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:' . getenv( 'OC_WP_SOCKET' ) );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'WP_HOME', getenv( 'OC_WP_ORIGIN' ) );
define( 'WP_SITEURL', getenv( 'OC_WP_ORIGIN' ) );
// Application passwords (the REST API's Basic authentication) over plain HTTP on loopback.
define( 'WP_ENVIRONMENT_TYPE', 'local' );
// Nothing fetched from wordpress.org while the tests run.
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
// Plugins installed and deleted in place by the server's own user (Apache's www-data does not own
// WordPress's files, so WordPress would otherwise ask for FTP credentials).
define( 'FS_METHOD', 'direct' );
foreach ( array( 'AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE' ) as $k ) {
	define( "{$k}_KEY", "oc-e2e-$k-key" );
	define( "{$k}_SALT", "oc-e2e-$k-salt" );
}
$table_prefix = 'wp_';
defined( 'ABSPATH' ) || define( 'ABSPATH', __DIR__ . '/' );
require_once ABSPATH . 'wp-settings.php';
