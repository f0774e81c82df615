//! The parser module: what the widget loads, and only then, when a page names its own
//! content file with `?content=`. It is the build-time compiler, compiled to wasm.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::*;

/// How many problems the widget's error panel lists before summing up the rest.
const SHOWN_PROBLEMS: usize = 5;

/// Compiles a content file to the widget's binary form, or explains what is wrong with it.
#[wasm_bindgen(js_name = compileContent)]
pub fn compile_content(bytes: &[u8]) -> Result<Vec<u8>, String> {
    two_hats_content::compile_to_binary(bytes).map_err(|errors| {
        let mut lines: Vec<String> = errors
            .iter()
            .take(SHOWN_PROBLEMS)
            .map(|e| e.to_string())
            .collect();
        if errors.len() > SHOWN_PROBLEMS {
            lines.push(format!("… and {} more", errors.len() - SHOWN_PROBLEMS));
        }
        lines.join("\n")
    })
}
