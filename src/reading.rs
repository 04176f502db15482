//! What the reader is looking at, as a plain value: the timeline's view and the zooms that led
//! to it, the selected event, the cluster whose events the details panel lists, how much of each
//! long list is shown, and on each figure the mark the keyboard is on and the one whose tooltip
//! shows. [`Reading::apply`] takes one thing the reader did (a key decoded once into a [`Key`],
//! a click on a mark, a button) and returns what changed on screen as [`Changes`]; the page
//! (`web`) paints them. What it needs of the drawing (each figure's marks in keyboard order, the
//! timeline's clusters) comes in read-only as a [`Context`], so every transition is a pure
//! function, tested natively (`tests/reading.rs`).

use crate::layout::timeline::{self, Timeline, View};
use crate::model::figures::ChartKind;
use crate::model::{Dataset, Lane, Story, StoryDate};
use crate::page::lists::PAGE;

/// What a stage draws: the timeline, or one of the count charts (the page's own vocabulary).
pub use crate::page::hooks::Stage as Kind;

/// How many figures a page can draw: the timeline and each chart.
const SLOTS: usize = 1 + ChartKind::ALL.len();

/// A figure's place among [`SLOTS`].
fn slot(kind: Kind) -> usize {
    match kind {
        Kind::Timeline => 0,
        Kind::Chart(k) => 1 + k as usize,
    }
}

/// A key the explainer answers, decoded once from the keyboard event's `key`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// Arrow right or down: the next mark (it stops at the last).
    Next,
    /// Arrow left or up: the mark before (it stops at the first).
    Prev,
    /// Home.
    First,
    /// End.
    Last,
    /// Enter or Space: open the mark (timeline) or show its figures (chart).
    Activate,
    Escape,
}

impl Key {
    /// The key named by a `KeyboardEvent.key`; `None` for keys the explainer leaves alone.
    pub fn from_name(name: &str) -> Option<Key> {
        Some(match name {
            "ArrowRight" | "ArrowDown" => Key::Next,
            "ArrowLeft" | "ArrowUp" => Key::Prev,
            "Home" => Key::First,
            "End" => Key::Last,
            "Enter" | " " => Key::Activate,
            "Escape" => Key::Escape,
            _ => return None,
        })
    }
}

/// A zoom into a cluster's dates, and how to go back.
#[derive(Debug, Clone, PartialEq)]
pub struct Zoom {
    /// The view before, and the dates it was zoomed in on (if it was).
    pub back_to: View,
    pub back_span: Option<(StoryDate, StoryDate)>,
    /// The cluster's first event: going back puts the keyboard on the mark that holds it.
    pub first: usize,
}

/// A cluster whose events the details panel lists (they share a time no zoom spreads).
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    /// The cluster's mark (its ring, and where Escape returns).
    pub id: usize,
    pub events: Vec<usize>,
    /// How many of them the list shows.
    pub shown: usize,
    pub from: StoryDate,
    pub to: StoryDate,
    pub lane: Lane,
}

/// Where the keyboard and the tooltip are on one figure.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    /// The item the keyboard is on (aria-activedescendant).
    pub active: Option<usize>,
    /// The item the tooltip shows.
    pub tip: Option<usize>,
}

/// What the reader is looking at. Its fields are read by the painter; they change only through
/// [`Reading::apply`] and the few named methods below.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub view: View,
    /// Zooms into clusters, innermost last; and the dates of the one shown, if zoomed in.
    pub zooms: Vec<Zoom>,
    pub zoomed_span: Option<(StoryDate, StoryDate)>,
    /// The event whose details are open.
    pub selected: Option<usize>,
    /// The cluster whose events the details panel lists (an event picked from it is
    /// `selected`, with a way back to the list).
    pub listed: Option<Listed>,
    /// How many events "All events as a list" holds so far.
    pub events_listed: usize,
    /// The parts open as drawn or as the reader last left them: a `toggle` that agrees is the
    /// page's own doing (a render, an update), not news for the host.
    pub open_parts: Vec<String>,
    /// Each figure's keyboard and tooltip positions, by [`slot`] (a figure not drawn yet has
    /// none).
    marks: [Marks; SLOTS],
    /// After a zoom, the event whose mark gets the keyboard and the tooltip once the new view is
    /// laid out ([`Reading::laid_out`]).
    keep: Option<usize>,
}

