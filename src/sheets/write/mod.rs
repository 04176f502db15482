//! A JSON tree → the CSV sheets. Every value goes in a cell the import reads back as the same
//! value; what a cell cannot hold is refused by its JSON path (or, where the checker ignores it
//! anyway, dropped and named in the notes).

use super::layout::{Kind, Sheet, BREACH_FILE, BREACH_ROWS, LISTS, OBJECTS};
use crate::model::json::Json;

mod cells;
use cells::{cells, sheet_table, table};

/// The sheets of a dataset: `(file name, CSV text)` in the order an author fills them, and what
/// was dropped (empty when the round trip is exact).
#[derive(Debug, Clone, PartialEq)]
pub struct Sheets {
    pub files: Vec<(String, String)>,
    pub notes: Vec<String>,
}

/// One row as `(column, cell)` pairs.
pub(super) type Row = Vec<(String, String)>;

#[derive(Default)]
pub(super) struct Cx {
    pub problems: Vec<String>,
    pub notes: Vec<String>,
    pub langs: Vec<String>,
}

/// The dataset as sheets, or every value that cannot be put in a sheet, by its JSON path.
pub fn to_sheets(dataset: &Json) -> Result<Sheets, Vec<String>> {
    let Json::Object(top) = dataset else {
        return Err(vec!["the dataset is not a JSON object".into()]);
    };
    let mut cx = Cx::default();
    if let Some((_, Json::Array(langs))) = top.iter().find(|(k, _)| k == "languages") {
        cx.langs = langs
            .iter()
            .filter_map(|l| match l {
                Json::String(s) => Some(s.clone()),
                _ => None,
            })
            .collect();
    }
    // breach.csv's rows as (field, value) and the lists, as the tree gives them.
    let mut fields: Vec<(String, Kind, &Json)> = Vec::new();
    let mut lists: Vec<(&Sheet, &Json, String)> = Vec::new();
    unique_keys(&mut cx, top, "");
    for (key, value) in top {
        if let Some((_, kind)) = BREACH_ROWS.iter().find(|(p, _)| p == key) {
            fields.push((key.clone(), *kind, value));
        } else if OBJECTS.iter().any(|(o, _)| o == key) {
            let Json::Object(entries) = value else {
                cx.problems.push(format!("{key}: expected an object"));
                continue;
            };
            unique_keys(&mut cx, entries, key);
            for (sub, v) in entries {
                let path = format!("{key}.{sub}");
                if let Some((_, kind)) = BREACH_ROWS.iter().find(|(p, _)| *p == path) {
                    fields.push((path, *kind, v));
                } else if path == "exposure.claims" {
                    lists.push((LISTS[1].1, v, path));
                } else if sub.starts_with('_') {
                    fields.push((path, Kind::Str, v));
                } else {
                    cx.problems
                        .push(format!("{path}: not a field of the format"));
                }
            }
        } else if let Some((_, sheet)) = LISTS.iter().find(|(l, _)| l == key) {
            lists.push((sheet, value, key.clone()));
        } else if key.starts_with('_') {
            fields.push((key.clone(), Kind::Str, value));
        } else {
            cx.problems
                .push(format!("{key}: not a field of the format"));
        }
    }
    // Documented fields first, in the documented order; comments after, as they came.
    let rank = |f: &str| BREACH_ROWS.iter().position(|(p, _)| *p == f);
    fields.sort_by_key(|(f, _, _)| rank(f).unwrap_or(usize::MAX));
    let mut rows = Vec::new();
    for (field, kind, value) in &fields {
        let mut row = vec![("field".to_string(), field.clone())];
        let comment = field.rsplit('.').next().is_some_and(|k| k.starts_with('_'));
        if comment && !matches!(value, Json::String(_)) {
            cx.notes.push(format!(
                "{field}: a comment that is not a string was left out"
            ));
            continue;
        }
        cells(&mut cx, *kind, value, field, "value", &mut row);
        rows.push(row);
    }
    let mut header = vec!["field".to_string(), "value".to_string()];
    header.extend(cx.langs.iter().map(|l| format!("value_{l}")));
    let mut files = vec![(BREACH_FILE.to_string(), table(&header, &["value"], &rows))];
    for (_, sheet) in LISTS {
        let Some((_, items, path)) = lists.iter().find(|(s, _, _)| std::ptr::eq(*s, *sheet)) else {
            continue;
        };
        let mut children: Vec<(&Sheet, Vec<Row>)> = Vec::new();
        let rows = list_rows(&mut cx, sheet, items, path, &mut children);
        files.push((sheet.file.to_string(), sheet_table(&cx, sheet, &rows)));
        for field in sheet.fields {
            if let Kind::Child(child) = field.kind {
                let rows = children
                    .iter()
                    .filter(|(c, _)| std::ptr::eq(*c, child))
                    .flat_map(|(_, r)| r.iter().cloned())
                    .collect::<Vec<_>>();
                files.push((child.file.to_string(), sheet_table(&cx, child, &rows)));
            }
        }
    }
    if cx.problems.is_empty() {
        Ok(Sheets {
            files,
            notes: cx.notes,
        })
    } else {
        Err(cx.problems)
    }
}

