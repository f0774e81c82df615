//! Reading and rewriting a wasm binary's sections, as far as the release steps need: the
//! splitter's chunks shed their name section (`split.rs`), and the app's module takes short
//! import names (`short_imports.rs`).

use std::ops::Range;

/// The magic number and version every module starts with.
pub const HEADER: usize = 8;

/// One section of a module: its id, where it lies whole, and where its payload lies.
pub struct Section {
    pub id: u8,
    pub whole: Range<usize>,
    pub payload: Range<usize>,
}

/// The sections of `module` in order; `None` if it is not a well-formed wasm binary.
pub fn sections(module: &[u8]) -> Option<Vec<Section>> {
    if module.get(..4)? != b"\0asm" || module.len() < HEADER {
        return None;
    }
    let mut found = Vec::new();
    let mut at = HEADER;
    while at < module.len() {
        let id = *module.get(at)?;
        let (size, size_bytes) = leb128(module.get(at + 1..)?)?;
        let start = at + 1 + size_bytes;
        let end = start.checked_add(usize::try_from(size).ok()?)?;
        module.get(start..end)?;
        found.push(Section {
            id,
            whole: at..end,
            payload: start..end,
        });
        at = end;
    }
    Some(found)
}

/// A custom section's name (id 0), if `section` is one.
pub fn custom_name<'a>(module: &'a [u8], section: &Section) -> Option<&'a [u8]> {
    if section.id != 0 {
        return None;
    }
    let payload = &module[section.payload.clone()];
    let (length, length_bytes) = leb128(payload)?;
    payload.get(length_bytes..length_bytes + usize::try_from(length).ok()?)
}

/// An unsigned LEB128 number at the start of `bytes`, and how many bytes it took.
pub fn leb128(bytes: &[u8]) -> Option<(u32, usize)> {
    let mut value = 0u32;
    for (index, byte) in bytes.iter().take(5).enumerate() {
        value |= u32::from(byte & 0x7f) << (7 * index);
        if byte & 0x80 == 0 {
            return Some((value, index + 1));
        }
    }
    None
}

/// Appends `value` as unsigned LEB128.
pub fn write_leb128(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// A section with id `id` around `payload`.
pub fn section(id: u8, payload: &[u8]) -> Vec<u8> {
    let mut out = vec![id];
    write_leb128(
        &mut out,
        u32::try_from(payload.len()).expect("a section under 4 GiB"),
    );
    out.extend_from_slice(payload);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_back_as_written() {
        assert_eq!(leb128(&[0xe5, 0x8e, 0x26]), Some((624_485, 3)));
        for value in [0, 1, 127, 128, 300, 624_485, u32::MAX] {
            let mut bytes = Vec::new();
            write_leb128(&mut bytes, value);
            assert_eq!(leb128(&bytes), Some((value, bytes.len())));
        }
        assert_eq!(leb128(&[0x80, 0x80]), None);
    }

    #[test]
    fn sections_are_found_in_order_and_a_cut_module_is_refused() {
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        module.extend(section(1, &[1, 0x60, 0, 0]));
        module.extend(section(0, b"\x04name\x01"));
        let found = sections(&module).expect("well formed");
        assert_eq!(found.iter().map(|s| s.id).collect::<Vec<_>>(), [1, 0]);
        assert_eq!(custom_name(&module, &found[1]), Some(&b"name"[..]));
        assert_eq!(custom_name(&module, &found[0]), None);
        assert!(sections(&module[..module.len() - 1]).is_none());
        assert!(sections(b"GIF89a").is_none());
    }
}
