//! The changes that redraw the widget's page in another state. The build prerenders the page
//! in its default state only; for each other common state it writes what differs, and `boot.js`
//! applies that to the page before the app has loaded, so a shared link that names a state
//! paints at the speed of a static page and the app then hydrates what it would have drawn.
//!
//! Each change names an element by its path from the app's root (`#two-hats`), as indices into
//! `element.children` (elements only: text and comments do not count), and by its name, which
//! `boot.js` checks before it changes anything, and gives either the element's whole content
//! (`"inner"`) or its start tag, whose attributes it takes (`"tag"`).
//! An element's content is replaced as soon as its children differ in kind, name or text, and
//! never looked into again: that keeps the comparison obvious, and it is still small, since
//! what makes the page big (the matrix above all) stays the same from state to state.

use serde_json::{json, Value};

use super::fnv1a;
use crate::core::drawn;

/// The element the app is drawn in, `#two-hats`: the root the paths start from.
const ROOT: &str = "div";

/// Elements Yew writes without an end tag.
const VOID_ELEMENTS: [&str; 13] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The changes that turn `from` into `to`, two renderings of the app (what goes inside
/// `#two-hats`), as a JSON list of `[path, name, "inner" | "tag", html]` in document order, `[]` if
/// they are the same. `None` if either is not markup as Yew's server renderer writes it: an
/// unterminated tag or comment, an end tag that closes another element than the open one, an
/// element left open, a self-closing or unquoted form. A change read from markup half
/// understood could break the page it redraws; without changes the app draws the state itself.
pub fn between(from: &str, to: &str) -> Option<String> {
    let from_nodes = parse(from)?;
    let to_nodes = parse(to)?;
    let mut changes = Vec::new();
    push_changes(
        &from_nodes,
        &to_nodes,
        to,
        ROOT,
        &mut Vec::new(),
        &mut changes,
    );
    Some(Value::Array(changes).to_string())
}

/// The folder of one release's changes, `files` (each a name and its list) made from `app`,
/// below `drawn::CHANGES_FOLDER` and named for all of them: a page kept in a cache names the
/// folder of the changes made for it, and a page of another release never reaches them.
pub fn folder(app: &str, files: &[(String, String)]) -> String {
    let mut parts = vec![app.as_bytes()];
    for (name, list) in files {
        parts.extend([name.as_bytes(), list.as_bytes()]);
    }
    format!("{}/{:016x}/", drawn::CHANGES_FOLDER, fnv1a(&parts))
}

#[derive(Debug, PartialEq)]
enum Node<'a> {
    Element(Element<'a>),
    /// As written, escapes and all.
    Text(&'a str),
    /// As written, `<!--` and `-->` included.
    Comment(&'a str),
}

/// In the order written, each value raw (still escaped); `None` for a boolean attribute.
type Attributes<'a> = Vec<(&'a str, Option<&'a str>)>;

#[derive(Debug, PartialEq)]
struct Element<'a> {
    name: &'a str,
    /// The start tag as written, `<` to `>`.
    start_tag: &'a str,
    attributes: Attributes<'a>,
    children: Vec<Node<'a>>,
    /// The source between the start tag and the end tag.
    inner: &'a str,
}

/// The changes below the element at `path` (or the root, at `[]`) whose children are `from` in
/// the old rendering and `to`, written as `to_inner`, in the new one.
fn push_changes(
    from: &[Node],
    to: &[Node],
    to_inner: &str,
    name: &str,
    path: &mut Vec<usize>,
    changes: &mut Vec<Value>,
) {
    if !same_shape(from, to) {
        changes.push(json!([path, name, "inner", to_inner]));
        return;
    }
    let pairs = elements(from).zip(elements(to));
    for (index, (old, new)) in pairs.enumerate() {
        path.push(index);
        // Compared in order: Yew writes an element's attributes in the order its `html!`
        // names them, so the same attributes in another order are a change that is harmless.
        if old.attributes != new.attributes {
            changes.push(json!([path, new.name, "tag", new.start_tag]));
        }
        push_changes(
            &old.children,
            &new.children,
            new.inner,
            new.name,
            path,
            changes,
        );
        path.pop();
    }
}

fn elements<'n, 'a>(nodes: &'n [Node<'a>]) -> impl Iterator<Item = &'n Element<'a>> {
    nodes.iter().filter_map(|node| match node {
        Node::Element(element) => Some(element),
        _ => None,
    })
}

/// Whether `from` and `to` are the same nodes, but perhaps for their elements' attributes and
/// what lies below them.
fn same_shape(from: &[Node], to: &[Node]) -> bool {
    from.len() == to.len()
        && from.iter().zip(to).all(|pair| match pair {
            (Node::Element(old), Node::Element(new)) => old.name == new.name,
            (Node::Text(old), Node::Text(new)) | (Node::Comment(old), Node::Comment(new)) => {
                old == new
            }
            _ => false,
        })
}

/// `source`'s nodes, or `None` if it is not markup as Yew writes it (see `between`).
fn parse(source: &str) -> Option<Vec<Node<'_>>> {
    let mut parser = Parser { source, at: 0 };
    let (nodes, _) = parser.nodes_until_end_of(None)?;
    Some(nodes)
}

