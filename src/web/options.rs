//! What a host asks of `Explainer.mount(host, options)`: one JavaScript object, read and
//! checked here, once. (explainer.js's `mount()` checks a newsroom's options first and refuses
//! a wrong type with a TypeError; this is what a direct caller of the wasm gets.) An option of
//! the wrong type is named in a console warning and its default is used; nothing here panics,
//! whatever the object is (a getter that throws, a proxy, a primitive).

use super::dom::ThemeChoice;
use wasm_bindgen::JsValue;

/// The options of one explainer, with their defaults filled in.
pub(super) struct Options {
    /// `undefined` (the default dataset), a JSON string, or a dataset object.
    pub data: JsValue,
    /// The dataset's file name in messages.
    pub file: Option<String>,
    /// A language code ("en", "ko").
    pub lang: Option<String>,
    /// "light", "dark" or "auto" (the default).
    pub theme: ThemeChoice,
    /// Which parts to show: a comma-separated list or "all"; `None`: the compact default.
    pub parts: Option<String>,
    /// Keep the selected event in the page's address (`#event=`).
    pub deep_link: bool,
}

/// Names an option of the wrong type, and what it should be, in the console (in pieces: no
/// formatting code in the reader's wasm for it).
fn warn(key: &str, expected: &str) {
    web_sys::console::warn_3(
        &"breach-explainer: Explainer.mount(): option".into(),
        &key.into(),
        &expected.into(),
    );
}

const THEME: &str = "must be \"light\", \"dark\" or \"auto\"; the default is used";

/// One field of `options`: absent (undefined or null) is `None`; so is one whose getter throws.
fn field(options: &JsValue, key: &str) -> Option<JsValue> {
    match js_sys::Reflect::get(options, &key.into()) {
        Ok(v) if v.is_undefined() || v.is_null() => None,
        Ok(v) => Some(v),
        Err(_) => {
            warn(key, "could not be read; the default is used");
            None
        }
    }
}

/// A string field (explainer.js's `mount()` has made a list of parts or languages one).
fn text(options: &JsValue, key: &str, expected: &str) -> Option<String> {
    let value = field(options, key)?;
    let found = value.as_string();
    if found.is_none() {
        warn(key, expected);
    }
    found
}

impl Options {
    /// Reads `options`; `undefined` or `null` is every default.
    pub(super) fn read(options: &JsValue) -> Options {
        let mut out = Options {
            data: JsValue::UNDEFINED,
            file: None,
            lang: None,
            theme: ThemeChoice::Auto,
            parts: None,
            deep_link: false,
        };
        if options.is_undefined() || options.is_null() {
            return out;
        }
        if !options.is_object() {
            web_sys::console::warn_1(
                &"breach-explainer: Explainer.mount(): options must be an object; the defaults are used".into(),
            );
            return out;
        }
        out.data = field(options, "data").unwrap_or(JsValue::UNDEFINED);
        out.file = text(options, "file", "must be a file name; the default is used");
        out.lang = text(
            options,
            "lang",
            "must be a language code such as \"en\" or \"ko\"; the default is used",
        );
        out.parts = text(
            options,
            "parts",
            "must be a comma-separated list of parts such as \"head,timeline\"; the default is used",
        );
        let theme = text(options, "theme", THEME);
        out.theme = ThemeChoice::parse(match theme.as_deref() {
            Some(t @ ("light" | "dark" | "auto")) => Some(t),
            Some(_) => {
                warn("theme", THEME);
                None
            }
            None => None,
        });
        if let Some(v) = field(options, "deepLink") {
            out.deep_link = v.as_bool().unwrap_or_else(|| {
                warn("deepLink", "must be true or false; the default is used");
                false
            });
        }
        out
    }
}
