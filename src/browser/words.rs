//! The words: the language the page speaks, and the translation or the page's own content
//! file fetched and installed before the app draws.

use std::fmt::Display;

use gloo::utils::{document, window};
use wasm_bindgen::prelude::*;

use super::address::state_from_address;
use crate::core::content::{Content, Text, CONTENT};
use crate::core::content_binary;
use crate::core::language::{self, LanguageId};

#[wasm_bindgen(module = "/js/content_loader.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = loadContent)]
    async fn load_content(address: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_name = loadTranslation)]
    async fn load_translation(code: &str) -> Result<JsValue, JsValue>;
}

/// The language the page speaks, from the address or else the browser's languages.
pub fn chosen_language() -> LanguageId {
    let preferred: Vec<String> = window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    language::choose(state_from_address().language, &preferred)
}

/// Fetches and installs the translation into `language`; the message says why not.
pub async fn install_translation(language: LanguageId) -> Result<(), String> {
    let code = language.language().code;
    fetch_content_reader();
    let bytes = load_translation(code).await;
    let translation = decode(content_reader().await, bytes, &format!("lang/{code}.bin"))?;
    install(Content {
        titles_language: Some(LanguageId::BUILT_IN.language().code),
        ..translation
    })
}

/// Fetches, checks and installs the page's own content file; the message says why not.
pub async fn install_content_from(address: &str) -> Result<(), String> {
    fetch_content_reader();
    let bytes = load_content(address).await;
    install(decode(content_reader().await, bytes, address)?)
}

fn message(problem: JsValue) -> String {
    problem
        .as_string()
        .unwrap_or_else(|| format!("{problem:?}"))
}

fn decode(
    reader: Result<Reader, impl Display>,
    bytes: Result<JsValue, JsValue>,
    address: &str,
) -> Result<Content, String> {
    let bytes = js_sys::Uint8Array::new(&bytes.map_err(message)?).to_vec();
    let read = reader.map_err(|problem| format!("The reader for {address}: {problem}"))?;
    read(&bytes).ok_or_else(|| format!("The content file {address} could not be read back."))
}

type Reader = fn(&[u8]) -> Option<Content>;

/// Starts fetching the reader, to come beside the file; `content_reader` then shares that load.
fn fetch_content_reader() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = content_reader().await;
    });
}

/// What reads a content file. A page in English without a file of its own never runs it, so a
/// release moves it into a wasm chunk of its own (`cargo xtask dist`), fetched beside the file.
#[cfg(all(feature = "split", target_arch = "wasm32"))]
#[wasm_split_helpers::wasm_split(content_reader, fallible)]
fn content_reader() -> Result<Reader, wasm_split_helpers::SplitLoaderError> {
    Ok(content_binary::decode)
}

/// Without the split there is nothing to fetch first.
#[cfg(not(all(feature = "split", target_arch = "wasm32")))]
async fn content_reader() -> Result<Reader, std::convert::Infallible> {
    Ok(content_binary::decode)
}

fn install(content: Content) -> Result<(), String> {
    if crate::core::content::install(content) {
        Ok(())
    } else {
        Err("Another content file was installed first.".to_owned())
    }
}

/// Tells the browser, screen readers and search engines which language the page is now in.
pub fn apply_language() {
    if let Some(root) = document().document_element() {
        drop(root.set_attribute("lang", CONTENT.language.code));
    }
    document().set_title(Text::PageTitle.get());
}