impl Default for Reading {
    fn default() -> Self {
        Reading {
            view: View::Window,
            zooms: Vec::new(),
            zoomed_span: None,
            selected: None,
            listed: None,
            events_listed: 0,
            open_parts: Vec::new(),
            marks: Default::default(),
            keep: None,
        }
    }
}

/// What [`Reading::apply`] reads of the page as drawn now.
pub struct Context<'a> {
    pub dataset: &'a Story,
    /// The timeline as laid out now (its clusters, and which mark holds an event).
    pub timeline: Option<&'a Timeline>,
    /// Each figure drawn: its marks in keyboard order, by [`slot`].
    orders: [Option<&'a [usize]>; SLOTS],
}

impl<'a> Context<'a> {
    /// The context of the figures drawn, each with its marks in keyboard order (the first of
    /// a kind counts).
    pub fn new(
        dataset: &'a Story,
        timeline: Option<&'a Timeline>,
        stages: impl IntoIterator<Item = (Kind, &'a [usize])>,
    ) -> Self {
        let mut orders = [None; SLOTS];
        for (kind, order) in stages {
            // (`slot` is below SLOTS for every kind.)
            orders[slot(kind)].get_or_insert(order);
        }
        Context {
            dataset,
            timeline,
            orders,
        }
    }

    fn order(&self, kind: Kind) -> Option<&'a [usize]> {
        self.orders[slot(kind)]
    }

    /// The mark that holds an event: its own, or its cluster's.
    fn mark_of(&self, event: usize) -> usize {
        self.timeline
            .and_then(|t| t.holding(event))
            .unwrap_or(event)
    }
}

/// One thing the reader (or the page's address) did, as the reading sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// A key; `stage` when it was pressed on a figure's marks, `in_detail` inside the details.
    Key {
        key: Key,
        stage: Option<Kind>,
        in_detail: bool,
    },
    /// Escape anywhere on the page: tooltips shown by hovering hide (WCAG 1.4.13).
    HideTips,
    /// A click on a figure's mark.
    Click {
        stage: Kind,
        item: usize,
    },
    /// The pointer rests on a mark (or on none) of a figure, as the frame's hit test found.
    Hover {
        stage: Kind,
        item: Option<usize>,
    },
    /// The pointer left a figure.
    Leave(Kind),
    /// A figure's marks got or lost the keyboard focus.
    Focus(Kind),
    Blur(Kind),
    /// The view buttons (leaving any zoom).
    SetView(View),
    CloseDetail,
    /// Back from a cluster's dates to the view before.
    ZoomOut,
    /// From an event picked in a cluster's list back to the list.
    BackToList,
    /// An event picked from a cluster's list.
    Pick(usize),
    /// An event selected by the page itself: from the address (`#event=`, switching to the
    /// whole story when the window does not draw it) or kept through an update; the host is
    /// not told.
    Select {
        event: usize,
        in_window: bool,
    },
}

/// Something said in the polite live region.
#[derive(Debug, Clone, PartialEq)]
pub enum Say {
    /// Zoomed in on these dates (with how many events the new view draws).
    Zoomed { from: StoryDate, to: StoryDate },
    /// The view changed (with how many events it draws of all).
    View,
    /// A cluster's events listed in the details panel.
    Listed {
        count: usize,
        from: StoryDate,
        to: StoryDate,
        lane: Lane,
    },
}

/// Where the keyboard focus goes once the page is painted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// A figure's marks.
    Stage(Kind),
    /// The heading of the event details that replaced a cluster's list.
    DetailHeading,
    /// The button of this event in the cluster's list.
    Pick(usize),
}

