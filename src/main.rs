//! The native command: check a dataset before publishing, or render it to static HTML.
//!
//!     breach-explainer check data/my-breach.json
//!     breach-explainer html  data/my-breach.json --lang ko > fallback.html
//!     breach-explainer social data/my-breach.json --lang ko --out card.png \
//!         --font "$(fc-match -f '%{file}#%{index}' sans-serif:lang=ko)" [--bold-font FILE]
//!
//!     breach-explainer new --lang en,ko > my-breach.json
//!     breach-explainer words > www/words.js   # the words the JavaScript shows before the wasm
//!     breach-explainer import sheets/ > data/my-breach.json
//!     breach-explainer export data/my-breach.json sheets/
//!
//! `social` writes the 1200×630 social image and prints its text alternative; `new` a commented
//! template dataset to start from; `import` turns a directory of CSV sheets into a dataset
//! (checked, like `check`); `export` writes a dataset as those sheets (`docs/sheets.md`).

#[cfg(not(target_arch = "wasm32"))]
use breach_explainer::{
    model::{self, json, position},
    page,
    render::Theme,
    Lang,
};
#[cfg(not(target_arch = "wasm32"))]
use std::process::ExitCode;

/// The command is native only; the wasm build has nothing to run.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|c| c == "new") {
        return new_dataset(&args);
    }
    if args.first().is_some_and(|c| c == "words") {
        return out(&host_words());
    }
    let (cmd, file) = match (args.first(), args.get(1)) {
        (Some(c), Some(f)) => (c.as_str(), f.as_str()),
        _ => {
            eprintln!(
                "usage: breach-explainer check FILE | new [--lang en,ko] | words | html FILE [--lang en|ko] [--parts LIST|compact] \
                 | social FILE --out PNG --font FONT[#INDEX] [--bold-font FONT[#INDEX]] [--lang en|ko] \
                 | import DIR > FILE | export FILE DIR"
            );
            return ExitCode::from(2);
        }
    };
    #[cfg(feature = "sheets")]
    if cmd == "import" || cmd == "export" {
        return sheets::command(cmd, file, args.get(2).map(String::as_str));
    }
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let lang = flag("--lang")
        .and_then(|l| Lang::from_tag(&l))
        .unwrap_or(Lang::En);
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{file}: cannot read the file: {e}");
            return ExitCode::FAILURE;
        }
    };
    let name = std::path::Path::new(file)
        .file_name()
        .map_or(file.to_string(), |n| n.to_string_lossy().into_owned());
    // Every problem with its place: line and column, and the item it is in.
    let result = model::load(&text, json::parse);
    match (cmd, result) {
        (_, Err(issues)) => {
            for i in &issues {
                eprintln!("{}", printable(&page::describe(&name, i, lang)));
            }
            eprintln!("{} problem(s) in {name}", issues.len());
            ExitCode::FAILURE
        }
        ("check", Ok((tree, d))) => {
            let mut notes = breach_explainer::model::figures::listed_not_drawn(&d);
            position::place(&mut notes, Some(&tree), Some(&text));
            for note in notes {
                println!("note: {}", printable(&page::describe(&name, &note, lang)));
            }
            let n = |k: usize, one, many| breach_explainer::format::plural_en(k as i64, one, many);
            println!(
                "{name}: ok — {}, {}, {}",
                n(d.events.len(), "event", "events"),
                n(d.sources.len(), "source", "sources"),
                n(d.counts.len(), "count", "counts")
            );
            ExitCode::SUCCESS
        }
        ("html", Ok((_, d))) => {
            // All parts open by default; `--parts` as a host's data-parts ("compact": the
            // embed's default), so the static version is folded as the live one will be.
            let html = page::to_html(&page::explainer_parts(
                &d,
                lang,
                Some(&page::static_drawer(&d, lang, &Theme::LIGHT)),
                &flag("--parts").map_or(page::Parts::All, |p| page::Parts::from_list(Some(&p))),
            ));
            out(&format!("{html}\n"))
        }
        ("social", Ok((_, d))) => {
            social(&d, lang, flag("--out"), flag("--font"), flag("--bold-font"))
        }
        (other, Ok(_)) => {
            eprintln!("unknown command {other:?}: use check, html or social");
            ExitCode::from(2)
        }
    }
}

/// Prints a commented template dataset (a fictional example that passes `check`) in the
/// languages of `--lang en,ko` (English when not given).
#[cfg(not(target_arch = "wasm32"))]
fn new_dataset(args: &[String]) -> ExitCode {
    let list = args
        .iter()
        .position(|a| a == "--lang")
        .and_then(|i| args.get(i + 1))
        .map_or("en", String::as_str);
    let mut languages = Vec::new();
    for tag in list.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        match Lang::ALL.into_iter().find(|l| l.code() == tag) {
            Some(l) if !languages.contains(&l) => languages.push(l),
            Some(_) => {}
            None => {
                eprintln!("new: {tag:?} is not a language the explainer speaks (en, ko)");
                return ExitCode::from(2);
            }
        }
    }
    out(&breach_explainer::template::template(&languages))
}

/// `words`: the words the JavaScript shows before the wasm runs, per language, as the ES
/// module the build writes to `www/words.js`.
#[cfg(not(target_arch = "wasm32"))]
fn host_words() -> String {
    let table: serde_json::Map<String, serde_json::Value> = Lang::ALL
        .into_iter()
        .map(|l| {
            let words = breach_explainer::i18n::host_words(l)
                .into_iter()
                .map(|(k, v)| (k.to_string(), serde_json::Value::from(v)))
                .collect::<serde_json::Map<_, _>>();
            (l.code().to_string(), serde_json::Value::Object(words))
        })
        .collect();
    format!(
        "// Generated by `breach-explainer words` from src/i18n.rs: do not edit.\nexport default {};\n",
        serde_json::Value::Object(table)
    )
}

