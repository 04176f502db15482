//! The page's element tree: a tiny DOM-free node type, built with a small builder, serialised
//! to static HTML natively and materialised as DOM by the web module. Text is always text.

use super::hooks::PART;
use crate::svg::escape;

/// A node of the page. `Svg` holds markup produced by [`render::svg`], whose text is escaped by
/// the SVG writer; every other string is text.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    El(El),
    Text(String),
    Svg(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct El {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

impl El {
    pub fn new(tag: &'static str) -> El {
        El {
            tag,
            attrs: Vec::new(),
            children: Vec::new(),
        }
    }
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> El {
        self.attrs.push((name, value.into()));
        self
    }
    /// An attribute only when `on` (`open` on details in the static version).
    pub fn attr_if(self, on: bool, name: &'static str, value: &str) -> El {
        if on {
            self.attr(name, value)
        } else {
            self
        }
    }
    pub fn class(self, c: &'static str) -> El {
        self.attr("class", c)
    }
    pub fn text(mut self, t: impl Into<String>) -> El {
        self.children.push(Node::Text(t.into()));
        self
    }
    /// Text only when there is some (an optional note after a sentence).
    pub fn text_some(self, t: Option<String>) -> El {
        match t {
            Some(t) => self.text(t),
            None => self,
        }
    }
    pub fn child(mut self, c: El) -> El {
        self.children.push(Node::El(c));
        self
    }
    pub fn svg(mut self, markup: String) -> El {
        self.children.push(Node::Svg(markup));
        self
    }
    pub fn children(mut self, cs: impl IntoIterator<Item = El>) -> El {
        self.children.extend(cs.into_iter().map(Node::El));
        self
    }
    /// The first descendant (or self) with `data-bx` equal to `key`.
    pub fn find(&self, key: &str) -> Option<&El> {
        if self.attrs.iter().any(|(n, v)| *n == PART && v == key) {
            return Some(self);
        }
        self.children.iter().find_map(|c| match c {
            Node::El(e) => e.find(key),
            _ => None,
        })
    }
    /// All text below this element, as a reader would hear it (SVG excluded).
    pub fn text_content(&self) -> String {
        let mut out = String::new();
        for c in &self.children {
            match c {
                Node::Text(t) => out.push_str(t),
                Node::El(e) => out.push_str(&e.text_content()),
                Node::Svg(_) => {}
            }
        }
        out
    }
}

/// A link from the dataset: only validated web addresses reach here, opened in a new tab without
/// giving the target a handle on this page.
pub(super) fn link(url: &str, text: &str) -> El {
    El::new("a")
        .attr("href", url)
        .attr("rel", "noopener noreferrer")
        .attr("target", "_blank")
        .text(text)
}

/// Static HTML of an element tree, escaped.
pub fn to_html(el: &El) -> String {
    let mut out = String::new();
    write_el(&mut out, el);
    out
}

pub(super) fn write_el(out: &mut String, el: &El) {
    out.push('<');
    out.push_str(el.tag);
    for (n, v) in &el.attrs {
        out.push(' ');
        out.push_str(n);
        out.push_str("=\"");
        escape(out, v);
        out.push('"');
    }
    out.push('>');
    for c in &el.children {
        match c {
            Node::El(e) => write_el(out, e),
            Node::Text(t) => escape(out, t),
            Node::Svg(s) => out.push_str(s),
        }
    }
    out.push_str("</");
    out.push_str(el.tag);
    out.push('>');
}
