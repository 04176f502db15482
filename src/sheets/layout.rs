//! The sheet layout: which CSV holds which list of the format, and how each field becomes
//! columns. `docs/sheets.md` describes the same layout for authors; a test keeps the two in step.

/// How one field of a row is written in cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A string, as is, in one column.
    Str,
    /// A text a reader sees: one column per language, `<field>_<lang>` (`title_en`, `title_ko`).
    Text,
    /// A whole number, in digits (`33673817`; `33,673,817` is read too).
    Int,
    /// `TRUE` or `FALSE` (as spreadsheets write a checkbox); `yes`/`no` are read too.
    Bool,
    /// A list of ids or codes in one cell, separated by commas, spaces or new lines.
    Ids,
    /// A claim's start or end: a date, `ongoing`, `unknown` or `not-stated` as is, or a bound written
    /// `no later than 2025-05-13` / `no earlier than 2025-05` (the object
    /// `{"no_later_than": "2025-05-13"}` in JSON).
    Edge,
    /// A list of objects kept in a sheet of its own, one row per item, naming its parent's id.
    Child(&'static Sheet),
}

/// One field of a row object, in the order the format documents them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub kind: Kind,
}

const fn f(key: &'static str, kind: Kind) -> Field {
    Field { key, kind }
}

/// A sheet holding one list of the format: one row per item.
#[derive(Debug, PartialEq, Eq)]
pub struct Sheet {
    /// The file name, e.g. `events.csv`.
    pub file: &'static str,
    /// For a child sheet, the column naming the parent's id (`event`, `money`).
    pub parent: Option<&'static str>,
    pub fields: &'static [Field],
}

use Kind::*;

pub static SOURCES: Sheet = Sheet {
    file: "sources.csv",
    parent: None,
    fields: &[
        f("id", Str),
        f("publisher", Str),
        f("title", Str),
        f("title_kind", Str),
        f("lang", Str),
        f("url", Str),
        f("published", Str),
        f("via", Str),
    ],
};

pub static EXPOSURE: Sheet = Sheet {
    file: "exposure.csv",
    parent: None,
    fields: &[
        f("id", Str),
        f("by", Text),
        f("measures", Str),
        f("status", Str),
        f("start", Edge),
        f("end", Edge),
        f("note", Text),
        f("sources", Ids),
    ],
};

pub static ALTERNATIVES: Sheet = Sheet {
    file: "alternatives.csv",
    parent: Some("event"),
    fields: &[
        f("date", Str),
        f("by", Text),
        f("note", Text),
        f("sources", Ids),
    ],
};

pub static EVENTS: Sheet = Sheet {
    file: "events.csv",
    parent: None,
    fields: &[
        f("id", Str),
        f("date", Str),
        f("end", Str),
        f("lane", Str),
        f("title", Text),
        f("detail", Text),
        f("confidence", Str),
        f("milestone", Str),
        f("sources", Ids),
        f("alternatives", Child(&ALTERNATIVES)),
    ],
};

pub static COUNTS: Sheet = Sheet {
    file: "counts.csv",
    parent: None,
    fields: &[
        f("id", Str),
        f("series", Str),
        f("subject", Text),
        f("value", Int),
        f("at_least", Int),
        f("at_most", Int),
        f("disclosed", Bool),
        f("approximate", Bool),
        f("unit", Str),
        f("as_of", Str),
        f("reported_by", Text),
        f("status", Str),
        f("lead", Bool),
        f("adds_to", Str),
        f("note", Text),
        f("sources", Ids),
    ],
};

pub static COMPARISONS: Sheet = Sheet {
    file: "comparisons.csv",
    parent: None,
    fields: &[
        f("id", Str),
        f("title", Text),
        f("counts", Ids),
        f("mixed_units", Bool),
    ],
};

pub static DATA_CLASSES: Sheet = Sheet {
    file: "data_classes.csv",
    parent: None,
    fields: &[
        f("id", Str),
        f("label", Text),
        f("exposed", Bool),
        f("advice", Text),
        f("sources", Ids),
    ],
};

