// The builder's spreadsheet reader, off the page's thread: a module worker with its own instance
// of the builder's program, so that a large workbook never freezes the tab and a trap while
// reading one (a bug of ours) ends only this worker, never the page's preview. A message
// {id, bytes, name} is answered {id, book} (readSheets's sheets) or {id, error, trap}; {} alone
// loads the program ahead of the first file. scripts/build-site.mjs bundles it with the
// builder's glue as sheet-worker-<hash>.js.

import { WASM } from "oc:files";
import glue from "oc:glue";

let ready = null;
self.onmessage = async ({ data }) => {
  try {
    ready ??= glue.default({ module_or_path: new URL(WASM, import.meta.url) });
    await ready;
    if (!data?.bytes) return;
    self.postMessage({ id: data.id, book: glue.readSheets(data.bytes, data.name) });
  } catch (e) {
    const trap = e instanceof WebAssembly.RuntimeError;
    self.postMessage({ id: data?.id, error: e?.message ?? String(e), trap });
  }
};
