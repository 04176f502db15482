//! The dataset: what a breach explainer knows, validated and resolved.
//!
//! `validate` turns any JSON tree into a [`Dataset`] or into the list of *every* problem in it,
//! each with its JSON path. After validation nothing needs checking again: source references are
//! indices that exist, dates are real, counts are whole numbers.

pub mod codes;
pub mod date;
pub mod figures;
#[cfg(target_arch = "wasm32")]
pub mod from_js;
pub mod issue;
pub mod json;
pub mod line_column;
pub mod position;
pub mod story;
pub mod validate;

use codes::codes;
pub use date::{Part, Precision, StoryDate};
pub use figures::{figures, Figures};
pub use issue::{Counted, Expected, Issue, Problem};
pub use json::Json;
pub use story::{load, Story};
pub use validate::validate;

/// The languages the explainer speaks. Adding one: a variant here, its code in `CODES`, and a
/// string table in `crate::i18n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ko,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// `en`, `en-GB`, `ko-KR`… → the language; anything else → `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }
}

/// Reader-facing text in each language the dataset carries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Text {
    values: Vec<(Lang, String)>,
}

impl Text {
    pub fn new(values: Vec<(Lang, String)>) -> Text {
        Text { values }
    }

    /// The text in `lang`, else in English, else in whatever language it has.
    pub fn get(&self, lang: Lang) -> &str {
        self.values
            .iter()
            .find(|(l, _)| *l == lang)
            .or_else(|| self.values.iter().find(|(l, _)| *l == Lang::En))
            .or_else(|| self.values.first())
            .map(|(_, s)| s.as_str())
            .unwrap_or("")
    }

    /// Whether the text exists in `lang` itself (not through a fallback).
    pub fn has(&self, lang: Lang) -> bool {
        self.values.iter().any(|(l, _)| *l == lang)
    }
}

/// Index into `Dataset::sources`; always valid after validation.
pub type SourceRef = usize;

codes! {
    /// Whether a source's `title` is its published headline or a description written by the
    /// dataset's author (shown in brackets, never passed off as a headline).
    #[derive(Default)]
    pub enum TitleKind {
        #[default]
        Headline = "headline",
        Description = "description",
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    pub title: String,
    pub title_kind: TitleKind,
    /// The language tag of the source's title as the author gave it (`en`, `ko`).
    pub lang: Option<String>,
    /// Always `https:` or `http:`.
    pub url: String,
    pub published: Option<StoryDate>,
    pub via: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Breach {
    pub organisation: Text,
    pub country: String,
    pub title: Text,
    pub summary: Text,
    pub credit: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Zone {
    /// Minutes east of UTC (+09:00 → 540).
    pub offset: i32,
    pub label: Text,
}

/// A date a source gives, or a bound on it: `{"no_later_than": DATE}` (it happened by then),
/// `{"no_earlier_than": DATE}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    On(StoryDate),
    NoLaterThan(StoryDate),
    NoEarlierThan(StoryDate),
}

impl Bound {
    /// The date written in the file, whichever side it bounds.
    pub fn date(&self) -> &StoryDate {
        match self {
            Bound::On(d) | Bound::NoLaterThan(d) | Bound::NoEarlierThan(d) => d,
        }
    }

    /// The date when it is the date itself, not a bound.
    pub fn exact(&self) -> Option<&StoryDate> {
        match self {
            Bound::On(d) => Some(d),
            Bound::NoLaterThan(_) | Bound::NoEarlierThan(_) => None,
        }
    }
}

/// How a period of access ended, as far as the sources know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// A date, or a bound on it.
    At(Bound),
    /// `"ongoing"`: access may be continuing.
    Ongoing,
    /// `"unknown"`: it ended; when is not known.
    Unknown,
    /// `"not-stated"`: the sources do not say when it ended, or whether it has.
    NotStated,
}

impl End {
    pub fn bound(&self) -> Option<&Bound> {
        match self {
            End::At(b) => Some(b),
            End::Ongoing | End::Unknown | End::NotStated => None,
        }
    }

    /// The end date when it is known as a date, not a bound.
    pub fn exact(&self) -> Option<&StoryDate> {
        self.bound().and_then(Bound::exact)
    }
}

/// A count or an amount as far as it is known: `value` (or `amount`), `at_least` and/or
/// `at_most`, or `"disclosed": false`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Exact(u64),
    /// A lower bound: the full figure has not been given.
    AtLeast(u64),
    /// An upper bound ("up to 2 million").
    AtMost(u64),
    /// A range; low ≤ high (checked).
    Between(u64, u64),
    /// No figure has been disclosed (never a zero).
    NotDisclosed,
}

