//! Gives the functions a module imports from its wasm-bindgen glue short names, in the module
//! and in the glue alike. wasm-bindgen names each import after what it calls and a hash
//! (`__wbg_lastChild_d03af7c29f69e2ad`), and both files spell every name out: 156 of them in
//! the app's first module, whose hashes gzip cannot shrink. Renamed `a` … `Z`, `aa` …, the
//! first view is 5 KB gzip smaller.

use crate::wasm_binary::{self, leb128, write_leb128, Section};
use crate::Result;

const IMPORT_SECTION: u8 = 2;

/// `module` and `glue` with every function `module` imports from `from` (the glue's own
/// module name, `./NAME_bg.js`) renamed. Fails, naming the import, where the glue does not
/// spell a name exactly once, rather than write a pair that cannot link.
pub fn shorten(module: &[u8], glue: &str, from: &str) -> Result<(Vec<u8>, String)> {
    let not_wasm = || "short_imports: not a well-formed wasm module".to_owned();
    let sections = wasm_binary::sections(module).ok_or_else(not_wasm)?;
    let Some(imports) = sections.iter().find(|s| s.id == IMPORT_SECTION) else {
        return Ok((module.to_vec(), glue.to_owned()));
    };
    let (payload, renamed) = renamed_imports(module, imports, from).ok_or_else(not_wasm)?;

    let mut glue = glue.to_owned();
    for (old, new) in &renamed {
        let at = match spelled(&glue, old)[..] {
            [at] => at,
            ref found => {
                return Err(format!(
                    "short_imports: the glue spells the import {old} {} times, not once",
                    found.len()
                )
                .into())
            }
        };
        glue.replace_range(at..at + old.len(), new);
    }

    let mut out = module[..wasm_binary::HEADER].to_vec();
    for section in &sections {
        if section.id == IMPORT_SECTION {
            out.extend(wasm_binary::section(IMPORT_SECTION, &payload));
        } else {
            out.extend_from_slice(&module[section.whole.clone()]);
        }
    }
    Ok((out, glue))
}

/// An import's name as wasm-bindgen wrote it, and its short one.
type Renaming = (String, String);

/// The import section's payload with the imports from `from` renamed, and each renaming.
fn renamed_imports(
    module: &[u8],
    section: &Section,
    from: &str,
) -> Option<(Vec<u8>, Vec<Renaming>)> {
    let bytes = &module[section.payload.clone()];
    let (count, mut at) = leb128(bytes)?;
    let mut payload = Vec::with_capacity(bytes.len());
    write_leb128(&mut payload, count);
    let mut renamed = Vec::new();
    for _ in 0..count {
        let (module_name, after) = name(bytes, at)?;
        let (field, after) = name(bytes, after)?;
        let description = after..description_end(bytes, after)?;
        let field = if module_name == from && bytes[description.start] == 0 {
            let short = short_name(renamed.len());
            renamed.push((field.to_owned(), short.clone()));
            short
        } else {
            field.to_owned()
        };
        for text in [module_name, field.as_str()] {
            write_leb128(&mut payload, u32::try_from(text.len()).ok()?);
            payload.extend_from_slice(text.as_bytes());
        }
        payload.extend_from_slice(&bytes[description.clone()]);
        at = description.end;
    }
    (at == bytes.len()).then_some((payload, renamed))
}

/// A name (a length and UTF-8) at `at`, and where it ends.
fn name(bytes: &[u8], at: usize) -> Option<(&str, usize)> {
    let (length, length_bytes) = leb128(bytes.get(at..)?)?;
    let start = at + length_bytes;
    let end = start + usize::try_from(length).ok()?;
    Some((std::str::from_utf8(bytes.get(start..end)?).ok()?, end))
}

/// Where the import description at `at` ends: a function's type, a table, a memory, a global
/// or a tag.
fn description_end(bytes: &[u8], at: usize) -> Option<usize> {
    let number_end = |at: usize| leb128(bytes.get(at..)?).map(|(_, length)| at + length);
    let limits_end = |at: usize| {
        let flags = *bytes.get(at)?;
        let min_end = number_end(at + 1)?;
        if flags & 1 == 1 {
            number_end(min_end)
        } else {
            Some(min_end)
        }
    };
    match *bytes.get(at)? {
        0 => number_end(at + 1),
        1 => limits_end(at + 2),
        2 => limits_end(at + 1),
        3 => Some(at + 3),
        4 => number_end(at + 2),
        _ => None,
    }
}