/// What changed on screen, in the order the painter applies it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    /// The input was used (a key's default action, such as scrolling, is prevented).
    pub handled: bool,
    /// The host hears the new view (`breach-explainer:view`).
    pub tell_view: bool,
    /// The view or the zoom changed: the view buttons and the zoom-out button follow.
    pub view: bool,
    /// The timeline is laid out again: a new view, or its ring on another mark.
    pub relayout: bool,
    /// The figure whose keyboard position moved.
    pub active: Option<Kind>,
    /// Its active mark is scrolled into view (keys only).
    pub reveal: bool,
    /// The figure whose tooltip changed.
    pub tip: Option<Kind>,
    /// Every tooltip hid.
    pub all_tips: bool,
    /// What the details panel shows changed.
    pub detail: bool,
    pub say: Option<Say>,
    /// The selection was made again: the live region names the event, and when `Some(true)`
    /// the address and the host hear it too.
    pub selected: Option<bool>,
    pub focus: Option<Focus>,
}

impl Reading {
    /// A figure's keyboard and tooltip positions.
    pub fn marks(&self, kind: Kind) -> Marks {
        self.marks[slot(kind)]
    }

    fn marks_mut(&mut self, kind: Kind) -> &mut Marks {
        &mut self.marks[slot(kind)]
    }

    /// The figures were drawn anew (a render): no mark is active, no tooltip shows.
    pub fn forget_marks(&mut self) {
        self.marks = Default::default();
        self.keep = None;
    }

    /// The painter could not show a figure's tooltip (its mark is not drawn, or says nothing).
    pub fn tip_gone(&mut self, kind: Kind) {
        self.marks_mut(kind).tip = None;
    }

    /// A figure was laid out again with `order` as its marks: the keyboard stays only on a mark
    /// still drawn, and after a zoom goes to the mark holding the cluster's first event.
    pub fn laid_out(&mut self, kind: Kind, order: &[usize], timeline: Option<&Timeline>) {
        let keep = match kind {
            Kind::Timeline => self.keep.take(),
            Kind::Chart(_) => None,
        };
        let m = self.marks_mut(kind);
        if m.active.is_some_and(|a| !order.contains(&a)) {
            m.active = None;
        }
        if let Some(e) = keep {
            m.active = timeline.and_then(|t| t.holding(e));
            m.tip = m.active;
        }
    }

    /// A newer version of the dataset replaces `old`: the view and its zooms stay, the listed
    /// cluster closes (it may not be one of this version's), the figures are drawn anew. Returns
    /// the selected event's index in `new`, found by its id, and whether it was removed.
    pub fn replace_data(&mut self, old: &Dataset, new: &Dataset) -> (Option<usize>, bool) {
        let id = self.selected.and_then(|i| old.events.get(i)).map(|e| &e.id);
        let again = id.and_then(|id| new.event_index(id));
        self.selected = None;
        self.listed = None;
        self.forget_marks();
        (again, id.is_some() && again.is_none())
    }

    /// The next page of the cluster's list: the first new event, and how many of how many the
    /// list now shows.
    pub fn more_in_cluster(&mut self) -> Option<(Option<usize>, usize, usize)> {
        let l = self.listed.as_mut()?;
        let before = l.shown;
        l.shown = (l.shown + PAGE).min(l.events.len());
        Some((l.events.get(before).copied(), l.shown, l.events.len()))
    }

