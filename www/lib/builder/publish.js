// Publishing (issue 20). Served by `offence-charts serve` with publishing on (GET api/status says
// {"publishing": true}), the builder opens a published chart by its address (its current version
// from the store, charts/ID/current.json, into the editor: every step works on it), shows what
// changed against the version opened as the chart server works it out (POST api/charts/ID/check,
// which writes nothing), asks for a note when a published figure changed (a correction), and
// publishes with a newsroom credential (POST api/charts/ID, Authorization: Bearer …), kept in its
// password field only. The server refuses without a valid credential (401), when the chart moved
// on since it was opened (409: what changed is shown), or a spec it cannot take (422); each is
// said, and nothing is written. Served as plain files, the builder says that publishing needs the
// chart server, and offers the spec as a file for the command `offence-charts publish`.
// Every text from the server or the store is shown as text.
import { checkId, fetchRecord, ID } from "../published.js";
import { showSnippets } from "./embed-code.js";
import { $, el, state } from "./page.js";
import { slug } from "./slug.js";
import { setMode } from "./start.js";

const API = new URL("api/", import.meta.url);
const CHECK_MS = 300;

const p = {
  wait: $("publish-wait"),
  off: $("publish-off"),
  command: $("publish-command"),
  form: $("publish-form"),
  id: $("p-id"),
  check: $("p-check"),
  changes: $("p-changes"),
  noteBox: $("p-note-box"),
  noteLabel: $("p-note-label"),
  note: $("p-note"),
  credential: $("p-credential"),
  error: $("p-error"),
  errorChanges: $("p-error-changes"),
  reopen: $("p-reopen"),
  publish: $("p-publish"),
  status: $("p-status"),
  openForm: $("open-form"),
  openId: $("open-id"),
  openError: $("open-error"),
  openStatus: $("open-status"),
  startPublished: $("start-published"),
  download: $("download-spec"),
};

/** Whether the server publishes; the last check (its id, base, spec and the server's answer);
 * checks started; the check waiting; whether the address was typed (else it follows the title). */
const pub = { on: false, checked: null, seq: 0, timer: 0, idTyped: false };

const KIND_NAMES = { correction: "Correction", update: "Update", words: "Words" };

/** Asks the server whether it publishes, and shows the publish form or why not. */
export async function initPublishing() {
  let on = false;
  let server = false; // a chart server answered, publishing on or off
  try {
    const response = await fetch(new URL("status", API), { cache: "no-store" });
    const status = response.ok ? await response.json() : null;
    server = typeof status?.publishing === "boolean";
    on = status?.publishing === true;
  } catch {
    on = false; // a static host: no API
  }
  $("publish-static").hidden = server;
  $("publish-no-credentials").hidden = !server || on;
  pub.on = on;
  p.wait.textContent = "";
  p.wait.hidden = true;
  p.form.hidden = !on;
  p.off.hidden = on;
  p.openForm.hidden = !on;
  if (on) {
    $("bar-note").textContent =
      "Chart builder · what you type goes only to this newsroom’s chart server, " +
      "to check and publish";
  }
  specChanged();
}

/** The chart's address in `text`: a bare address, or one in a link or code (…?id=ID, data-chart,
 * chart="ID", …/charts/ID/…); as typed if none is found (checkId says what is wrong with it). */