/// `a` … `Z`, then `aa` … `ZZ`: letters only, so each is a plain property name in the glue.
fn short_name(index: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let letter = |index: usize| char::from(LETTERS[index % LETTERS.len()]);
    if index < LETTERS.len() {
        letter(index).to_string()
    } else {
        let rest = index - LETTERS.len();
        [letter(rest / LETTERS.len()), letter(rest)]
            .iter()
            .collect()
    }
}

/// Where `name` stands in `glue` as a whole identifier.
fn spelled(glue: &str, name: &str) -> Vec<usize> {
    let identifier = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    glue.match_indices(name)
        .map(|(at, _)| at)
        .filter(|at| {
            let before = glue[..*at].chars().next_back();
            let after = glue[at + name.len()..].chars().next();
            !before.is_some_and(identifier) && !after.is_some_and(identifier)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing a memory and two functions from `glue`, and one function from
    /// elsewhere, with a type section before and a code-less export section after.
    fn module() -> Vec<u8> {
        let import = |module: &str, field: &str, description: &[u8]| {
            let mut bytes = vec![module.len() as u8];
            bytes.extend_from_slice(module.as_bytes());
            bytes.push(field.len() as u8);
            bytes.extend_from_slice(field.as_bytes());
            bytes.extend_from_slice(description);
            bytes
        };
        let mut imports = vec![4];
        imports.extend(import("./x_bg.js", "memory", &[2, 1, 1, 2]));
        imports.extend(import("./x_bg.js", "__wbg_log_0123456789abcdef", &[0, 0]));
        imports.extend(import("./split.js", "shared", &[0, 0]));
        imports.extend(import("./x_bg.js", "__wbg_now_fedcba9876543210", &[0, 0]));
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        module.extend(wasm_binary::section(1, &[1, 0x60, 0, 0]));
        module.extend(wasm_binary::section(IMPORT_SECTION, &imports));
        module.extend(wasm_binary::section(7, &[0]));
        module
    }

    const GLUE: &str =
        "const imports = { __wbg_log_0123456789abcdef: function(a) { console.log(a) },\n\
        __wbg_now_fedcba9876543210: function() { return Date.now() } };\n\
        const x = { \"./x_bg.js\": imports };";

    #[test]
    fn the_glues_functions_take_short_names_in_both_files() {
        let (module, glue) = shorten(&module(), GLUE, "./x_bg.js").expect("renamed");
        let sections = wasm_binary::sections(&module).expect("still well formed");
        assert_eq!(sections.iter().map(|s| s.id).collect::<Vec<_>>(), [1, 2, 7]);
        let text = String::from_utf8_lossy(&module);
        assert!(
            text.contains("\u{1}a\0\0") && text.contains("\u{1}b\0\0"),
            "{text:?}"
        );
        assert!(
            text.contains("memory") && text.contains("shared"),
            "the rest keep theirs"
        );
        assert!(!text.contains("__wbg"));
        assert_eq!(
            glue,
            "const imports = { a: function(a) { console.log(a) },\n\
            b: function() { return Date.now() } };\n\
            const x = { \"./x_bg.js\": imports };"
        );
    }

    #[test]
    fn a_name_the_glue_does_not_spell_once_is_refused_by_name() {
        let twice = format!("{GLUE} __wbg_now_fedcba9876543210();");
        let error = shorten(&module(), &twice, "./x_bg.js").expect_err("ambiguous");
        assert!(
            error
                .to_string()
                .contains("__wbg_now_fedcba9876543210 2 times"),
            "{error}"
        );
        let missing = GLUE.replace("__wbg_log_0123456789abcdef", "log");
        assert!(shorten(&module(), &missing, "./x_bg.js").is_err());
        // A longer name that contains another is not that name.
        assert_eq!(spelled("abc ab xab ab_", "ab"), [4]);
    }

    #[test]
    fn short_names_are_distinct_letters() {
        let names: Vec<String> = (0..52 * 53).map(short_name).collect();
        let distinct: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), names.len());
        assert!(names
            .iter()
            .all(|name| name.chars().all(|c| c.is_ascii_alphabetic())));
        assert_eq!(
            (names[0].as_str(), names[51].as_str(), names[52].as_str()),
            ("a", "Z", "aa")
        );
    }
}
