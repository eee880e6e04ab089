<?php
/**
 * The chart host's address (the plugin's one option) and the chart links on it.
 *
 * Nothing here trusts its input: the host is checked whenever it is read, and a link becomes a
 * chart only if it is exactly one of the chart host's four shapes with a slug for an ID, so the
 * iframe is always built from the checked host, a slug and a number, never from the pasted text.
 *
 * @package OffenceCharts
 */

defined( 'ABSPATH' ) || exit;

/**
 * The option that holds the chart host's address.
 */
const OFFENCE_CHARTS_OPTION = 'offence_charts_host';

/**
 * A chart ID: a slug of lower-case letters, digits and hyphens, 1 to 80 characters, not starting
 * with a hyphen (as `offence-charts publish --id` requires).
 */
const OFFENCE_CHARTS_ID = '[a-z0-9][a-z0-9-]{0,79}';

/**
 * A chart version: a whole number from 1, at most nine digits.
 */
const OFFENCE_CHARTS_VERSION_NUMBER = '[1-9][0-9]{0,8}';

/**
 * The longest chart host address accepted, and the longest link looked at.
 */
const OFFENCE_CHARTS_MAX_URL = 400;

/**
 * The chart host's address in its canonical form, or '' if `$url` is not one.
 *
 * An address is http:// or https://, a host name (letters, digits, dots, hyphens), an IPv4
 * address or a bracketed IPv6 address, an optional port, and a path of plain segments that ends
 * in '/'; no user, password, query or fragment. The scheme and host are lower-cased.
 *
 * @param mixed $url The address to check.
 * @return string The address, or '' if it is not a chart host's address.
 */
function offence_charts_check_host( $url ) {
	if ( ! is_string( $url ) ) {
		return '';
	}
	$url = trim( $url );
	if ( strlen( $url ) > OFFENCE_CHARTS_MAX_URL ) {
		return '';
	}
	$pattern = '#^(?i:(https?))://([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::([0-9]{1,5}))?(/(?:[A-Za-z0-9._~-]+/)*)$#D';
	if ( ! preg_match( $pattern, $url, $m ) ) {
		return '';
	}
	$scheme = strtolower( $m[1] );
	$host   = strtolower( $m[2] );
	$port   = $m[3];
	$path   = $m[4];
	if ( '[' !== $host[0] ) {
		foreach ( explode( '.', $host ) as $label ) {
			if ( '' === $label || '-' === $label[0] || '-' === substr( $label, -1 ) ) {
				return '';
			}
		}
	}
	if ( '' !== $port && ( (int) $port < 1 || (int) $port > 65535 ) ) {
		return '';
	}
	foreach ( explode( '/', trim( $path, '/' ) ) as $segment ) {
		if ( '.' === $segment || '..' === $segment ) {
			return '';
		}
	}
	$port = '' === $port ? '' : ':' . (int) $port;
	return $scheme . '://' . $host . $port . $path;
}

/**
 * The chart host's address as set on the settings page, checked again; '' if none is set.
 *
 * @return string The address, ending in '/', or ''.
 */
function offence_charts_host() {
	return offence_charts_check_host( get_option( OFFENCE_CHARTS_OPTION, '' ) );
}

/**
 * The regular expression of a chart link on `$host`: the chart's page (`charts/ID/` or
 * `charts/ID/index.html`, always its current version, as the chart host shows it) or its embed
 * page (`embed.html?id=ID`, pinned with `&v=N`). Group 1 is a page's ID, 2 and 3 an embed page's
 * ID and version.
 *
 * @param string $host A checked chart host address.
 * @return string The pattern, anchored at both ends.
 */
function offence_charts_link_pattern( $host ) {
	$id      = '(' . OFFENCE_CHARTS_ID . ')';
	$version = '(' . OFFENCE_CHARTS_VERSION_NUMBER . ')';
	return '#^' . preg_quote( $host, '#' ) . '(?:charts/' . $id . '/(?:index\.html)?|embed\.html\?id=' . $id . '(?:&v=' . $version . ')?)$#D';
}

/**
 * The chart a link points to, or null if it is not a chart link on the chart host.
 *
 * @param mixed  $url  The link, as pasted (`&amp;` as WordPress stores it is read as `&`).
 * @param string $host The chart host's address; the one set on the settings page by default.
 * @return array|null `array( 'id' => string, 'version' => int )` (version 0: the current one).
 */
function offence_charts_parse_link( $url, $host = null ) {
	$host = null === $host ? offence_charts_host() : offence_charts_check_host( $host );
	if ( '' === $host || ! is_string( $url ) || strlen( $url ) > OFFENCE_CHARTS_MAX_URL ) {
		return null;
	}
	$url = str_replace( array( '&amp;', '&#038;' ), '&', trim( $url ) );
	if ( ! preg_match( offence_charts_link_pattern( $host ), $url, $m, PREG_UNMATCHED_AS_NULL ) ) {
		return null;
	}
	if ( isset( $m[1] ) ) {
		return offence_charts_chart( $m[1] );
	}
	return offence_charts_chart( $m[2], isset( $m[3] ) ? $m[3] : '' );
}

/**
 * A chart from an ID and a version as a shortcode's attributes give them, or null.
 *
 * @param mixed $id      The chart's ID: a slug.
 * @param mixed $version Its version: '' (or 0) for the current one, or a whole number from 1.
 * @return array|null `array( 'id' => string, 'version' => int )`, or null if either is bad.
 */
function offence_charts_chart( $id, $version = '' ) {
	if ( ! is_string( $id ) || ! preg_match( '#^' . OFFENCE_CHARTS_ID . '$#D', $id ) ) {
		return null;
	}
	if ( is_int( $version ) ) {
		$version = 0 === $version ? '' : (string) $version;
	}
	if ( ! is_string( $version ) || ( '' !== $version && ! preg_match( '#^' . OFFENCE_CHARTS_VERSION_NUMBER . '$#D', $version ) ) ) {
		return null;
	}
	return array(
		'id'      => $id,
		'version' => (int) $version,
	);
}

/**
 * The address of a chart's embed page on `$host`: `embed.html?id=ID`, with `&v=N` if pinned.
 *
 * @param string $host  A checked chart host address.
 * @param array  $chart A chart from offence_charts_chart().
 * @return string The address (not yet escaped for HTML).
 */
function offence_charts_embed_url( $host, $chart ) {
	$url = $host . 'embed.html?id=' . $chart['id'];
	if ( $chart['version'] > 0 ) {
		$url .= '&v=' . $chart['version'];
	}
	return $url;
}

/**
 * The address that shows a chart to a reader on `$host`: its own page `charts/ID/`, or for a
 * pinned version its embed page `embed.html?id=ID&v=N` (the chart's page is always current).
 *
 * @param string $host  A checked chart host address.
 * @param array  $chart A chart from offence_charts_chart().
 * @return string The address (not yet escaped for HTML).
 */
function offence_charts_page_url( $host, $chart ) {
	if ( $chart['version'] > 0 ) {
		return offence_charts_embed_url( $host, $chart );
	}
	return $host . 'charts/' . $chart['id'] . '/';
}
