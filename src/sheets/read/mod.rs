//! The CSV sheets → a JSON tree, in the format's documented key order, with every problem named
//! by file, row and column: `breach.csv` in [`breach`], the list sheets in [`list`].

mod breach;
mod list;

use super::csv_io::{self, Table};
use super::layout::{self, Kind, Sheet, BREACH_FILE, BREACH_ROWS, LISTS, OBJECTS, TOP_ORDER};
use super::{sheet_name, SheetProblem};
use crate::model::json::Json;
use breach::breach_fields;
pub use breach::is_separator;
use list::list;

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

pub(super) struct Cx {
    pub problems: Vec<SheetProblem>,
    pub places: Vec<(String, &'static str, usize)>,
}

/// The dataset the sheets hold (`(file name, CSV text)` pairs; names as [`sheet_name`] reads
/// them), or every problem found in them.
pub fn from_sheets(files: &[(String, String)]) -> Result<Imported, Vec<SheetProblem>> {
    let (imported, problems) = read_sheets(files);
    if problems.is_empty() {
        Ok(imported)
    } else {
        Err(problems)
    }
}

/// The tree from whatever the sheets hold (a cell that cannot be read is left out), with every
/// problem the sheets have: the checker can then say, in the same round, what else is wrong.
pub fn read_sheets(files: &[(String, String)]) -> (Imported, Vec<SheetProblem>) {
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
    let imported = Imported {
        json: Json::Object(top),
        places: cx.places,
    };
    (imported, cx.problems)
}

pub(super) fn children(sheet: &Sheet) -> impl Iterator<Item = &'static Sheet> + '_ {
    sheet.fields.iter().filter_map(|f| match f.kind {
        Kind::Child(c) => Some(c),
        _ => None,
    })
}
