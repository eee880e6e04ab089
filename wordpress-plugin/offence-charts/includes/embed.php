<?php
/**
 * A chart in a post: the iframe built from a chart link (the embed handler), from the shortcode,
 * and for the block editor's preview (its oEmbed proxy), with the chart host's embed-host.js.
 *
 * @package OffenceCharts
 */

defined( 'ABSPATH' ) || exit;

/**
 * The height of a chart's iframe when the chart host does not say (the script fits it anyway).
 */
const OFFENCE_CHARTS_DEFAULT_HEIGHT = 600;

/**
 * How long a chart's title and height are kept, once fetched or once the fetch failed.
 */
const OFFENCE_CHARTS_META_TTL         = HOUR_IN_SECONDS;
const OFFENCE_CHARTS_META_FAILED_TTL  = 5 * MINUTE_IN_SECONDS;
const OFFENCE_CHARTS_TRANSIENT_PREFIX = 'offence_charts_meta_';

/**
 * Registers the embed handler for chart links on the chart host (none while no host is set):
 * WordPress's autoembed hands it every link alone on its line, in block or classic content, and
 * the block editor's oEmbed proxy falls back to it.
 */
function offence_charts_register_embed() {
	$host = offence_charts_host();
	if ( '' !== $host ) {
		wp_embed_register_handler( 'offence-charts', offence_charts_link_pattern( $host ), 'offence_charts_embed_handler' );
	}
}

/**
 * The embed handler: the chart for a chart link, or false (WordPress then leaves it a link).
 *
 * @param array  $matches The pattern's matches (not used: the link is parsed again).
 * @param array  $attr    Embed attributes (not used).
 * @param string $url     The link.
 * @return string|false The chart's HTML, or false.
 */
function offence_charts_embed_handler( $matches, $attr, $url ) {
	$chart = offence_charts_parse_link( $url );
	return null === $chart ? false : offence_charts_html( $chart );
}

/**
 * The shortcode `[offence-chart id="ID" version="N"]` (version optional): the chart, or nothing
 * if the ID is not a slug, the version not a whole number from 1, or no chart host is set.
 *
 * @param array|string $atts The shortcode's attributes.
 * @return string The chart's HTML, or ''.
 */
function offence_charts_shortcode( $atts ) {
	$atts  = shortcode_atts(
		array(
			'id'      => '',
			'version' => '',
		),
		$atts,
		'offence-chart'
	);
	$chart = offence_charts_chart( $atts['id'], $atts['version'] );
	return null === $chart ? '' : offence_charts_html( $chart );
}

/**
 * A chart's HTML: the iframe of its embed page, with the chart host's embed-host.js enqueued in
 * the footer (once however many charts the page has), which fits the iframe to the chart's
 * height. In feeds, where readers drop iframes and scripts, a link to the chart's page.
 *
 * @param array $chart A chart from offence_charts_chart().
 * @return string The HTML, or '' while no chart host is set.
 */
function offence_charts_html( $chart ) {
	$host = offence_charts_host();
	if ( '' === $host ) {
		return '';
	}
	$meta = offence_charts_meta( $host, $chart );
	if ( is_feed() ) {
		return sprintf(
			'<p><a href="%1$s">%2$s</a></p>',
			esc_url( offence_charts_page_url( $host, $chart ) ),
			esc_html( $meta['title'] )
		);
	}
	offence_charts_enqueue_host_script( $host );
	return offence_charts_iframe( $host, $chart, $meta );
}

/**
 * The iframe, as the builder writes it: the chart's tallest height until embed-host.js fits it.
 *
 * @param string $host  A checked chart host address.
 * @param array  $chart A chart from offence_charts_chart().
 * @param array  $meta  Its title and height, from offence_charts_meta().
 * @return string The iframe's HTML, every value escaped.
 */
function offence_charts_iframe( $host, $chart, $meta ) {
	$height = (int) $meta['height'];
	return sprintf(
		'<iframe class="offence-chart" src="%1$s" title="%2$s" width="100%%" height="%3$d" loading="lazy" referrerpolicy="no-referrer" sandbox="allow-scripts allow-same-origin" frameborder="0" style="%4$s"></iframe>',
		esc_url( offence_charts_embed_url( $host, $chart ) ),
		esc_attr( $meta['title'] ),
		$height,
		esc_attr( 'width:100%;border:0;height:' . $height . 'px' )
	);
}

/**
 * Enqueues `HOST/embed-host.js` in the footer. It has no version in its address: it must be the
 * chart host's own file, in the folder of the charts it fits, and the host revalidates it.
 *
 * @param string $host A checked chart host address.
 */
function offence_charts_enqueue_host_script( $host ) {
	// phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion -- the host's own address, revalidated by it.
	wp_enqueue_script( 'offence-charts-embed-host', $host . 'embed-host.js', array(), null, true );
}

