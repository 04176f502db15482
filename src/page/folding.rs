//! What the live page builds only when the reader asks, taken out of the page tree at render:
//! a folded part's contents (`data-part`) and a long list (`data-lazy`), built into their
//! `<details>` when it is first opened (src/web/fold.rs).

use super::hooks;
use super::{El, Node};

/// Contents set aside until the reader first opens the `<details>` they belong in: a folded
/// part (`data-part`) or a long list (`data-lazy`).
pub struct Folded {
    pub attr: &'static str,
    pub key: String,
    pub nodes: Vec<Node>,
}

/// Everything the page builds on first open, taken out of the explainer's tree: long lists first
/// (they may sit inside a folded part), then the folded parts.
pub fn set_aside(explainer: &mut El) -> Vec<Folded> {
    let mut folded = set_aside_lazy(explainer);
    folded.extend(set_aside_folded(explainer));
    folded
}

/// Takes the contents out of each folded part of the explainer (all but its summary), named by
/// part, leaving the headings in place.
fn set_aside_folded(explainer: &mut El) -> Vec<Folded> {
    let mut folded = Vec::new();
    for child in &mut explainer.children {
        let Node::El(details) = child else { continue };
        let part = details
            .attrs
            .iter()
            .find(|(name, _)| *name == hooks::PAGE_PART)
            .map(|(_, v)| v.clone());
        if let (Some(key), true) = (part, details.children.len() > 1) {
            let nodes = details.children.split_off(1);
            folded.push(Folded {
                attr: hooks::PAGE_PART,
                key,
                nodes,
            });
        }
    }
    folded
}

/// Takes the contents out of every `<details data-lazy>` (all but its summary): a long list is
/// built when the reader first opens it. (The page tree is our own and a few levels deep.)
fn set_aside_lazy(el: &mut El) -> Vec<Folded> {
    let mut out = Vec::new();
    let key = el
        .attrs
        .iter()
        .find(|(name, _)| *name == hooks::LAZY)
        .map(|(_, v)| v.clone());
    match key {
        Some(key) if el.children.len() > 1 => {
            let nodes = el.children.split_off(1);
            out.push(Folded {
                attr: hooks::LAZY,
                key,
                nodes,
            });
        }
        _ => {
            for child in &mut el.children {
                if let Node::El(c) = child {
                    out.extend(set_aside_lazy(c));
                }
            }
        }
    }
    out
}

/// An open part's contents held back from the first frame: the `index`th child of the
/// explainer, built in a later frame.
pub struct Later {
    pub index: usize,
    pub nodes: Vec<Node>,
}

/// Takes the contents out of every open part after the first `keep` children of the explainer
/// (a `figure` or `section`; a folded `<details>` already costs only its heading), leaving each
/// part in place, empty: a frame that must answer the reader quickly lays out only the top.
pub fn hold_back(explainer: &mut El, keep: usize) -> Vec<Later> {
    let mut later = Vec::new();
    for (index, child) in explainer.children.iter_mut().enumerate().skip(keep) {
        let Node::El(part) = child else { continue };
        if matches!(part.tag, "figure" | "section") && !part.children.is_empty() {
            later.push(Later {
                index,
                nodes: std::mem::take(&mut part.children),
            });
        }
    }
    later
}
