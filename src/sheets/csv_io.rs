//! CSV as spreadsheets write it (RFC 4180 through the `csv` crate): UTF-8 with or without the
//! byte-order mark Excel puts first, CRLF or LF, quoted cells holding commas, quotes and new
//! lines, and `;` between cells where Excel's locale uses a comma for decimals.

use super::SheetProblem;

/// A sheet as read: its header and its rows, each with its number as the spreadsheet shows it
/// (the header is row 1; a cell with new lines is still one row). Blank rows are left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Reads one CSV file; `file` names it in a problem.
pub fn read(file: &str, text: &str) -> Result<Table, SheetProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if !first_line.contains(',') && first_line.contains(';') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    // Lines inside quoted cells so far: the spreadsheet's row is the line less these.
    let mut inner_lines = 0usize;
    for record in reader.records() {
        let record = record.map_err(|e| {
            let row = e.position().map(|p| {
                let at = (p.byte() as usize).min(text.len());
                let line = 1 + text.get(..at).map_or(0, |t| t.matches('\n').count());
                line.saturating_sub(inner_lines)
            });
            SheetProblem::new(
                file,
                row,
                None,
                format!("this is not readable as CSV ({e})"),
            )
        })?;
        // The record's first line: csv's own line count lags behind a CRLF and skips blank
        // lines, so count the new lines before the record's first character.
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let start = text.get(start..).map_or(start, |rest| {
            start + (rest.len() - rest.trim_start_matches(['\r', '\n']).len())
        });
        let line = 1 + text.get(..start).map_or(0, |t| t.matches('\n').count());
        let row = line.saturating_sub(inner_lines);
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        inner_lines += cells.iter().map(|c| c.matches('\n').count()).sum::<usize>();
        if header.is_none() {
            if row != 1 {
                return Err(SheetProblem::new(
                    file,
                    Some(1),
                    None,
                    "row 1 must be the header (the column names); it is empty".into(),
                ));
            }
            header = Some(cells.iter().map(|c| c.trim().to_string()).collect());
        } else if let Some(i) = header
            .as_ref()
            .and_then(|h| (h.len()..cells.len()).find(|&i| !cells[i].trim().is_empty()))
        {
            return Err(SheetProblem::new(
                file,
                Some(row),
                None,
                format!(
                    "a cell in column {} is right of the last named column: give the column a \
                     name in row 1, or move the cell",
                    i + 1
                ),
            ));
        } else if cells.iter().any(|c| !c.trim().is_empty()) {
            rows.push((row, cells));
        }
    }
    match header {
        Some(header) => Ok(Table { header, rows }),
        None => Err(SheetProblem::new(
            file,
            None,
            None,
            "the file is empty: row 1 must be the header (the column names)".into(),
        )),
    }
}

/// Writes rows as CSV: cells quoted only where needed, rows ended by CRLF as RFC 4180 says.
pub fn write(header: &[String], rows: &[Vec<String>]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    for record in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        // Writing to memory cannot fail.
        let _ = writer.write_record(record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
