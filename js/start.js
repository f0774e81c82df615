/* Starts the app. A file rather than Trunk's inline loader, so that a strict Content Security
   Policy (script-src 'self' 'wasm-unsafe-eval') lets it run. */
import init from './two-hats.js';

// Let the browser paint the prerendered page before hydration takes the main thread, but
// never wait on a paint alone: a hidden cross-origin frame (WordPress keeps its embeds hidden
// until they report a height) gets no animation frames.
await new Promise((painted) => {
  requestAnimationFrame(() => setTimeout(painted, 0));
  setTimeout(painted, 100);
});
try {
  const wasm = await init({ module_or_path: new URL('two-hats_bg.wasm', import.meta.url) });
  dispatchEvent(new CustomEvent('twohats:started', { detail: { wasm } }));
} catch (problem) {
  // boot.js tells the reader, instead of leaving a page that waits for the app hidden.
  dispatchEvent(new CustomEvent('twohats:failed', { detail: problem }));
}