    /// Applies one input and says what changed on screen.
    pub fn apply(&mut self, input: Input, ctx: &Context) -> Changes {
        let mut c = Changes::default();
        match input {
            Input::Key {
                key,
                stage,
                in_detail,
            } => self.key(key, stage, in_detail, ctx, &mut c),
            Input::HideTips => {
                self.hide_tips(&mut c);
            }
            Input::Click { stage, item } => {
                if ctx.order(stage).is_none() {
                    return c;
                }
                c.handled = true;
                self.marks_mut(stage).active = Some(item);
                c.active = Some(stage);
                match stage {
                    Kind::Timeline => self.open_mark(Some(item), ctx, &mut c),
                    Kind::Chart(_) => self.tip(stage, Some(item), &mut c),
                }
                c.focus = Some(Focus::Stage(stage));
            }
            Input::Hover { stage, item } => self.tip(stage, item, &mut c),
            Input::Leave(stage) | Input::Blur(stage) => self.tip(stage, None, &mut c),
            Input::Focus(stage) => {
                let Some(order) = ctx.order(stage) else {
                    return c;
                };
                let selected = self.selected.map(|e| ctx.mark_of(e));
                let m = self.marks_mut(stage);
                if m.active.is_none() {
                    m.active = match stage {
                        Kind::Timeline => selected.or_else(|| order.first().copied()),
                        Kind::Chart(_) => order.first().copied(),
                    };
                }
                let active = m.active;
                c.active = Some(stage);
                self.tip(stage, active, &mut c);
            }
            Input::SetView(view) => self.set_view(view, &mut c),
            Input::CloseDetail => self.close_detail(&mut c),
            Input::ZoomOut => self.zoom_out(&mut c),
            Input::BackToList => self.back_to_list(ctx, &mut c),
            Input::Pick(event) => {
                self.select(Some(event), true, ctx, &mut c);
                // The details replace the list: the keyboard goes to their heading.
                c.focus = Some(Focus::DetailHeading);
            }
            Input::Select { event, in_window } => {
                if !in_window && self.view != View::Story {
                    self.set_view(View::Story, &mut c);
                }
                self.listed = None;
                self.select(Some(event), false, ctx, &mut c);
            }
        }
        c
    }

    fn key(
        &mut self,
        key: Key,
        stage: Option<Kind>,
        in_detail: bool,
        ctx: &Context,
        c: &mut Changes,
    ) {
        if key == Key::Escape {
            // Esc hides a tooltip first; it closes the details only from the details or the
            // timeline, never from a chart or a button elsewhere (no surprise focus moves): an
            // event picked from a cluster's list goes back to the list, the list closes; then,
            // on the timeline, it zooms out.
            let on_timeline = stage == Some(Kind::Timeline) && ctx.order(Kind::Timeline).is_some();
            let open = self.selected.is_some() || self.listed.is_some();
            if self.hide_tips(c) {
            } else if in_detail && self.selected.is_some() && self.listed.is_some() {
                self.back_to_list(ctx, c);
            } else if open && (in_detail || on_timeline) {
                self.close_detail(c);
            } else if on_timeline && !self.zooms.is_empty() {
                self.zoom_out(c);
            } else {
                return;
            }
            c.handled = true;
            return;
        }
        let Some((kind, order)) = stage.and_then(|k| Some((k, ctx.order(k)?))) else {
            return;
        };
        c.handled = true;
        let at = self
            .marks(kind)
            .active
            .and_then(|a| order.iter().position(|x| *x == a));
        let last = order.len().checked_sub(1);
        let next = match key {
            Key::Next => match at {
                Some(k) => Some((k + 1).min(last.unwrap_or(0))),
                None => last.map(|_| 0),
            },
            Key::Prev => match at {
                Some(k) => Some(k.saturating_sub(1)),
                None => last,
            },
            Key::First => last.map(|_| 0),
            Key::Last => last,
            Key::Activate => {
                let target = at.or(last.map(|_| 0)).and_then(|k| order.get(k).copied());
                match kind {
                    Kind::Timeline => self.open_mark(target, ctx, c),
                    Kind::Chart(_) => self.tip(kind, target, c),
                }
                return;
            }
            Key::Escape => return,
        };
        let item = next.and_then(|k| order.get(k).copied());
        self.marks_mut(kind).active = item;
        c.active = Some(kind);
        c.reveal = true;
        self.tip(kind, item, c);
    }

    /// Shows (or hides, with `None`) a figure's tooltip.
    fn tip(&mut self, kind: Kind, item: Option<usize>, c: &mut Changes) {
        self.marks_mut(kind).tip = item;
        c.tip = Some(kind);
    }

    /// Hides every tooltip shown; says whether there was one.
    fn hide_tips(&mut self, c: &mut Changes) -> bool {
        let mut any = false;
        for m in &mut self.marks {
            any |= m.tip.take().is_some();
        }
        c.all_tips |= any;
        any
    }

