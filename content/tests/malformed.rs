//! A corpus of malformed content files, each with the exact first error it must produce.
//! Most are the shipped file with one mistake; the rest are broken as whole files.

use two_hats_content::{compile_bytes, MAX_FILE_BYTES};

const SHIPPED: &str = include_str!("../two-hats.toml");

/// The shipped file with the first `find` replaced by `replace`.
fn shipped_with(find: &str, replace: &str) -> Vec<u8> {
    assert!(
        SHIPPED.contains(find),
        "corpus fixture {find:?} is not in the content file"
    );
    SHIPPED.replacen(find, replace, 1).into_bytes()
}

fn first_error(bytes: &[u8]) -> String {
    match compile_bytes(bytes) {
        Ok(_) => "compiled".to_owned(),
        Err(errors) => errors[0].to_string(),
    }
}

fn corpus() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let many_rows: String = (0..121)
        .map(|i| format!("\n[[responsibilities]]\nid = \"extra-{i}\"\ngroup = \"people\"\nname = \"Extra\"\ntl = \"owns\"\nem = \"owns\"\ntlm = \"owns\"\nexplanation = \"Extra.\"\nsources = [\"both\"]\n"))
        .collect();
    vec![
        ("empty file", Vec::new(), "line 1: content file: missing field `sources`"),
        ("not TOML", b"this is not toml".to_vec(), "line 1: content file: expected `.`, `=`"),
        ("truncated", SHIPPED.as_bytes()[..SHIPPED.find("Tech Lead\"").unwrap() + 4].to_vec(), "line 41: content file: invalid basic string"),
        ("invalid UTF-8", [b"# Two Hats\n# \xff\xfe\n".as_slice(), SHIPPED.as_bytes()].concat(), "line 2: content file: is not valid UTF-8 at byte 13"),
        ("enormous", vec![b'#'; MAX_FILE_BYTES + 1], "content file: is 262145 bytes; the limit is 262144"),
        ("deeply nested", format!("x = {}{}", "[".repeat(5000), "]".repeat(5000)).into_bytes(), "line 1: content file: nests brackets deeper than 16 levels"),
        ("too many rows", format!("{SHIPPED}{many_rows}").into_bytes(), "content file: has 162 responsibilities; the limit is 120"),
        ("wrong type: number as text", shipped_with("coding_min = 30", "coding_min = \"thirty\""), "line 49: content file: invalid type: string \"thirty\", expected u8"),
        ("wrong type: text as list", shipped_with("sources = [\"stevens\"]\n\n[[responsibilities]]\nid = \"architecture\"", "sources = \"stevens\"\n\n[[responsibilities]]\nid = \"architecture\""), "line 125: content file: invalid type: string \"stevens\", expected a sequence"),
        ("wrong type: negative size", shipped_with("min = 1\n", "min = -1\n"), "line 743: content file: invalid value: integer `-1`, expected u8"),
        ("number too large", shipped_with("max = 50\n", "max = 5000\n"), "line 744: content file: invalid value: integer `5000`, expected u8"),
        ("unknown role key", shipped_with("[roles.tlm]", "[roles.cto]"), "line 66: content file: unknown field `cto`, expected one of `tl`, `em`, `tlm`"),
        ("unknown field", shipped_with("short = \"TL\"", "short = \"TL\"\nnickname = \"the architect\""), "line 43: content file: unknown field `nickname`, expected one of `name`, `short`, `focus`, `focus_sources`, `measured_by`, `measured_by_sources`, `measured_by_derived_from`, `measured_by_reasoning`, `trap`, `trap_sources`, `coding_min`, `coding_max`, `coding_sources`, `coding_derived_from`, `coding_reasoning`, `levels_derived_from`, `levels_reasoning`"),
        ("missing field", shipped_with("trap_sources = [\"showdown\"]\ncoding_min = 30", "coding_min = 30"), "line 40: content file: missing field `trap_sources`"),
        ("missing explanation", shipped_with("explanation = \"Regular one-on-ones are the EM's; skipping them is the EM trap. A TL whose week fills with one-on-ones has stopped doing the TL job.\"\n", ""), "line 319: content file: missing field `explanation`"),
        ("duplicate row id", shipped_with("id = \"spikes\"", "id = \"code-reviews\""), "line 182: responsibilities[id = \"code-reviews\"].id: is used twice"),
        ("duplicate source id", shipped_with("id = \"both\"\ntitle", "id = \"ladders\"\ntitle"), "line 28: sources[id = \"ladders\"].id: is used twice"),
        ("duplicate group id", shipped_with("id = \"delivery\"\nname", "id = \"people\"\nname"), "line 95: groups[id = \"people\"].id: is used twice"),
        ("bad id characters", shipped_with("id = \"spikes\"", "id = \"Spikes & Experiments\""), "line 182: responsibilities[id = \"Spikes & Experiments\"].id: must be lowercase letters, digits and dashes"),
        ("empty group", shipped_with("[[groups]]\nid = \"organisation\"", "[[groups]]\nid = \"empty\"\nname = \"Empty\"\n\n[[groups]]\nid = \"organisation\""), "line 99: groups[id = \"empty\"]: has no responsibilities"),
        ("unknown group", shipped_with("group = \"people\"\nname = \"One-on-ones\"", "group = \"humans\"\nname = \"One-on-ones\""), "line 320: responsibilities[id = \"one-on-ones\"].group: unknown group \"humans\""),
        ("level out of the set", shipped_with("tl = \"shares\"\nem = \"shares\"\ntlm = \"owns\"\nexplanation = \"The sources do not agree", "tl = \"leads\"\nem = \"shares\"\ntlm = \"owns\"\nexplanation = \"The sources do not agree"), "line 397: responsibilities[id = \"velocity\"].tl: unknown level \"leads\"; expected one of owns, shares, supports, none"),
        ("level with capital", shipped_with("tl = \"owns\"\nem = \"supports\"\ntlm = \"owns\"\nexplanation = \"The TL keeps", "tl = \"Owns\"\nem = \"supports\"\ntlm = \"owns\"\nexplanation = \"The TL keeps"), "line 107: responsibilities[id = \"technical-excellence\"].tl: unknown level \"Owns\"; expected one of owns, shares, supports, none"),
        ("unknown ladder side", shipped_with("ladder = \"tl\"", "ladder = \"left\""), "line 107: responsibilities[id = \"technical-excellence\"].ladder: unknown side \"left\"; expected one of tl, em, both"),
        ("unknown source", shipped_with("sources = [\"stevens\"]\n\n[[responsibilities]]\nid = \"architecture\"", "sources = [\"stevnes\"]\n\n[[responsibilities]]\nid = \"architecture\""), "line 118: responsibilities[id = \"technical-vision\"].sources: unknown source \"stevnes\""),
        ("uncited text", shipped_with("text = \"Spends an hour pair-programming with them on the exact code they are stuck on.\"\nsources = [\"showdown\"]", "text = \"Spends an hour pair-programming with them on the exact code they are stuck on.\"\nsources = []"), "line 691: scenarios[id = \"struggling-junior\"].tl.sources: cites no source and derives from none: give sources, or derived_from with a one-line reasoning"),
        ("empty text", shipped_with("title = \"The sprint is behind\"", "title = \"  \""), "line 666: scenarios[id = \"late-sprint\"].title: is empty"),
        ("four-sentence explanation", shipped_with("explanation = \"Making the team's work seen and credited is listed as shared.\"", "explanation = \"One. Two. Three. Four.\""), "line 593: responsibilities[id = \"team-visibility\"].explanation: has 4 sentences; keep it to one to three"),
        ("lone disagreement", shipped_with("\n[[responsibilities.disagreement]]\ntext = \"A developer can be TL for several projects at once, on top of their own work.\"\nsources = [\"key-differences\"]\n", "\n"), "line 542: responsibilities[id = \"multi-team-scope\"].disagreement: a disagreement needs at least two positions"),
        ("coding range reversed", shipped_with("coding_min = 0\ncoding_max = 30", "coding_min = 40\ncoding_max = 30"), "line 53: roles.em.coding_max: coding range 40–30% must satisfy coding_min <= coding_max <= 100"),
        ("thresholds out of order", shipped_with("split_from = 9", "split_from = 2"), "line 742: team_size: must satisfy 1 <= min <= hybrid_from < split_from < multi_team_from <= max"),
        ("default outside range", shipped_with("default = 5", "default = 99"), "line 745: team_size.default: must lie between min and max"),
        ("time split not 100", shipped_with("hybrid_people_percent = 40", "hybrid_people_percent = 50"), "line 759: team_size.hybrid_people_percent: hybrid_technical_percent and hybrid_people_percent must add up to 100"),
        ("missing reason", shipped_with("[reasons.burn-out]", "[reasons.burnout]"), "line 763: reasons.burn-out: is missing; the recommendation rules use it"),
        ("uncited source", shipped_with("[[sources]]\nid = \"showdown\"", "[[sources]]\nid = \"unused\"\ntitle = \"Unused\"\ndetail = \"\"\n\n[[sources]]\nid = \"showdown\""), "line 13: sources[id = \"unused\"]: is never cited; cite it or remove it"),
        ("duplicate key", shipped_with("short = \"TL\"", "short = \"TL\"\nshort = \"T\""), "line 43: content file: duplicate key `short` in table `roles.tl`"),
        ("unterminated string", shipped_with("name = \"Tech Lead\"", "name = \"Tech Lead"), "line 41: content file: invalid basic string"),
    ]
}

#[test]
fn each_malformed_file_fails_with_its_exact_error() {
    let corpus = corpus();
    assert!(corpus.len() >= 30, "the corpus keeps at least 30 files");
    let mut wrong = Vec::new();
    for (name, bytes, expected) in &corpus {
        let actual = first_error(bytes);
        if actual != *expected {
            wrong.push(format!(
                "{name}:\n  expected: {expected}\n  actual:   {actual}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} differ:\n{}",
        wrong.len(),
        corpus.len(),
        wrong.join("\n")
    );
}