/// Writes the social image to `out` (nothing at all when it cannot be drawn right) and prints
/// its text alternative.
#[cfg(not(target_arch = "wasm32"))]
fn social(
    d: &breach_explainer::model::Story,
    lang: Lang,
    out: Option<String>,
    font: Option<String>,
    bold: Option<String>,
) -> ExitCode {
    use breach_explainer::social;
    let (Some(out), Some(font)) = (out, font) else {
        eprintln!("social: needs --out PNG and --font FONT (e.g. from fc-match)");
        return ExitCode::from(2);
    };
    let made = social::Fonts::load(&font, bold.as_deref())
        .and_then(|fonts| social::png(d, lang, &fonts, &Theme::LIGHT));
    match made {
        Ok((png, alt)) => {
            if let Err(e) = std::fs::write(&out, png) {
                eprintln!("{out}: cannot write the image: {e}");
                return ExitCode::FAILURE;
            }
            println!("{}", printable(&alt));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("social image: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `import DIR` and `export FILE DIR`: spreadsheet authoring (`docs/sheets.md`).
#[cfg(all(not(target_arch = "wasm32"), feature = "sheets"))]
mod sheets {
    use super::printable;
    use breach_explainer::{model::json, sheets, Lang};
    use std::{path::Path, process::ExitCode};

    pub fn command(cmd: &str, from: &str, to: Option<&str>) -> ExitCode {
        let done = match (cmd, to) {
            ("import", None) => import(Path::new(from)),
            ("export", Some(dir)) => export(from, Path::new(dir)),
            _ => Err(vec![
                "usage: breach-explainer import DIR > FILE | export FILE DIR".to_string(),
            ]),
        };
        match done {
            Ok(()) => ExitCode::SUCCESS,
            Err(lines) => {
                for line in &lines {
                    eprintln!("{}", printable(line));
                }
                ExitCode::FAILURE
            }
        }
    }

    /// Every `.csv` file in `dir` → the dataset, checked, as JSON on standard output.
    fn import(dir: &Path) -> Result<(), Vec<String>> {
        let show = dir.display();
        let entries = std::fs::read_dir(dir)
            .map_err(|e| vec![format!("{show}: cannot read the directory: {e}")])?;
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if !name.to_lowercase().ends_with(".csv") {
                continue;
            }
            match std::fs::read(&path).map(String::from_utf8) {
                Ok(Ok(text)) => files.push((name, text)),
                Ok(Err(_)) => problems.push(format!(
                    "{name}: not UTF-8 text; in Excel save as \"CSV UTF-8 (Comma delimited)\""
                )),
                Err(e) => problems.push(format!("{name}: cannot read the file: {e}")),
            }
        }
        files.sort();
        if !problems.is_empty() {
            return Err(problems);
        }
        let (imported, _) = sheets::import(&files, Lang::En).map_err(|mut lines| {
            lines.push(format!("{} problem(s) in {show}", lines.len()));
            lines
        })?;
        print!("{}", breach_explainer::model::json::to_text(&imported.json));
        Ok(())
    }

    /// A dataset → its sheets, written into `dir` (made if missing).
    fn export(file: &str, dir: &Path) -> Result<(), Vec<String>> {
        let text = std::fs::read_to_string(file)
            .map_err(|e| vec![format!("{file}: cannot read the file: {e}")])?;
        let tree =
            json::parse(&text).map_err(|i| vec![format!("{file}: {}", i.describe(Lang::En))])?;
        let out = sheets::to_sheets(&tree).map_err(|ps| {
            let mut lines: Vec<String> = ps.iter().map(|p| format!("{file}: {p}")).collect();
            lines.push(format!(
                "{file}: cannot be written as sheets without loss; nothing written"
            ));
            lines
        })?;
        std::fs::create_dir_all(dir)
            .map_err(|e| vec![format!("{}: cannot make the directory: {e}", dir.display())])?;
        for note in &out.notes {
            eprintln!("note: {file}: {}", printable(note));
        }
        for (name, csv) in &out.files {
            let path = dir.join(name);
            std::fs::write(&path, csv)
                .map_err(|e| vec![format!("{}: cannot write: {e}", path.display())])?;
        }
        // A sheet left from before would be read by the next import as part of this dataset.
        for name in sheets::layout::all_files() {
            let path = dir.join(name);
            if path.exists() && !out.files.iter().any(|(f, _)| f == name) {
                eprintln!(
                    "note: {} is not part of {file} (it has no such list); remove it before `import`",
                    path.display()
                );
            }
        }
        Ok(())
    }
}

/// A message as a terminal shows it safely: control characters quoted from a dataset (an escape
/// sequence could recolour, move or retitle the author's terminal) are written as `\u{1b}`.
#[cfg(not(target_arch = "wasm32"))]
fn printable(line: &str) -> String {
    line.chars()
        .flat_map(|c| {
            if c.is_control() {
                format!("\\u{{{:x}}}", u32::from(c))
                    .chars()
                    .collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

/// Writes the command's output; a reader that stops reading (`| head`) ends it quietly, where
/// `print!` would panic on the closed pipe.
#[cfg(not(target_arch = "wasm32"))]
fn out(text: &str) -> ExitCode {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}
