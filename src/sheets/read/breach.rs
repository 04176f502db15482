//! `breach.csv`: one row per field of the top level, `timezone`, `breach` and
//! `exposure.preferred`; and the reading of one cell, for every sheet.

use super::Cx;
use crate::model::json::{quote, Json};
use crate::sheets::layout::{Kind, BREACH_FILE, BREACH_ROWS, OBJECTS};
use crate::sheets::{SheetProblem, Table};

/// What separates the ids in a list cell: commas, semicolons, spaces and new lines.
pub fn is_separator(c: char) -> bool {
    c == ',' || c == ';' || c.is_whitespace()
}

/// `breach.csv`: one row per field, `field` naming it (`breach.title`), its value in `value`
/// or, for a text, in `value_en`, `value_ko`…
pub(super) fn breach_fields(cx: &mut Cx, t: &Table) -> Vec<(String, Json)> {
    let file = BREACH_FILE;
    let mut columns = Vec::new();
    for h in &t.header {
        if h == "field" || h == "value" || h.is_empty() {
            columns.push((h.clone(), None));
        } else if let Some(lang) = h.strip_prefix("value_").filter(|l| !l.is_empty()) {
            columns.push((h.clone(), Some(lang.to_string())));
        } else {
            cx.problems.push(SheetProblem::new(file, Some(1), Some(h),
                "not a column of this sheet: it has field, value, and value_ and a language code (value_en, value_ko) for texts".into()));
        }
    }
    let Some(at) = t.header.iter().position(|h| h == "field") else {
        cx.problems.push(SheetProblem::new(
            file,
            Some(1),
            None,
            "no column named field".into(),
        ));
        return Vec::new();
    };
    let mut out: Vec<(String, Json)> = Vec::new();
    let mut rows_of: Vec<(String, usize)> = Vec::new();
    for (row, cells) in &t.rows {
        let cell = |i: usize| cells.get(i).map(String::as_str).unwrap_or("");
        let field = cell(at).trim();
        let comment = field.starts_with('_')
            || OBJECTS
                .iter()
                .any(|(o, _)| field.strip_prefix(o).is_some_and(|r| r.starts_with("._")));
        let kind = match BREACH_ROWS.iter().find(|(f, _)| *f == field) {
            Some((_, kind)) => *kind,
            None if comment => Kind::Str,
            None => {
                let known: Vec<&str> = BREACH_ROWS.iter().map(|(f, _)| *f).collect();
                let message = if field.is_empty() {
                    "which field this row is for is missing".to_string()
                } else {
                    format!(
                        "{field:?} is not a field here; the fields are {}",
                        known.join(", ")
                    )
                };
                cx.problems
                    .push(SheetProblem::new(file, Some(*row), Some("field"), message));
                continue;
            }
        };
        if let Some((_, first)) = rows_of.iter().find(|(f, _)| f == field) {
            cx.problems.push(SheetProblem::new(
                file,
                Some(*row),
                Some("field"),
                format!("{field} is given twice (also in row {first})"),
            ));
            continue;
        }
        rows_of.push((field.to_string(), *row));
        cx.places.push((field.to_string(), file, *row));
        let mut text = Vec::new();
        let mut value = None;
        for (i, (name, lang)) in columns.iter().enumerate() {
            let c = cell(i);
            if c.is_empty() || name == "field" {
                continue;
            }
            match (kind, lang) {
                (Kind::Text, Some(lang)) => text.push((lang.clone(), Json::String(c.to_string()))),
                (Kind::Text, None) => cx.problems.push(SheetProblem::new(
                    file,
                    Some(*row),
                    Some(name),
                    "a text goes in one column per language (value_en, value_ko…)".into(),
                )),
                (_, Some(_)) => cx.problems.push(SheetProblem::new(
                    file,
                    Some(*row),
                    Some(name),
                    format!(
                        "{field} is not a text in several languages: write it in the column value"
                    ),
                )),
                (kind, None) => match cell_value(kind, c) {
                    Ok(v) => value = v,
                    Err(m) => cx
                        .problems
                        .push(SheetProblem::new(file, Some(*row), Some(name), m)),
                },
            }
        }
        if !text.is_empty() {
            value = Some(Json::Object(text));
        }
        if let Some(v) = value {
            out.push((field.to_string(), v));
        }
    }
    out
}

/// The value of one cell of the given kind; `None` for an empty cell (the field is absent).
pub(super) fn cell_value(kind: Kind, cell: &str) -> Result<Option<Json>, String> {
    if cell.trim().is_empty() && kind != Kind::Str && kind != Kind::Text {
        return Ok(None);
    }
    if cell.is_empty() {
        return Ok(None);
    }
    match kind {
        Kind::Str | Kind::Text | Kind::Child(_) => Ok(Some(Json::String(cell.to_string()))),
        Kind::Edge => {
            let bound = crate::sheets::layout::BOUND_WORDS
                .iter()
                .find_map(|(words, key)| Some((cell.strip_prefix(words)?, *key)));
            Ok(Some(match bound {
                Some((date, key)) => {
                    Json::Object(vec![(key.to_string(), Json::String(date.to_string()))])
                }
                None => Json::String(cell.to_string()),
            }))
        }
        Kind::Int => {
            let digits: String = cell
                .trim()
                .chars()
                .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}'))
                .collect();
            match digits.parse::<i64>() {
                Ok(n) if n.unsigned_abs() <= 9_007_199_254_740_991 => {
                    Ok(Some(Json::Number(n as f64)))
                }
                _ => Err(format!(
                    "expected a whole number in digits (e.g. 33673817), not {}",
                    quote(cell)
                )),
            }
        }
        Kind::Bool => match cell.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" => Ok(Some(Json::Bool(true))),
            "false" | "no" | "0" => Ok(Some(Json::Bool(false))),
            _ => Err(format!("expected TRUE or FALSE, not {}", quote(cell))),
        },
        Kind::Ids => {
            let ids: Vec<Json> = cell
                .split(is_separator)
                .filter(|s| !s.is_empty())
                .map(|s| Json::String(s.to_string()))
                .collect();
            Ok((!ids.is_empty()).then_some(Json::Array(ids)))
        }
    }
}
