//! `cargo xtask previews`: draws the link preview images, `previews/<slug>.png`, from the
//! content. The prerender binary writes each card's page (`site::preview`); headless Chromium
//! photographs it at 1,200 × 630 px; each PNG then keeps its card's fingerprint in a text
//! chunk, which a native test compares with the current content's.
//!
//! The images are committed rather than drawn by every build, so that building needs no
//! browser and the pictures in a release are the ones a person looked at.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::tools::{chromium_flags, Installer, CHROMIUM};
use crate::Result;
use crate::{dist, process};

/// Must match `site::preview::{WIDTH, HEIGHT}`: the native test fails an image of another size.
const SIZE: &str = "1200,630";

pub fn run(root: &Path) -> Result {
    Installer::default().ensure_browser()?;
    let pages = tempfile_dir("two-hats-cards")?;
    process::run(dist::prerender(root).arg("--preview-cards").arg(&pages))?;
    let mut slugs: Vec<String> = fs::read_dir(&pages)?
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".html").map(str::to_owned)
        })
        .collect();
    slugs.sort();
    // Every card first, in the temporary folder: a failure leaves previews/ as it was.
    let mut drawn = Vec::new();
    let flags = chromium_flags(root)?;
    for slug in &slugs {
        let page = format!("file://{}", pages.join(format!("{slug}.html")).display());
        let chromium = |profile: &str| {
            let mut command = Command::new(CHROMIUM);
            command
                .args(&flags)
                .args([
                    "--hide-scrollbars",
                    "--force-device-scale-factor=1",
                    "--force-color-profile=srgb",
                ])
                .arg(format!("--window-size={SIZE}"))
                .arg(format!(
                    "--user-data-dir={}",
                    pages.join(format!("{profile}-{slug}")).display()
                ));
            command
        };
        let dom = chromium("dom").arg("--dump-dom").arg(&page).output()?;
        if !String::from_utf8_lossy(&dom.stdout).contains(r#"data-fits="true""#) {
            return Err(format!(
                "the {slug} card's words do not fit in 1200 × 630 px: shorten them in the content or make room in styles/preview.css"
            )
            .into());
        }
        let shot = pages.join(format!("{slug}.png"));
        quietly(
            chromium("shot")
                .arg(format!("--screenshot={}", shot.display()))
                .arg(&page),
        )?;
        let chunk = fs::read(pages.join(format!("{slug}.chunk")))?;
        drawn.push((slug, with_text_chunk(&fs::read(&shot)?, &chunk)?));
    }
    let out = root.join("previews");
    fs::create_dir_all(&out)?;
    for old in fs::read_dir(&out)? {
        fs::remove_file(old?.path())?;
    }
    for (slug, png) in drawn {
        let file = out.join(format!("{slug}.png"));
        fs::write(&file, &png)?;
        println!("xtask: {} ({} bytes)", file.display(), png.len());
    }
    fs::remove_dir_all(&pages)?;
    Ok(())
}

/// Runs `command`, showing its output only if it fails: headless Chromium logs a dozen
/// harmless complaints (no D-Bus, no GPU) per screenshot.
fn quietly(command: &mut Command) -> Result {
    let output = command.output()?;
    if output.status.success() {
        return Ok(());
    }
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
    Err(format!("{command:?} failed with {}", output.status).into())
}

fn tempfile_dir(name: &str) -> Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
    if dir.exists() {
        fs::remove_dir_all(&dir)?;
    }
    fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// `png` with a `tEXt` chunk of `data` (keyword, NUL, text) right after its header chunk.
fn with_text_chunk(png: &[u8], data: &[u8]) -> Result<Vec<u8>> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !png.starts_with(SIGNATURE) || png.get(12..16) != Some(b"IHDR") {
        return Err("Chromium's screenshot is not a PNG".into());
    }
    let header_end = 8 + 12 + 13;
    let mut chunk = Vec::with_capacity(data.len() + 12);
    chunk.extend_from_slice(&u32::try_from(data.len())?.to_be_bytes());
    let typed_start = chunk.len();
    chunk.extend_from_slice(b"tEXt");
    chunk.extend_from_slice(data);
    let crc = crc32(&chunk[typed_start..]);
    chunk.extend_from_slice(&crc.to_be_bytes());
    let mut out = Vec::with_capacity(png.len() + chunk.len());
    out.extend_from_slice(&png[..header_end]);
    out.extend_from_slice(&chunk);
    out.extend_from_slice(&png[header_end..]);
    Ok(out)
}

/// The CRC-32 that PNG chunks carry (ISO 3309, as zlib computes it).
fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, byte| {
        (0..8).fold(crc ^ u32::from(*byte), |crc, _| {
            if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_published_check_value() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        // IEND's CRC, which every PNG ends with.
        assert_eq!(crc32(b"IEND"), 0xae42_6082);
    }

    #[test]
    fn the_text_chunk_follows_the_header() {
        let mut png = Vec::from(&b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR"[..]);
        png.extend_from_slice(&[0; 13 + 4]);
        png.extend_from_slice(b"\0\0\0\0IEND\xae\x42\x60\x82");
        let out = with_text_chunk(&png, b"k\0v").unwrap();
        assert_eq!(&out[33..37], b"\0\0\0\x03");
        assert_eq!(&out[37..44], b"tEXtk\0v");
        assert_eq!(&out[44..48], &crc32(b"tEXtk\0v").to_be_bytes());
        assert!(out.ends_with(b"IEND\xae\x42\x60\x82"));
        assert!(with_text_chunk(b"GIF89a", b"k\0v").is_err());
    }
}
