//! A plain JSON tree that keeps key order, so the validator can walk any input — well-formed
//! or not as a dataset — and name the exact place of every problem.
//!
//! It is filled natively by serde from `serde_json` (which reports line and column of syntax
//! errors), in the browser from what the page's own `JSON.parse` made (src/web/dom.rs; smaller
//! than compiling serde_json into the wasm). [`to_text`] writes a tree back (the dataset as
//! loaded, for the reader's JSON download and the editor).

#[cfg(not(target_arch = "wasm32"))]
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
#[cfg(not(target_arch = "wasm32"))]
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Keys in file order; duplicates are kept so the validator can report them.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// How a value is named in a message to a dataset author: strings quoted and shortened.
    pub fn describe(&self) -> String {
        match self {
            Json::Null => "null".into(),
            Json::Bool(b) => if *b { "true" } else { "false" }.into(),
            Json::Number(n) => plain_number(*n),
            Json::String(s) => quote(s),
            Json::Array(_) => "a list".into(),
            Json::Object(_) => "an object".into(),
        }
    }
}

/// `"text"`, cut to 60 characters so a pasted paragraph does not flood the message.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(64) + 2);
    out.push('"');
    for (i, c) in s.chars().enumerate() {
        if i == 60 {
            out.push('…');
            break;
        }
        out.push(c);
    }
    out.push('"');
    out
}

#[cfg(not(target_arch = "wasm32"))]
struct JsonVisitor;

#[cfg(not(target_arch = "wasm32"))]
impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        Json::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Json>()? {
            entries.push((key, value));
        }
        Ok(Json::Object(entries))
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

/// How deep a dataset may nest: serde_json's own limit, kept in the browser too.
pub const MAX_DEPTH: usize = 128;
/// How many values a dataset may hold: far above any breach, far below a hang.
pub const MAX_VALUES: usize = 2_000_000;

/// Natively: parse JSON text, or say where it stops being JSON.
/// A byte order mark at the start is skipped (JSON allows a reader to ignore it); columns
/// count characters, not bytes.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Result<Json, crate::model::Issue> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| {
        if e.to_string().starts_with("recursion limit exceeded") {
            return crate::model::Issue::new(
                String::new(),
                crate::model::Problem::TooDeep { limit: MAX_DEPTH },
            );
        }
        crate::model::Issue::new(
            String::new(),
            crate::model::Problem::Syntax {
                line: e.line(),
                column: super::line_column::char_column(text, e.line(), e.column()).column as usize,
                detail: syntax_detail(&e),
            },
        )
    })
}

/// serde_json's own words without its trailing " at line L column C" (we print those ourselves).
#[cfg(not(target_arch = "wasm32"))]
fn syntax_detail(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    }
}

/// A number as a dataset author wrote it, for messages about the file (`-5`, `12.5`), with at
/// most six decimals. Written by hand: Rust's float formatting costs the wasm ~8 KB gzip.
pub fn plain_number(n: f64) -> String {
    if !n.is_finite() {
        return "a number too large to use".to_string();
    }
    // Whole numbers JSON keeps exactly (up to 2^53 − 1) are written in full: the JSON export
    // writes numbers with this function too, and must give back what it was given.
    if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0 {
        return (n as i64).to_string();
    }
    if n.abs() >= 1e15 {
        // Words, not digits the reader must count (and no float formatting in the wasm).
        return if n < 0.0 {
            "a negative number of 16 or more digits"
        } else {
            "a number of 16 or more digits"
        }
        .to_string();
    }
    let negative = n < 0.0;
    let scaled = (n.abs() * 1e6).round() as u64;
    let (whole, mut frac) = (scaled / 1_000_000, scaled % 1_000_000);
    let mut out = String::new();
    if negative && scaled > 0 {
        out.push('-');
    }
    out.push_str(&whole.to_string());
    if frac > 0 {
        let mut digits = 6;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        out.push('.');
        let f = frac.to_string();
        for _ in f.len()..digits {
            out.push('0');
        }
        out.push_str(&f);
    }
    out
}

/// Digits with thousands separators: 33673817 → "33,673,817" (both languages use commas).
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A JSON tree back to text (the dataset as loaded), two-space indented.
pub fn to_text(v: &Json) -> String {
    let mut out = String::new();
    write_json(&mut out, v, 0);
    out.push('\n');
    out
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A number so that it reads back as the same number. The checked fields hold whole numbers,
/// which `plain_number` writes in full; `_` comments and `$schema`, which the checker does not
/// read, may hold any number: those `plain_number` cannot write exactly are written as their
/// exact decimal value, worked out on digits (Rust's float formatting costs the wasm ~8 KB gzip).
fn write_number(out: &mut String, n: f64) {
    if !n.is_finite() {
        // JSON has no infinity; parsed JSON never holds one.
        out.push_str("null");
        return;
    }
    // Up to six decimals: plain_number writes round(|n| × 10⁶) / 10⁶, which reads back as n
    // when that quotient (exact in both parts, correctly rounded) is n itself.
    let scaled = (n.abs() * 1e6).round();
    if (n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0)
        || (scaled <= 9_007_199_254_740_991.0 && scaled / 1e6 == n.abs())
    {
        out.push_str(&plain_number(n));
        return;
    }
    // n = m × 2^e exactly; in decimal, m × 2^e or (m × 5^−e) / 10^−e.
    let bits = n.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp_bits == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), exp_bits - 1075)
    };
    // Little-endian decimal digits, multiplied in place.
    let mut digits: Vec<u8> = m.to_string().bytes().rev().map(|b| b - b'0').collect();
    let times = |digits: &mut Vec<u8>, k: u8| {
        let mut carry = 0u8;
        for d in digits.iter_mut() {
            let v = *d * k + carry;
            *d = v % 10;
            carry = v / 10;
        }
        if carry > 0 {
            digits.push(carry);
        }
    };
    let point = if e >= 0 {
        (0..e).for_each(|_| times(&mut digits, 2));
        0
    } else {
        (0..-e).for_each(|_| times(&mut digits, 5));
        (-e) as usize
    };
    let text = |ds: &[u8]| -> String { ds.iter().rev().map(|&d| char::from(b'0' + d)).collect() };
    let whole = text(digits.get(point..).unwrap_or(&[]));
    let fraction = text(&digits[..point.min(digits.len())]);
    // The fraction's leading zeros were not stored when it is shorter than the point.
    let fraction = format!("{:0>point$}", fraction);
    let (whole, fraction) = (
        whole.trim_start_matches('0'),
        fraction.trim_end_matches('0'),
    );
    if n < 0.0 {
        out.push('-');
    }
    out.push_str(if whole.is_empty() { "0" } else { whole });
    if !fraction.is_empty() {
        out.push('.');
        out.push_str(fraction);
    }
}

fn indent(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn write_json(out: &mut String, v: &Json, depth: usize) {
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => write_number(out, *n),
        Json::String(s) => write_string(out, s),
        Json::Array(items) if items.is_empty() => out.push_str("[]"),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                write_json(out, item, depth + 1);
            }
            indent(out, depth);
            out.push(']');
        }
        Json::Object(entries) if entries.is_empty() => out.push_str("{}"),
        Json::Object(entries) => {
            out.push('{');
            for (i, (k, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                write_string(out, k);
                out.push_str(": ");
                write_json(out, item, depth + 1);
            }
            indent(out, depth);
            out.push('}');
        }
    }
}
