<?php
/**
 * Plugin Name:       Offence charts
 * Description:       Paste a published chart's link on its own line, in the block editor or the classic editor, and readers see the chart itself, drawn and fitted to its height, whatever the author's role. Also the shortcode [offence-chart id="…" version="…"].
 * Version:           1.0.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            offence-charts
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       offence-charts
 *
 * @package OffenceCharts
 */

/*
Offence charts: published offence-charts charts in WordPress posts.
Copyright (C) 2026 the offence-charts authors.

This program is free software; you can redistribute it and/or modify it under the terms of the GNU
General Public License as published by the Free Software Foundation; either version 2 of the
License, or (at your option) any later version.

This program is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; without
even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the GNU
General Public License for more details.

You should have received a copy of the GNU General Public License along with this program; if
not, see <https://www.gnu.org/licenses/>.
*/

defined( 'ABSPATH' ) || exit;

define( 'OFFENCE_CHARTS_VERSION', '1.0.0' );

require_once __DIR__ . '/includes/link.php';
require_once __DIR__ . '/includes/embed.php';

add_action( 'init', 'offence_charts_register_embed' );
add_shortcode( 'offence-chart', 'offence_charts_shortcode' );
add_filter( 'rest_dispatch_request', 'offence_charts_oembed_proxy', 10, 3 );

if ( is_admin() ) {
	require_once __DIR__ . '/includes/settings.php';
	add_action( 'admin_menu', 'offence_charts_admin_menu' );
	add_action( 'admin_init', 'offence_charts_register_setting' );
	add_action( 'admin_notices', 'offence_charts_missing_host_notice' );
	add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'offence_charts_action_links' );
}
