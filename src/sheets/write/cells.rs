//! One field's cells, and a sheet's CSV from its rows.

use super::{unique_keys, Cx, Row};
use crate::model::json::{plain_number, Json};
use crate::sheets::csv_io;
use crate::sheets::layout::{Kind, Sheet, BOUND_WORDS};

/// The cells of one field: one for most kinds, one per language for a text.
pub(super) fn cells(
    cx: &mut Cx,
    kind: Kind,
    value: &Json,
    path: &str,
    column: &str,
    row: &mut Row,
) {
    let mut put = |cx: &mut Cx, col: String, s: &str| {
        if s.is_empty() {
            cx.problems.push(format!(
                "{path}: an empty string cannot be told apart from a missing field in a sheet"
            ));
        } else {
            row.push((col, s.to_string()));
        }
    };
    match (kind, value) {
        (_, Json::Null) => cx.notes.push(format!("{path}: a null was left out")),
        (Kind::Str, Json::String(s)) => put(cx, column.into(), s),
        (Kind::Edge, Json::String(s)) => {
            if BOUND_WORDS.iter().any(|(words, _)| s.starts_with(words)) {
                cx.problems.push(format!(
                    "{path}: the string {s:?} would be read back as a bound; write the bound as \
                     {{\"no_later_than\": DATE}}"
                ));
            } else {
                put(cx, column.into(), s)
            }
        }
        (Kind::Edge, Json::Object(entries))
            if matches!(entries.as_slice(), [(key, Json::String(_))]
                if BOUND_WORDS.iter().any(|(_, k)| k == key)) =>
        {
            if let Some((key, Json::String(date))) = entries.first() {
                let words = BOUND_WORDS
                    .iter()
                    .find(|(_, k)| k == key)
                    .map_or("", |(w, _)| w);
                put(cx, column.into(), &format!("{words}{date}"))
            }
        }
        (Kind::Int, Json::Number(n)) if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0 => {
            put(cx, column.into(), &plain_number(*n))
        }
        (Kind::Bool, Json::Bool(b)) => put(cx, column.into(), if *b { "TRUE" } else { "FALSE" }),
        (Kind::Ids, Json::Array(items)) => {
            let mut ids = Vec::new();
            if items.is_empty() {
                cx.problems.push(format!(
                    "{path}: an empty list cannot be told apart from a missing field in a sheet"
                ));
            }
            for item in items {
                match item {
                    Json::String(s) if !s.is_empty() && !s.contains(crate::sheets::read::is_separator) => {
                        ids.push(s.as_str())
                    }
                    other => cx.problems.push(format!(
                        "{path}: {} cannot be written in a list cell (ids have no spaces, commas or semicolons)",
                        other.describe()
                    )),
                }
            }
            if ids.len() == items.len() && !ids.is_empty() {
                put(cx, column.into(), &ids.join(", "));
            }
        }
        (Kind::Text, Json::Object(entries)) => {
            unique_keys(cx, entries, path);
            for (lang, v) in entries {
                match v {
                    Json::String(s) => put(cx, format!("{column}_{lang}"), s),
                    other => cx.problems.push(format!(
                        "{path}.{lang}: expected a string, not {}",
                        other.describe()
                    )),
                }
            }
        }
        (kind, other) => cx.problems.push(format!(
            "{path}: {} cannot be written where {} is expected",
            other.describe(),
            match kind {
                Kind::Str => "a string",
                Kind::Edge =>
                    "a date, a bound ({\"no_later_than\": DATE}), \"ongoing\", \"unknown\" or \"not-stated\"",
                Kind::Int => "a whole number",
                Kind::Bool => "true or false",
                Kind::Ids => "a list of ids",
                Kind::Text => "a text (one string per language)",
                Kind::Child(_) => "a list",
            }
        )),
    }
}

/// A list sheet's CSV: its columns in documented order (every column, even when empty).
pub(super) fn sheet_table(cx: &Cx, sheet: &Sheet, rows: &[Row]) -> String {
    let mut header: Vec<String> = sheet.parent.iter().map(|p| p.to_string()).collect();
    let mut texts = Vec::new();
    for field in sheet.fields {
        match field.kind {
            Kind::Child(_) => {}
            Kind::Text => {
                texts.push(field.key);
                header.extend(cx.langs.iter().map(|l| format!("{}_{l}", field.key)));
            }
            _ => header.push(field.key.to_string()),
        }
    }
    table(&header, &texts, rows)
}

/// The CSV of rows under `header`, with columns no row of the header has (another language of
/// a text, a comment) added: a language beside its text's columns, comments at the end.
pub(super) fn table(header: &[String], texts: &[&str], rows: &[Row]) -> String {
    let mut header = header.to_vec();
    for (col, _) in rows.iter().flatten() {
        if header.contains(col) {
            continue;
        }
        let text = texts.iter().find(|t| col.starts_with(&format!("{t}_")));
        let after = text.and_then(|t| header.iter().rposition(|h| h.starts_with(&format!("{t}_"))));
        match after {
            Some(i) if !col.starts_with('_') => header.insert(i + 1, col.clone()),
            _ => header.push(col.clone()),
        }
    }
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            header
                .iter()
                .map(|h| {
                    row.iter()
                        .find(|(c, _)| c == h)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect();
    csv_io::write(&header, &cells)
}
