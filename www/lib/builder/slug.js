// A chart's name for files and addresses, made from its title.

/** Most characters in a slug. */
const MOST = 60;

/** A file name or chart address from `title`: lower-case ASCII words joined by "-", at most 60
 * characters, cut between words (a first word longer than that is cut in it); "chart" if none. */
export function slug(title) {
  const s = String(title || "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (s.length <= MOST) return s || "chart";
  // The words that fit whole: up to the last "-" within the first MOST + 1 characters.
  const words = s.slice(0, MOST + 1).replace(/-[^-]*$/, "");
  return words.length <= MOST ? words : s.slice(0, MOST);
}
