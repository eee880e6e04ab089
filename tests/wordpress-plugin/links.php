<?php
/**
 * Runs the plugin's address checks without WordPress (tests/wordpress-plugin.mjs): reads
 * {"host": …, "links": […], "hosts": […], "charts": [[id, version], …]} from standard input and
 * prints what offence_charts_parse_link, offence_charts_check_host and offence_charts_chart make
 * of each, with the configured host stored as the option.
 *
 * @package OffenceCharts
 */

define( 'ABSPATH', __DIR__ . '/' );

$offence_charts_test_input = json_decode( stream_get_contents( STDIN ), true );

/**
 * The one WordPress function link.php calls: the option holds the input's host.
 *
 * @param string $name    The option's name.
 * @param mixed  $default Its default.
 * @return mixed The input's host for the plugin's option.
 */
function get_option( $name, $default = false ) {
	global $offence_charts_test_input;
	return 'offence_charts_host' === $name ? $offence_charts_test_input['host'] : $default;
}

require __DIR__ . '/../../wordpress-plugin/offence-charts/includes/link.php';

// phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- no WordPress here.
echo json_encode(
	array(
		'links'  => array_map( 'offence_charts_parse_link', $offence_charts_test_input['links'] ),
		'hosts'  => array_map( 'offence_charts_check_host', $offence_charts_test_input['hosts'] ),
		'charts' => array_map(
			function ( $c ) {
				return offence_charts_chart( $c[0], $c[1] );
			},
			$offence_charts_test_input['charts']
		),
	)
);