export function addressIn(text) {
  const t = text.trim();
  const found =
    /[?&]id=([^&#"'\s]*)/.exec(t) ??
    /\b(?:data-)?chart="([^"]*)"/.exec(t) ??
    /\/charts\/([^/?#"'\s]+)\//.exec(t);
  return found ? found[1] : t;
}

/** Remembers record `r` as the published chart the builder holds. */
function remember(r) {
  const title = typeof r.spec?.title === "string" ? r.spec.title : r.id;
  const date = typeof r.date === "string" ? r.date : "";
  state.published = { id: r.id, version: r.version, date, title, spec: r.spec };
}

/** Opens the current version of the published chart whose address is in `text` (the open
 * form's field by default) into the editor. */
export async function openPublished(text = p.openId.value) {
  p.openError.textContent = "";
  p.openStatus.textContent = "";
  const id = addressIn(text);
  let r;
  try {
    r = await fetchRecord(checkId(id), "current.json");
  } catch (e) {
    p.openId.setAttribute("aria-invalid", "true");
    p.openError.textContent = `Could not open the chart: ${e.message}.`;
    p.openId.focus();
    return;
  }
  p.openId.removeAttribute("aria-invalid");
  remember(r);
  p.id.value = r.id;
  pub.idTyped = true;
  clearOutcome();
  p.startPublished.hidden = false;
  el.start.value = "published";
  await setMode("published");
  const by = typeof r.by === "string" && r.by ? ` by ${r.by}` : "";
  const on = state.published.date ? `, published ${state.published.date}${by}` : "";
  p.openStatus.textContent =
    `Opened “${state.published.title}”, version ${r.version} of ${r.id}${on}. ` +
    "Edit it here; Publish shows what changed before anything is published.";
}

/** The version the chart at address `id` was opened at: the base its changes are counted from
 * (null for a chart not opened from the store). */
function baseFor(id) {
  const held = el.start.value === "published" ? state.published : null;
  return held && held.id === id ? held.version : null;
}

/** The spec, the address or the start changed: what changed is checked again shortly. */
export function specChanged() {
  p.download.disabled = !state.valid;
  if (!pub.idTyped && state.valid) p.id.value = slug(state.spec?.title);
  const file = `${p.id.value.trim() || "chart"}.json`;
  p.command.textContent =
    `Then: offence-charts publish ${file} --id ${p.id.value.trim() || "ID"} --store STORE ` +
    '(and --note "what was wrong" for a correction).';
  if (!pub.on) return;
  pub.checked = null;
  pub.seq += 1; // an answer still on its way is about the spec as it was: it is ignored
  p.publish.disabled = true;
  clearTimeout(pub.timer);
  pub.timer = setTimeout(check, CHECK_MS);
}

/** The address was typed: it no longer follows the title. */
export function idTyped() {
  pub.idTyped = true;
  specChanged();
}

/** Says `sentence` about the changes, and lists `changes` ({kind, text}). */
function say(sentence, changes = []) {
  p.check.textContent = sentence;
  p.changes.replaceChildren(...changeItems(changes));
}

function changeItems(changes) {
  return (Array.isArray(changes) ? changes : []).map((c) => {
    const li = document.createElement("li");
    li.textContent = `${KIND_NAMES[c?.kind] ?? "Change"}: ${String(c?.text ?? "")}`;
    return li;
  });
}

/** The server's answer as JSON (`{}` if it is not JSON). */
const json = (response) => response.json().catch(() => ({}));

/** Asks the chart server what publishing the spec at the address would change. */
async function check() {
  const seq = ++pub.seq;
  const id = p.id.value.trim();
  showNote(null);
  if (!state.valid || !state.spec)
    return say("Fix the spec first: a chart with errors cannot be published.");
  if (!ID.test(id)) {
    p.id.setAttribute("aria-invalid", "true");
    return say(
      "Give the chart an address: lower-case letters, digits and hyphens, 1 to 80 characters.",
    );
  }
  p.id.removeAttribute("aria-invalid");
  const base = baseFor(id);
  const spec = JSON.stringify(state.spec);
  let response, answer;
  try {
    response = await fetch(new URL(`charts/${id}/check`, API), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ spec: state.spec, base }),
    });
    answer = await json(response);
  } catch (e) {
    if (seq === pub.seq) say(`The chart server could not be reached (${e.message}).`);
    return;
  }
  if (seq !== pub.seq) return;
  if (!response.ok) {
    return say(
      `The chart server would not publish this: ${answer.error ?? `HTTP ${response.status}`}`,
      answer.changes,
    );
  }
  const { kind, current = null, needsNote = false } = answer;
  say(describe(kind, id, base, current), answer.changes);
  const movedOn = current !== null && base !== current;
  p.reopen.hidden = !movedOn || base === null;
  if (kind === "none" || movedOn) return;
  pub.checked = { id, base, spec, kind, needsNote };
  showNote(kind, needsNote);
  p.publish.disabled = false;
}

/** What publishing would be, in a sentence. */
function describe(kind, id, base, current) {
  if (current !== null && base === null) {
    return (
      `A chart is already published at “${id}” (version ${current}): open it above to publish ` +
      "a new version of it, or give this one another address."
    );
  }
  if (current !== null && base !== current) {
    return (
      `The chart moved on: version ${current} was published after the version you opened ` +
      `(${base}). Open the latest version to carry on from it.`
    );
  }
  const next = current === null ? 1 : current + 1;
  switch (kind) {
    case "first":
      return `A new chart: publishing makes version 1 at the address “${id}”.`;
    case "none":
      return `No changes against version ${current}: nothing to publish.`;
    case "correction":
      return (
        `A correction: a figure already published changed (version ${next} would say so). ` +
        "Say what was wrong in the note: readers see it under the chart, with the date."
      );
    case "update":
      return `An update: new figures only. Version ${next} says “Updated” and the date.`;
    case "words":
      return `New words, no figure changed: version ${next}.`;
    default:
      return `Publishing makes version ${next}.`;
  }
}

