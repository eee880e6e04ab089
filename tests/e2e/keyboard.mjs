// Working a page by keyboard alone, as the end-to-end tests of the builder do: what has the
// focus, Tab (or Shift+Tab) until the focus is on what a test wants, and typing over a field.

/** What has the focus: its id, tag, class, name, value, text, accessible label and, for a cell of
 * the spreadsheet grid, its row and column (`r`, `c`). */
export const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return {
      id: e.id,
      tag: e.tagName,
      cls: e.className,
      name: e.name,
      value: e.value,
      text: e.textContent,
      label: e.getAttribute("aria-label"),
      r: e.dataset?.r,
      c: e.dataset?.c,
    };
  });

/** Presses Tab (Shift+Tab with `back`) until the focus is on what `wanted` accepts (at most 250
 * times); fails naming `what` if it never is. */
export async function tabTo(page, what, wanted, { back = false } = {}) {
  for (let n = 0; n < 250; n++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    if (wanted(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** What `tabTo` wants: the element with id `id`. */
export const byId = (id) => (f) => f.id === id;
/** What `tabTo` wants: the element labelled `label` (aria-label). */
export const byLabel = (label) => (f) => f.label === label;
/** What `tabTo` wants: a release's figure button reading `text`. */
export const figureButton = (text) => (f) => f.cls.includes("figure") && f.text === text;

/** Replaces the text of the focused field with `text`, as a paste would. */
export async function retype(page, text) {
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
}
