//! Problems found in a dataset, in words a journalist understands.
//!
//! Each problem is data (what was expected, what was found) so the page can word it in the
//! reader's language; `Display` gives the English line `path: message`.

use std::fmt;

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
    Id,
    Url,
    Offset,
    LanguageCode,
}

impl Expected {
    pub fn describe(self) -> &'static str {
        match self {
            Expected::Object => "an object ({ … })",
            Expected::List => "a list ([ … ])",
            Expected::Text => "text in each language, like {\"en\": \"…\"}",
            Expected::String => "a string in quotes",
            Expected::Boolean => "true or false",
            Expected::WholeNumber => "a whole number of 0 or more, without quotes",
            Expected::Date => {
                "a date like \"2025\", \"2025-04\", \"2025-06-24\" or \"2025-11-18T22:52+09:00\""
            }
            Expected::Id => "an id of lower-case letters, digits and \"-\"",
            Expected::Url => "a web address starting with https:// or http://",
            Expected::Offset => "a UTC offset like \"+09:00\"",
            Expected::LanguageCode => "a language code like \"en\" or \"ko\"",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file is not JSON at all.
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// The browser's JSON parser refused the text; its message names line and column.
    NotJson {
        detail: String,
    },
    /// The file could not be loaded (network, HTTP status).
    Load {
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
    },
    EndBeforeStart {
        start: String,
        end: String,
    },
    NotWholeNumber {
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
    UnknownField {
        name: String,
        known: &'static [&'static str],
    },
    MilestoneTwice {
        milestone: &'static str,
        first: String,
    },
    MixedUnits {
        units: String,
    },
    TooFew {
        min: usize,
        what: &'static str,
    },
}

/// One problem at one place in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// A JSON path such as `events[14].date`; empty for the file as a whole.
    pub path: String,
    pub problem: Problem,
}

impl Issue {
    pub fn new(path: String, problem: Problem) -> Issue {
        Issue { path, problem }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Syntax {
                line,
                column,
                detail,
            } => write!(
                f,
                "the file is not valid JSON at line {line}, column {column}: {detail}"
            ),
            Problem::NotJson { detail } => write!(f, "the file is not valid JSON: {detail}"),
            Problem::Load { detail } => write!(f, "the file could not be loaded: {detail}"),
            Problem::Missing { expected } => {
                write!(f, "is missing; expected {}", expected.describe())
            }
            Problem::WrongType { expected, found } => {
                write!(f, "expected {}, found {found}", expected.describe())
            }
            Problem::Empty => f.write_str("is empty; write something a reader can see"),
            Problem::NotADate { found } => write!(
                f,
                "{found} is not a date; expected {}",
                Expected::Date.describe()
            ),
            Problem::NotOnCalendar { found } => write!(f, "{found} is not a calendar date"),
            Problem::NoOffset { found } => write!(
                f,
                "{found} gives a time without its UTC offset; add it, like \"T22:52+09:00\""
            ),
            Problem::EndBeforeStart { start, end } => {
                write!(f, "the end {end} is before the start {start}")
            }
            Problem::NotWholeNumber { found } => write!(
                f,
                "{found} is not a whole number of 0 or more (write 33700000, not \"33.7 million\")"
            ),
            Problem::NotOneOf { found, allowed } => {
                write!(f, "{found} is not one of: {}", allowed.join(", "))
            }
            Problem::BadId { found } => write!(
                f,
                "{found} is not a usable id; use lower-case letters, digits and \"-\" only"
            ),
            Problem::DuplicateId { id, first } => {
                write!(
                    f,
                    "the id \"{id}\" is already used at {first}; ids must be unique"
                )
            }
            Problem::DuplicateField { name } => {
                write!(f, "\"{name}\" is given twice in the same object; keep one")
            }
            Problem::UnknownSource { id } => {
                write!(f, "\"{id}\" is not the id of any source in \"sources\"")
            }
            Problem::UnknownReference { id, list } => {
                write!(f, "\"{id}\" is not the id of any entry in \"{list}\"")
            }
            Problem::NoSources => f.write_str("cites no source; every fact needs at least one"),
            Problem::NotWebAddress { found } => write!(
                f,
                "{found} is not a web address (it must start with https:// or http://)"
            ),
            Problem::MissingLanguage { lang } => write!(
                f,
                "has no \"{lang}\" text, but the dataset's \"languages\" lists \"{lang}\""
            ),
            Problem::UnknownLanguage { found } => write!(
                f,
                "{found} is not a language the explainer speaks (it speaks: en, ko)"
            ),
            Problem::UnknownField { name, known } => write!(
                f,
                "\"{name}\" is not a field here (a typo?); known fields: {}",
                known.join(", ")
            ),
            Problem::MilestoneTwice { milestone, first } => write!(
                f,
                "the milestone \"{milestone}\" is already set at {first}; each may be used once"
            ),
            Problem::MixedUnits { units } => write!(
                f,
                "compares different units ({units}) on one axis; set \"mixed_units\": true \
                 if that is intended, so every bar shows its unit"
            ),
            Problem::TooFew { min, what } => write!(f, "needs at least {min} {what}"),
        }
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.problem)
        } else {
            write!(f, "{}: {}", self.path, self.problem)
        }
    }
}
