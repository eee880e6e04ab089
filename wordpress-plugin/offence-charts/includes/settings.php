<?php
/**
 * The settings page (Settings → Offence charts): the chart host's address, for Administrators.
 *
 * @package OffenceCharts
 */

defined( 'ABSPATH' ) || exit;

/**
 * The settings page's slug, and the Settings API's group for its option.
 */
const OFFENCE_CHARTS_PAGE  = 'offence-charts';
const OFFENCE_CHARTS_GROUP = 'offence_charts';

/**
 * Adds Settings → Offence charts, for users who may manage options.
 */
function offence_charts_admin_menu() {
	add_options_page(
		__( 'Offence charts', 'offence-charts' ),
		__( 'Offence charts', 'offence-charts' ),
		'manage_options',
		OFFENCE_CHARTS_PAGE,
		'offence_charts_settings_page'
	);
}

/**
 * Registers the option with the Settings API, and its section and field on the page.
 */
function offence_charts_register_setting() {
	register_setting(
		OFFENCE_CHARTS_GROUP,
		OFFENCE_CHARTS_OPTION,
		array(
			'type'              => 'string',
			'description'       => __( 'The address of the chart host, ending in /.', 'offence-charts' ),
			'sanitize_callback' => 'offence_charts_sanitize_host',
			'default'           => '',
			'show_in_rest'      => false,
		)
	);
	add_settings_section(
		'offence_charts_host_section',
		__( 'Chart host', 'offence-charts' ),
		'offence_charts_host_section',
		OFFENCE_CHARTS_PAGE
	);
	add_settings_field(
		OFFENCE_CHARTS_OPTION,
		__( 'Chart host address', 'offence-charts' ),
		'offence_charts_host_field',
		OFFENCE_CHARTS_PAGE,
		'offence_charts_host_section',
		array( 'label_for' => 'offence-charts-host' )
	);
}

/**
 * The option's sanitiser: the address in its canonical form, '' to clear it, or, for anything
 * else, an error on the page and the address kept as it was.
 *
 * @param mixed $value The submitted value.
 * @return string The value to store.
 */
function offence_charts_sanitize_host( $value ) {
	if ( ! is_string( $value ) || '' === trim( $value ) ) {
		return '';
	}
	$host = offence_charts_check_host( $value );
	if ( '' !== $host ) {
		return $host;
	}
	add_settings_error(
		OFFENCE_CHARTS_OPTION,
		'offence-charts-bad-host',
		__( 'The chart host must be an http:// or https:// address ending in /, such as https://charts.example.org/oc/, with no query or fragment. The address was not changed.', 'offence-charts' )
	);
	return offence_charts_host();
}

/**
 * The section's explanation.
 */
function offence_charts_host_section() {
	echo '<p>' . esc_html__( 'Where the newsroom\'s published charts are served: the folder that holds embed.html and embed-host.js. A link to a chart on this host, alone on its line in a post, becomes the chart:', 'offence-charts' ) . '</p>';
	echo '<ul class="ul-disc"><li><code>' . esc_html( 'HOST/charts/ID/' ) . '</code></li><li><code>' . esc_html( 'HOST/embed.html?id=ID' ) . '</code></li><li><code>' . esc_html( 'HOST/embed.html?id=ID&v=N' ) . '</code> ' . esc_html__( '(version N, pinned)', 'offence-charts' ) . '</li></ul>';
	echo '<p>' . esc_html__( 'Links to other hosts stay links. Clearing the address turns every chart back into its link.', 'offence-charts' ) . '</p>';
}

/**
 * The address field.
 */
function offence_charts_host_field() {
	printf(
		'<input type="url" id="offence-charts-host" name="%1$s" value="%2$s" class="regular-text code" placeholder="https://charts.example.org/oc/" aria-describedby="offence-charts-host-description" /><p class="description" id="offence-charts-host-description">%3$s</p>',
		esc_attr( OFFENCE_CHARTS_OPTION ),
		esc_attr( offence_charts_host() ),
		esc_html__( 'An http:// or https:// address ending in /.', 'offence-charts' )
	);
}

/**
 * The settings page: the Settings API's form (its nonce and option group) posted to options.php.
 * WordPress shows the saved notice and any error above it.
 */
function offence_charts_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html( get_admin_page_title() ) . '</h1><form action="options.php" method="post">';
	settings_fields( OFFENCE_CHARTS_GROUP );
	do_settings_sections( OFFENCE_CHARTS_PAGE );
	submit_button();
	echo '</form></div>';
}

/**
 * On the Plugins and Dashboard screens, tells an Administrator that no chart host is set yet.
 */
function offence_charts_missing_host_notice() {
	$screen = get_current_screen();
	if ( '' !== offence_charts_host() || ! current_user_can( 'manage_options' ) || null === $screen || ! in_array( $screen->id, array( 'plugins', 'dashboard' ), true ) ) {
		return;
	}
	printf(
		'<div class="notice notice-warning"><p>%1$s <a href="%2$s">%3$s</a></p></div>',
		esc_html__( 'Offence charts: chart links stay links until the chart host is set.', 'offence-charts' ),
		esc_url( admin_url( 'options-general.php?page=' . OFFENCE_CHARTS_PAGE ) ),
		esc_html__( 'Set it', 'offence-charts' )
	);
}

/**
 * A Settings link beside Deactivate on the Plugins screen.
 *
 * @param array $links The plugin's action links.
 * @return array The links, Settings first.
 */
function offence_charts_action_links( $links ) {
	array_unshift(
		$links,
		sprintf(
			'<a href="%1$s">%2$s</a>',
			esc_url( admin_url( 'options-general.php?page=' . OFFENCE_CHARTS_PAGE ) ),
			esc_html__( 'Settings', 'offence-charts' )
		)
	);
	return $links;
}
