//! DOM helpers with no state of their own: building elements from the page tree, reading the
//! page's language, theme and address, and starting downloads. (Values from the page become a
//! JSON tree in `model::from_js`.)

use crate::model::Lang;
use crate::page::{El, Node};
use crate::render::Theme;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

pub(super) fn document() -> Result<Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// Makes real DOM nodes from a page tree: text goes in as text nodes, never parsed as HTML.
pub(super) fn build(doc: &Document, el: &El) -> Result<Element, JsValue> {
    let e = doc.create_element(el.tag)?;
    for (name, value) in &el.attrs {
        e.set_attribute(name, value)?;
    }
    build_into(doc, &e, &el.children)?;
    Ok(e)
}

/// Appends `nodes` to `parent` as DOM.
pub(super) fn build_into(doc: &Document, parent: &Element, nodes: &[Node]) -> Result<(), JsValue> {
    for child in nodes {
        match child {
            Node::El(c) => {
                let child = build(doc, c)?;
                parent.append_child(&child)?;
            }
            Node::Text(t) => {
                parent.append_child(&doc.create_text_node(t))?;
            }
            // Markup from our own SVG writer, which escapes every text it draws.
            Node::Svg(markup) => parent.insert_adjacent_html("beforeend", markup)?,
        }
    }
    Ok(())
}

/// The reader's language, in this order: the `lang` option of `mount`, the host element's
/// `data-lang`, the page's `<html lang>`, the browser's languages, else English. (The shell
/// pages turn `?lang=` into the option.)
pub(super) fn pick_lang(option: Option<String>, host: &Element) -> Lang {
    let window = web_sys::window();
    let page_lang = || {
        window
            .as_ref()?
            .document()?
            .document_element()?
            .get_attribute("lang")
    };
    let browser = || {
        let languages = window.as_ref()?.navigator().languages();
        languages
            .iter()
            .filter_map(|l| l.as_string())
            .find_map(|l| Lang::from_tag(&l))
    };
    option
        .as_deref()
        .and_then(Lang::from_tag)
        .or_else(|| {
            host.get_attribute("data-lang")
                .as_deref()
                .and_then(Lang::from_tag)
        })
        .or_else(|| page_lang().as_deref().and_then(Lang::from_tag))
        .or_else(browser)
        .unwrap_or(Lang::En)
}

pub(super) fn dark_query() -> Option<web_sys::MediaQueryList> {
    web_sys::window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

/// The colours to draw with: the host's choice; with "auto", the page the explainer sits in
/// (its background behind the host, else its `color-scheme`), and only then the reader's
/// `prefers-color-scheme`, so a dark-mode reader never gets a black block in a white article.
pub(super) fn resolve_theme(choice: ThemeChoice, host: &Element) -> Theme {
    let dark = match choice {
        ThemeChoice::Light => false,
        ThemeChoice::Dark => true,
        ThemeChoice::Auto => {
            page_is_dark(host).unwrap_or_else(|| dark_query().is_some_and(|m| m.matches()))
        }
    };
    if dark {
        Theme::DARK
    } else {
        Theme::LIGHT
    }
}

/// Whether the page behind `host` is dark: the first opaque background among its ancestors,
/// else the root's `color-scheme`; `None` when the page says nothing.
fn page_is_dark(host: &Element) -> Option<bool> {
    let window = web_sys::window()?;
    let mut at = Some(host.clone());
    while let Some(el) = at {
        let style = window.get_computed_style(&el).ok().flatten()?;
        let bg = style.get_property_value("background-color").ok()?;
        if let Some(luminance) = opaque_luminance(&bg) {
            return Some(luminance < 0.4);
        }
        at = parent_across(&el);
    }
    let root = window.document()?.document_element()?;
    let scheme = window
        .get_computed_style(&root)
        .ok()
        .flatten()?
        .get_property_value("color-scheme")
        .ok()?;
    match scheme.trim() {
        "dark" => Some(true),
        "light" => Some(false),
        _ => None,
    }
}

/// The parent element, or the element a shadow root hangs from: the page goes on behind it.
fn parent_across(el: &Element) -> Option<Element> {
    el.parent_element().or_else(|| {
        el.parent_node()?
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
            .map(|r| r.host())
    })
}

/// Relative luminance (0–1) of a computed `rgb(…)`/`rgba(…)` colour, `None` when transparent.
fn opaque_luminance(css: &str) -> Option<f64> {
    let inner = css.split_once('(')?.1.trim_end_matches(')');
    let parts: Vec<f64> = inner
        .split([',', ' ', '/'])
        .filter(|p| !p.is_empty())
        .filter_map(css_px)
        .collect();
    let (r, g, b) = (*parts.first()?, *parts.get(1)?, *parts.get(2)?);
    if parts.get(3).is_some_and(|a| *a < 0.5) {
        return None;
    }
    Some((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255.0)
}

pub(super) fn find<T: JsCast>(root: &Element, selector: &str) -> Option<T> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<T>().ok())
}

/// Whole CSS pixels, formatted as an integer (float formatting costs the wasm kilobytes).
pub(super) fn px(v: f64) -> String {
    format!("{}px", v.round() as i64)
}