/**
 * A chart's title (the iframe's accessible name) and tallest height, from the chart host's
 * oEmbed answer `charts/ID/oembed.json` (a pinned version's title from `charts/ID/N.json`),
 * kept an hour; if the host does not answer, the chart's ID and a default height, kept five
 * minutes. Only a string and a number are taken from the answers, never their HTML.
 *
 * @param string $host  A checked chart host address.
 * @param array  $chart A chart from offence_charts_chart().
 * @return array `array( 'title' => string, 'height' => int )`.
 */
function offence_charts_meta( $host, $chart ) {
	$key  = OFFENCE_CHARTS_TRANSIENT_PREFIX . md5( $host . '|' . $chart['id'] . '|' . $chart['version'] );
	$meta = get_transient( $key );
	if ( is_array( $meta ) && isset( $meta['title'], $meta['height'] ) ) {
		return $meta;
	}
	$meta   = array(
		/* translators: %s: the chart's ID, such as offence-trend. */
		'title'  => sprintf( __( 'Chart %s', 'offence-charts' ), $chart['id'] ),
		'height' => OFFENCE_CHARTS_DEFAULT_HEIGHT,
	);
	$base   = $host . 'charts/' . $chart['id'] . '/';
	$answer = offence_charts_get_json( $base . 'oembed.json' );
	$found  = is_array( $answer );
	if ( $found ) {
		$meta = offence_charts_take_title( $meta, isset( $answer['title'] ) ? $answer['title'] : null );
		if ( isset( $answer['height'] ) && is_numeric( $answer['height'] ) ) {
			$meta['height'] = min( 5000, max( 50, (int) ceil( (float) $answer['height'] ) ) );
		}
	}
	if ( $chart['version'] > 0 ) {
		$record = offence_charts_get_json( $base . $chart['version'] . '.json' );
		$found  = $found || is_array( $record );
		if ( is_array( $record ) && isset( $record['spec'] ) && is_array( $record['spec'] ) ) {
			$meta = offence_charts_take_title( $meta, isset( $record['spec']['title'] ) ? $record['spec']['title'] : null );
		}
	}
	set_transient( $key, $meta, $found ? OFFENCE_CHARTS_META_TTL : OFFENCE_CHARTS_META_FAILED_TTL );
	return $meta;
}

/**
 * `$meta` with its title replaced by `$title` if that is a non-empty string (its whitespace
 * collapsed, at most 300 characters).
 *
 * @param array $meta  A chart's title and height.
 * @param mixed $title A title from the chart host.
 * @return array The title and height.
 */
function offence_charts_take_title( $meta, $title ) {
	if ( is_string( $title ) ) {
		$title = trim( preg_replace( '/\s+/u', ' ', $title ) );
		if ( '' !== $title ) {
			$meta['title'] = function_exists( 'mb_substr' ) ? mb_substr( $title, 0, 300 ) : substr( $title, 0, 300 );
		}
	}
	return $meta;
}

/**
 * GETs a JSON object from the chart host (no redirects, three seconds, 256 KB at most).
 *
 * @param string $url An address on the checked chart host, built from a slug and a number.
 * @return array|null The object decoded, or null.
 */
function offence_charts_get_json( $url ) {
	$response = wp_remote_get(
		$url,
		array(
			'timeout'             => 3,
			'redirection'         => 0,
			'limit_response_size' => 262144,
			'headers'             => array( 'Accept' => 'application/json' ),
		)
	);
	if ( is_wp_error( $response ) || 200 !== wp_remote_retrieve_response_code( $response ) ) {
		return null;
	}
	$json = json_decode( wp_remote_retrieve_body( $response ), true );
	return is_array( $json ) ? $json : null;
}

/**
 * Answers the block editor's oEmbed proxy (`/oembed/1.0/proxy`, after WordPress has checked that
 * the user may edit posts) for a chart link itself, with the same iframe a reader gets, instead
 * of letting WordPress fetch the chart's page for oEmbed discovery. Other requests pass through.
 *
 * @param mixed           $result  The result so far: null unless another plugin answered.
 * @param WP_REST_Request $request The request.
 * @param string          $route   The route matched.
 * @return mixed The oEmbed answer for a chart link, else `$result` unchanged.
 */
function offence_charts_oembed_proxy( $result, $request, $route ) {
	if ( null !== $result || '/oembed/1.0/proxy' !== $route ) {
		return $result;
	}
	$chart = offence_charts_parse_link( $request->get_param( 'url' ) );
	$host  = offence_charts_host();
	if ( null === $chart || '' === $host ) {
		return $result;
	}
	$meta = offence_charts_meta( $host, $chart );
	return array(
		'version'       => '1.0',
		'type'          => 'rich',
		'provider_name' => __( 'Offence charts', 'offence-charts' ),
		'title'         => $meta['title'],
		'height'        => (int) $meta['height'],
		'html'          => offence_charts_iframe( $host, $chart, $meta ),
		'scripts'       => array( $host . 'embed-host.js' ),
	);
}
