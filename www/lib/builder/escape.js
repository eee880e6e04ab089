// Escaping: every value a journalist typed goes through one of these on its way into a snippet.

const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or an attribute value, safe in HTML. */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** JSON text safe inside <script type="application/json">: no "<" (so no "</script" or "<!--"),
 * and no ">", "&", "'" either. Each is a \u escape, which JSON reads back as the same character. */
export function scriptSafeJson(value) {
  return JSON.stringify(value).replace(
    /[<>&'\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Whether `s` is an http(s) address with nothing in it that would end an attribute. */
export const isHttpUrl = (s) => /^https?:\/\/[^\s"<>]+$/i.test(s);