/** The note's field for a correction (required) or an update (optional); hidden otherwise. */
function showNote(kind, needed = false) {
  const shown = kind === "correction" || kind === "update" || needed;
  p.noteBox.hidden = !shown;
  p.noteLabel.textContent = needed
    ? "Correction note (required): what was wrong, as readers will see it"
    : "Note (optional)";
  if (needed) p.note.setAttribute("aria-required", "true");
  else p.note.removeAttribute("aria-required");
}

/** Clears what the last publish said. */
function clearOutcome() {
  p.error.textContent = "";
  p.errorChanges.replaceChildren();
  p.errorChanges.hidden = true;
  p.status.textContent = "";
  p.reopen.hidden = true;
  p.note.removeAttribute("aria-invalid");
  p.credential.removeAttribute("aria-invalid");
}

/** Says why nothing was published (with `changes`, if any), the focus on `field` if given. */
function refuse(message, field, changes = []) {
  p.status.textContent = "";
  p.error.textContent = message;
  const items = changeItems(changes);
  p.errorChanges.replaceChildren(...items);
  p.errorChanges.hidden = !items.length;
  if (field) {
    field.setAttribute("aria-invalid", "true");
    field.focus();
  }
}

/** Publishes the spec at the address, as checked. */
export async function publish() {
  clearOutcome();
  const c = pub.checked;
  const id = p.id.value.trim();
  if (!c || c.id !== id || c.spec !== JSON.stringify(state.spec)) {
    return refuse("Nothing to publish yet: see what the changes say above.");
  }
  const note = p.note.value.trim();
  if (c.needsNote && !note) {
    return refuse(
      "A correction needs a note: say what was wrong (“The 2019-20 figure was 1,573, not " +
        "1,537”).",
      p.note,
    );
  }
  const token = p.credential.value.trim();
  if (!token) return refuse("Enter your newsroom credential to publish.", p.credential);
  p.publish.disabled = true;
  p.status.textContent = "Publishing…";
  let response, answer;
  try {
    response = await fetch(new URL(`charts/${id}`, API), {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
      body: JSON.stringify({
        spec: state.spec,
        base: c.base,
        note: c.kind === "first" ? null : note || null,
      }),
    });
    answer = await json(response);
  } catch (e) {
    p.publish.disabled = false;
    return refuse(
      `Not published: the chart server could not be reached (${e.message}). ` +
        "Open the chart again to see whether a version was written.",
    );
  }
  p.publish.disabled = false;
  if (response.status === 201 && answer?.id === id && Number.isInteger(answer.version)) {
    remember(answer);
    p.note.value = "";
    p.startPublished.hidden = false;
    el.start.value = "published";
    await setMode("published");
    showSnippets();
    p.status.textContent =
      `Published version ${answer.version} of “${id}”. Its embed codes are below: ` +
      "they show it wherever they are pasted, and each later version once it is published.";
    return;
  }
  const why = answer.error ? ` (${answer.error})` : "";
  if (response.status === 401) {
    return refuse(
      `Not published: the chart server did not accept this credential${why}. Nothing was written.`,
      p.credential,
    );
  }
  if (response.status === 409) {
    p.reopen.hidden = false;
    const since = c.base === null ? "" : ` after the version you opened (${c.base})`;
    return refuse(
      `Not published: the chart moved on. Version ${answer.current} was published${since}, ` +
        "and nothing was overwritten. What changed in it:",
      null,
      answer.changes,
    );
  }
  return refuse(
    `Not published: ${answer.error ?? `the chart server answered HTTP ${response.status}`}. ` +
      "Nothing was written.",
    response.status === 422 && c.needsNote ? p.note : null,
    answer.changes,
  );
}

/** Opens the latest version of the chart at the address again (after it moved on). */
export function reopen() {
  p.openId.value = p.id.value.trim();
  return openPublished();
}

/** Downloads the spec as a file, for `offence-charts publish`. */
export function downloadSpec() {
  if (!state.valid || !state.spec) return;
  const blob = new Blob([`${JSON.stringify(state.spec, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `${p.id.value.trim() || slug(state.spec.title)}.json`;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
