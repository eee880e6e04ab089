// The benchmark's floor: floor.html, which bench/run.mjs makes from chartjs-embed.html by swapping
// its two scripts for this one. It draws nothing and says "drawn" at once: no chart library, however
// small or fast, can be drawn sooner on the same server and browser.
window.__benchDrawn = performance.now();
