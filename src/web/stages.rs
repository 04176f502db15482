//! Each figure's stage: added to the page, laid out at the host's width (and the reader's text
//! size), drawn, its marks listed for the keyboard, and hit-tested under the pointer.

use super::dom::*;
use super::state::{Kind, Stage, State};
use crate::layout::charts;
use crate::layout::timeline;
use crate::layout::Scene;
use crate::page::hooks::timeline_key;
use crate::page::hooks::{self, Part};
use crate::render;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

impl State {
    /// Takes in the figures under `within` (the whole explainer, or a part just unfolded).
    pub(super) fn add_stages(&mut self, within: &Element) -> Result<(), JsValue> {
        let stages = within.query_selector_all(&format!("[{}]", hooks::STAGE))?;
        for i in 0..stages.length() {
            let Some(stage) = stages
                .item(i)
                .and_then(|n| n.dyn_into::<HtmlElement>().ok())
            else {
                continue;
            };
            let code = stage.get_attribute(hooks::STAGE).unwrap_or_default();
            let Some(kind) = Kind::from_code(&code) else {
                continue;
            };
            let key = kind.code();
            let listbox: HtmlElement =
                find(&stage, &Part::Listbox.selector()).ok_or("no listbox")?;
            listbox.set_id(&format!("{}-{key}", self.prefix));
            // The short text alternative describes the listbox of marks.
            if let Some(figure) = stage.closest("figure")? {
                if let Some(alt) = find::<Element>(&figure, &Part::Alt.selector()) {
                    alt.set_id(&format!("{}-{key}-alt", self.prefix));
                    listbox.set_attribute("aria-describedby", &alt.id())?;
                }
            }
            let tip: HtmlElement = find(&stage, &Part::Tip.selector()).ok_or("no tip")?;
            // The geometry the pointer mapping depends on is set here, not left to a style
            // sheet a host page might not load.
            stage.style().set_property("position", "relative")?;
            for el in [&listbox, &tip] {
                el.style().set_property("position", "absolute")?;
            }
            listbox.style().set_property("inset", "0")?;
            self.stages.push(Stage {
                kind,
                svg_box: find(&stage, &Part::Svg.selector()).ok_or("no svg box")?,
                stage,
                listbox,
                tip,
                scene: Scene::default(),
                order: Vec::new(),
            });
        }
        Ok(())
    }

    /// Lays out every figure at the current width and paints it.
    pub(super) fn layout(&mut self) -> Result<(), JsValue> {
        for i in 0..self.stages.len() {
            self.layout_stage(i)?;
        }
        self.mark_view_buttons()
    }

    /// `aria-pressed` on the view buttons follows the view.
    pub(super) fn mark_view_buttons(&self) -> Result<(), JsValue> {
        let Some(parts) = &self.parts else {
            return Ok(());
        };
        for b in &parts.views {
            let pressed = b.get_attribute(hooks::VIEW).as_deref()
                == Some(hooks::view_code(self.reading.view));
            b.set_attribute("aria-pressed", if pressed { "true" } else { "false" })?;
        }
        if let Some(b) = &parts.zoom_out {
            b.set_hidden(self.reading.zooms.is_empty());
        }
        Ok(())
    }

