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
pub use read::{from_sheets, Imported};
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
    crate::validate(&imported.json).map_err(|issues| {
        issues
            .iter()
            .map(|i| {
                // A missing language is a missing cell: name its column (`title_ko`).
                let path = match &i.problem {
                    crate::model::Problem::MissingLanguage { lang } => format!("{}.{lang}", i.path),
                    _ => i.path.clone(),
                };
                (i, path)
            })
            .map(|(i, path)| match imported.place(&path) {
                Some(place) => format!("{place} — {}", i.describe(lang)),
                None => i.describe(lang),
            })
            .collect()
    })
}