    /// Selects an event (or none): the ring and the keyboard on its mark, the details open;
    /// `tell`: the address and the host hear it.
    fn select(&mut self, event: Option<usize>, tell: bool, ctx: &Context, c: &mut Changes) {
        self.selected = event;
        // The keyboard goes to the event's mark: its own, or its cluster's.
        if let Some(e) = event {
            if ctx.order(Kind::Timeline).is_some() {
                self.marks_mut(Kind::Timeline).active = Some(ctx.mark_of(e));
            }
        }
        c.relayout = true;
        c.detail = true;
        c.selected = Some(tell);
    }

    /// Enter, Space or a click on a timeline mark: an event opens its details, a cluster opens.
    fn open_mark(&mut self, id: Option<usize>, ctx: &Context, c: &mut Changes) {
        let cluster = id.and_then(|id| Some((id, ctx.timeline?.cluster(id)?)));
        match cluster {
            Some((id, cluster)) => self.expand(id, cluster, ctx, c),
            None => {
                self.listed = None;
                self.select(id, true, ctx, c);
            }
        }
    }

    /// Opens a cluster: zooms into its dates, or lists its events where no zoom spreads them.
    fn expand(&mut self, id: usize, cl: &timeline::Cluster, ctx: &Context, c: &mut Changes) {
        let Some(first) = cl.events.first().copied() else {
            return;
        };
        match timeline::zoom(ctx.dataset, cl, self.view) {
            Some(view) => {
                self.zooms.push(Zoom {
                    back_to: self.view,
                    back_span: self.zoomed_span,
                    first,
                });
                self.view = view;
                self.zoomed_span = Some((cl.from, cl.to));
                self.after_zoom(first, c);
                c.say = Some(Say::Zoomed {
                    from: cl.from,
                    to: cl.to,
                });
            }
            None => {
                self.selected = None;
                self.listed = Some(Listed {
                    id,
                    shown: PAGE.min(cl.events.len()),
                    from: cl.from,
                    to: cl.to,
                    lane: cl.lane,
                    events: cl.events.clone(),
                });
                c.relayout = true;
                c.detail = true;
                c.say = Some(Say::Listed {
                    count: cl.events.len(),
                    from: cl.from,
                    to: cl.to,
                    lane: cl.lane,
                });
            }
        }
    }

    /// The timeline in a new view (a zoom in or out), the keyboard and the tooltip on the mark
    /// holding `event` once it is laid out.
    fn after_zoom(&mut self, event: usize, c: &mut Changes) {
        self.keep = Some(event);
        c.tell_view = true;
        c.view = true;
        c.relayout = true;
        c.active = Some(Kind::Timeline);
        c.reveal = true;
        c.tip = Some(Kind::Timeline);
    }

    /// Back to the view before the last zoom, the keyboard on the mark that holds the cluster's
    /// first event.
    fn zoom_out(&mut self, c: &mut Changes) {
        let Some(zoom) = self.zooms.pop() else {
            return;
        };
        self.view = zoom.back_to;
        self.zoomed_span = zoom.back_span;
        self.after_zoom(zoom.first, c);
        c.say = Some(match (self.view, self.zoomed_span) {
            (View::Span { .. }, Some((from, to))) => Say::Zoomed { from, to },
            _ => Say::View,
        });
        // The button pressed may be hidden now: the keyboard goes on in the timeline.
        c.focus = Some(Focus::Stage(Kind::Timeline));
    }

    /// Switches the timeline's view, leaving any zoom.
    fn set_view(&mut self, view: View, c: &mut Changes) {
        c.tell_view |= self.view != view;
        self.view = view;
        self.zooms.clear();
        self.zoomed_span = None;
        c.view = true;
        c.relayout = true;
        c.say = Some(Say::View);
    }

    /// Closes the details panel (an event's, or a cluster's list).
    fn close_detail(&mut self, c: &mut Changes) {
        self.listed = None;
        self.selected = None;
        c.relayout = true;
        c.detail = true;
        c.selected = Some(true);
        c.focus = Some(Focus::Stage(Kind::Timeline));
    }

    /// From an event picked in a cluster's list back to the list, the keyboard on that event.
    fn back_to_list(&mut self, ctx: &Context, c: &mut Changes) {
        let picked = self.selected;
        self.select(None, true, ctx, c);
        c.focus = picked.map(Focus::Pick);
    }
}
