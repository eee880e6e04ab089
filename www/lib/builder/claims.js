// The headline check: each claim of the title and subtitle ("rose by 7.7 %") with what the
// chart's own figures say and whether they bear it out (ChartView.claims, in the builder's
// program). A contradicted claim is a warning in words, announced (role="status"), not a colour.
import { el } from "./page.js";

const HOLDS = "holds";

/** One claim as a line: `title: rose by 7.7 % — figures: 1,573 → 1,694, +7.7 % ✓ holds`. */
export function claimLine({ field, words, figures, verdict }) {
  const mark = verdict === HOLDS ? "✓ holds" : "✗ contradicted";
  return `${field}: ${words} — figures: ${figures} ${mark}`;
}

/** Lists the claims of `view`'s title and subtitle; none (and no warning) without a view. */
export function showClaims(view) {
  const claims = view ? view.claims() : [];
  el.claims.replaceChildren(
    ...claims.map((c) => {
      const li = document.createElement("li");
      li.className = c.verdict === HOLDS ? "claim-holds" : "claim-contradicted";
      li.textContent = claimLine(c);
      return li;
    }),
  );
  el.claimsNone.hidden = !view || claims.length > 0;
  const wrong = claims.filter((c) => c.verdict !== HOLDS);
  el.claimsWarning.textContent = wrong
    .map(
      (c) =>
        `Warning: the ${c.field} says “${c.words}”, but the chart’s figures say ${c.figures}.` +
        " Check the words before publishing.",
    )
    .join(" ");
}
