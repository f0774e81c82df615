/* Loads a translation of the built-in content, compiled at build time, when the reader
   chooses its language. Resolves to the binary content; rejects with a message. */
export async function loadTranslation(code) {
  const url = new URL(`lang/${code}.bin`, document.baseURI);
  let response;
  try {
    response = await fetch(url);
  } catch {
    throw `The translation ${url.pathname} could not be reached.`;
  }
  if (!response.ok) {
    throw `The translation ${url.pathname} could not be loaded (HTTP ${response.status}).`;
  }
  return new Uint8Array(await response.arrayBuffer());
}

/* Loads an author's own content file (?content=) and compiles it with the parser module,
   which is fetched only then. Resolves to the binary content; rejects with a message meant
   for the reader. */
export async function loadContent(address) {
  const url = new URL(address, document.baseURI);
  if (url.origin !== location.origin) {
    throw `The content file must come from this site, not from ${url.origin}.`;
  }
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw `The content file ${url.pathname} could not be reached.`;
  }
  if (!response.ok) {
    throw `The content file ${url.pathname} could not be loaded (HTTP ${response.status}).`;
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const parser = await import(new URL('content-parser/two_hats_content_parser.js', document.baseURI));
  await parser.default({ module_or_path: new URL('content-parser/two_hats_content_parser_bg.wasm', document.baseURI) });
  try {
    return parser.compileContent(bytes);
  } catch (problems) {
    throw `${url.pathname} has problems:\n${problems}`;
  }
}