/// The width the explainer is drawn at: the host's content box (its width less its padding),
/// so the drawing is shown at the size it was laid out for and every mark stays under its
/// click target and focus ring.
pub(super) fn host_width(host: &Element) -> f64 {
    let w = host.client_width();
    let padding = web_sys::window()
        .and_then(|w| w.get_computed_style(host).ok().flatten())
        .map_or(0.0, |style| {
            ["padding-left", "padding-right"]
                .iter()
                .filter_map(|p| style.get_property_value(p).ok())
                .filter_map(|v| css_px(&v))
                .sum()
        });
    if w > 0 {
        (f64::from(w) - padding).max(1.0)
    } else {
        // Not laid out yet (display: none, detached): a phone's width until it is.
        320.0
    }
}

/// A computed CSS length in px ("12.5px"), read with the browser's own parser: Rust's float
/// parsing would add kilobytes to the wasm every reader downloads.
fn css_px(value: &str) -> Option<f64> {
    let n = js_sys::parse_float(value);
    n.is_finite().then_some(n)
}

/// The reader's text size against the usual 16 px (a page zoomed for text only, or a larger
/// default font), read from the host's computed font size; 1 when it cannot be read.
pub(super) fn text_zoom(host: &Element) -> f64 {
    web_sys::window()
        .and_then(|w| w.get_computed_style(host).ok().flatten())
        .and_then(|s| s.get_property_value("font-size").ok())
        .and_then(|v| css_px(&v))
        .map_or(1.0, |size| crate::layout::within(size / 16.0, 0.75, 4.0))
}

/// The reader's letter and word spacing on the explainer, in em (0 unless a reader's style
/// sheet widened them), read from the explainer's root or the host.
pub(super) fn text_spacing(host: &Element) -> crate::layout::measure::Spaced {
    let el = host
        .query_selector(".bx")
        .ok()
        .flatten()
        .unwrap_or_else(|| host.clone());
    let Some(style) = web_sys::window().and_then(|w| w.get_computed_style(&el).ok().flatten())
    else {
        return Default::default();
    };
    let px = |p: &str| {
        style
            .get_property_value(p)
            .ok()
            .and_then(|v| css_px(&v))
            .unwrap_or(0.0)
    };
    let size = px("font-size").max(1.0);
    crate::layout::measure::Spaced {
        letter_em: (px("letter-spacing") / size).max(0.0),
        word_em: (px("word-spacing") / size).max(0.0),
    }
}

/// `#event=<id>` in the page's address, if any.
pub(super) fn hash_event() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.strip_prefix("#event=").map(|id| {
        js_sys::decode_uri_component(id)
            .map(String::from)
            .unwrap_or_else(|_| id.to_string())
    })
}

/// Replaces the address's fragment without adding a history entry.
pub(super) fn set_hash(id: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    let url = match id {
        Some(id) => format!(
            "{path}{search}#event={}",
            String::from(js_sys::encode_uri_component(id))
        ),
        None => format!("{path}{search}"),
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// A `data:` URL (allowed by a strict CSP's `img-src data:`, unlike `blob:`).
pub(super) fn data_url(mime: &str, text: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(text))
    )
}

/// Saves `href` as a file named `name` through a temporary `<a download>`.
pub(super) fn download(name: &str, href: &str) -> Result<(), JsValue> {
    let doc = document()?;
    let a: HtmlElement = doc.create_element("a")?.dyn_into()?;
    a.set_attribute("href", href)?;
    a.set_attribute("download", name)?;
    a.set_hidden(true);
    let body = doc.body().ok_or("no body")?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    Ok(())
}

/// Rasterises an SVG at twice its size (crisp on high-density screens) and saves it as PNG.
pub(super) fn download_png(name: &str, svg: &str) -> Result<(), JsValue> {
    let doc = document()?;
    let img = web_sys::HtmlImageElement::new()?;
    let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas")?.dyn_into()?;
    let name = name.to_string();
    let img2 = img.clone();
    let onload = Closure::once_into_js(move || {
        let result = (|| -> Result<(), JsValue> {
            let scale = 2;
            canvas.set_width(img2.natural_width() * scale);
            canvas.set_height(img2.natural_height() * scale);
            let ctx: web_sys::CanvasRenderingContext2d = canvas
                .get_context("2d")?
                .ok_or("no 2d context")?
                .dyn_into()?;
            ctx.scale(f64::from(scale), f64::from(scale))?;
            ctx.draw_image_with_html_image_element(&img2, 0.0, 0.0)?;
            download(&name, &canvas.to_data_url_with_type("image/png")?)
        })();
        if let Err(e) = result {
            web_sys::console::error_2(&"breach-explainer: PNG export failed".into(), &e);
        }
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&data_url("image/svg+xml", svg));
    Ok(())
}

pub(super) fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<Element> {
    target?.dyn_into::<Element>().ok()?.closest(selector).ok()?
}

/// The host's theme setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ThemeChoice {
    Light,
    Dark,
    Auto,
}

impl ThemeChoice {
    pub(super) fn parse(s: Option<&str>) -> ThemeChoice {
        match s {
            Some("light") => ThemeChoice::Light,
            Some("dark") => ThemeChoice::Dark,
            _ => ThemeChoice::Auto,
        }
    }
}
