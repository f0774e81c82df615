//! The one HTML escaper: for what the widget writes as HTML text (snippets, published pages,
//! preview cards), where an organisation's own words may hold `&`, `<` or `"`.

/// `value` as HTML text: it can neither open a tag nor start an entity.
pub fn text(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `value` inside a double-quoted attribute: as text, and it cannot end the attribute.
pub fn attribute(value: &str) -> String {
    text(value).replace('"', "&quot;")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn attributes_escape_what_would_end_or_open_them() {
        assert_eq!(attribute(r#"a"<&>"#), "a&quot;&lt;&amp;&gt;");
        assert_eq!(text("a <b> & c"), "a &lt;b&gt; &amp; c");
        assert_eq!(
            text("&amp;"),
            "&amp;amp;",
            "an entity in the words stays words"
        );
    }
}
