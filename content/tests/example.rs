//! `examples/acme-content.toml` is the built-in file with an organisation's additions: a note
//! on top, its handbook as a source and one duty of its own. It is generated from the built-in
//! file, never edited by hand, so it cannot drift from it; this test fails when it has.
//! Regenerate it with `TWOHATS_WRITE_EXAMPLE=1 cargo test -p two-hats-content --test example`.

use std::path::Path;

const SHIPPED: &str = include_str!("../two-hats.toml");
const EXAMPLE: &str = "../examples/acme-content.toml";

const NOTE: &str = "\
# An example of an organisation's own content: Two Hats' built-in file with Acme's own
# handbook added as a source and one duty of its own. Copy it, change it, check it with
#   cargo xtask check-content examples/acme-content.toml
# and open the widget with ?content=acme-content.toml (same site only) to see it.
";

/// Goes before the sources that follow the ladder's.
const SOURCE: &str = "\
[[sources]]
id = \"acme-handbook\"
title = \"Acme engineering handbook\"
detail = \"an example organisation's own rules\"

";

/// Goes after the last duty.
const DUTY: &str = "\
[[responsibilities]]
id = \"on-call-rota\"
group = \"organisation\"
name = \"On-call rota\"
tl = \"owns\"
em = \"supports\"
tlm = \"owns\"
explanation = \"At Acme the TL draws up the on-call rota and the EM makes sure nobody carries it alone.\"
sources = [\"acme-handbook\"]

";

fn generated() -> String {
    let before = |marker: &str| {
        SHIPPED
            .find(marker)
            .unwrap_or_else(|| panic!("the built-in file has no {marker:?}"))
    };
    let source_at = before("[[sources]]\nid = \"stevens\"");
    let duty_at = before("# ---------------------------------------------------------------------------------------------\n# Facts shown");
    format!(
        "{NOTE}{}{SOURCE}{}{DUTY}{}",
        &SHIPPED[..source_at],
        &SHIPPED[source_at..duty_at],
        &SHIPPED[duty_at..]
    )
}

#[test]
fn the_example_is_the_built_in_file_with_acmes_additions() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE);
    let expected = generated();
    if std::env::var_os("TWOHATS_WRITE_EXAMPLE").is_some() {
        std::fs::write(&path, &expected).expect("examples/ is writable");
    }
    let actual = std::fs::read_to_string(&path).expect("the example exists");
    assert!(
        actual == expected,
        "examples/acme-content.toml differs from the built-in file with Acme's additions: \
         regenerate it with TWOHATS_WRITE_EXAMPLE=1 cargo test -p two-hats-content --test example"
    );
    two_hats_content::compile(&actual).expect("the example compiles");
}
