// The slot that holds a chart's place before it is drawn, so that nothing below it jumps.

/** Wraps `script` in a slot reserving 0.7 of its width, 300 to 560 px (CSS works it out: no
 * layout is forced to measure it); a script already in one keeps it. */
export function slotFor(script) {
  const parent = script.parentElement;
  if (parent?.classList.contains("oc-slot")) return parent;
  const slot = document.createElement("div");
  slot.className = "oc-slot";
  slot.style.cssText =
    "display:block;width:100%;aspect-ratio:10/7;min-height:300px;max-height:560px";
  script.replaceWith(slot);
  slot.append(script);
  return slot;
}

/** The chart is in place (or the message is): the slot no longer reserves space. */
export function release(slot) {
  slot.style.aspectRatio = slot.style.minHeight = slot.style.maxHeight = "";
}
