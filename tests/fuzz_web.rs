//! A browser-side fuzz pass: random JavaScript values of every kind (cycles, deep nesting,
//! functions, symbols, BigInts, huge strings, mutated real datasets) are mounted, and every
//! handle method is called on the result. Nothing may trap the wasm, throw into the page, or
//! leave an element empty; after all of it a good explainer still mounts.
#![cfg(target_arch = "wasm32")]

use breach_explainer::model::DEFAULT_DATASET;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

/// xorshift64*: reproducible cases without a crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn any_value(rng: &mut Rng, depth: u32) -> JsValue {
    match rng.below(if depth > 4 { 12 } else { 16 }) {
        0 => JsValue::UNDEFINED,
        1 => JsValue::NULL,
        2 => JsValue::from(rng.below(2) == 0),
        3 => JsValue::from_f64(
            [f64::NAN, f64::INFINITY, -0.0, 1e308, -1.0, 0.5][rng.below(6) as usize],
        ),
        4 => JsValue::from_f64(rng.next() as f64),
        5 => JsValue::from_str(
            [
                "",
                "2025-02-30",
                "javascript:alert(1)",
                "<b>x</b>",
                "\u{0}\u{1b}",
                "{\"a\":",
            ][rng.below(6) as usize],
        ),
        6 => JsValue::from_str(&"쿠".repeat(1 + rng.below(200_000) as usize)),
        7 => js_sys::Function::new_no_args("return 1").into(),
        8 => js_sys::Symbol::for_("bx").into(),
        9 => js_sys::BigInt::from(rng.next()).into(),
        10 => js_sys::Date::new_0().into(),
        11 => js_sys::Map::new().into(),
        12 => {
            let a = Array::new();
            for _ in 0..rng.below(5) {
                a.push(&any_value(rng, depth + 1));
            }
            a.into()
        }
        13 => {
            let o = Object::new();
            for k in ["id", "format", "events", "sources", "x"] {
                if rng.below(2) == 0 {
                    Reflect::set(&o, &k.into(), &any_value(rng, depth + 1)).unwrap();
                }
            }
            o.into()
        }
        14 => {
            // Cyclic, directly or through a list.
            let o = Object::new();
            let a = Array::of1(&o);
            Reflect::set(&o, &"loop".into(), &a).unwrap();
            o.into()
        }
        _ => {
            // Nested far past the limit, or just under it.
            let levels = [10, 127, 129, 5_000][rng.below(4) as usize];
            let mut v: JsValue = Object::new().into();
            for _ in 0..levels {
                let o = Object::new();
                Reflect::set(&o, &"a".into(), &v).unwrap();
                v = o.into();
            }
            v
        }
    }
}

/// The default dataset with one value somewhere replaced by a random one.
fn mutated_dataset(rng: &mut Rng) -> JsValue {
    let root = js_sys::JSON::parse(DEFAULT_DATASET).unwrap();
    let mut at = root.clone();
    for _ in 0..1 + rng.below(4) {
        // Lists and objects alike: their keys are indices or names.
        let keys = if at.is_object() {
            Object::keys(at.unchecked_ref_object())
        } else {
            break;
        };
        if keys.length() == 0 {
            break;
        }
        let key = keys.get(rng.below(u64::from(keys.length())) as u32);
        if rng.below(3) == 0 {
            Reflect::set(&at, &key, &any_value(rng, 0)).unwrap();
            break;
        }
        at = Reflect::get(&at, &key).unwrap();
    }
    root
}

trait AsObject {
    fn unchecked_ref_object(&self) -> &Object;
}
impl AsObject for JsValue {
    fn unchecked_ref_object(&self) -> &Object {
        wasm_bindgen::JsCast::unchecked_ref(self)
    }
}

#[wasm_bindgen_test]
fn random_values_never_trap_or_throw() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for case in 0..300 {
        let data = if case % 2 == 0 {
            any_value(&mut rng, 0)
        } else {
            mutated_dataset(&mut rng)
        };
        let el = host(200 + rng.below(1400) as u32);
        let lang = ["en", "ko", "", "xx-YY", "ko-KR"][rng.below(5) as usize];
        let theme = ["dark", "light", "auto", "purple"][rng.below(4) as usize];
        let mut ex = mount(
            el.clone(),
            data,
            None,
            Some(lang.into()),
            Some(theme.into()),
        );
        // The element always says something: the explainer or its problems.
        assert!(
            el.child_element_count() > 0,
            "case {case}: an empty element"
        );
        let _ = (ex.problems(), ex.lang(), ex.selected());
        for figure in ["timeline", "revisions", "money", "", "x"] {
            let _ = ex.export_svg(figure);
        }
        for format in ["events-csv", "counts-csv", "json", "nope"] {
            let _ = ex.export_data(format);
        }
        ex.destroy();
        ex.destroy();
        el.remove();
    }
    // After all of that, a good explainer mounts as on a fresh page.
    let el = host(700);
    let ex = mount(el.clone(), JsValue::UNDEFINED, None, None, None);
    assert!(ex.problems().is_empty());
    el.remove();
}
