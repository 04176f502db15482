//! The vocabulary the page tree and the DOM module share: every `data-*` hook the page writes
//! and the web module reads, declared once. Neither side spells a hook as a string literal.

use crate::layout::timeline::{Timeline, View};
use crate::model::figures::ChartKind;
use crate::model::Story;

/// `data-bx`: the parts of the page the DOM module finds and wires up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// An interactive figure: drawing, listbox and tooltip.
    Stage,
    Svg,
    Listbox,
    Tip,
    /// The polite live region.
    Live,
    /// The selected event's details.
    Detail,
    /// A figure's short text alternative, which its listbox is described by.
    Alt,
    /// The details panel's close button.
    Close,
    /// The "Updated …" line under the headline, which says "Updated just now: …" after a newer
    /// version of the dataset replaced the one on screen.
    Updated,
    /// Back from a cluster's dates to the wider view (shown only while zoomed in).
    ZoomOut,
    /// In an event's details opened from a cluster's list: back to that list.
    BackToList,
    /// The "All events as a list" list, which grows a page at a time.
    EventList,
}

pub const PART: &str = "data-bx";
/// On a stage: which figure it draws ([`Stage::code`]).
pub const STAGE: &str = "data-chart";
/// On a figure: which chart it is.
pub const FIGURE: &str = "data-figure";
/// On a download button: what it downloads ([`Export::code`]); with [`FIGURE_KEY`] for figures.
pub const EXPORT: &str = "data-export";
pub const FIGURE_KEY: &str = "data-figure-key";
/// On a language button: the language's code.
pub const LANG_SWITCH: &str = "data-lang-switch";
/// On a view button: [`view_code`].
pub const VIEW: &str = "data-view";
/// On the live explainer's root: the theme it draws with (`light`, `dark`, `auto`).
pub const THEME: &str = "data-theme";
/// On the static version's root.
pub const STATIC: &str = "data-static";
/// On the static version's root: the parts it shows ([`Parts::code`]), for the live one.
pub const STATIC_PARTS: &str = "data-parts";
/// On one of the static version's pictures: the width rung it is drawn at.
pub const RUNG: &str = "data-rung";
/// On a timeline option: the event's id.
pub const EVENT: &str = "data-event";
/// On an event in the list: its lane (for styles).
pub const LANE: &str = "data-lane";
/// On a button in a cluster's list: the id of the event it opens.
pub const PICK: &str = "data-pick";
/// On a "show more" button: which list it lengthens ([`More::code`]).
pub const MORE: &str = "data-more";
/// On a `<details>` whose contents are built when the reader first opens it: its key.
pub const LAZY: &str = "data-lazy";

/// A list shown a page at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum More {
    /// "All events as a list".
    Events,
    /// A cluster's events, in the details panel.
    Cluster,
}

impl More {
    pub fn code(self) -> &'static str {
        match self {
            More::Events => "events",
            More::Cluster => "cluster",
        }
    }
    pub fn from_code(code: &str) -> Option<More> {
        [More::Events, More::Cluster]
            .into_iter()
            .find(|m| m.code() == code)
    }
}

impl Part {
    pub const ALL: [Part; 12] = [
        Part::Stage,
        Part::Svg,
        Part::Listbox,
        Part::Tip,
        Part::Live,
        Part::Detail,
        Part::Alt,
        Part::Close,
        Part::Updated,
        Part::ZoomOut,
        Part::BackToList,
        Part::EventList,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Part::Stage => "stage",
            Part::Svg => "svg",
            Part::Listbox => "listbox",
            Part::Tip => "tip",
            Part::Live => "live",
            Part::Detail => "detail",
            Part::Alt => "alt",
            Part::Close => "close",
            Part::Updated => "updated",
            Part::ZoomOut => "zoom-out",
            Part::BackToList => "back-to-list",
            Part::EventList => "event-list",
        }
    }
    /// `[data-bx=listbox]`.
    pub fn selector(self) -> String {
        format!("[{PART}={}]", self.code())
    }
}

/// What an interactive figure draws: the timeline or a chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Timeline,
    Chart(ChartKind),
}

impl Stage {
    pub fn code(self) -> &'static str {
        match self {
            Stage::Timeline => "timeline",
            Stage::Chart(k) => k.key(),
        }
    }
    pub fn from_code(code: &str) -> Option<Stage> {
        match code {
            "timeline" => Some(Stage::Timeline),
            other => ChartKind::from_key(other).map(Stage::Chart),
        }
    }
}