impl Figure {
    /// The figure when it is one number.
    pub fn exact(&self) -> Option<u64> {
        match self {
            Figure::Exact(n) => Some(*n),
            Figure::AtLeast(_) | Figure::AtMost(_) | Figure::Between(..) | Figure::NotDisclosed => {
                None
            }
        }
    }

    /// The lowest and highest values the figure is drawn between: a lower bound is drawn up to
    /// its bound with an open end, an upper bound from zero; nothing when not disclosed.
    pub fn extent(&self) -> Option<(u64, u64)> {
        match self {
            Figure::Exact(n) | Figure::AtLeast(n) => Some((*n, *n)),
            Figure::AtMost(n) => Some((0, *n)),
            Figure::Between(a, b) => Some((*a, *b)),
            Figure::NotDisclosed => None,
        }
    }

    /// The largest number the figure names (its upper end where there is one): for scales.
    pub fn largest(&self) -> Option<u64> {
        self.extent().map(|(_, high)| high)
    }
}

codes! {
    /// What an exposure window measures: an intruder's access, data copied out, or data left
    /// open to anyone with no one's access established; or it is not said.
    pub enum Measures {
        Access = "access",
        CopyingOut = "copying-out",
        OpenToAnyone = "open-to-anyone",
        NotStated = "not-stated",
    }
}

/// One source's account of when the exposure (what `measures` says) started and ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub id: String,
    pub by: Text,
    pub measures: Measures,
    /// A superseded account is history: listed as such, never drawn as a window.
    pub status: Status,
    pub start: Bound,
    pub end: End,
    pub note: Option<Text>,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Exposure {
    pub claims: Vec<Claim>,
    /// Index into `claims` of the claim drawn as the window.
    pub preferred: usize,
}

impl Exposure {
    pub fn preferred_claim(&self) -> Option<&Claim> {
        self.claims.get(self.preferred)
    }

    /// The accounts that stand today (not superseded), the preferred one among them.
    pub fn current(&self) -> impl Iterator<Item = &Claim> {
        self.claims.iter().filter(|c| c.status.is_current())
    }
}

codes! {
    pub enum Lane {
        Breach = "breach",
        Company = "company",
        Government = "government",
        PoliceCourts = "police-courts",
        Context = "context",
    }
}

codes! {
    /// How well a fact is sourced, from least to most.
    pub enum Confidence {
        Low = "low",
        Medium = "medium",
        MediumHigh = "medium-high",
        High = "high",
    }
}

codes! {
    /// Events the derived figures (days of exposure, detection lag…) are measured between.
    pub enum Milestone {
        AccessStart = "access-start",
        AccessEnd = "access-end",
        Detected = "detected",
        Disclosed = "disclosed",
        Complaint = "complaint",
    }
}

/// Another source's date for the same event (detection: 17 vs 18 November).
#[derive(Debug, Clone, PartialEq)]
pub struct Alternative {
    pub date: StoryDate,
    pub by: Text,
    pub note: Option<Text>,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub id: String,
    pub date: StoryDate,
    pub end: Option<StoryDate>,
    pub lane: Lane,
    pub title: Text,
    pub detail: Text,
    pub confidence: Confidence,
    pub milestone: Option<Milestone>,
    pub sources: Vec<SourceRef>,
    pub alternatives: Vec<Alternative>,
}

