//! The words: the language the page speaks, and the translation or the page's own content
//! file fetched and installed before the app draws.

use gloo::utils::{document, window};
use wasm_bindgen::prelude::*;

use super::address::state_from_address;
use crate::core::content::{Content, Text, CONTENT};
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
    let bytes = load_translation(code).await.map_err(message)?;
    let translation = decode(
        &js_sys::Uint8Array::new(&bytes).to_vec(),
        &format!("lang/{code}.bin"),
    )?;
    install(Content {
        titles_language: Some(LanguageId::BUILT_IN.language().code),
        ..translation
    })
}

/// Fetches, checks and installs the page's own content file; the message says why not.
pub async fn install_content_from(address: &str) -> Result<(), String> {
    let bytes = load_content(address).await.map_err(message)?;
    install(decode(&js_sys::Uint8Array::new(&bytes).to_vec(), address)?)
}

fn message(problem: JsValue) -> String {
    problem
        .as_string()
        .unwrap_or_else(|| format!("{problem:?}"))
}

fn decode(bytes: &[u8], address: &str) -> Result<Content, String> {
    crate::core::content_binary::decode(bytes)
        .ok_or_else(|| format!("The content file {address} could not be read back."))
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
