//! A newer version of the dataset, put in place of the one on screen without losing the
//! reader's place: the same view, the same selected event (or a polite note that it was
//! removed), the same parts open, the same spot on the screen, the focus where it was. A version
//! that cannot be shown leaves the last good one on screen and is reported to the author only.

use super::dom::*;
use super::state::{Effect, Shown, State};
use crate::describe::changes;
use crate::model::{Issue, Story};
use crate::page::{self, hooks};
use crate::reading::Input;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Where the reader is, in terms that survive a re-render.
struct Place {
    /// The `<details>` open: a folded part by its code, any other by its summary's text.
    open: Vec<String>,
    /// A heading near the top of the screen, and how far from the top it was.
    anchor: Option<(String, f64)>,
    /// A selector that finds the focused control again.
    focus: Option<String>,
}

/// How a `<details>` is known again after a re-render.
fn details_key(el: &Element) -> String {
    match el.get_attribute(hooks::PAGE_PART) {
        Some(part) => format!("part:{part}"),
        None => {
            let summary = el
                .query_selector("summary")
                .ok()
                .flatten()
                .and_then(|s| s.text_content())
                .unwrap_or_default();
            // The same summary text in different figures ("Show the data"): told apart by the
            // figure around it.
            let figure = el
                .closest("figure")
                .ok()
                .flatten()
                .and_then(|f| f.get_attribute(hooks::FIGURE))
                .unwrap_or_default();
            format!("{figure}:{summary}")
        }
    }
}

/// What a heading is known by: its text.
const ANCHORS: &str = "h2, h3, h4, summary";

/// A selector for the focused control, from the page's own hooks.
fn focus_selector(el: &Element) -> Option<String> {
    for attr in [hooks::VIEW, hooks::LANG_SWITCH] {
        if let Some(v) = el.get_attribute(attr) {
            return Some(format!("[{attr}=\"{v}\"]"));
        }
    }
    if let Some(v) = el.get_attribute(hooks::EXPORT) {
        return Some(match el.get_attribute(hooks::FIGURE_KEY) {
            Some(k) => format!("[{}=\"{v}\"][{}=\"{k}\"]", hooks::EXPORT, hooks::FIGURE_KEY),
            None => format!("[{}=\"{v}\"]", hooks::EXPORT),
        });
    }
    if let Some(part) = el.get_attribute(hooks::PART) {
        let stage = el
            .closest(&format!("[{}]", hooks::STAGE))
            .ok()
            .flatten()
            .and_then(|s| s.get_attribute(hooks::STAGE));
        return Some(match stage {
            Some(k) => format!("[{}=\"{k}\"] [{}=\"{part}\"]", hooks::STAGE, hooks::PART),
            None => format!("[{}=\"{part}\"]", hooks::PART),
        });
    }
    if el.tag_name().eq_ignore_ascii_case("summary") {
        let details = el.parent_element()?;
        if let Some(part) = details.get_attribute(hooks::PAGE_PART) {
            return Some(format!("[{}=\"{part}\"] > summary", hooks::PAGE_PART));
        }
    }
    None
}

impl State {
    /// The element with the keyboard focus inside the explainer, if any.
    fn focused(&self) -> Option<Element> {
        let root = self.root.as_ref()?;
        let node = root.get_root_node();
        let active = match node.dyn_ref::<web_sys::ShadowRoot>() {
            Some(shadow) => shadow.active_element(),
            None => document().ok()?.active_element(),
        }?;
        root.contains(Some(&active)).then_some(active)
    }

    fn place(&self) -> Place {
        let mut place = Place {
            open: Vec::new(),
            anchor: None,
            focus: self.focused().as_ref().and_then(focus_selector),
        };
        let Some(root) = &self.root else {
            return place;
        };
        if let Ok(list) = root.query_selector_all("details[open]") {
            for el in (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()) {
                place.open.push(details_key(&el));
            }
        }
        // The first heading on the screen (or the last above it) holds the reader's place.
        if let Ok(list) = root.query_selector_all(ANCHORS) {
            for el in (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()) {
                let rect = el.get_bounding_client_rect();
                let top = rect.top();
                let text = el.text_content().unwrap_or_default();
                // Not drawn (inside a closed part): no place on the screen.
                if text.is_empty() || rect.height() == 0.0 {
                    continue;
                }
                place.anchor = Some((text, top));
                if top >= 0.0 {
                    break;
                }
            }
        }
        place
    }