    /// Lays out one figure, paints it, and rebuilds the transparent options that give each mark
    /// a name, a role and a target of at least 24 px.
    pub(super) fn layout_stage(&mut self, i: usize) -> Result<(), JsValue> {
        let Some(d) = self.dataset() else {
            return Ok(());
        };
        let Some(kind) = self.stages.get(i).map(|s| s.kind) else {
            return Ok(());
        };
        let (scene, names): (Scene, Vec<(usize, String, String)>) = match kind {
            Kind::Timeline => {
                let t = timeline::layout(
                    &d,
                    self.lang,
                    self.layout_width(kind),
                    self.reading.view,
                    &self.spacing,
                );
                // The ring: on the selected event's mark (its own or its cluster's), else on
                // the cluster whose list is open.
                let ring = self.reading.selected.and_then(|e| t.holding(e)).or(self
                    .reading
                    .listed
                    .as_ref()
                    .map(|l| l.id));
                let scene = t.with_selection(ring);
                let names = t
                    .order
                    .iter()
                    .filter_map(|&id| {
                        let key = timeline_key(&d, &t, id)?;
                        Some((id, key, self.timeline_name(&d, &t, id)?))
                    })
                    .collect();
                self.timeline = Some(t);
                (scene, names)
            }
            Kind::Chart(k) => {
                let scene =
                    charts::layout(k, &d, self.lang, self.layout_width(kind), &self.spacing);
                let names = d
                    .rows(k)
                    .iter()
                    .copied()
                    .map(|item| {
                        (
                            item,
                            item.to_string(),
                            crate::describe::charts::chart_item(&d, self.lang, k, item).0,
                        )
                    })
                    .collect();
                (scene, names)
            }
        };
        let svg = render::svg(&scene, &self.theme);
        let doc = document()?;
        let prefix = self.prefix.clone();
        let events_total = d.events.len();
        let selected = match kind {
            Kind::Timeline => self.timeline.as_ref().and_then(|t| {
                let held = self.reading.selected.and_then(|e| t.holding(e));
                held.or(self.reading.listed.as_ref().map(|l| l.id))
            }),
            Kind::Chart(_) => None,
        };
        let (zoom, width) = (self.scale(kind), self.width);
        let Some(stage) = self.stages.get_mut(i) else {
            return Ok(());
        };
        stage.svg_box.set_inner_html(&svg);
        // Shown at the host's width: the rung's drawing scaled to fill it.
        if let Some(svg) = stage.svg_box.first_element_child() {
            let svg: HtmlElement = svg.unchecked_into();
            svg.style().set_property("width", &px(width))?;
            svg.style()
                .set_property("height", &px(scene.height * zoom))?;
        }
        stage
            .stage
            .style()
            .set_property("height", &px(scene.height * zoom))?;
        stage.listbox.set_inner_html("");
        stage.order.clear();
        let key = stage.kind.code();
        for (item, id, name) in names {
            // (A scan per option: the options are bounded by the layout, a few hundred at most.)
            let Some(hit) = scene.hits.iter().find(|h| h.item == item) else {
                continue;
            };
            let opt: HtmlElement = doc.create_element("div")?.dyn_into()?;
            opt.set_id(&format!("{prefix}-{key}-{id}"));
            opt.set_class_name("bx-opt");
            opt.set_attribute("role", "option")?;
            opt.set_attribute("aria-label", &name)?;
            // Only the timeline has a selection (its open event, or the cluster holding it or
            // listed); a chart's marks are browsed.
            if kind == Kind::Timeline {
                let is_selected = selected == Some(item);
                opt.set_attribute("aria-selected", if is_selected { "true" } else { "false" })?;
                if item < events_total {
                    opt.set_attribute(hooks::EVENT, &id)?;
                }
            }
            let style = opt.style();
            style.set_property("position", "absolute")?;
            style.set_property("left", &px(hit.x * zoom))?;
            style.set_property("top", &px(hit.y * zoom))?;
            style.set_property("width", &px(hit.w * zoom))?;
            style.set_property("height", &px(hit.h * zoom))?;
            stage.listbox.append_child(&opt)?;
            stage.order.push(item);
        }
        stage.scene = scene;
        // The keyboard stays only on a mark still drawn (or, after a zoom, goes to the mark
        // holding the cluster's first event).
        self.reading
            .laid_out(kind, &stage.order, self.timeline.as_ref());
        self.mark_active(i)?;
        self.show_tip(i, self.reading.marks(kind).tip)
    }

    pub(super) fn timeline_stage(&self) -> Option<usize> {
        self.stages.iter().position(|s| s.kind == Kind::Timeline)
    }

    /// Pointer position relative to a stage, for the layout's hit test.
    /// A point of the page in a stage's layout coordinates (before the text zoom).
    pub(super) fn stage_point(&self, i: usize, (x, y): (f64, f64)) -> Option<(f64, f64)> {
        let stage = self.stages.get(i)?;
        let r = stage.stage.get_bounding_client_rect();
        let scale = self.scale(stage.kind);
        Some(((x - r.left()) / scale, (y - r.top()) / scale))
    }

    /// The width a figure is laid out at: the widest of its rungs the host's width holds at
    /// the reader's text size (the static version's container query picks the same one).
    pub(super) fn layout_width(&self, kind: Kind) -> f64 {
        let rungs: &[f64] = match kind {
            Kind::Timeline => &crate::layout::TIMELINE_RUNGS,
            Kind::Chart(_) => &crate::layout::CHART_RUNGS,
        };
        crate::layout::rung(rungs, self.width / self.zoom)
    }

    /// How much a figure is scaled from its rung to fill the host's width.
    pub(super) fn scale(&self, kind: Kind) -> f64 {
        self.width / self.layout_width(kind)
    }

    pub(super) fn hit(&self, i: usize, (x, y): (f64, f64)) -> Option<usize> {
        self.stages.get(i)?.scene.hit_test(x, y)
    }

    /// The stage that draws `kind`.
    pub(super) fn stage_index(&self, kind: Kind) -> Option<usize> {
        self.stages.iter().position(|s| s.kind == kind)
    }
}