pub(super) fn unique_keys(cx: &mut Cx, entries: &[(String, Json)], path: &str) {
    for (i, (k, _)) in entries.iter().enumerate() {
        if entries[..i].iter().any(|(e, _)| e == k) {
            let at = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            cx.problems.push(format!("{at}: given twice"));
        }
    }
}

/// The rows of a list sheet; rows of its child sheets are added to `children`.
fn list_rows<'a>(
    cx: &mut Cx,
    sheet: &'a Sheet,
    items: &Json,
    path: &str,
    children: &mut Vec<(&'a Sheet, Vec<Row>)>,
) -> Vec<Row> {
    let Json::Array(items) = items else {
        cx.problems.push(format!("{path}: expected a list"));
        return Vec::new();
    };
    let mut rows = Vec::new();
    let mut parents: Vec<(String, bool)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("{path}[{i}]");
        let Json::Object(entries) = item else {
            cx.problems.push(format!("{at}: expected an object"));
            continue;
        };
        unique_keys(cx, entries, &at);
        let id = entries.iter().find_map(|(k, v)| match v {
            Json::String(s) if k == "id" => Some(s.clone()),
            _ => None,
        });
        let mut has_children = false;
        let mut row = Row::new();
        for (key, value) in entries {
            let here = format!("{at}.{key}");
            match sheet.fields.iter().find(|f| f.key == key) {
                Some(field) => match field.kind {
                    Kind::Child(child) => {
                        if matches!(value, Json::Array(a) if a.is_empty()) {
                            cx.notes.push(format!("{here}: an empty list was left out"));
                            continue;
                        }
                        let Some(id) = &id else {
                            cx.problems.push(format!(
                                "{here}: the rows of {} name their {} by its id, and this one has none",
                                child.file,
                                child.parent.unwrap_or_default()
                            ));
                            continue;
                        };
                        has_children = true;
                        let mut sub = Vec::new();
                        let mut rows = list_rows(cx, child, value, &here, &mut sub);
                        let parent = child.parent.unwrap_or_default().to_string();
                        for r in &mut rows {
                            r.insert(0, (parent.clone(), id.clone()));
                        }
                        children.push((child, rows));
                    }
                    kind => cells(cx, kind, value, &here, key, &mut row),
                },
                None if key.starts_with('_') => match value {
                    Json::String(s) => row.push((key.clone(), s.clone())),
                    _ => cx.notes.push(format!(
                        "{here}: a comment that is not a string was left out"
                    )),
                },
                None => cx
                    .problems
                    .push(format!("{here}: not a field of the format")),
            }
        }
        if let Some(id) = id {
            parents.push((id, has_children));
        }
        rows.push(row);
    }
    for (i, (id, has)) in parents.iter().enumerate() {
        let twice = parents
            .iter()
            .enumerate()
            .any(|(j, (o, h))| j != i && o == id && (*h || *has));
        if *has && twice {
            cx.problems.push(format!(
                "{path}: the id {id:?} is given twice, so its rows in other sheets cannot say which they belong to"
            ));
        }
    }
    rows
}