codes! {
    pub enum Unit {
        Accounts = "accounts",
        People = "people",
        Records = "records",
        SimRecords = "sim-records",
        Subscribers = "subscribers",
        Residents = "residents",
        Gigabytes = "gigabytes",
        /// A size in bytes, said at its scale ("about 1.7 GB"): a size first reported in MB or
        /// GB with a decimal is entered as the whole number of bytes it stands for.
        Bytes = "bytes",
        PageViews = "page-views",
        /// Documents, photos or other files taken ("1.2 million files").
        Files = "files",
    }
}

codes! {
    /// Where a fact stands in a developing story (a count, an amount, an account of the window).
    pub enum Status {
        Reported = "reported",
        Superseded = "superseded",
        /// A party's own claim, shown as such and never drawn as a count.
        DisputedClaim = "disputed-claim",
        /// Not the breach's own figure (a population, another breach): shown for comparison
        /// only, never as a revision of the count nor announced as a count added.
        Context = "context",
    }
}

impl Status {
    /// Whether the fact is told as it stands today: not replaced, and the breach's own.
    pub fn is_current(self) -> bool {
        matches!(self, Status::Reported | Status::DisputedClaim)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub id: String,
    pub series: String,
    pub subject: Text,
    pub value: Figure,
    pub approximate: bool,
    pub unit: Unit,
    pub as_of: StoryDate,
    pub reported_by: Text,
    pub status: Status,
    /// `"lead": true`: the count the explainer leads with (else the first in the file).
    pub lead: bool,
    /// Index into `Dataset::counts` of the count this one adds to (165,455 more accounts on top
    /// of 33.7 million): drawn as an addition, not as a new total.
    pub adds_to: Option<usize>,
    pub note: Option<Text>,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub id: String,
    pub title: Text,
    /// Indices into `Dataset::counts`.
    pub counts: Vec<usize>,
    pub mixed_units: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DataClass {
    pub id: String,
    pub label: Text,
    pub exposed: bool,
    pub advice: Text,
    pub sources: Vec<SourceRef>,
}

codes! {
    pub enum MoneyKind {
        Fine = "fine",
        Compensation = "compensation",
        Loss = "loss",
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MoneyPart {
    pub label: Text,
    pub amount: u64,
}

/// A figure in another currency exactly as a source gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    pub amount: u64,
    pub currency: String,
    pub as_of: StoryDate,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    pub id: String,
    /// Successive estimates of one amount share a series (its first item's id by default):
    /// the latest is drawn, the superseded ones as its earlier figures.
    pub series: String,
    pub kind: MoneyKind,
    pub subject: Text,
    pub amount: Figure,
    pub currency: String,
    pub approximate: bool,
    pub date: StoryDate,
    pub parts: Vec<MoneyPart>,
    pub converted: Vec<Converted>,
    pub status: Status,
    pub note: Option<Text>,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    pub id: String,
    pub claim: Text,
    pub correct: Text,
    pub seen_in: Text,
    pub sources: Vec<SourceRef>,
}

codes! {
    /// What a change to the dataset did to the item it is about.
    pub enum ChangeKind {
        Added = "added",
        Revised = "revised",
        Corrected = "corrected",
        Removed = "removed",
    }
}

codes! {
    /// The list of the dataset a change is about (`"counts/accounts-33-7m"`): `exposure` names
    /// the accounts of the exposure (`exposure.claims`).
    pub enum ChangeList {
        Events = "events",
        Counts = "counts",
        Exposure = "exposure",
        Sources = "sources",
        Money = "money",
        DataClasses = "data_classes",
        Corrections = "corrections",
    }
}

/// An item a change names: its list, its id, and its position in that list when it is there
/// (an item that was removed is not).
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRef {
    pub list: ChangeList,
    pub id: String,
    pub index: Option<usize>,
}

/// One entry of the dataset's change log: what changed, when, and on whose word.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub at: StoryDate,
    pub kind: ChangeKind,
    pub about: ItemRef,
    /// The earlier item of the same list this one replaces (the count a revised count
    /// supersedes); always present in the list.
    pub replaces: Option<ItemRef>,
    pub note: Option<Text>,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub id: String,
    pub languages: Vec<Lang>,
    pub zone: Zone,
    pub breach: Breach,
    pub sources: Vec<Source>,
    pub exposure: Exposure,
    pub events: Vec<Event>,
    pub counts: Vec<Count>,
    pub comparisons: Vec<Comparison>,
    pub data_classes: Vec<DataClass>,
    pub money: Vec<Money>,
    pub corrections: Vec<Correction>,
    /// When the dataset was last updated: a date and time with its offset.
    pub updated: Option<StoryDate>,
    /// The change log, as written (see [`Dataset::changes_newest_first`]).
    pub changes: Vec<Change>,
}

impl Dataset {
    /// Change indices, newest first; of changes made at the same moment, the one written
    /// later in the log counts as the newer (a log grows at its end).
    pub fn changes_newest_first(&self) -> Vec<usize> {
        let zone = self.zone.offset;
        sorted_by_key((0..self.changes.len()).rev().collect(), &|i| {
            self.changes.get(i).map_or(0.0, |c| -c.at.start(zone))
        })
    }

    /// The latest change, when the dataset has a change log.
    pub fn latest_change(&self) -> Option<&Change> {
        self.changes_newest_first()
            .first()
            .and_then(|&i| self.changes.get(i))
    }

    /// Event indices in time order (ties keep file order). A date known only to the month or
    /// year sorts at the middle of its period, where the timeline draws it.
    pub fn events_in_time_order(&self) -> Vec<usize> {
        let zone = self.zone.offset;
        sorted_by_key((0..self.events.len()).collect(), &|i| {
            self.events.get(i).map_or(0.0, |e| e.date.middle(zone))
        })
    }

    /// The count the explainer leads with: the one marked `"lead": true`, else the first.
    pub fn lead_count(&self) -> Option<&Count> {
        self.counts
            .iter()
            .find(|c| c.lead)
            .or_else(|| self.counts.first())
    }

    pub fn milestone(&self, m: Milestone) -> Option<&Event> {
        self.events.iter().find(|e| e.milestone == Some(m))
    }

    /// The language to show the page in: the one asked for when the dataset has its text,
    /// else the dataset's first language (never a page that mixes interface and data languages).
    pub fn page_lang(&self, wanted: Lang) -> Lang {
        if self.languages.contains(&wanted) {
            wanted
        } else {
            self.languages.first().copied().unwrap_or(wanted)
        }
    }

    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.events.iter().position(|e| e.id == id)
    }
}

/// `items` ordered by `key`, ties in their given order. One sort for the whole crate: each
/// distinct `sort_by` closure would compile its own copy of the sort into the wasm.
pub fn sorted_by_key(items: Vec<usize>, key: &dyn Fn(usize) -> f64) -> Vec<usize> {
    let mut keyed: Vec<(f64, usize, usize)> = items
        .into_iter()
        .enumerate()
        .map(|(pos, i)| (key(i), pos, i))
        .collect();
    keyed.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    keyed.into_iter().map(|(_, _, i)| i).collect()
}

/// The default dataset (chosen by `build.rs`, whitespace removed), for the native commands and
/// the tests; the release wasm leaves it out (feature `embedded-default`).
#[cfg(feature = "embedded-default")]
pub const DEFAULT_DATASET: &str = include_str!(concat!(env!("OUT_DIR"), "/default.min.json"));
#[cfg(feature = "embedded-default")]
pub const DEFAULT_DATASET_NAME: &str = env!("BX_DEFAULT_DATASET_NAME");
