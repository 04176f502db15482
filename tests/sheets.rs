//! Spreadsheet authoring (`src/sheets`): every dataset in `data/` goes to sheets and back to the
//! same JSON value; the template imports and passes the checker; CSV as Excel and Google Sheets
//! write it reads the same; problems name file, row and column.
#![cfg(all(not(target_arch = "wasm32"), feature = "sheets"))]

use breach_explainer::model::json::to_text as json_text;
use breach_explainer::model::json::{self, Json};
use breach_explainer::sheets::{self, layout, SheetProblem};
use breach_explainer::Lang;
use proptest::prelude::*;
use serde_json::Value;

fn datasets() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir("data")
        .expect("data/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a dataset");
            (p.display().to_string(), text)
        })
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the datasets in data/");
    files
}

/// As a JSON value: key order does not matter, everything else does.
fn value(tree: &Json) -> Value {
    serde_json::from_str(&json_text(tree)).expect("JSON text")
}

fn export(tree: &Json) -> Vec<(String, String)> {
    let out = sheets::to_sheets(tree).unwrap_or_else(|p| panic!("cannot export: {p:#?}"));
    assert_eq!(out.notes, Vec::<String>::new(), "nothing left out");
    out.files
}

fn import(files: &[(String, String)]) -> Json {
    sheets::from_sheets(files)
        .unwrap_or_else(|p| panic!("cannot import: {}", lines(&p)))
        .json
}

fn lines(problems: &[SheetProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

fn template() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir("templates/sheets")
        .expect("templates/sheets/")
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(e.path()).expect("a sheet"))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_dataset_goes_to_sheets_and_back_unchanged() {
    for (name, text) in datasets() {
        let tree = json::parse(&text).expect("JSON");
        let files = export(&tree);
        let back = import(&files);
        let original: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(value(&back), original, "{name}: JSON → sheets → JSON");
        // And the sheets from the import are the sheets it came from, byte for byte.
        assert_eq!(export(&back), files, "{name}: sheets → JSON → sheets");
        breach_explainer::validate(&back).unwrap_or_else(|e| panic!("{name}: {e:?}"));
    }
}

#[test]
fn the_import_writes_keys_in_the_documented_order() {
    let tree = import(&template());
    let Json::Object(top) = &tree else { panic!() };
    let keys: Vec<&str> = top.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, layout::TOP_ORDER);
    let text = json_text(&tree);
    assert!(text.starts_with(
        "{\n  \"$schema\": \"../schema/breach-explainer-1.schema.json\",\n  \"format\""
    ));
}

#[test]
fn the_template_imports_and_passes_the_checker() {
    let files = template();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let mut all = layout::all_files();
    all.sort();
    assert_eq!(names, all, "one template file per sheet");
    for (name, text) in &files {
        let rows = text.lines().count();
        assert!(rows >= 2, "{name}: an example row under the header");
        assert!(
            text.contains("_ko") || name != "events.csv",
            "{name}: Korean columns"
        );
    }
    let imported = sheets::from_sheets(&files).unwrap_or_else(|p| panic!("{}", lines(&p)));
    sheets::check(&imported, Lang::En).unwrap_or_else(|e| panic!("{e:#?}"));
    // And it goes back to the same sheets.
    let mut again = export(&imported.json);
    again.sort();
    assert_eq!(again, files);
}

/// Excel's "CSV UTF-8": a byte-order mark first, CRLF; Google Sheets: no mark, and LF here.
#[test]
fn a_byte_order_mark_and_either_line_ending_read_the_same() {
    let (_, text) = &datasets()[1];
    let files = export(&json::parse(text).expect("JSON"));
    let want = value(&import(&files));
    let lf: Vec<_> = files
        .iter()
        .map(|(n, t)| (n.clone(), t.replace("\r\n", "\n")))
        .collect();
    let bom: Vec<_> = files
        .iter()
        .map(|(n, t)| (n.clone(), format!("\u{feff}{t}")))
        .collect();
    let google: Vec<_> = files
        .iter()
        .map(|(n, t)| {
            (
                format!("Coupang breach - {}", n.replace(".csv", ".CSV")),
                t.clone(),
            )
        })
        .collect();
    assert_ne!(lf, files, "the export writes CRLF");
    assert_eq!(value(&import(&lf)), want, "LF");
    assert_eq!(value(&import(&bom)), want, "BOM");
    assert_eq!(
        value(&import(&google)),
        want,
        "Google Sheets' download names"
    );
}

