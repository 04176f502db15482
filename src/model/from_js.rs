//! A value from the page as a JSON tree (wasm only): text read by the browser's own
//! `JSON.parse` (smaller than compiling a parser into the wasm, and its messages name line and
//! column), and objects walked without recursion before anything recursive touches them. The
//! reader's explainer and the editor's sheets both take their input through here.

use super::{json::Json, Issue, Problem};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// JSON text to a tree with the browser's own parser; its message names line and column.
pub fn parse_text(text: &str) -> Result<Json, Issue> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let detail = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "unreadable".into());
        Issue::new(String::new(), Problem::NotJson { detail })
    })?;
    to_tree(value)
}

/// Walks a value from the page without recursion before anything recursive touches it: nested
/// past [`MAX_DEPTH`], holding itself, or past [`MAX_VALUES`] values, it is refused with a
/// message, where converting it would overflow the wasm stack and poison every explainer on
/// the page.
pub fn check_shape(value: &JsValue) -> Result<(), Issue> {
    use crate::model::json::{MAX_DEPTH, MAX_VALUES};
    enum Step {
        Enter(JsValue, usize),
        Leave(JsValue),
    }
    let problem = |p| Err(Issue::new(String::new(), p));
    let on_path = js_sys::Set::new(&JsValue::UNDEFINED);
    let mut stack = vec![Step::Enter(value.clone(), 0)];
    let mut seen = 0usize;
    while let Some(step) = stack.pop() {
        let (v, depth) = match step {
            Step::Leave(v) => {
                on_path.delete(&v);
                continue;
            }
            Step::Enter(v, depth) => (v, depth),
        };
        seen += 1;
        if seen > MAX_VALUES {
            return problem(Problem::TooLarge { limit: MAX_VALUES });
        }
        if !v.is_object() {
            continue;
        }
        if depth >= MAX_DEPTH {
            return problem(Problem::TooDeep { limit: MAX_DEPTH });
        }
        if on_path.has(&v) {
            return problem(Problem::RefersToItself);
        }
        on_path.add(&v);
        let children = if js_sys::Array::is_array(&v) {
            js_sys::Array::from(&v)
        } else {
            js_sys::Object::values(v.unchecked_ref())
        };
        stack.push(Step::Leave(v));
        for child in children.iter() {
            stack.push(Step::Enter(child, depth + 1));
        }
    }
    Ok(())
}

/// A value from the page (an object given to mount(), or what JSON.parse made) as a tree.
pub fn to_tree(value: JsValue) -> Result<Json, Issue> {
    check_shape(&value)?;
    tree(&value).ok_or_else(|| {
        Issue::new(
            String::new(),
            Problem::NotJson {
                detail: "it holds values JSON cannot (functions, symbols or cycles)".into(),
            },
        )
    })
}

/// The conversion itself, by hand rather than through serde-wasm-bindgen, whose error messages
/// (which we never show) format floats and cost every reader ~20 KB of wasm. Recursive, but
/// only after [`check_shape`] has bounded the depth.
fn tree(v: &JsValue) -> Option<Json> {
    Some(if v.is_null() || v.is_undefined() {
        Json::Null
    } else if let Some(b) = v.as_bool() {
        Json::Bool(b)
    } else if let Some(n) = v.as_f64() {
        Json::Number(n)
    } else if let Some(s) = v.as_string() {
        Json::String(s)
    } else if js_sys::Array::is_array(v) {
        let items = js_sys::Array::from(v);
        Json::Array(items.iter().map(|i| tree(&i)).collect::<Option<_>>()?)
    } else if v.is_object() && !v.is_function() {
        let entries = js_sys::Object::entries(v.unchecked_ref());
        let mut fields = Vec::with_capacity(entries.length() as usize);
        for entry in entries.iter() {
            let pair = js_sys::Array::from(&entry);
            fields.push((pair.get(0).as_string()?, tree(&pair.get(1))?));
        }
        Json::Object(fields)
    } else {
        return None; // a function, symbol or bigint
    })
}
