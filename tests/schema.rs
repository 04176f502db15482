//! The JSON Schema (schema/breach-explainer-1.schema.json) says what the validator says: its code
//! lists are the crate's, and each object's fields and required fields are the ones the validator
//! reads (found by asking the validator, not by copying its lists), so the two cannot drift.
//! tests/e2e/schema.test.mjs checks the other direction: broken datasets both refuse.
#![cfg(not(target_arch = "wasm32"))]

use breach_explainer::model::validate::{FormatVersion, FORMAT};
use breach_explainer::model::{
    json, validate, ChangeKind, Confidence, Lane, Lang, Measures, Milestone, MoneyKind, Problem,
    Status, TitleKind, Unit,
};
use serde_json::Value;
use std::collections::BTreeSet;

fn schema() -> Value {
    let text = std::fs::read_to_string("schema/breach-explainer-1.schema.json").expect("schema");
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("{v} is not a list"))
        .iter()
        .map(|s| s.as_str().expect("a string").to_string())
        .collect()
}

fn codes(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Every `enum` in the schema, by its JSON pointer.
fn enums(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            for (k, child) in o {
                if k == "enum" {
                    out.push(at.clone());
                } else if k != "examples" {
                    enums(child, format!("{at}/{k}"), out);
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                enums(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_schemas_code_lists_are_the_crates() {
    let s = schema();
    let lang: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
    let cases = [
        ("FormatVersion", codes(&FormatVersion::CODES)),
        ("Lang", codes(&lang)),
        ("TitleKind", codes(&TitleKind::CODES)),
        ("Lane", codes(&Lane::CODES)),
        ("Confidence", codes(&Confidence::CODES)),
        ("Milestone", codes(&Milestone::CODES)),
        ("Unit", codes(&Unit::CODES)),
        ("Status", codes(&Status::CODES)),
        ("Measures", codes(&Measures::CODES)),
        ("MoneyKind", codes(&MoneyKind::CODES)),
        ("ChangeKind", codes(&ChangeKind::CODES)),
    ];
    for (name, expected) in &cases {
        assert_eq!(
            &strings(&s["$defs"][name]["enum"]),
            expected,
            "$defs.{name}.enum in the schema is not the crate's {name} codes"
        );
    }
    // No other list of codes in the schema that this test does not compare.
    let mut found = Vec::new();
    enums(&s, String::new(), &mut found);
    found.sort();
    let mut checked: Vec<String> = cases.iter().map(|(n, _)| format!("/$defs/{n}")).collect();
    checked.sort();
    assert_eq!(
        found, checked,
        "every enum in the schema is one of the crate's"
    );
    assert!(strings(&s["$defs"]["FormatVersion"]["enum"]).contains(&FORMAT.to_string()));
    // A text has exactly one entry per language the explainer speaks.
    let text_langs: Vec<String> = s["$defs"]["ReaderText"]["properties"]
        .as_object()
        .expect("ReaderText.properties")
        .keys()
        .cloned()
        .collect();
    assert_eq!(text_langs, codes(&lang));
}

/// Where each object of the format is in a real dataset: (JSON pointer, the validator's path,
/// the schema's pointer to its definition).
fn places() -> Vec<(Value, String, String, String)> {
    let mut files: Vec<_> = std::fs::read_dir("data")
        .expect("data/")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out: Vec<(Value, String, String, String)> = Vec::new();
    for file in files {
        let d: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let first = |list: &str, has: &str| {
            d[list]
                .as_array()
                .and_then(|items| items.iter().position(|x| x.get(has).is_some()))
        };
        let mut mine: Vec<(String, String, &str)> = vec![
            (String::new(), String::new(), ""),
            ("/timezone".into(), "timezone".into(), "/$defs/Timezone"),
            ("/breach".into(), "breach".into(), "/$defs/Breach"),
            ("/sources/0".into(), "sources[0]".into(), "/$defs/Source"),
            ("/exposure".into(), "exposure".into(), "/$defs/Exposure"),
            (
                "/exposure/claims/0".into(),
                "exposure.claims[0]".into(),
                "/$defs/Claim",
            ),
            ("/events/0".into(), "events[0]".into(), "/$defs/Event"),
        ];
        for (list, def) in [
            ("counts", "/$defs/Count"),
            ("comparisons", "/$defs/Comparison"),
            ("data_classes", "/$defs/DataClass"),
            ("money", "/$defs/Money"),
            ("corrections", "/$defs/Correction"),
        ] {
            if first(list, "id").is_some() {
                mine.push((format!("/{list}/0"), format!("{list}[0]"), def));
            }
        }
        if first("changes", "at").is_some() {
            mine.push(("/changes/0".into(), "changes[0]".into(), "/$defs/Change"));
        }
        for (list, key, def) in [
            ("events", "alternatives", "/$defs/Alternative"),
            ("money", "parts", "/$defs/MoneyPart"),
            ("money", "converted", "/$defs/Converted"),
        ] {
            if let Some(i) = first(list, key) {
                mine.push((
                    format!("/{list}/{i}/{key}/0"),
                    format!("{list}[{i}].{key}[0]"),
                    def,
                ));
            }
        }
        for (pointer, path, def) in mine {
            if !out.iter().any(|(_, _, _, seen)| seen == def) {
                out.push((d.clone(), pointer, path, def.to_string()));
            }
        }
    }
    assert_eq!(
        out.len(),
        16,
        "every kind of object is in some file of data/"
    );
    out
}

/// The validator's problems with a changed dataset, as (path, problem).
fn problems(d: &Value) -> Vec<(String, Problem)> {
    let tree = json::parse(&d.to_string()).expect("JSON");
    match validate(&tree) {
        Ok(_) => Vec::new(),
        Err(issues) => issues.into_iter().map(|i| (i.path, i.problem)).collect(),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

#[test]
fn each_objects_fields_in_the_schema_are_those_the_validator_knows() {
    let s = schema();
    for (d, pointer, path, def) in places() {
        let def = s.pointer(&def).expect("the definition");
        let mut changed = d.clone();
        let object = changed
            .pointer_mut(&pointer)
            .unwrap()
            .as_object_mut()
            .unwrap();
        object.insert("zz-unknown".into(), Value::Bool(true));
        let at = join(&path, "zz-unknown");
        let known = problems(&changed)
            .into_iter()
            .find_map(|(p, problem)| match problem {
                Problem::UnknownField { known, .. } if p == at => Some(known),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no unknown field reported at {at}"));
        let known: BTreeSet<String> = known.iter().map(|k| k.to_string()).collect();
        assert_eq!(keys(&def["properties"]), known, "fields of {pointer:?}");
        assert_eq!(
            def["additionalProperties"],
            Value::Bool(false),
            "{pointer:?}"
        );

        // A comment key is ignored by both.
        let mut commented = d.clone();
        let object = commented
            .pointer_mut(&pointer)
            .unwrap()
            .as_object_mut()
            .unwrap();
        object.insert("_comment".into(), Value::from("checked"));
        assert_eq!(problems(&commented), vec![], "{pointer:?} with a comment");
        assert!(def["patternProperties"].get("^_").is_some(), "{pointer:?}");
    }
}

#[test]
fn each_objects_required_fields_in_the_schema_are_those_the_validator_needs() {
    let s = schema();
    for (d, pointer, path, def) in places() {
        let def = s.pointer(&def).expect("the definition");
        let mut changed = d.clone();
        *changed.pointer_mut(&pointer).unwrap() = Value::Object(Default::default());
        let needed: BTreeSet<String> = problems(&changed)
            .into_iter()
            .filter(|(_, problem)| matches!(problem, Problem::Missing { .. } | Problem::NoSources))
            .filter_map(|(p, _)| {
                let field = if path.is_empty() {
                    Some(p.as_str())
                } else {
                    p.strip_prefix(&format!("{path}."))
                }?;
                (!field.contains(['.', '['])).then(|| field.to_string())
            })
            .collect();
        let required: BTreeSet<String> = strings(&def["required"]).into_iter().collect();
        assert_eq!(required, needed, "required fields of {pointer:?}");
    }
}