fn with_breach(csv: &str) -> Vec<(String, String)> {
    let mut files = template();
    for (name, text) in &mut files {
        if name == "sources.csv" {
            *text = csv.to_string();
        }
    }
    files
}

/// Semicolons between cells, as Excel writes where a comma is the decimal mark.
#[test]
fn semicolons_between_cells_are_read() {
    let files = template();
    let sources = &files
        .iter()
        .find(|(n, _)| n == "sources.csv")
        .expect("sources")
        .1;
    let semi = "id;publisher;title;lang;url;published\r\nexample-news-20240605;Example News;\"Hanbit Mart says 1.2 million accounts were exposed\";en;https://example.com/news/hanbit-mart-breach;2024-06-05\r\n";
    assert_eq!(
        value(&import(&with_breach(semi))),
        value(&import(&with_breach(sources)))
    );
}

/// Commas, quotes, new lines (LF and CRLF), Korean, spaces at the ends: all kept.
#[test]
fn quoting_edge_cases_survive() {
    let mut tree = import(&template());
    let awkward = [
        "a, b, and c",
        "\"quoted\" and \"\"doubled\"\"",
        "line one\nline two\r\nline three\n",
        "  spaced  ",
        "쿠팡 개인정보 유출: 3,370만 개 \"계정\"",
        "=1+1",
        "\u{feff}mark",
        ",",
        "\"",
    ];
    if let Json::Object(top) = &mut tree {
        for (k, v) in top.iter_mut() {
            if k == "events" {
                let Json::Array(events) = v else { panic!() };
                let Json::Object(event) = &mut events[0] else {
                    panic!()
                };
                for (k, v) in event.iter_mut() {
                    if k == "title" {
                        *v = Json::Object(vec![
                            ("en".into(), Json::String(awkward.join("|"))),
                            ("ko".into(), Json::String(awkward[4].into())),
                        ]);
                    }
                }
                for (i, a) in awkward.iter().enumerate() {
                    event.push((format!("_c{i}"), Json::String(a.to_string())));
                }
            }
        }
    }
    let files = export(&tree);
    assert_eq!(value(&import(&files)), value(&tree));
    let events = &files
        .iter()
        .find(|(n, _)| n == "events.csv")
        .expect("events")
        .1;
    assert!(
        events.contains("\"line one\nline two\r\nline three\n"),
        "{events}"
    );
}

fn problems(files: &[(String, String)]) -> Vec<String> {
    sheets::import(files, Lang::En).err().unwrap_or_default()
}

#[test]
fn the_sheets_problems_and_the_checkers_come_in_one_round() {
    // A stray cell in sources.csv and an impossible date in events.csv, at once.
    let files: Vec<(String, String)> =
        edit("sources.csv", |t| format!("{},extra\r\n", t.trim_end()))
            .into_iter()
            .map(|(n, t)| {
                let t = if n == "events.csv" {
                    t.replacen("2024-06-02T09:30+09:00", "2024-02-30", 1)
                } else {
                    t
                };
                (n, t)
            })
            .collect();
    let p = problems(&files);
    assert_eq!(p.len(), 2, "{p:#?}");
    assert!(
        p[0].starts_with("sources.csv, row 2: a cell in column 9"),
        "{p:?}"
    );
    assert!(
        p[1].starts_with("events.csv, row 2, column date — events[0].date: \"2024-02-30\""),
        "{p:?}"
    );
}

