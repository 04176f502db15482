//! A structure-aware fuzzer on stable Rust (proptest): every dataset in `data/` and the hostile
//! seeds in `tests/fuzz/` are mutated at random JSON paths (values replaced by random JSON of
//! any type, keys removed, lists emptied or repeated, text truncated) and pushed through the
//! whole native path: parse → validate → the static page in each language at a random width →
//! every export. Nothing may panic. Raw text is fuzzed too, for the parser.
//!
//! `scripts/test` runs a short pass; a long run is
//!     FUZZ_CASES=1000000 cargo test --release --test fuzz
#![cfg(not(target_arch = "wasm32"))]

use breach_explainer::export::{counts_csv, events_csv, figure_svg, Figure};
use breach_explainer::layout::timeline::View;
use breach_explainer::model::figures::{listed_not_drawn, ChartKind};
use breach_explainer::model::json::to_text as json_text;
use breach_explainer::model::{json, story::from_tree, Lang};
use breach_explainer::page;
use breach_explainer::render::Theme;
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;

/// The corpus as text: every dataset in the repository and the hostile seeds (one of which is
/// nested too deep to be a tree at all).
fn seeds() -> &'static Vec<String> {
    static SEEDS: OnceLock<Vec<String>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut texts = Vec::new();
        for dir in ["data", "tests/fuzz"] {
            let mut files: Vec<_> = std::fs::read_dir(dir)
                .unwrap_or_else(|e| panic!("{dir}: {e}"))
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect();
            files.sort();
            texts.extend(
                files
                    .into_iter()
                    .map(|p| std::fs::read_to_string(p).unwrap()),
            );
        }
        texts
    })
}

/// The seeds that are JSON trees, for structural mutation.
fn corpus() -> &'static Vec<Value> {
    static CORPUS: OnceLock<Vec<Value>> = OnceLock::new();
    CORPUS.get_or_init(|| {
        seeds()
            .iter()
            .filter_map(|t| serde_json::from_str(t).ok())
            .collect()
    })
}

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

/// Random JSON of every type, a few levels deep, with hostile strings.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON has no NaN", |f| f.is_finite())
            .prop_map(Value::from),
        prop_oneof![
            Just("".to_string()),
            Just("2025-02-30".to_string()),
            Just("2025-11-18T22:52".to_string()),
            Just("javascript:alert(1)".to_string()),
            Just("<img src=x onerror=alert(1)>".to_string()),
            Just("\u{1b}[31m\u{0}".to_string()),
            Just("쿠팡 \u{202e} RTL".to_string()),
            "[a-z0-9-]{1,12}",
            ".{0,40}",
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::vec(("[a-z_$]{1,10}", inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

#[derive(Debug, Clone)]
enum Mutation {
    Replace(Value),
    Remove,
    Empty,
    Repeat,
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => any_json().prop_map(Mutation::Replace),
        1 => Just(Mutation::Remove),
        1 => Just(Mutation::Empty),
        1 => Just(Mutation::Repeat),
        1 => (0usize..20).prop_map(Mutation::Truncate),
    ]
}

/// Walks `path` (each step picks a child by index, modulo the number of children) and applies
/// the mutation there.
fn mutate(v: &mut Value, path: &[usize], m: &Mutation) {
    let Some((&step, rest)) = path.split_first() else {
        apply(v, m);
        return;
    };
    match v {
        Value::Object(o) if !o.is_empty() => {
            let key = o.keys().nth(step % o.len()).cloned().unwrap_or_default();
            if rest.is_empty() && matches!(m, Mutation::Remove) {
                o.remove(&key);
            } else if let Some(child) = o.get_mut(&key) {
                mutate(child, rest, m);
            }
        }
        Value::Array(a) if !a.is_empty() => {
            let i = step % a.len();
            if rest.is_empty() && matches!(m, Mutation::Remove) {
                a.remove(i);
            } else {
                mutate(&mut a[i], rest, m);
            }
        }
        _ => apply(v, m),
    }
}

fn apply(v: &mut Value, m: &Mutation) {
    match m {
        Mutation::Replace(new) => *v = new.clone(),
        Mutation::Remove => *v = Value::Null,
        Mutation::Empty => match v {
            Value::Array(a) => a.clear(),
            Value::Object(o) => o.clear(),
            Value::String(s) => s.clear(),
            _ => *v = Value::from(0),
        },
        Mutation::Repeat => {
            if let Value::Array(a) = v {
                let copy = a.clone();
                a.extend(copy);
            }
        }
        Mutation::Truncate(n) => {
            if let Value::String(s) = v {
                *s = s.chars().take(*n).collect();
            }
        }
    }
}

/// Everything the native path does with a file: nothing may panic.
fn exercise(text: &str, width: f64) {
    let Ok(tree) = json::parse(text) else { return };
    let d = match from_tree(&tree) {
        Ok(d) => d,
        Err(issues) => {
            for i in &issues {
                assert!(!i.describe(Lang::En).is_empty());
                assert!(!i.describe(Lang::Ko).is_empty());
            }
            return;
        }
    };
    let _ = listed_not_drawn(&d);
    for lang in [Lang::En, Lang::Ko] {
        let html = page::to_html(&page::explainer(&d, lang, Some(&Theme::LIGHT)));
        assert!(html.starts_with("<section"));
        let figures = [
            Figure::Timeline(View::Window),
            Figure::Timeline(View::Story),
            Figure::Chart(ChartKind::Revisions),
            Figure::Chart(ChartKind::Comparison),
            Figure::Chart(ChartKind::Exposed),
            Figure::Chart(ChartKind::Money),
        ];
        for f in figures {
            let svg = figure_svg(&d, lang, f, width, &Theme::DARK);
            assert!(svg.ends_with("</svg>"));
        }
        let _ = (events_csv(&d, lang), counts_csv(&d, lang));
    }
    assert_eq!(json::parse(&json_text(&tree)).ok().as_ref(), Some(&tree));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_datasets_never_panic(
        seed in any::<prop::sample::Index>(),
        edits in prop::collection::vec((prop::collection::vec(any::<usize>(), 0..6), mutation()), 1..4),
        width in 200.0f64..1700.0,
    ) {
        let mut v = seed.get(corpus()).clone();
        for (path, m) in &edits {
            mutate(&mut v, path, m);
        }
        exercise(&v.to_string(), width);
    }

    #[test]
    fn any_text_is_parsed_or_refused(text in ".{0,200}", cut in any::<prop::sample::Index>()) {
        // Arbitrary text, and every seed cut off anywhere.
        exercise(&text, 720.0);
        let whole = cut.get(seeds());
        let at = cut.index(whole.len() + 1);
        if whole.is_char_boundary(at) {
            exercise(&whole[..at], 720.0);
        }
    }
}