pub static MONEY_PARTS: Sheet = Sheet {
    file: "money_parts.csv",
    parent: Some("money"),
    fields: &[f("label", Text), f("amount", Int)],
};

pub static MONEY_CONVERTED: Sheet = Sheet {
    file: "money_converted.csv",
    parent: Some("money"),
    fields: &[
        f("amount", Int),
        f("currency", Str),
        f("as_of", Str),
        f("sources", Ids),
    ],
};

pub static MONEY: Sheet = Sheet {
    file: "money.csv",
    parent: None,
    fields: &[
        f("id", Str),
        f("series", Str),
        f("status", Str),
        f("kind", Str),
        f("subject", Text),
        f("amount", Int),
        f("at_least", Int),
        f("at_most", Int),
        f("disclosed", Bool),
        f("currency", Str),
        f("approximate", Bool),
        f("date", Str),
        f("parts", Child(&MONEY_PARTS)),
        f("converted", Child(&MONEY_CONVERTED)),
        f("note", Text),
        f("sources", Ids),
    ],
};

pub static CORRECTIONS: Sheet = Sheet {
    file: "corrections.csv",
    parent: None,
    fields: &[
        f("id", Str),
        f("claim", Text),
        f("correct", Text),
        f("seen_in", Text),
        f("sources", Ids),
    ],
};

pub static CHANGES: Sheet = Sheet {
    file: "changes.csv",
    parent: None,
    fields: &[
        f("at", Str),
        f("kind", Str),
        f("about", Str),
        f("replaces", Str),
        f("note", Text),
        f("sources", Ids),
    ],
};

/// The key/value sheet for the top level, `timezone`, `breach` and `exposure.preferred`.
pub const BREACH_FILE: &str = "breach.csv";

/// The rows of `breach.csv`, in the order written: the field's path and its kind. A path of two
/// parts names a field of an object (`breach.title`).
pub const BREACH_ROWS: &[(&str, Kind)] = &[
    ("$schema", Str),
    ("format", Str),
    ("id", Str),
    ("languages", Ids),
    ("timezone.offset", Str),
    ("timezone.label", Text),
    ("breach.organisation", Text),
    ("breach.country", Str),
    ("breach.title", Text),
    ("breach.summary", Text),
    ("breach.credit", Text),
    ("exposure.preferred", Str),
    ("updated", Str),
];

/// The top-level keys in the order the format documents them; a list sheet is named here by
/// the key it fills (`exposure` is an object whose `claims` the exposure sheet holds).
pub const TOP_ORDER: &[&str] = crate::model::validate::TOP_FIELDS;

/// The objects `breach.csv` fills, with their fields in documented order.
pub const OBJECTS: &[(&str, &[&str])] = &[
    ("timezone", &["offset", "label"]),
    (
        "breach",
        &["organisation", "country", "title", "summary", "credit"],
    ),
    ("exposure", &["claims", "preferred"]),
];

/// The top-level lists, each with its sheet (`exposure` is `exposure.claims`).
pub const LISTS: &[(&str, &Sheet)] = &[
    ("sources", &SOURCES),
    ("exposure", &EXPOSURE),
    ("events", &EVENTS),
    ("counts", &COUNTS),
    ("comparisons", &COMPARISONS),
    ("data_classes", &DATA_CLASSES),
    ("money", &MONEY),
    ("corrections", &CORRECTIONS),
    ("changes", &CHANGES),
];

/// Every sheet file, in the order an author would fill them.
pub fn all_files() -> Vec<&'static str> {
    let mut files = vec![BREACH_FILE];
    for (_, sheet) in LISTS {
        files.push(sheet.file);
        for field in sheet.fields {
            if let Child(child) = field.kind {
                files.push(child.file);
            }
        }
    }
    files
}

/// The words a bound is written with in a cell, and its key in JSON.
pub const BOUND_WORDS: [(&str, &str); 2] = [
    ("no later than ", "no_later_than"),
    ("no earlier than ", "no_earlier_than"),
];

/// A column a comment key is carried in: any column whose name starts with `_`.
pub fn is_comment(key: &str) -> bool {
    key.starts_with('_')
}
