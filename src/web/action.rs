//! Everything a reader (or the page) does to an explainer, decoded once from a DOM event into an
//! [`Action`] and applied to the state in one place. Effects that may call back into the page
//! (focus, events for the host, a frame request) are queued, not run, while the state is
//! borrowed.

use super::state::{Effect, Kind, State};
use crate::layout::timeline::View;
use crate::model::Lang;
use crate::page::hooks::{self, Export, More};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

pub(super) enum Action {
    /// A key pressed in the explainer; `stage` when it was on a figure's listbox.
    Key {
        event: KeyboardEvent,
        stage: Option<Kind>,
        /// Whether the key was pressed inside the selected event's details.
        in_detail: bool,
    },
    /// Escape pressed anywhere on the page: hides a tooltip shown by hovering (WCAG 1.4.13).
    HideTips,
    /// A download button.
    Export {
        format: Export,
        figure: Option<Kind>,
    },
    SwitchLang(Lang),
    SetView(View),
    CloseDetail,
    /// Back from a cluster's dates to the view before.
    ZoomOut,
    /// An event picked (by its id) from a cluster's list.
    Pick(String),
    /// From an event picked in a cluster's list back to the list.
    BackToList,
    /// The next page of a long list.
    ShowMore(More),
    /// A `<details data-lazy>` opened: what it holds is built now.
    LazyOpened(String),
    /// A click at a point of the page (client coordinates) over a figure.
    Click {
        stage: Kind,
        client: (f64, f64),
    },
    /// The pointer moved over a figure: the hit test waits for the next animation frame.
    Point {
        stage: Kind,
        client: (f64, f64),
    },
    /// The pointer left a figure (not onto its own tooltip).
    Leave(Kind),
    /// A figure's listbox got or lost the keyboard focus.
    Focus(Kind),
    Blur(Kind),
    /// The reader's colour scheme changed (matters with theme "auto").
    ThemeChanged,
    /// The address's `#event=` changed.
    HashChanged,
    BeforePrint,
    /// A folded part was opened or closed by the reader.
    PartToggled {
        part: String,
        open: bool,
    },
}

impl State {
    pub(super) fn apply(&mut self, action: Action) -> Result<(), JsValue> {
        match action {
            Action::Key {
                event,
                stage,
                in_detail,
            } => {
                let stage = stage.and_then(|k| self.stage_index(k));
                self.key(&event, stage, in_detail)
            }
            Action::HideTips => self.hide_tips().map(|_| ()),
            Action::Export { format, figure } => self.export(format, figure),
            Action::SwitchLang(lang) => self.switch_lang(lang),
            Action::SetView(view) => self.set_view(view),
            Action::CloseDetail => self.close_detail(),
            Action::ZoomOut => self.zoom_out(),
            Action::Pick(id) => self.pick(&id),
            Action::BackToList => self.back_to_list(),
            Action::ShowMore(which) => self.show_more(which),
            Action::LazyOpened(key) => self.unfold(hooks::LAZY, &key),
            Action::Click { stage, client } => {
                let Some(i) = self.stage_index(stage) else {
                    return Ok(());
                };
                let Some(hit) = self.stage_point(i, client).and_then(|p| self.hit(i, p)) else {
                    return Ok(());
                };
                if let Some(st) = self.stages.get_mut(i) {
                    st.active = Some(hit);
                }
                match stage {
                    Kind::Timeline => self.open_mark(Some(hit))?,
                    Kind::Chart(_) => {
                        self.mark_active(i)?;
                        self.show_tip(i, Some(hit))?;
                    }
                }
                self.focus_stage(Some(i));
                Ok(())
            }
            Action::Point { stage, client } => {
                if let Some(i) = self.stage_index(stage) {
                    self.pending_pointer = self.stage_point(i, client).map(|(x, y)| (i, x, y));
                    self.effects.push(Effect::NextFrame);
                }
                Ok(())
            }
            Action::Leave(stage) => match self.stage_index(stage) {
                Some(i) => {
                    self.pending_pointer = None;
                    self.show_tip(i, None)
                }
                None => Ok(()),
            },
            Action::Focus(stage) => {
                let Some(i) = self.stage_index(stage) else {
                    return Ok(());
                };
                // The selected event's mark: its own, or the cluster holding it.
                let selected = self.selected.map(|e| {
                    self.timeline
                        .as_ref()
                        .and_then(|t| t.holding(e))
                        .unwrap_or(e)
                });
                let Some(st) = self.stages.get_mut(i) else {
                    return Ok(());
                };
                if st.active.is_none() {
                    st.active = match st.kind {
                        Kind::Timeline => selected.or_else(|| st.order.first().copied()),
                        Kind::Chart(_) => st.order.first().copied(),
                    };
                }
                let active = st.active;
                self.mark_active(i)?;
                self.show_tip(i, active)
            }
            Action::Blur(stage) => match self.stage_index(stage) {
                Some(i) => self.show_tip(i, None),
                None => Ok(()),
            },
            Action::ThemeChanged => {
                if self.theme_choice != super::dom::ThemeChoice::Auto {
                    return Ok(());
                }
                self.theme = super::dom::resolve_theme(super::dom::ThemeChoice::Auto, &self.host);
                self.mark_theme()?;
                self.layout()
            }
            Action::HashChanged => self.select_from_hash(),
            Action::PartToggled { part, open } => {
                if open {
                    self.unfold(hooks::PAGE_PART, &part)?;
                }
                // Once per reader action: not for parts a render or an update opened.
                if self.open_parts.contains(&part) == open {
                    return Ok(());
                }
                if open {
                    self.open_parts.push(part.clone());
                } else {
                    self.open_parts.retain(|p| *p != part);
                }
                let detail = js_sys::Object::new();
                js_sys::Reflect::set(&detail, &"part".into(), &JsValue::from_str(&part))?;
                js_sys::Reflect::set(&detail, &"open".into(), &JsValue::from_bool(open))?;
                self.tell_host("part", detail.into())
            }
            Action::BeforePrint => {
                // Printing shows the lists and tables, not the closed "show the data" panels.
                self.unfold_all()?;
                let Some(root) = &self.root else {
                    return Ok(());
                };
                let details = root.query_selector_all("details")?;
                for i in 0..details.length() {
                    if let Some(el) = details.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                        el.set_attribute("open", "")?;
                    }
                }
                Ok(())
            }
        }
    }

    /// Moves the keyboard focus to a stage's listbox, once the state is free.
    fn focus_stage(&mut self, i: Option<usize>) {
        if let Some(st) = i.and_then(|i| self.stages.get(i)) {
            self.effects.push(Effect::Focus(st.listbox.clone()));
        }
    }
}
