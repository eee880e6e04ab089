<?php
/**
 * Uninstalling the plugin (Plugins → Delete) removes its option and the chart titles and heights
 * it kept, on every site of a multisite network.
 *
 * @package OffenceCharts
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/**
 * Removes the plugin's option and transients from the current site.
 */
function offence_charts_uninstall_site() {
	global $wpdb;
	delete_option( 'offence_charts_host' );
	// The transients are named by chart (offence_charts_meta_<md5>): no list of them is kept.
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- removing the plugin's own rows once.
	$names = $wpdb->get_col(
		$wpdb->prepare(
			"SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s",
			$wpdb->esc_like( '_transient_offence_charts_meta_' ) . '%'
		)
	);
	foreach ( $names as $name ) {
		delete_transient( substr( $name, strlen( '_transient_' ) ) );
	}
}

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $offence_charts_site ) {
		switch_to_blog( $offence_charts_site );
		offence_charts_uninstall_site();
		restore_current_blog();
	}
} else {
	offence_charts_uninstall_site();
}
