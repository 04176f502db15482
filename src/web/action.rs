//! Everything a reader (or the page) does to an explainer, decoded once from a DOM event into an
//! [`Action`] and applied in one place: what the reader is looking at changes in the pure
//! reading model (`reading::apply`, which says what changed), and `paint` shows it. Effects
//! that may call back into the page (focus, events for the host, a frame request) are queued,
//! not run, while the state is borrowed.

use super::state::{Effect, Kind, State};
use crate::layout::timeline::View;
use crate::model::Lang;
use crate::page::hooks::{self, Export, More};
use crate::reading::{Changes, Context, Input, Key};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

pub(super) enum Action {
    /// A key the explainer answers, pressed in it (`event` for preventing its default);
    /// `stage` when it was on a figure's listbox.
    Key {
        event: KeyboardEvent,
        key: Key,
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
    /// Applies one input to what the reader is looking at and paints what changed.
    pub(super) fn read(&mut self, input: Input) -> Result<Changes, JsValue> {
        let Some(d) = self.dataset() else {
            return Ok(Changes::default());
        };
        let stages = self.stages.iter().map(|s| (s.kind, &s.order[..]));
        let ctx = Context::new(&d, self.timeline.as_ref(), stages);
        let changes = self.reading.apply(input, &ctx);
        self.paint(&changes)?;
        Ok(changes)
    }

    pub(super) fn apply(&mut self, action: Action) -> Result<(), JsValue> {
        match action {
            Action::Key {
                event,
                key,
                stage,
                in_detail,
            } => {
                let changes = self.read(Input::Key {
                    key,
                    stage,
                    in_detail,
                })?;
                if changes.handled {
                    event.prevent_default();
                }
                Ok(())
            }
            Action::HideTips => self.read(Input::HideTips).map(|_| ()),
            Action::Export { format, figure } => self.export(format, figure),
            Action::SwitchLang(lang) => self.switch_lang(lang),
            Action::SetView(view) => self.read(Input::SetView(view)).map(|_| ()),
            Action::CloseDetail => self.read(Input::CloseDetail).map(|_| ()),
            Action::ZoomOut => self.read(Input::ZoomOut).map(|_| ()),
            Action::Pick(id) => match self.dataset().and_then(|d| d.event_index(&id)) {
                Some(event) => self.read(Input::Pick(event)).map(|_| ()),
                None => Ok(()),
            },
            Action::BackToList => self.read(Input::BackToList).map(|_| ()),
            Action::ShowMore(which) => self.show_more(which),
            Action::LazyOpened(key) => self.unfold(hooks::LAZY, &key),
            Action::Click { stage, client } => {
                let i = self.stage_index(stage);
                let hit = i.and_then(|i| self.hit(i, self.stage_point(i, client)?));
                match hit {
                    Some(item) => self.read(Input::Click { stage, item }).map(|_| ()),
                    None => Ok(()),
                }
            }
            Action::Point { stage, client } => {
                if let Some(i) = self.stage_index(stage) {
                    self.pending_pointer = self.stage_point(i, client).map(|(x, y)| (i, x, y));
                    self.effects.push(Effect::NextFrame);
                }
                Ok(())
            }
            Action::Leave(stage) => match self.stage_index(stage) {
                Some(_) => {
                    self.pending_pointer = None;
                    self.read(Input::Leave(stage)).map(|_| ())
                }
                None => Ok(()),
            },
            Action::Focus(stage) => self.read(Input::Focus(stage)).map(|_| ()),
            Action::Blur(stage) => self.read(Input::Blur(stage)).map(|_| ()),
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
                let open_parts = &mut self.reading.open_parts;
                if open_parts.contains(&part) == open {
                    return Ok(());
                }
                if open {
                    open_parts.push(part.clone());
                } else {
                    open_parts.retain(|p| *p != part);
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
}
