// Escaping: every value a journalist typed goes through one of these on its way into a snippet.

const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or an attribute value, safe in HTML. */
export function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Whether `s` is an http(s) address with nothing in it that would end an attribute. */
export const isHttpUrl = (s) => /^https?:\/\/[^\s"<>]+$/i.test(s);
