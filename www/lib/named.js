// The default charts a snippet may name: each one's spec is a file beside the page's script
// (data/<name>.json, under its hashed name in SPECS, provided by scripts/build-site.mjs).
import { SPECS } from "oc:files";
import { NAMED_CHARTS } from "../shared.js";

const fetched = new Map(); // name -> promise of its text, once asked for (a failure is forgotten)

/** The spec text of the named chart `name` (`offence-trend`, `detection-rate`), fetched once. */
export function namedSpec(name) {
  let text = fetched.get(name);
  if (!text) {
    text = fetchSpec(name);
    fetched.set(name, text);
    text.catch(() => fetched.delete(name));
  }
  return text;
}

async function fetchSpec(name) {
  if (!NAMED_CHARTS.includes(name)) {
    const shown = String(name).slice(0, 60);
    throw new Error(
      `no chart is called "${shown}" (the named charts are: ${NAMED_CHARTS.join(", ")})`,
    );
  }
  const response = await fetch(new URL(SPECS[name], import.meta.url));
  if (!response.ok) {
    throw new Error(`the chart "${name}" could not be loaded (HTTP ${response.status})`);
  }
  return response.text();
}
