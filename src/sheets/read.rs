//! The CSV sheets → a JSON tree, in the format's documented key order, with every problem named
//! by file, row and column.

use super::csv_io::{self, Table};
use super::layout::{self, Kind, Sheet, BREACH_FILE, BREACH_ROWS, LISTS, OBJECTS, TOP_ORDER};
use super::{sheet_name, SheetProblem};
use crate::model::json::Json;

/// What separates the ids in a list cell: commas, semicolons, spaces and new lines.
pub fn is_separator(c: char) -> bool {
    c == ',' || c == ';' || c.is_whitespace()
}

/// An imported dataset, with the sheet row each item came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub json: Json,
    /// `(JSON path, file, row)`: `events[3]` came from `events.csv` row 5.
    places: Vec<(String, &'static str, usize)>,
}

impl Imported {
    /// Where a JSON path (as the checker names it) is in the sheets: `events[3].title.ko` →
    /// `events.csv, row 5, column title_ko`.
    pub fn place(&self, path: &str) -> Option<String> {
        let found = self
            .places
            .iter()
            .filter(|(p, _, _)| {
                path.strip_prefix(p.as_str())
                    .is_some_and(|r| r.is_empty() || r.starts_with(['.', '[']))
            })
            .max_by_key(|(p, _, _)| p.len());
        let Some((at, file, row)) = found else {
            // A field breach.csv has no row for.
            let (field, _) = BREACH_ROWS.iter().find(|(f, _)| {
                path.strip_prefix(f)
                    .is_some_and(|r| r.is_empty() || r.starts_with('.'))
            })?;
            return Some(format!("{BREACH_FILE}, row for {field}"));
        };
        let rest = path[at.len()..].trim_start_matches('.');
        let mut parts = rest.split(['.', '[']);
        let column = if *file == BREACH_FILE {
            let lang = parts.nth(0).filter(|l| !l.is_empty());
            Some(lang.map_or("value".to_string(), |l| format!("value_{l}")))
        } else {
            match (parts.next().filter(|c| !c.is_empty()), parts.next()) {
                (Some(field), Some(lang)) if !lang.ends_with(']') => {
                    Some(format!("{field}_{lang}"))
                }
                (field, _) => field.map(str::to_string),
            }
        };
        Some(match column {
            Some(c) => format!("{file}, row {row}, column {c}"),
            None => format!("{file}, row {row}"),
        })
    }
}