/// What a download button takes away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    Svg,
    Png,
    EventsCsv,
    CountsCsv,
    Json,
}

impl Export {
    pub const ALL: [Export; 5] = [
        Export::Svg,
        Export::Png,
        Export::EventsCsv,
        Export::CountsCsv,
        Export::Json,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Export::Svg => "svg",
            Export::Png => "png",
            Export::EventsCsv => "events-csv",
            Export::CountsCsv => "counts-csv",
            Export::Json => "json",
        }
    }
    pub fn from_code(code: &str) -> Option<Export> {
        Export::ALL.into_iter().find(|e| e.code() == code)
    }
}

pub fn view_code(view: View) -> &'static str {
    match view {
        View::Window => "window",
        View::Story => "story",
        // Zoomed in on a cluster: no view button stands for it.
        View::Span { .. } => "span",
    }
}

pub fn view_from_code(code: &str) -> Option<View> {
    [View::Window, View::Story]
        .into_iter()
        .find(|v| view_code(*v) == code)
}

/// `data-part` on each part of the explainer a host can choose (`parts` option, `data-parts`).
pub const PAGE_PART: &str = "data-part";

/// The parts of the explainer, in page order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagePart {
    /// The headline and summary.
    Head,
    /// The key figures, the timeline and its event list.
    Timeline,
    Chart(ChartKind),
    /// "What changed": the dataset's change log.
    Changes,
    Corrections,
    Sources,
    /// "Get the data" downloads.
    Data,
}

impl PagePart {
    pub const ALL: [PagePart; 10] = [
        PagePart::Head,
        PagePart::Timeline,
        PagePart::Chart(ChartKind::Revisions),
        PagePart::Chart(ChartKind::Comparison),
        PagePart::Chart(ChartKind::Exposed),
        PagePart::Chart(ChartKind::Money),
        PagePart::Changes,
        PagePart::Corrections,
        PagePart::Sources,
        PagePart::Data,
    ];
    pub fn code(self) -> &'static str {
        match self {
            PagePart::Head => "head",
            PagePart::Timeline => "timeline",
            PagePart::Chart(k) => k.key(),
            PagePart::Changes => "changes",
            PagePart::Corrections => "corrections",
            PagePart::Sources => "sources",
            PagePart::Data => "data",
        }
    }
    pub fn from_code(code: &str) -> Option<PagePart> {
        PagePart::ALL.into_iter().find(|p| p.code() == code.trim())
    }
}

/// Which parts a page shows, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parts {
    /// Everything, open: the static version and print.
    All,
    /// The story in three phone screens: headline, key figures and timeline open, every other
    /// part one tap away (folded, not removed). The default of the embed.
    Compact,
    /// Only these, open, as a host chose them (`parts: "timeline,money"`).
    Only(Vec<PagePart>),
}

impl Parts {
    /// From a host's comma-separated list (`"all"` for everything open); an empty or
    /// unreadable list means the default.
    pub fn from_list(list: Option<&str>) -> Parts {
        if list.is_some_and(|l| l.trim() == "all") {
            return Parts::All;
        }
        let chosen: Vec<PagePart> = list
            .unwrap_or("")
            .split(',')
            .filter_map(PagePart::from_code)
            .collect();
        if chosen.is_empty() {
            Parts::Compact
        } else {
            Parts::Only(chosen)
        }
    }

    /// As a host writes it (`from_list` reads it back).
    pub fn code(&self) -> String {
        match self {
            Parts::All => "all".into(),
            Parts::Compact => "compact".into(),
            Parts::Only(chosen) => chosen
                .iter()
                .map(|p| p.code())
                .collect::<Vec<_>>()
                .join(","),
        }
    }

    /// Shown (`Some(open)`) or left out (`None`).
    pub fn show(&self, part: PagePart) -> Option<bool> {
        match self {
            Parts::All => Some(true),
            Parts::Only(chosen) => chosen.contains(&part).then_some(true),
            Parts::Compact => Some(matches!(part, PagePart::Head | PagePart::Timeline)),
        }
    }
}

/// What a timeline mark's option is known by in its element id: the event's id, or for a
/// cluster `group_` and its first event's id (event ids have no `_`, so the two never meet).
pub fn timeline_key(d: &Story, t: &Timeline, id: usize) -> Option<String> {
    match t.cluster(id) {
        Some(c) => Some(format!("group_{}", d.events.get(*c.events.first()?)?.id)),
        None => d.events.get(id).map(|e| e.id.clone()),
    }
}
