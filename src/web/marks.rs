//! The marks of a stage as the keyboard and pointer see them: the active option, its id, and
//! the tooltip with the mark's exact figures.

use super::dom::*;
use super::state::{Kind, Stage, State};
use crate::layout::{timeline, within};
use crate::page::hooks::timeline_key;
use wasm_bindgen::prelude::*;

impl State {
    pub(super) fn option_id(&self, stage: &Stage, item: usize) -> Option<String> {
        let id = match stage.kind {
            Kind::Timeline => timeline_key(&*self.dataset()?, self.timeline.as_ref()?, item)?,
            Kind::Chart(_) => item.to_string(),
        };
        Some(format!("{}-{}-{id}", self.prefix, stage.kind.code()))
    }

    pub(super) fn mark_active(&self, i: usize) -> Result<(), JsValue> {
        let Some(stage) = self.stages.get(i) else {
            return Ok(());
        };
        let list = stage.listbox.children();
        for k in 0..list.length() {
            if let Some(o) = list.item(k) {
                o.class_list().remove_1("is-active")?;
            }
        }
        let active = self.reading.marks(stage.kind).active;
        match active.and_then(|a| self.option_id(stage, a)) {
            Some(id) => {
                stage.listbox.set_attribute("aria-activedescendant", &id)?;
                if let Some(o) = document()?.get_element_by_id(&id) {
                    o.class_list().add_1("is-active")?;
                }
            }
            None => stage.listbox.remove_attribute("aria-activedescendant")?,
        }
        Ok(())
    }

    /// Scrolls the mark the keyboard moved to into view, ring and tooltip with it (WCAG
    /// 2.4.11), without jumping when it already is. Only for keys: a pointer is already there,
    /// and scrolling under a pointer would move the page between its press and its release.
    pub(super) fn reveal_active(&self, i: usize) -> Result<(), JsValue> {
        let Some(stage) = self.stages.get(i) else {
            return Ok(());
        };
        let active = self.reading.marks(stage.kind).active;
        let Some(id) = active.and_then(|a| self.option_id(stage, a)) else {
            return Ok(());
        };
        if let Some(o) = document()?.get_element_by_id(&id) {
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
            opts.set_inline(web_sys::ScrollLogicalPosition::Nearest);
            o.scroll_into_view_with_scroll_into_view_options(&opts);
        }
        Ok(())
    }

    /// The tooltip's lines for an item: date and title for events, exact figures for charts.
    pub(super) fn tip_lines(&self, kind: Kind, item: usize) -> Vec<String> {
        let Some(d) = self.dataset() else {
            return Vec::new();
        };
        if let Some(lines) = (kind == Kind::Timeline)
            .then(|| self.timeline_tip(item))
            .flatten()
        {
            return lines;
        }
        match kind {
            Kind::Timeline => d
                .events
                .get(item)
                .map(|e| {
                    vec![
                        crate::describe::event_when(&d, self.lang, e),
                        e.title.get(self.lang).to_string(),
                    ]
                })
                .unwrap_or_default(),
            Kind::Chart(k) => crate::describe::charts::chart_item(&d, self.lang, k, item).1,
        }
    }

    /// Shows (or hides, with `None`) a stage's tooltip beside the item's mark; one that cannot
    /// be shown (a mark not drawn, or with nothing to say) is gone from the reading too.
    pub(super) fn show_tip(&mut self, i: usize, item: Option<usize>) -> Result<(), JsValue> {
        let Some(kind) = self.stages.get(i).map(|s| s.kind) else {
            return Ok(());
        };
        let lines = item.map(|it| self.tip_lines(kind, it)).unwrap_or_default();
        let anchor = item.and_then(|it| match kind {
            Kind::Timeline => {
                let t = self.timeline.as_ref()?;
                let below = timeline::ROW_H / 2.0 + 2.0;
                match t.cluster(it) {
                    Some(c) => Some(((c.x + c.x_end) / 2.0, c.y + below)),
                    None => t
                        .placed
                        .iter()
                        .find(|p| p.event == it)
                        .map(|p| (p.x, p.y + below)),
                }
            }
            Kind::Chart(_) => {
                let h = self
                    .stages
                    .get(i)?
                    .scene
                    .hits
                    .iter()
                    .find(|h| h.item == it)?;
                Some((h.x + h.w / 2.0, h.y + h.h))
            }
        });
        let (width, zoom) = (self.width, self.scale(kind));
        let anchor = anchor.map(|(x, y)| (x * zoom, y * zoom));
        let Some(stage) = self.stages.get(i) else {
            return Ok(());
        };
        let (Some((x, y)), false) = (anchor, lines.is_empty()) else {
            stage.tip.set_hidden(true);
            self.reading.tip_gone(kind);
            return Ok(());
        };
        let doc = document()?;
        stage.tip.set_inner_html("");
        for (k, line) in lines.iter().enumerate() {
            if k > 0 {
                // Lines are blocks on screen; a screen reader hears a pause between them.
                let pause = doc.create_element("span")?;
                pause.set_class_name("bx-sr");
                pause.set_text_content(Some(". "));
                stage.tip.append_child(&pause)?;
            }
            let el = doc.create_element(if k == 0 { "strong" } else { "span" })?;
            el.set_text_content(Some(line));
            stage.tip.append_child(&el)?;
        }
        stage.tip.set_hidden(false);
        // Centred under the mark, kept inside the stage.
        let w = f64::from(stage.tip.offset_width());
        let left = within(x - w / 2.0, 0.0, width - w);
        stage.tip.style().set_property("left", &px(left))?;
        stage.tip.style().set_property("top", &px(y))?;
        Ok(())
    }

    /// Whether a point in the figure's layout units lies on its tooltip (drawn in CSS px).
    pub(super) fn pointer_on_tip(&self, i: usize, (x, y): (f64, f64)) -> bool {
        let Some(s) = self.stages.get(i) else {
            return false;
        };
        if s.tip.hidden() {
            return false;
        }
        let scale = self.scale(s.kind);
        let (x, y) = (x * scale, y * scale);
        let (l, t) = (
            f64::from(s.tip.offset_left()),
            f64::from(s.tip.offset_top()),
        );
        let (w, h) = (
            f64::from(s.tip.offset_width()),
            f64::from(s.tip.offset_height()),
        );
        x >= l && x <= l + w && y >= t && y <= t + h
    }
}