fn edit(file: &str, f: impl Fn(&str) -> String) -> Vec<(String, String)> {
    template()
        .into_iter()
        .map(|(n, t)| {
            let t = if n == file { f(&t) } else { t };
            (n, t)
        })
        .collect()
}

#[test]
fn problems_name_the_file_row_and_column() {
    let counts = edit("counts.csv", |t| t.replacen(",1200000,", ",lots,", 1));
    assert_eq!(
        problems(&counts),
        ["counts.csv, row 2, column value: expected a whole number in digits (e.g. 33673817), not \"lots\""]
    );
    let bool_ = edit("data_classes.csv", |t| t.replacen(",TRUE,", ",maybe,", 1));
    assert_eq!(
        problems(&bool_),
        ["data_classes.csv, row 2, column exposed: expected TRUE or FALSE, not \"maybe\""]
    );
    let column = edit("events.csv", |t| t.replacen("title_ko", "titel_ko", 1));
    let p = problems(&column);
    assert!(
        p[0].starts_with("events.csv, row 1, column titel_ko: not a column of this sheet"),
        "{p:?}"
    );
    let orphan = edit("alternatives.csv", |t| {
        t.replacen("\r\ndetected,", "\r\ndetectd,", 1)
    });
    assert_eq!(
        problems(&orphan),
        ["alternatives.csv, row 2, column event: no row of events.csv has the id \"detectd\""]
    );
    let twice = edit("breach.csv", |t| format!("{t}id,another,,\r\n"));
    let p = problems(&twice);
    assert!(
        p[0].starts_with("breach.csv, row 15, column field: id is given twice (also in row 4)"),
        "{p:?}"
    );
    // The checker's problems, placed in the sheets: a cell with new lines is still one row.
    let date = edit("events.csv", |t| {
        let row = t.lines().nth(1).expect("a row").to_string();
        let second = row
            .replacen("detected,2024-06-02T09:30+09:00", "other,2024-02-30", 1)
            .replacen(",detected,", ",,", 1)
            .replacen("Breach detected", "\"Two\nlines\"", 1);
        format!("{t}{second}\r\n")
    });
    let p = problems(&date);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("events.csv, row 3, column date — events[1].date: \"2024-02-30\""),
        "{p:?}"
    );
    let missing = edit("breach.csv", |t| {
        t.replacen("\r\nbreach.country,KR,,", "", 1)
    });
    let p = problems(&missing);
    assert!(
        p[0].starts_with("breach.csv, row for breach.country"),
        "{p:?}"
    );
    let korean = edit("events.csv", |t| t.replacen(",유출 탐지,", ",,", 1));
    let p = problems(&korean);
    assert!(
        p[0].starts_with("events.csv, row 2, column title_ko — events[0].title"),
        "{p:?}"
    );
    let stray = edit("sources.csv", |t| format!("{},extra\r\n", t.trim_end()));
    let p = problems(&stray);
    assert_eq!(p, ["sources.csv, row 2: a cell in column 9 is right of the last named column: give the column a name in row 1, or move the cell"]);
    let unknown = vec![("notes.csv".to_string(), "a,b\r\n".to_string())];
    assert!(problems(&unknown)[0].starts_with("notes.csv: not one of the sheets"));
}

#[test]
fn values_a_sheet_cannot_hold_are_refused_by_path() {
    let tree = json::parse(
        r#"{"format": "breach-explainer/1", "id": "x", "languages": ["en"], "titel": 1,
            "sources": [{"id": "a b", "publisher": "", "_n": 3}],
            "events": [{"date": "2025", "sources": ["a, b"], "alternatives": [{"date": "2025"}]}],
            "counts": [{"value": 1.5, "approximate": "yes"}]}"#,
    )
    .expect("JSON");
    let p = sheets::to_sheets(&tree).expect_err("refused");
    assert_eq!(
        p,
        [
            "titel: not a field of the format",
            "sources[0].publisher: an empty string cannot be told apart from a missing field in a sheet",
            "events[0].sources: \"a, b\" cannot be written in a list cell (ids have no spaces, commas or semicolons)",
            "events[0].alternatives: the rows of alternatives.csv name their event by its id, and this one has none",
            "counts[0].value: 1.5 cannot be written where a whole number is expected",
            "counts[0].approximate: \"yes\" cannot be written where true or false is expected",
        ]
    );
}

