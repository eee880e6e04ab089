// The chart program: the WebAssembly and its JS glue, instantiated once per page and shared by
// every chart; after a trap (a bug of ours) a fresh instance from the glue imported again.
// GLUE and WASM are the hashed names of the files beside the page's script, and "oc:glue" is the
// glue itself (bundled, or an import of GLUE): both provided by scripts/build-site.mjs.
import { GLUE, WASM } from "oc:files";
import glue from "oc:glue";

let instance = null; // Promise of the current module instance
// Promise of the first instance's wasm response: compiling starts once it settles.
let fetched = null;
let generation = 0; // instances replaced after a trap

/** Fetches and instantiates the WebAssembly once; later calls share it. */
export function load() {
  if (!instance) {
    if (generation) {
      // After a trap: the glue imported afresh (a new URL is a new module), a new instance.
      instance = import(`${GLUE}?instance=${generation}`).then(async (m) => {
        await m.default();
        return m;
      });
    } else {
      // The glue imported above, given the response to compile as it streams in.
      fetched = fetch(new URL(WASM, import.meta.url));
      instance = glue.default({ module_or_path: fetched }).then(() => glue);
    }
    instance.catch(() => {
      instance = null; // a later call may try again
    });
  }
  return instance;
}

/** Resolves once the first instance's wasm response has settled: the glue's handler for it was
 * registered first and has run, so compiling (on another thread) has begun. */
export async function responded() {
  if (fetched) await fetched.catch(() => {});
}

/** Replaces the instance `dead`, which trapped, by a fresh one; resolves to the current one. */
export async function replace(dead) {
  if (instance && (await instance.catch(() => null)) === dead) {
    generation += 1;
    instance = null;
  }
  return load();
}

/** What a reader is told of a trap: a bug of ours (a panic, which carries no message in the
 * release build). */
export function trapMessage(e) {
  return `internal error (${e.message}). The other charts on this page are unaffected.`;
}
