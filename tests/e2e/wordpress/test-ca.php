<?php
/**
 * Plugin Name: The test's certificate authority (end-to-end tests)
 * Description: WordPress's requests to https://127.0.0.1 trust the test run's self-signed
 * certificate (the file named by OC_WP_TEST_CA), as a newsroom's server trusts its chart host's.
 *
 * @package OffenceCharts
 */

add_filter(
	'http_request_args',
	function ( $args, $url ) {
		$ca = getenv( 'OC_WP_TEST_CA' );
		if ( $ca && 0 === strpos( $url, 'https://127.0.0.1:' ) ) {
			$args['sslcertificates'] = $ca;
		}
		return $args;
	},
	10,
	2
);