    /// Puts the reader back where `place` says, in the explainer just rendered, with `selected`
    /// (the event selected before, in this version) selected again.
    fn restore(&mut self, place: &Place, selected: Option<usize>) -> Result<(), JsValue> {
        let root = self.root.clone().ok_or("no root")?;
        // Open parts first (a folded part is built when opened), so the anchor is found.
        let all = root.query_selector_all("details")?;
        for el in (0..all.length()).filter_map(|i| all.item(i)?.dyn_into::<Element>().ok()) {
            if place.open.contains(&details_key(&el)) {
                el.set_attribute("open", "")?;
                if let Some(part) = el.get_attribute(hooks::PAGE_PART) {
                    self.unfold(hooks::PAGE_PART, &part)?;
                }
                if let Some(key) = el.get_attribute(hooks::LAZY) {
                    self.unfold(hooks::LAZY, &key)?;
                }
            }
        }
        if let Some(event) = selected {
            // In the view as it is (an update keeps the view): no switch, and the host is not told.
            self.read(Input::Select {
                event,
                in_window: true,
            })?;
        }
        if let Some((text, top)) = &place.anchor {
            let list = root.query_selector_all(ANCHORS)?;
            let same = (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
                .find(|el| el.text_content().as_deref() == Some(text.as_str()));
            if let (Some(el), Some(window)) = (same, web_sys::window()) {
                let now = el.get_bounding_client_rect().top();
                if (now - top).abs() >= 1.0 {
                    window.scroll_by_with_x_and_y(0.0, now - top);
                }
            }
        }
        if let Some(selector) = &place.focus {
            if let Some(el) = find::<HtmlElement>(&root, selector) {
                self.effects.push(Effect::FocusInPlace(el));
            }
        }
        self.note_open_parts();
        Ok(())
    }

    /// Shows a newer version of the dataset in place of the one on screen, keeping the reader's
    /// place. `false` when nothing was re-rendered: the same data, or a version that cannot be
    /// shown (the author hears why: the console and a `breach-explainer:error` event).
    pub(super) fn update(&mut self, text: &str, file: &str) -> Result<bool, JsValue> {
        let (raw, d) = match crate::model::load(text, crate::model::from_js::parse_text) {
            Ok(loaded) => loaded,
            Err(issues) => {
                self.report_to_author(file, &issues)?;
                return Ok(false);
            }
        };
        // The same data (a server that answers in full every time): nothing to do.
        if let Shown::Live { raw: now, .. } = &self.shown {
            if **now == raw {
                return Ok(false);
            }
        }
        let place = self.place();
        let d = Rc::new(d);
        // The selected event found again by its id; a cluster of the version before may not be
        // one of this version.
        let (selected, removed) = match self.dataset() {
            Some(old) => self.reading.replace_data(&old, &d),
            None => (None, false),
        };
        self.shown = Shown::Live {
            dataset: d.clone(),
            raw: Rc::new(raw),
        };
        self.render()?;
        self.restore(&place, selected)?;
        self.announce_update(&d, removed)?;
        Ok(true)
    }

    /// The problems of a version that cannot be shown, for the author only.
    fn report_to_author(&mut self, file: &str, issues: &[Issue]) -> Result<(), JsValue> {
        let list = js_sys::Array::new();
        for issue in issues {
            list.push(&JsValue::from_str(&page::describe(file, issue, self.lang)));
        }
        web_sys::console::warn_2(
            &"breach-explainer: a newer version of the dataset cannot be shown; the last good one stays:"
                .into(),
            &list,
        );
        self.tell_host("error", list.into())
    }

    /// The note an update left under the headline, aged (the live region is not told again).
    pub(super) fn age_update_note(&self, minutes: u32) {
        let (Some(root), Some(d)) = (&self.root, self.dataset()) else {
            return;
        };
        if let Some(line) = find::<Element>(root, &hooks::Part::Updated.selector())
            .filter(|l| l.has_attribute("data-just-updated"))
        {
            line.set_text_content(Some(&changes::updated_ago(&d, self.lang, minutes)));
        }
    }

    /// "Updated just now: …" under the headline and in the live region, and the host's
    /// `breach-explainer:update` event.
    fn announce_update(&mut self, d: &Story, removed: bool) -> Result<(), JsValue> {
        let note = changes::updated_now(d, self.lang);
        if let Some(root) = &self.root {
            if let Some(line) = find::<Element>(root, &hooks::Part::Updated.selector()) {
                line.set_text_content(Some(&note));
                line.set_attribute("data-just-updated", "")?;
            }
        }
        let mut said = note;
        if removed {
            said.push(' ');
            said.push_str(changes::selection_removed(self.lang));
        }
        if let Some(parts) = &self.parts {
            self.effects
                .push(Effect::Announce(parts.live.clone(), said));
        }
        let detail = js_sys::Object::new();
        let latest = changes::latest(d, self.lang);
        js_sys::Reflect::set(
            &detail,
            &"latest".into(),
            &latest.map_or(JsValue::NULL, |s| JsValue::from_str(&s)),
        )?;
        js_sys::Reflect::set(
            &detail,
            &"updated".into(),
            &changes::updated_iso(d).map_or(JsValue::NULL, |s| JsValue::from_str(&s)),
        )?;
        js_sys::Reflect::set(&detail, &"selectionRemoved".into(), &removed.into())?;
        self.tell_host("update", detail.into())
    }
}
