<?php
/**
 * Plugin Name: Classic editor on request (end-to-end tests)
 * Description: The classic editor for a post opened with ?oc-classic=1, kept across its saves, as
 * the Classic Editor plugin's per-post switch does (the tests have no plugin from wordpress.org).
 *
 * @package OffenceCharts
 */

add_filter(
	'use_block_editor_for_post',
	function ( $use ) {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a view switch, nothing saved.
		return isset( $_GET['oc-classic'] ) ? false : $use;
	}
);

add_filter(
	'redirect_post_location',
	function ( $location ) {
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- post.php checked the nonce.
		$from = isset( $_POST['_wp_http_referer'] ) ? sanitize_text_field( wp_unslash( $_POST['_wp_http_referer'] ) ) : '';
		return false !== strpos( $from, 'oc-classic=1' ) ? add_query_arg( 'oc-classic', '1', $location ) : $location;
	}
);
