//! What the page builds only when the reader asks: a folded part's contents (`data-part`) and a
//! long list (`data-lazy`) are set aside from the page tree at render, and built into their
//! `<details>` when it is first opened (or for print), so a closed part costs the first paint
//! only its heading.

use super::dom::*;
use super::state::State;
use wasm_bindgen::prelude::*;
use web_sys::Element;

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
        self.build_later(usize::MAX)?;
        let all: Vec<(&'static str, String)> = self
            .folded
            .iter()
            .map(|f| (f.attr, f.key.clone()))
            .collect();
        all.iter()
            .try_for_each(|(attr, key)| self.unfold(attr, key))
    }
}
