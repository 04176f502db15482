//! A list sheet (`events.csv`…) and its child sheets (`alternatives.csv`…) → the list.

use super::breach::cell_value;
use super::{children, Cx};
use crate::model::json::Json;
use crate::sheets::layout::{Kind, Sheet};
use crate::sheets::{SheetProblem, Table};

/// An object's fields in order.
type Fields = Vec<(String, Json)>;

/// How a header cell of a list sheet is read.
enum Col {
    Parent,
    Field(usize, Option<String>),
    Comment(String),
    Blank,
}

/// The items of a list sheet as `(id, object)`, with their child sheets' rows in place.
pub(super) fn list<'t>(
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
    let mut items: Vec<(usize, Option<String>, Fields)> = Vec::new();
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
