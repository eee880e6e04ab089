// What a CMS does to a spec pasted in a <script>, undone. WordPress's wpautop (classic content)
// splits text into paragraphs at blank lines even inside a script: a hand-written spec over several
// lines gains "</p>\n<p>" where it had a blank line. That sequence holds a raw line break, which a
// JSON string cannot, and a "<", which JSON allows nowhere else: it is never part of a valid spec,
// so taking it out changes no spec that was valid.

/** `text` with wpautop's paragraph breaks turned back into the blank lines they were. */
export function unautop(text) {
  return text.replace(/<\/p>\n<p>/g, "\n\n");
}