struct Parser<'a> {
    source: &'a str,
    at: usize,
}

impl<'a> Parser<'a> {
    fn rest(&self) -> &'a str {
        &self.source[self.at..]
    }

    /// The nodes up to the end tag of `open` (past which it moves), or up to the end of the
    /// source for none, with where they end.
    fn nodes_until_end_of(&mut self, open: Option<&str>) -> Option<(Vec<Node<'a>>, usize)> {
        let mut nodes = Vec::new();
        loop {
            let rest = self.rest();
            if rest.is_empty() {
                return open.is_none().then_some((nodes, self.at));
            }
            if let Some(after_open) = rest.strip_prefix("<!--") {
                let length = "<!--".len() + after_open.find("-->")? + "-->".len();
                nodes.push(Node::Comment(&rest[..length]));
                self.at += length;
            } else if let Some(after_open) = rest.strip_prefix("</") {
                let name_length = after_open.find('>')?;
                if Some(&after_open[..name_length]) != open {
                    return None;
                }
                let end = self.at;
                self.at += "</".len() + name_length + ">".len();
                return Some((nodes, end));
            } else if rest.starts_with('<') {
                nodes.push(Node::Element(self.element()?));
            } else {
                let length = rest.find('<').unwrap_or(rest.len());
                nodes.push(Node::Text(&rest[..length]));
                self.at += length;
            }
        }
    }

    fn element(&mut self) -> Option<Element<'a>> {
        let start = self.at;
        let (name, attributes) = self.start_tag()?;
        let start_tag = &self.source[start..self.at];
        let inner_start = self.at;
        let (children, inner_end) = if VOID_ELEMENTS.contains(&name) {
            (Vec::new(), inner_start)
        } else {
            self.nodes_until_end_of(Some(name))?
        };
        Some(Element {
            name,
            start_tag,
            attributes,
            children,
            inner: &self.source[inner_start..inner_end],
        })
    }

    /// The start tag here, moving past it: its name and attributes.
    fn start_tag(&mut self) -> Option<(&'a str, Attributes<'a>)> {
        self.at += self.rest().strip_prefix('<').map(|_| "<".len())?;
        let name = self.name(|character| character.is_ascii_alphanumeric() || character == '-');
        if !name.starts_with(|character: char| character.is_ascii_alphabetic()) {
            return None;
        }
        let mut attributes = Vec::new();
        loop {
            let rest = self.rest();
            if rest.starts_with('>') {
                self.at += ">".len();
                return Some((name, attributes));
            }
            // Attributes follow the name and each other after exactly one space, as Yew writes.
            self.at += rest.strip_prefix(' ').map(|_| " ".len())?;
            let attribute = self.name(|character| {
                !character.is_ascii_whitespace() && !"\"'<>/=".contains(character)
            });
            if attribute.is_empty() {
                return None;
            }
            let value = match self.rest().strip_prefix("=\"") {
                Some(after_quote) => {
                    let value = &after_quote[..after_quote.find('"')?];
                    self.at += "=\"".len() + value.len() + "\"".len();
                    Some(value)
                }
                None => None,
            };
            attributes.push((attribute, value));
        }
    }

    /// The longest run of characters here that `allowed` takes, moving past it.
    fn name(&mut self, allowed: impl Fn(char) -> bool) -> &'a str {
        let rest = self.rest();
        let length = rest
            .find(|character| !allowed(character))
            .unwrap_or(rest.len());
        self.at += length;
        &rest[..length]
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// `nodes` written out as Yew writes them, from their parts rather than their source, so
    /// that changed attributes and children show.
    fn serialize(nodes: &[Node]) -> String {
        let mut html = String::new();
        for node in nodes {
            match node {
                Node::Text(raw) | Node::Comment(raw) => html.push_str(raw),
                Node::Element(element) => {
                    html.push('<');
                    html.push_str(element.name);
                    for (name, value) in &element.attributes {
                        html.push(' ');
                        html.push_str(name);
                        if let Some(value) = value {
                            html.push_str(&format!("=\"{value}\""));
                        }
                    }
                    html.push('>');
                    if !VOID_ELEMENTS.contains(&element.name) {
                        html.push_str(&serialize(&element.children));
                        html.push_str(&format!("</{}>", element.name));
                    }
                }
            }
        }
        html
    }

    /// `from` with `changes` applied as `boot.js` applies them, written out.
    fn apply(from: &str, changes: &str) -> String {
        let changes: Value = serde_json::from_str(changes).expect("the changes are JSON");
        let mut root = Element {
            name: "",
            start_tag: "",
            attributes: Vec::new(),
            children: parse(from).expect("from parses"),
            inner: from,
        };
        for change in changes.as_array().expect("a list") {
            let path: Vec<usize> = serde_json::from_value(change[0].clone()).expect("a path");
            let html = change[3].as_str().expect("html");
            let mut element = &mut root;
            for index in path {
                element = element
                    .children
                    .iter_mut()
                    .filter_map(|node| match node {
                        Node::Element(element) => Some(element),
                        _ => None,
                    })
                    .nth(index)
                    .expect("the path leads to an element");
            }
            let name = change[1].as_str().expect("a name");
            assert_eq!(
                name,
                if element.name.is_empty() {
                    ROOT
                } else {
                    element.name
                }
            );
            match change[2].as_str() {
                Some("inner") => element.children = parse(html).expect("the content parses"),
                Some("tag") => {
                    let (name, attributes) = Parser {
                        source: html,
                        at: 0,
                    }
                    .start_tag()
                    .expect("the start tag parses");
                    assert_eq!(name, element.name, "a start tag for another element");
                    element.attributes = attributes;
                }
                other => panic!("not a change boot.js applies: {other:?}"),
            }
        }
        serialize(&root.children)
    }

    #[test]
    fn what_a_change_names_is_as_small_as_the_difference() {
        let changes = |from, to| between(from, to).expect("both parse");
        assert_eq!(
            changes("<p>a</p>", "<p>b</p>"),
            r#"[[[0],"p","inner","b"]]"#
        );
        assert_eq!(
            changes(r#"<p class="a">x</p>"#, r#"<p class="b" hidden>x</p>"#),
            r#"[[[0],"p","tag","<p class=\"b\" hidden>"]]"#
        );
        assert_eq!(
            changes("<ul><li>a</li></ul>", "<ul><li>a</li><li>b</li></ul>"),
            r#"[[[0],"ul","inner","<li>a</li><li>b</li>"]]"#
        );
        assert_eq!(
            changes("<ul><li>a</li></ul>", "<ul><ol>a</ol></ul>"),
            r#"[[[0],"ul","inner","<ol>a</ol>"]]"#
        );
    }

    #[test]
    fn a_path_counts_elements_only_and_changes_come_in_document_order() {
        let from = r#"<!--<[App]>--><p>x</p>text<div><input value="1"><i>a</i></div><b>c</b>"#;
        let to =
            r#"<!--<[App]>--><p>x</p>text<div id="d"><input value="2"><i>z<br></i></div><b>d</b>"#;
        assert_eq!(
            between(from, to).expect("both parse"),
            concat!(
                r#"[[[1],"div","tag","<div id=\"d\">"],[[1,0],"input","tag","<input value=\"2\">"],"#,
                r#"[[1,1],"i","inner","z<br>"],[[2],"b","inner","d"]]"#
            )
        );
        assert_eq!(apply(from, &between(from, to).expect("both parse")), to);
    }

    #[test]
    fn each_release_names_its_own_folder_of_changes() {
        let files = |list: &str| vec![("team=12.json".to_owned(), list.to_owned())];
        let named = folder("<p>a</p>", &files("[]"));
        assert!(
            named.starts_with("drawn/") && named.ends_with('/'),
            "{named}"
        );
        assert_eq!(named.matches('/').count(), 2, "{named}");
        assert_eq!(named, folder("<p>a</p>", &files("[]")));
        assert_ne!(named, folder("<p>b</p>", &files("[]")), "another page");
        assert_ne!(named, folder("<p>a</p>", &files("[[]]")), "other changes");
    }

    #[test]
    fn the_root_is_replaced_when_its_own_children_differ() {
        assert_eq!(
            between("<p>a</p>", "<!--x--><p>a</p>").expect("both parse"),
            r#"[[[],"div","inner","<!--x--><p>a</p>"]]"#
        );
    }

    #[test]
    fn markup_not_written_as_yew_writes_it_has_no_changes() {
        for unread in [
            "<div><p></div>",
            "<p><b></p></b>",
            "<div",
            "<!-- x",
            "<div>",
            "</div>",
            "<p class=a></p>",
            "<p class=\"a></p>",
            "<br/>",
            "<input></input>",
            "< p></p>",
        ] {
            assert_eq!(parse(unread), None, "{unread}");
            assert_eq!(between(unread, "<p></p>"), None, "{unread}");
            assert_eq!(between("<p></p>", unread), None, "{unread}");
        }
        assert!(parse("<input checked type=\"radio\"><meter value=\"1\"></meter>").is_some());
    }

    #[cfg(feature = "ssr")]
    mod renderings {
        use super::*;
        use crate::core::state::State;
        use crate::AppProps;
        use yew::LocalServerRenderer;

        fn render(drawn: State) -> String {
            let props = AppProps {
                drawn,
                ..AppProps::default()
            };
            futures::executor::block_on(
                LocalServerRenderer::<crate::App>::with_props(props).render(),
            )
        }

        fn team(team: u8, new_team: bool, lead_has_done_both: bool) -> State {
            State {
                team,
                new_team,
                lead_has_done_both,
                ..State::default()
            }
        }

        #[test]
        fn the_changes_redraw_the_default_page_as_each_state() {
            let default = render(State::default());
            assert_eq!(serialize(&parse(&default).expect("parses")), default);
            assert_eq!(between(&default, &default).as_deref(), Some("[]"));
            for size in [1, 5, 9, 12, 19, 50] {
                for (new_team, lead_has_done_both) in
                    [(false, false), (true, false), (false, true), (true, true)]
                {
                    let state = team(size, new_team, lead_has_done_both);
                    let drawn = render(state);
                    let changes = between(&default, &drawn).expect("the renderings parse");
                    assert_eq!(apply(&default, &changes), drawn, "{state:?}");
                }
            }
        }

        #[test]
        fn the_changes_leave_what_stays_the_same_alone() {
            let default = render(State::default());
            for state in [team(12, false, false), team(12, true, false)] {
                let drawn = render(state);
                let changes = between(&default, &drawn).expect("the renderings parse");
                assert!(
                    changes.len() * 4 < drawn.len(),
                    "{} bytes of changes for {} of page",
                    changes.len(),
                    drawn.len()
                );
                let list: Value = serde_json::from_str(&changes).expect("JSON");
                assert!(
                    list.as_array().expect("a list").iter().any(|change| {
                        change[2] == "tag"
                            && change[3]
                                .as_str()
                                .is_some_and(|tag| tag.contains(r#"data-recommended="tl em""#))
                    }),
                    "{changes}"
                );
            }
        }
    }
}
