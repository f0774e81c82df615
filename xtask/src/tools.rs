//! Installs the tools a command needs when they are missing; skips what is there.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

use crate::process::{self, probe};
use crate::Result;

const WASM_TARGET: &str = "wasm32-unknown-unknown";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Where every headless Chromium of the project takes its flags from: the component tests'
/// chromedriver, the end-to-end harness and `cargo xtask previews`.
const CHROMIUM_OPTIONS: &str = "webdriver.json";
/// The web servers deploy/'s configurations are tested on (tests/e2e/servers.test.mjs).
const WEB_SERVER_FILES: [&str; 3] = [
    "/usr/sbin/nginx",
    "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so",
    "/usr/bin/caddy",
];
/// What the WordPress test runs: Debian's WordPress with its default theme, a database server
/// and PHP to serve it (tests/e2e/wordpress.test.mjs and sandbox.test.mjs).
const WORDPRESS_FILES: [&str; 5] = [
    "/usr/share/wordpress/wp-includes/js/wp-embed.js",
    "/usr/share/wordpress/wp-content/themes/twentytwentythree/style.css",
    "/usr/sbin/mariadbd",
    "/usr/bin/mariadb-install-db",
    "/usr/bin/php",
];
const WORDPRESS_PACKAGES: [&str; 5] = [
    "wordpress",
    "wordpress-theme-twentytwentythree",
    "mariadb-server",
    "php-cli",
    "php-mysql",
];

enum Status {
    Found(String),
    Missing(String),
}

use Status::{Found, Missing};

#[derive(Default)]
pub struct Installer {
    apt_lists_refreshed: bool,
}

impl Installer {
    pub fn ensure_build_tools(&mut self, root: &Path) -> Result {
        ensure("rust target", wasm_target_status(), add_wasm_target)?;
        ensure("trunk", trunk_status(), install_trunk)?;
        let wasm_bindgen_version = locked_wasm_bindgen_version(root)?;
        ensure(
            "wasm-bindgen-cli",
            wasm_bindgen_status(&wasm_bindgen_version),
            || install_wasm_bindgen_cli(&wasm_bindgen_version),
        )?;
        ensure("wasm-split-cli", wasm_split_status(), install_wasm_split)?;
        ensure("npm", npm_status(), || self.apt_install(&["nodejs", "npm"]))?;
        ensure("npm packages", npm_packages_status(root), || {
            install_npm_packages(root)
        })
    }

    pub fn ensure_test_tools(&mut self) -> Result {
        ensure(
            "hugo and jekyll",
            files_status(&["/usr/bin/hugo", "/usr/bin/jekyll"]),
            || self.apt_install(&["hugo", "jekyll"]),
        )?;
        ensure("mdbook", mdbook_status(), install_mdbook)?;
        ensure("nginx and caddy", files_status(&WEB_SERVER_FILES), || {
            self.apt_install(&["nginx", "libnginx-mod-http-brotli-static", "caddy"])
        })?;
        self.ensure_browser()?;
        ensure("wordpress", wordpress_status(), || {
            self.apt_install(&WORDPRESS_PACKAGES)
        })
    }

    /// Debian's Chromium and its WebDriver: the tests' browser, and the preview images' camera.
    pub fn ensure_browser(&mut self) -> Result {
        ensure("chromium", files_status(&[CHROMIUM, CHROMEDRIVER]), || {
            self.apt_install(&["chromium", "chromium-driver"])
        })
    }

    fn apt_install(&mut self, packages: &[&str]) -> Result {
        if !self.apt_lists_refreshed {
            process::run(&mut apt_get(&["update"]))?;
            self.apt_lists_refreshed = true;
        }
        process::run(apt_get(&["install", "-y"]).args(packages))
    }
}

/// Prints one line saying what was found, or installs and says so.
fn ensure(tool: &str, status: Status, install: impl FnOnce() -> Result) -> Result {
    match status {
        Found(what) => println!("xtask: {tool}: found {what}"),
        Missing(why) => {
            println!("xtask: {tool}: {why}; installing");
            install()?;
            println!("xtask: {tool}: installed");
        }
    }
    Ok(())
}

fn wasm_target_status() -> Status {
    let installed = probe("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|target| target.trim() == WASM_TARGET) {
        Found(WASM_TARGET.into())
    } else {
        Missing(format!("{WASM_TARGET} not installed"))
    }
}

