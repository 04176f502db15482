//! What the page builds only when the reader asks: a folded part's contents (`data-part`) and a
//! long list (`data-lazy`) are set aside from the page tree at render, and built into their
//! `<details>` when it is first opened (or for print), so a closed part costs the first paint
//! only its heading.

use super::dom::*;
use super::state::State;
use crate::page::hooks;
use crate::page::{El, Node};
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Contents set aside until the reader first opens the `<details>` they belong in: a folded
/// part (`data-part`) or a long list (`data-lazy`).
pub(super) struct Folded {
    pub(super) attr: &'static str,
    pub(super) key: String,
    pub(super) nodes: Vec<Node>,
}

/// Everything the page builds on first open, taken out of the explainer's tree: long lists first
/// (they may sit inside a folded part), then the folded parts.
pub(super) fn set_aside(explainer: &mut El) -> Vec<Folded> {
    let mut folded = set_aside_lazy(explainer);
    folded.extend(set_aside_folded(explainer));
    folded
}

impl State {
    /// Builds what a `<details>` holds into the page (once), found by its `attr` (`data-part`
    /// or `data-lazy`) and `key`, and draws its figures.
    pub(super) fn unfold(&mut self, attr: &str, key: &str) -> Result<(), JsValue> {
        let Some(at) = self
            .folded
            .iter()
            .position(|f| f.attr == attr && f.key == key)
        else {
            return Ok(());
        };
        let nodes = self.folded.swap_remove(at).nodes;
        let root = self.root.clone().ok_or("no root")?;
        let Some(details) = find::<Element>(&root, &format!("[{attr}=\"{key}\"]")) else {
            return Ok(());
        };
        build_into(&document()?, &details, &nodes)?;
        let first = self.stages.len();
        self.add_stages(&details)?;
        for i in first..self.stages.len() {
            self.layout_stage(i)?;
        }
        Ok(())
    }

    /// Every folded part built, for print.
    pub(super) fn unfold_all(&mut self) -> Result<(), JsValue> {
        let all: Vec<(&'static str, String)> = self
            .folded
            .iter()
            .map(|f| (f.attr, f.key.clone()))
            .collect();
        all.iter()
            .try_for_each(|(attr, key)| self.unfold(attr, key))
    }
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
