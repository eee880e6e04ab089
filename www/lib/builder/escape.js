// Escaping: every value a journalist typed goes through one of these on its way into a snippet.
// And the one rule for a source's address (shared.js's URL_RULE, the core's spec::url_problem):
// what the builder takes as an address, the chart takes too.
import { URL_RULE } from "../../shared.js";

const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or an attribute value, safe in HTML. */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

// White space and control characters as Rust's char::is_whitespace and char::is_control name them.
const SPACE_OR_CONTROL = /[\p{White_Space}\p{Cc}]/u;

/** `s` with A–Z lowered and nothing else changed (Rust's to_ascii_lowercase). */
const asciiLower = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** Whether `s` is an address a spec takes as a source's `url` (URL_RULE, as the core's
 * spec::url_problem): one of its schemes, in any case, with something after it; at most
 * `maxLength` characters (code points, as Rust counts them); no white space, control character or
 * any of `forbidden` (which would end an attribute). */
export function isWebAddress(s) {
  const text = String(s);
  const chars = [...text];
  return (
    URL_RULE.schemes.some(
      (scheme) =>
        text.length > scheme.length && asciiLower(text.slice(0, scheme.length)) === scheme,
    ) &&
    chars.length <= URL_RULE.maxLength &&
    !chars.some((c) => SPACE_OR_CONTROL.test(c) || URL_RULE.forbidden.includes(c))
  );
}
