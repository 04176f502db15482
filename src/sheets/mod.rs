//! Spreadsheet authoring: a dataset as a set of CSV sheets, and back, without loss.
//!
//! Pure: text in, text or a JSON tree out; no files, no DOM. The native `import`/`export`
//! commands read and write the files; in the browser, `web` (wasm32) hands the editor the same
//! two conversions. The layout — one sheet per list, one column per language — is in [`layout`]
//! and, for authors, in `docs/sheets.md`.
//!
//! - [`to_sheets`]: a JSON tree → the CSV files, or every value a sheet cannot hold (by its JSON
//!   path); things the checker ignores and a sheet cannot tell apart (a `null`, an empty list of
//!   alternatives, a comment that is not a string) are dropped and named in `notes`.
//! - [`from_sheets`]: the CSV files → a JSON tree, or every problem by file, row and column;
//!   the tree then goes through [`crate::validate`] like any dataset, and [`Imported::place`]
//!   turns the checker's JSON paths back into sheet, row and column.

mod csv_io;
pub mod layout;
mod read;
#[cfg(target_arch = "wasm32")]
pub mod web;
mod write;

pub use csv_io::Table;
pub use read::{from_sheets, read_sheets, Imported};
pub use write::{to_sheets, Sheets};

use std::fmt;

/// A problem in a sheet, in the spreadsheet's terms: the file, the row as the spreadsheet
/// numbers it (the header is row 1) and the column's name, where they are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetProblem {
    pub file: String,
    pub row: Option<usize>,
    pub column: Option<String>,
    pub message: String,
}

impl SheetProblem {
    pub fn new(file: &str, row: Option<usize>, column: Option<&str>, message: String) -> Self {
        SheetProblem {
            file: file.to_string(),
            row,
            column: column.map(str::to_string),
            message,
        }
    }
}

impl fmt::Display for SheetProblem {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The sheet a file name stands for: `events.csv`, `Events.CSV`, and Google Sheets' download
/// name `My breach - events.csv` all name `events.csv`; `None` for any other name.
pub fn sheet_name(file_name: &str) -> Option<&'static str> {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let lower = base.trim().to_ascii_lowercase();
    let stem = lower.strip_suffix(".csv").unwrap_or(&lower);
    let stem = stem.rsplit(" - ").next().unwrap_or(stem).trim();
    layout::all_files()
        .into_iter()
        .find(|f| f.strip_suffix(".csv") == Some(stem))
}

/// An imported tree through the checker: the dataset, or each issue as a line that leads with
/// its place in the sheets where it has one (`events.csv, row 5, column title_ko — `) and then
/// says it as `check` does, by JSON path.
pub fn check(imported: &Imported, lang: crate::Lang) -> Result<crate::Dataset, Vec<String>> {
    checked(imported, lang).map_err(|found| found.into_iter().map(|(_, _, line)| line).collect())
}

/// As [`check`], each line with the sheet it is in and, for an id not found, the sheet it was
/// looked for in.
type Found = (&'static str, Option<&'static str>, String);
fn checked(imported: &Imported, lang: crate::Lang) -> Result<crate::Dataset, Vec<Found>> {
    crate::validate(&imported.json).map_err(|issues| {
        issues
            .iter()
            .map(|i| {
                // A missing language is a missing cell: name its column (`title_ko`).
                let path = match &i.problem {
                    crate::model::Problem::MissingLanguage { lang } => format!("{}.{lang}", i.path),
                    _ => i.path.clone(),
                };
                // Where it is in the sheets, found once: its file, and the line's lead.
                let place = imported.place(&path);
                let file = place
                    .as_deref()
                    .and_then(|p| sheet_name(p.split(',').next()?))
                    .unwrap_or_else(|| sheet_of(&path));
                let line = match place {
                    Some(place) => format!("{place} — {}", i.describe(lang)),
                    None => i.describe(lang),
                };
                // An id not found in a list is about that list's sheet too.
                let cited = match &i.problem {
                    crate::model::Problem::UnknownSource { .. } => Some(sheet_of("sources")),
                    crate::model::Problem::UnknownReference { list, .. } => Some(sheet_of(list)),
                    _ => None,
                };
                (file, cited, line)
            })
            .collect()
    })
}

/// The sheet a JSON path's top-level field is written in.
fn sheet_of(path: &str) -> &'static str {
    let top = path.split(['.', '[']).next().unwrap_or(path);
    layout::LISTS
        .iter()
        .find(|(key, _)| *key == top)
        .map_or(layout::BREACH_FILE, |(_, sheet)| sheet.file)
}

/// CSV files → the dataset, or every problem in one round: the sheets' own (a stray cell, an
/// unknown column) first, then what the checker finds in the other sheets, placed in them. (In a
/// sheet with problems of its own, the checker would only echo them: a cell that could not be
/// read is a value missing.)
pub fn import(
    files: &[(String, String)],
    lang: crate::Lang,
) -> Result<(Imported, crate::Dataset), Vec<String>> {
    let (imported, problems) = read_sheets(files);
    let broken: Vec<&str> = problems.iter().map(|p| p.file.as_str()).collect();
    let mut lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    match checked(&imported, lang) {
        Ok(d) if lines.is_empty() => return Ok((imported, d)),
        Ok(_) => {}
        Err(more) => lines.extend(
            more.into_iter()
                .filter(|(file, cited, _)| {
                    let is_broken = |f: &str| broken.iter().any(|b| sheet_name(b) == Some(f));
                    !is_broken(file) && !cited.is_some_and(is_broken)
                })
                .map(|(_, _, line)| line),
        ),
    }
    Err(lines)
}