fn add_wasm_target() -> Result {
    process::run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

fn trunk_status() -> Status {
    match probe("trunk", &["--version"]) {
        Some(output) if reported_version(&output).is_some_and(|v| v.starts_with("0.21.")) => {
            Found(output.trim().into())
        }
        Some(output) => Missing(format!("`{}` is not 0.21.x", output.trim())),
        None => Missing("not on PATH".into()),
    }
}

fn install_trunk() -> Result {
    // trunk 0.22 needs a newer rustc than the project's toolchain.
    process::run(process::cargo().args(["install", "trunk", "--locked", "--version", "^0.21"]))
}

/// mdBook is not packaged for Debian; the static-site test builds a book with this release.
const MDBOOK_VERSION: &str = "0.5.4";

fn mdbook_status() -> Status {
    match probe("mdbook", &["--version"]) {
        // It says `mdbook v0.5.4`.
        Some(output)
            if reported_version(&output).map(|version| version.trim_start_matches('v'))
                == Some(MDBOOK_VERSION) =>
        {
            Found(output.trim().into())
        }
        Some(output) => Missing(format!("`{}` is not {MDBOOK_VERSION}", output.trim())),
        None => Missing("not on PATH".into()),
    }
}

fn install_mdbook() -> Result {
    // Without its server and file watcher, which `mdbook build` never uses: half the compiling.
    process::run(process::cargo().args([
        "install",
        "mdbook",
        "--locked",
        "--no-default-features",
        "--version",
        MDBOOK_VERSION,
    ]))
}

/// The splitter behind `cargo xtask dist`'s wasm chunk (xtask/src/split.rs); it must read what
/// the app's `wasm_split_helpers` writes (Cargo.toml pins that).
const WASM_SPLIT_VERSION: &str = "0.2.4";

fn wasm_split_status() -> Status {
    // The binary has no --version; cargo's record of what it installed has.
    let wanted = format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:");
    match (
        probe("wasm-split-cli", &["--help"]),
        probe("cargo", &["install", "--list"]),
    ) {
        (Some(_), Some(list)) if list.lines().any(|line| line == wanted) => {
            Found(format!("wasm-split-cli {WASM_SPLIT_VERSION}"))
        }
        (Some(_), _) => Missing(format!("not {WASM_SPLIT_VERSION}")),
        (None, _) => Missing("not on PATH".into()),
    }
}

fn install_wasm_split() -> Result {
    process::run(process::cargo().args([
        "install",
        "wasm_split_cli_support",
        "--locked",
        "--features",
        "build-binary",
        "--version",
        WASM_SPLIT_VERSION,
    ]))
}

fn locked_wasm_bindgen_version(root: &Path) -> Result<String> {
    let lockfile_path = root.join("Cargo.lock");
    let lockfile = fs::read_to_string(&lockfile_path)
        .map_err(|error| format!("cannot read {}: {error}", lockfile_path.display()))?;
    locked_version(&lockfile, "wasm-bindgen")
        .ok_or_else(|| format!("no wasm-bindgen package in {}", lockfile_path.display()).into())
}

/// wasm-bindgen's CLI must match the library version exactly, and the
/// test runner ships in the same crate, so both binaries are checked.
fn wasm_bindgen_status(wanted: &str) -> Status {
    for binary in ["wasm-bindgen", "wasm-bindgen-test-runner"] {
        match probe(binary, &["--version"]) {
            Some(output) if reported_version(&output) == Some(wanted) => {}
            Some(output) => return Missing(format!("`{}` is not {wanted}", output.trim())),
            None => return Missing(format!("{binary} not on PATH")),
        }
    }
    Found(wanted.into())
}

fn install_wasm_bindgen_cli(version: &str) -> Result {
    // Without --locked: installing this release with --locked fails.
    process::run(process::cargo().args(["install", "wasm-bindgen-cli", "--version", version]))
}

fn npm_status() -> Status {
    match probe("npm", &["--version"]) {
        Some(version) => Found(version.trim().into()),
        None => Missing("not on PATH".into()),
    }
}

fn npm_packages_status(root: &Path) -> Status {
    if !root.join("node_modules/.bin/wasm-opt").exists() {
        return Missing("node_modules/.bin/wasm-opt absent".into());
    }
    let wanted = modified(&root.join("package-lock.json"));
    let installed = modified(&root.join("node_modules/.package-lock.json"));
    match (wanted, installed) {
        (Some(wanted), Some(installed)) if wanted <= installed => {
            Found("node_modules matching package-lock.json".into())
        }
        _ => Missing("package-lock.json is newer than node_modules".into()),
    }
}

fn install_npm_packages(root: &Path) -> Result {
    process::run(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(root)
            // Tests drive Debian's chromium; never fetch playwright's own browsers.
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )
}

fn files_status(paths: &[&str]) -> Status {
    match paths.iter().find(|path| !Path::new(path).exists()) {
        None => Found(paths.join(", ")),
        Some(absent) => Missing(format!("{absent} absent")),
    }
}

fn wordpress_status() -> Status {
    let mysqli = probe(
        "php",
        &["-r", "echo extension_loaded('mysqli') ? 'mysqli' : '';"],
    );
    match files_status(&WORDPRESS_FILES) {
        Found(_) if mysqli.as_deref() != Some("mysqli") => Missing("PHP's mysqli absent".into()),
        Found(_) => Found("WordPress, MariaDB and PHP".into()),
        missing => missing,
    }
}

fn apt_get(args: &[&str]) -> Command {
    let mut command = if running_as_root() {
        Command::new("env")
    } else {
        let mut sudo = Command::new("sudo");
        sudo.arg("env");
        sudo
    };
    // Passed via `env` so the setting survives sudo's environment reset.
    command
        .args(["DEBIAN_FRONTEND=noninteractive", "apt-get"])
        .args(args);
    command
}

fn running_as_root() -> bool {
    probe("id", &["-u"]).is_some_and(|uid| uid.trim() == "0")
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .ok()
}

/// The version in `<tool> <version>` as printed by `--version`.
fn reported_version(output: &str) -> Option<&str> {
    output.split_whitespace().nth(1)
}

/// The version of the first `[[package]]` named `package` in a Cargo.lock.
fn locked_version(lockfile: &str, package: &str) -> Option<String> {
    let name_line = format!("name = \"{package}\"");
    let entry = lockfile
        .split("[[package]]")
        .find(|entry| entry.lines().any(|line| line.trim() == name_line))?;
    entry
        .lines()
        .find_map(|line| line.trim().strip_prefix("version = \"")?.strip_suffix('"'))
        .map(str::to_owned)
}

/// The Chromium flags `webdriver.json` lists under `args`. The file is ours and flat, so its
/// array is read without a JSON parser, which keeps xtask free of dependencies.
pub fn chromium_flags(root: &Path) -> Result<Vec<String>> {
    let options = fs::read_to_string(root.join(CHROMIUM_OPTIONS))?;
    flags_in(&options)
        .ok_or_else(|| format!("{CHROMIUM_OPTIONS} has no \"args\" list of strings").into())
}

fn flags_in(options: &str) -> Option<Vec<String>> {
    let after_key = &options[options.find("\"args\"")? + "\"args\"".len()..];
    let list = after_key
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('[')?;
    let list = &list[..list.find(']')?];
    Some(
        list.split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCKFILE: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.999"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "wasm-bindgen-macro",
]
"#;

    #[test]
    fn locked_version_matches_the_exact_package_name() {
        assert_eq!(
            locked_version(LOCKFILE, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            locked_version(LOCKFILE, "wasm-bindgen-macro").as_deref(),
            Some("0.2.999")
        );
    }

    #[test]
    fn locked_version_is_none_for_an_absent_package() {
        assert_eq!(locked_version(LOCKFILE, "yew"), None);
    }

    #[test]
    fn reported_version_reads_the_second_word() {
        assert_eq!(reported_version("trunk 0.21.14\n"), Some("0.21.14"));
        assert_eq!(reported_version("wasm-bindgen 0.2.130"), Some("0.2.130"));
        assert_eq!(reported_version(""), None);
    }

    #[test]
    fn the_flags_are_the_strings_of_the_args_list() {
        let options = r#"{"x": {"binary": "/c", "args": ["--headless", "--no-sandbox"]}}"#;
        assert_eq!(flags_in(options).unwrap(), ["--headless", "--no-sandbox"]);
        assert_eq!(flags_in(r#"{"args": "--headless"}"#), None);
    }

    #[test]
    fn the_projects_own_options_name_the_flags_root_needs() {
        let flags =
            chromium_flags(Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()).unwrap();
        for needed in ["--headless", "--no-sandbox", "--disable-gpu"] {
            assert!(
                flags.iter().any(|flag| flag == needed),
                "{needed} missing from {flags:?}"
            );
        }
    }
}
