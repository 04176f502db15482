//! Problems found in a dataset, in words a journalist understands.
//!
//! Each problem is data (what was expected, what was found) so the page can word it in the
//! reader's language; `Display` gives the English line `path: message`, and once
//! [`super::position::place`] has placed an issue, `path (the 4th event, "…"): message` (the
//! line and column are put before it by `page::describe`).
//!
//! This file holds the data; the wording is apart, one language a file (`english`, `korean`),
//! with the words they share for fields, lists and list items (`words`).

use super::line_column::Position;
use super::{Lang, Text};
use std::fmt;

mod english;
mod korean;
mod words;

/// What a field should hold, as said to a dataset author.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Object,
    List,
    Text,
    String,
    Boolean,
    WholeNumber,
    Date,
    /// A date and time with its UTC offset (`updated`).
    DateTime,
    Id,
    Url,
    Offset,
    LanguageCode,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file is not JSON at all.
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// A comma after the last item of a list or an object (placed at the comma, where a
    /// parser names the bracket after it, often a line later).
    TrailingComma,
    /// The browser's JSON parser refused the text; its message names line and column.
    NotJson {
        detail: String,
    },
    /// The file could not be loaded: an HTTP status, or 0 and the browser's message when the
    /// server could not be reached.
    Load {
        url: String,
        status: u16,
        detail: String,
    },
    Missing {
        expected: Expected,
    },
    WrongType {
        expected: Expected,
        found: String,
    },
    Empty,
    NotADate {
        found: String,
    },
    NotOnCalendar {
        found: String,
    },
    NoOffset {
        found: String,
        /// The time with the story's own offset, when the dataset gives one.
        with: Option<String>,
    },
    EndBeforeStart {
        start: String,
        end: String,
    },
    /// A count or amount given in two forms at once (`value` and `at_least`, …).
    FigureTwice {
        first: &'static str,
        second: &'static str,
    },
    /// A count or amount in no form: no `value` (`amount`), bound or `"disclosed": false`.
    NoFigure {
        field: &'static str,
    },
    /// `at_least` above `at_most`.
    BoundsReversed {
        low: u64,
        high: u64,
    },
    /// `"disclosed"` is only ever `false`: a disclosed figure is given as the figure.
    DisclosedNotFalse {
        field: &'static str,
    },
    /// A bounded date that is not `{"no_later_than": DATE}` or `{"no_earlier_than": DATE}`.
    BoundForm {
        /// Whether `"ongoing"`, `"unknown"` and `"not-stated"` are allowed here (an end).
        open: bool,
    },
    NotWholeNumber {
        found: String,
    },
    /// A count or amount below zero.
    Negative {
        found: String,
    },
    /// A whole number past what JSON readers keep exactly (2^53 − 1).
    TooLargeNumber {
        found: String,
    },
    /// A web address with a space or line break in it.
    SpaceInWebAddress {
        found: String,
    },
    NotOneOf {
        found: String,
        allowed: &'static [&'static str],
    },
    BadId {
        found: String,
    },
    DuplicateId {
        id: String,
        first: String,
    },
    DuplicateField {
        name: String,
    },
    UnknownSource {
        id: String,
    },
    UnknownReference {
        id: String,
        list: &'static str,
    },
    NoSources,
    NotWebAddress {
        found: String,
    },
    MissingLanguage {
        lang: &'static str,
    },
    UnknownLanguage {
        found: String,
    },
    NotLanguageTag {
        found: String,
    },
    UnknownField {
        name: String,
        known: &'static [&'static str],
        /// The known field it is a likely typo of ("asof" → "as_of").
        suggestion: Option<&'static str>,
    },
    /// A second count marked `"lead": true`.
    LeadTwice {
        first: String,
    },
    MilestoneTwice {
        milestone: &'static str,
        first: String,
    },
    MixedUnits {
        units: String,
    },
    /// More figures than an explainer can show a reader (and a phone can hold).
    TooMany {
        max: usize,
        found: usize,
        what: &'static str,
    },
    TooFew {
        min: usize,
        what: Counted,
    },
    /// Nested deeper than any dataset needs (and than the parsers' stacks allow).
    TooDeep {
        limit: usize,
    },
    /// An object that contains itself: JSON cannot hold it.
    RefersToItself,
    /// More values than any dataset needs (a graph of shared references, say).
    TooLarge {
        limit: usize,
    },
    /// Not a problem: a note for the author that a fact is listed, not drawn.
    ListedNotDrawn {
        what: NotDrawn,
    },
}

/// What a list needs at least some of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    Language,
    Source,
    Event,
    Claim,
    CountsToCompare,
}

/// What the explainer lists in text and tables rather than drawing, and why.
#[derive(Debug, Clone, PartialEq)]
pub enum NotDrawn {
    /// A comparison after the first: one comparison chart per explainer.
    Comparison,
    /// An amount in another currency than the chart's bars (no invented conversion).
    Currency { currency: String, main: String },
}

/// What kind of item of a list a problem is in, for "the 4th event".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Event,
    Source,
    Count,
    Comparison,
    DataClass,
    Amount,
    Correction,
    Change,
    Claim,
    Alternative,
    Part,
    Conversion,
    Item,
}

impl ItemKind {
    /// The kind of the items of the list under `key` (the format's list names).
    pub fn of_list(key: &str) -> ItemKind {
        match key {
            "events" => ItemKind::Event,
            "sources" => ItemKind::Source,
            "counts" => ItemKind::Count,
            "comparisons" => ItemKind::Comparison,
            "data_classes" => ItemKind::DataClass,
            "money" => ItemKind::Amount,
            "corrections" => ItemKind::Correction,
            "changes" => ItemKind::Change,
            "claims" => ItemKind::Claim,
            "alternatives" => ItemKind::Alternative,
            "parts" => ItemKind::Part,
            "converted" => ItemKind::Conversion,
            _ => ItemKind::Item,
        }
    }
}

/// One item of a list that a problem's path goes through: "the 4th event, "Police raid"".
#[derive(Debug, Clone, PartialEq)]
pub struct Within {
    pub kind: ItemKind,
    /// From 0, as in the path.
    pub index: usize,
    /// The item's title, label or id, as the dataset gives it.
    pub name: Option<Text>,
}

/// One problem at one place in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// A JSON path such as `events[14].date`; empty for the file as a whole.
    pub path: String,
    pub problem: Problem,
    /// Its line and column in the file, when the dataset was read from text (see
    /// [`super::position::place`]).
    pub at: Option<Position>,
    /// The list items its path goes through, outermost first, to say where it is in words.
    pub within: Box<[Within]>,
}

impl Issue {
    pub fn new(path: String, problem: Problem) -> Issue {
        Issue {
            path,
            problem,
            at: None,
            within: Box::new([]),
        }
    }

    /// `path (the 4th event, "Police raid"): message` in `lang`; without the words when the
    /// path is in no list item, without the path for the file as a whole.
    pub fn describe(&self, lang: Lang) -> String {
        if self.path.is_empty() {
            return self.problem.describe(lang);
        }
        match self.place_words(lang) {
            Some(place) => format!("{} ({place}): {}", self.path, self.problem.describe(lang)),
            None => format!("{}: {}", self.path, self.problem.describe(lang)),
        }
    }
}

impl Problem {
    /// The message in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Ko => self.korean(),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}