/// The layout holds every field of the format, in the schema's (the documented) order, each
/// text as one column per language.
#[test]
fn the_layout_holds_every_field_of_the_schema() {
    // Read with the crate's own parser, which keeps the schema's key order.
    let schema = json::parse(
        &std::fs::read_to_string("schema/breach-explainer-1.schema.json").expect("schema"),
    )
    .expect("JSON");
    let get = |v: &Json, key: &str| -> Json {
        match v {
            Json::Object(e) => e.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()),
            _ => None,
        }
        .unwrap_or_else(|| panic!("{key}"))
    };
    let keys = |v: &Json| -> Vec<(String, bool)> {
        let Json::Object(e) = v else { panic!() };
        e.iter()
            .map(|(k, v)| (k.clone(), json_text(v).contains("ReaderText")))
            .collect()
    };
    let defs = get(&schema, "$defs");
    let props = |def: &str| keys(&get(&get(&defs, def), "properties"));
    let sheet_fields = |s: &layout::Sheet| -> Vec<(String, bool)> {
        s.fields
            .iter()
            .map(|f| (f.key.to_string(), f.kind == layout::Kind::Text))
            .collect()
    };
    for (def, sheet) in [
        ("Source", &layout::SOURCES),
        ("Claim", &layout::EXPOSURE),
        ("Event", &layout::EVENTS),
        ("Alternative", &layout::ALTERNATIVES),
        ("Count", &layout::COUNTS),
        ("Comparison", &layout::COMPARISONS),
        ("DataClass", &layout::DATA_CLASSES),
        ("Money", &layout::MONEY),
        ("MoneyPart", &layout::MONEY_PARTS),
        ("Converted", &layout::MONEY_CONVERTED),
        ("Correction", &layout::CORRECTIONS),
    ] {
        assert_eq!(sheet_fields(sheet), props(def), "{def}");
    }
    let top: Vec<String> = keys(&get(&schema, "properties"))
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(top, layout::TOP_ORDER);
    for (object, def) in [
        ("timezone", "Timezone"),
        ("breach", "Breach"),
        ("exposure", "Exposure"),
    ] {
        for (field, text) in props(def) {
            let path = format!("{object}.{field}");
            if path == "exposure.claims" {
                continue;
            }
            let row = layout::BREACH_ROWS.iter().find(|(p, _)| *p == path);
            let kind = row
                .unwrap_or_else(|| panic!("{path} has no row in breach.csv"))
                .1;
            assert_eq!(kind == layout::Kind::Text, text, "{path}");
        }
    }
}