struct Cx {
    problems: Vec<SheetProblem>,
    places: Vec<(String, &'static str, usize)>,
}

/// The dataset the sheets hold (`(file name, CSV text)` pairs; names as [`sheet_name`] reads
/// them), or every problem found in them.
pub fn from_sheets(files: &[(String, String)]) -> Result<Imported, Vec<SheetProblem>> {
    let mut cx = Cx {
        problems: Vec::new(),
        places: Vec::new(),
    };
    let mut tables: Vec<(&'static str, Table)> = Vec::new();
    for (name, text) in files {
        let Some(sheet) = sheet_name(name) else {
            let all = layout::all_files().join(", ");
            cx.problems.push(SheetProblem::new(
                name,
                None,
                None,
                format!("not one of the sheets ({all})"),
            ));
            continue;
        };
        if tables.iter().any(|(s, _)| *s == sheet) {
            cx.problems.push(SheetProblem::new(
                name,
                None,
                None,
                format!("a second file for the sheet {sheet}"),
            ));
            continue;
        }
        match csv_io::read(sheet, text) {
            Ok(t) => tables.push((sheet, t)),
            Err(p) => cx.problems.push(p),
        }
    }
    let table = |file: &str| tables.iter().find(|(s, _)| *s == file).map(|(_, t)| t);
    let mut fields: Vec<(String, Json)> = Vec::new();
    match table(BREACH_FILE) {
        Some(t) => fields = breach_fields(&mut cx, t),
        None => cx.problems.push(SheetProblem::new(
            BREACH_FILE,
            None,
            None,
            "this sheet is missing: it holds format, id, languages, timezone and breach".into(),
        )),
    }
    let mut lists: Vec<(&str, Json)> = Vec::new();
    for (key, sheet) in LISTS {
        let Some(t) = table(sheet.file) else { continue };
        let path = if *key == "exposure" {
            "exposure.claims"
        } else {
            key
        };
        let items = list(&mut cx, sheet, t, path, &table);
        lists.push((
            key,
            Json::Array(items.into_iter().map(|(_, o)| o).collect()),
        ));
    }
    for (_, sheet) in LISTS {
        for child in children(sheet) {
            if table(child.file).is_some() && table(sheet.file).is_none() {
                cx.problems.push(SheetProblem::new(
                    child.file,
                    None,
                    None,
                    format!(
                        "its rows belong to rows of {}, which is missing",
                        sheet.file
                    ),
                ));
            }
        }
    }
    if !cx.problems.is_empty() {
        return Err(cx.problems);
    }
    let take = |fields: &mut Vec<(String, Json)>, key: &str| {
        let i = fields.iter().position(|(k, _)| k == key)?;
        Some(fields.remove(i))
    };
    let mut top = Vec::new();
    for key in TOP_ORDER {
        if let Some((k, v)) = OBJECTS.iter().find(|(o, _)| o == key) {
            let mut entries = Vec::new();
            for sub in v.iter() {
                if *key == "exposure" && *sub == "claims" {
                    if let Some(i) = lists.iter().position(|(l, _)| *l == "exposure") {
                        entries.push(("claims".to_string(), lists.remove(i).1));
                    }
                } else if let Some((_, v)) = take(&mut fields, &format!("{k}.{sub}")) {
                    entries.push((sub.to_string(), v));
                }
            }
            let prefix = format!("{k}._");
            while let Some(i) = fields.iter().position(|(f, _)| f.starts_with(&prefix)) {
                let (f, v) = fields.remove(i);
                entries.push((f[k.len() + 1..].to_string(), v));
            }
            if !entries.is_empty() {
                top.push((key.to_string(), Json::Object(entries)));
            }
        } else if let Some(i) = lists.iter().position(|(l, _)| l == key) {
            top.push((key.to_string(), lists.remove(i).1));
        } else if let Some(entry) = take(&mut fields, key) {
            top.push(entry);
        }
    }
    top.append(&mut fields);
    Ok(Imported {
        json: Json::Object(top),
        places: cx.places,
    })
}

fn children(sheet: &Sheet) -> impl Iterator<Item = &'static Sheet> + '_ {
    sheet.fields.iter().filter_map(|f| match f.kind {
        Kind::Child(c) => Some(c),
        _ => None,
    })
}

/// `breach.csv`: one row per field, `field` naming it (`breach.title`), its value in `value`
/// or, for a text, in `value_en`, `value_ko`…
fn breach_fields(cx: &mut Cx, t: &Table) -> Vec<(String, Json)> {
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
fn cell_value(kind: Kind, cell: &str) -> Result<Option<Json>, String> {
    if cell.trim().is_empty() && kind != Kind::Str && kind != Kind::Text {
        return Ok(None);
    }
    if cell.is_empty() {
        return Ok(None);
    }
    match kind {
        Kind::Str | Kind::Text | Kind::Child(_) => Ok(Some(Json::String(cell.to_string()))),
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
                    crate::model::json::quote(cell)
                )),
            }
        }
        Kind::Bool => match cell.trim().to_lowercase().as_str() {
            "true" | "yes" | "1" => Ok(Some(Json::Bool(true))),
            "false" | "no" | "0" => Ok(Some(Json::Bool(false))),
            _ => Err(format!(
                "expected TRUE or FALSE, not {}",
                crate::model::json::quote(cell)
            )),
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

/// How a header cell of a list sheet is read.
enum Col {
    Parent,
    Field(usize, Option<String>),
    Comment(String),
    Blank,
}

/// The items of a list sheet as `(id, object)`, with their child sheets' rows in place.
fn list<'t>(
    cx: &mut Cx,
    sheet: &'static Sheet,
    t: &Table,
    path: &str,
    table: &dyn Fn(&str) -> Option<&'t Table>,
) -> Vec<(Option<String>, Json)> {
    let file = sheet.file;
    let mut cols = Vec::new();
    for (i, h) in t.header.iter().enumerate() {
        if t.header[..i].contains(h) && !h.is_empty() {
            cx.problems.push(SheetProblem::new(
                file,
                Some(1),
                Some(h),
                "this column is given twice".into(),
            ));
        }
        cols.push(header_column(sheet, h).unwrap_or_else(|m| {
            cx.problems
                .push(SheetProblem::new(file, Some(1), Some(h), m));
            Col::Blank
        }));
    }
    // Each row's id and fields; a child's place among the fields is kept by its key.
    let mut items: Vec<(usize, Option<String>, Vec<(String, Json)>)> = Vec::new();
    for (row, cells) in &t.rows {
        let mut fields: Vec<(usize, String, Json)> = Vec::new();
        for (i, col) in cols.iter().enumerate() {
            let cell = cells.get(i).map(String::as_str).unwrap_or("");
            let name = &t.header[i];
            match col {
                Col::Blank | Col::Parent => {
                    if matches!(col, Col::Blank) && !cell.trim().is_empty() && name.is_empty() {
                        cx.problems.push(SheetProblem::new(
                            file,
                            Some(*row),
                            None,
                            format!("a cell in column {} has no column name in row 1", i + 1),
                        ));
                    }
                }
                Col::Comment(key) if !cell.is_empty() => {
                    fields.push((usize::MAX, key.clone(), Json::String(cell.to_string())))
                }
                Col::Comment(_) => {}
                Col::Field(f, lang) => {
                    let field = sheet.fields[*f];
                    match (lang, cell_value(field.kind, cell)) {
                        (_, Ok(None)) => {}
                        (Some(lang), Ok(Some(v))) => {
                            match fields.iter_mut().find(|(g, _, _)| g == f) {
                                Some((_, _, Json::Object(text))) => text.push((lang.clone(), v)),
                                _ => fields.push((
                                    *f,
                                    field.key.to_string(),
                                    Json::Object(vec![(lang.clone(), v)]),
                                )),
                            }
                        }
                        (None, Ok(Some(v))) => fields.push((*f, field.key.to_string(), v)),
                        (_, Err(m)) => {
                            cx.problems
                                .push(SheetProblem::new(file, Some(*row), Some(name), m))
                        }
                    }
                }
            }
        }
        fields.sort_by_key(|(f, _, _)| *f);
        let id = fields.iter().find_map(|(_, k, v)| match v {
            Json::String(s) if k == "id" => Some(s.clone()),
            _ => None,
        });
        items.push((
            *row,
            id,
            fields.into_iter().map(|(_, k, v)| (k, v)).collect(),
        ));
    }
    for (i, (row, _, _)) in items.iter().enumerate() {
        cx.places.push((format!("{path}[{i}]"), file, *row));
    }
    for child in children(sheet) {
        let Some(ct) = table(child.file) else {
            continue;
        };
        let key = sheet
            .fields
            .iter()
            .find(|f| f.kind == Kind::Child(child))
            .map_or("", |f| f.key);
        let parent_col = child.parent.unwrap_or_default();
        let at = ct.header.iter().position(|h| h == parent_col);
        let before = cx.places.len();
        let rows = list(cx, child, ct, "", table);
        let child_places = cx.places.split_off(before);
        let mut counts = vec![0usize; items.len()];
        for (j, ((row, cells), (_, obj))) in ct.rows.iter().zip(rows).enumerate() {
            let parent = at
                .and_then(|a| cells.get(a))
                .map(|c| c.trim())
                .unwrap_or("");
            let Some(p) = items
                .iter()
                .position(|(_, id, _)| id.as_deref() == Some(parent))
            else {
                let message = if parent.is_empty() {
                    format!(
                        "which {parent_col} this row belongs to is missing: write its id from {}",
                        sheet.file
                    )
                } else {
                    format!("no row of {} has the id {parent:?}", sheet.file)
                };
                cx.problems.push(SheetProblem::new(
                    child.file,
                    Some(*row),
                    Some(parent_col),
                    message,
                ));
                continue;
            };
            let list = &mut items[p].2;
            match list.iter_mut().find(|(k, _)| k == key) {
                Some((_, Json::Array(a))) => a.push(obj),
                _ => list.push((key.to_string(), Json::Array(vec![obj]))),
            }
            if let Some((_, f, r)) = child_places.get(j) {
                cx.places
                    .push((format!("{path}[{p}].{key}[{}]", counts[p]), f, *r));
            }
            counts[p] += 1;
        }
    }
    // Children were appended last: put every field back in documented order, comments after.
    let rank = |k: &str| {
        sheet
            .fields
            .iter()
            .position(|f| f.key == k)
            .unwrap_or(usize::MAX)
    };
    items
        .into_iter()
        .map(|(_, id, mut fields)| {
            fields.sort_by_key(|(k, _)| rank(k));
            (id, Json::Object(fields))
        })
        .collect()
}

fn header_column(sheet: &Sheet, h: &str) -> Result<Col, String> {
    if h.is_empty() {
        return Ok(Col::Blank);
    }
    if sheet.parent == Some(h) {
        return Ok(Col::Parent);
    }
    if h.starts_with('_') {
        return Ok(Col::Comment(h.to_string()));
    }
    let fields = sheet.fields.iter().enumerate();
    if let Some((i, f)) = fields
        .clone()
        .find(|(_, f)| f.key == h && !matches!(f.kind, Kind::Text | Kind::Child(_)))
    {
        let _ = f;
        return Ok(Col::Field(i, None));
    }
    let text = fields
        .filter(|(_, f)| f.kind == Kind::Text)
        .filter_map(|(i, f)| Some((i, h.strip_prefix(f.key)?.strip_prefix('_')?)))
        .find(|(_, lang)| !lang.is_empty());
    if let Some((i, lang)) = text {
        return Ok(Col::Field(i, Some(lang.to_string())));
    }
    let mut names: Vec<String> = sheet.parent.iter().map(|p| p.to_string()).collect();
    for f in sheet.fields {
        match f.kind {
            Kind::Text => names.push(format!("{}_en", f.key)),
            Kind::Child(_) => {}
            _ => names.push(f.key.to_string()),
        }
    }
    if sheet
        .fields
        .iter()
        .any(|f| f.key == h && f.kind == Kind::Text)
    {
        return Err(format!(
            "a text needs one column per language: {h}_en, {h}_ko…"
        ));
    }
    Err(format!("not a column of this sheet; its columns are {} (a text has one per language, and a column starting with _ is a comment)", names.join(", ")))
}