/// docs/sheets.md names every sheet and every column.
#[test]
fn the_docs_describe_every_sheet_and_column() {
    let docs = std::fs::read_to_string("docs/sheets.md").expect("docs/sheets.md");
    for file in layout::all_files() {
        assert!(docs.contains(&format!("`{file}`")), "{file}");
    }
    for (path, _) in layout::BREACH_ROWS {
        assert!(docs.contains(&format!("`{path}`")), "{path}");
    }
    for sheet in [
        &layout::SOURCES,
        &layout::EXPOSURE,
        &layout::EVENTS,
        &layout::ALTERNATIVES,
        &layout::COUNTS,
        &layout::COMPARISONS,
        &layout::DATA_CLASSES,
        &layout::MONEY,
        &layout::MONEY_PARTS,
        &layout::MONEY_CONVERTED,
        &layout::CORRECTIONS,
        &layout::CHANGES,
    ] {
        for field in sheet.fields {
            assert!(
                docs.contains(&format!("`{}", field.key)),
                "{}: {}",
                sheet.file,
                field.key
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Any text in a text cell, a plain cell and a comment comes back as it was.
    #[test]
    fn any_text_in_a_cell_comes_back(a in ".+", b in "\\PC+", c in "[\\s\\S]+") {
        let mut tree = import(&template());
        if let Json::Object(top) = &mut tree {
            for (k, v) in top.iter_mut() {
                if let ("sources", Json::Array(list)) = (k.as_str(), &mut *v) {
                    if let Json::Object(source) = &mut list[0] {
                        source.push(("via".into(), Json::String(b.clone())));
                        source.push(("_note".into(), Json::String(c.clone())));
                    }
                }
                if let ("breach", Json::Object(breach)) = (k.as_str(), &mut *v) {
                    breach.push(("credit".into(), Json::Null));
                    breach.retain(|(k, _)| k != "credit");
                    breach.push(("credit".into(), Json::Object(vec![
                        ("en".into(), Json::String(a.clone())),
                        ("ko".into(), Json::String(c.clone())),
                    ])));
                }
            }
        }
        let files = export(&tree);
        prop_assert_eq!(value(&import(&files)), value(&tree));
    }
}

/// Comments (`_` keys) at every level, and a language the dataset does not list, are carried;
/// a comment that is not a string is left out and said so.
#[test]
fn comments_everywhere_and_another_language_are_carried() {
    let text = std::fs::read_to_string("data/equifax-2017.json").expect("dataset");
    let commented = text
        .replacen("\"format\":", "\"_note\": \"top\",\n  \"format\":", 1)
        .replacen("\"offset\":", "\"_tz\": \"zone\", \"offset\":", 1)
        .replacen(
            "\"organisation\":",
            "\"_by\": \"desk\", \"organisation\":",
            1,
        )
        .replacen("\"preferred\":", "\"_why\": \"longest\", \"preferred\":", 1)
        .replacen(
            "\"en\": \"Equifax\",",
            "\"en\": \"Equifax\", \"ja\": \"エクイファックス\",",
            1,
        );
    let tree = json::parse(&commented).expect("JSON");
    let Json::Object(top) = &tree else { panic!() };
    let has_comment = top.iter().any(|(k, _)| k == "_note");
    assert!(has_comment, "the edit took");
    let files = export(&tree);
    assert_eq!(value(&import(&files)), value(&tree));
    let breach = &files[0].1;
    assert!(
        breach.starts_with("field,value,value_en,value_ko,value_ja\r\n"),
        "{breach}"
    );
    assert!(breach.contains("\r\nbreach._by,desk,,,\r\n"), "{breach}");
    // Comments with numbers in them are dropped, with a note.
    let numbered =
        json::parse(&text.replacen("\"format\":", "\"_n\": 3, \"format\":", 1)).expect("JSON");
    let out = sheets::to_sheets(&numbered).expect("sheets");
    assert_eq!(
        out.notes,
        ["_n: a comment that is not a string was left out"]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    /// Any text in any sheet, a header from the template or not: a result or problems, never a
    /// panic; and any JSON path can be asked for its place.
    #[test]
    fn any_sheet_text_is_read_without_panicking(
        which in 0usize..12,
        keep_header in any::<bool>(),
        body in "[a-z0-9_,;\"\r\n \u{feff}한-]{0,200}",
        path in "[a-z_.\\[\\]0-9]{0,30}",
    ) {
        let mut files = template();
        let (_, text) = &mut files[which];
        let header = text.lines().next().unwrap_or("").to_string();
        *text = if keep_header { format!("{header}\r\n{body}") } else { body.clone() };
        if let Ok(imported) = sheets::from_sheets(&files) {
            let _ = sheets::check(&imported, Lang::Ko);
            let _ = imported.place(&path);
        }
    }
}
