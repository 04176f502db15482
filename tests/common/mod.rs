//! Helpers for the browser tests: hosts, real DOM events, animation frames.
#![allow(dead_code)]

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

/// A fresh host element of a given width, attached to the test page, with deep links on and
/// every part open (as the shell pages mount it; `data-deep-link` removed, it leaves the address
/// alone; `data-parts` removed, it opens compact, as an embed does).
pub fn host(width: u32) -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    el.set_attribute("data-deep-link", "").unwrap();
    el.set_attribute("data-parts", "all").unwrap();
    el.set_attribute("style", &format!("width: {width}px"))
        .unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

pub fn text(el: &Element, selector: &str) -> String {
    el.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

pub fn html(el: &Element) -> &HtmlElement {
    el.unchecked_ref()
}

pub fn set_hash(hash: &str) {
    let w = web_sys::window().unwrap();
    let loc = w.location();
    let url = format!(
        "{}{}{}",
        loc.pathname().unwrap(),
        loc.search().unwrap(),
        hash
    );
    w.history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .unwrap();
}

pub fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

/// A keydown as the keyboard sends it: bubbling and cancelable.
pub fn key(target: &Element, k: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(k);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

pub fn click(el: &Element) {
    html(el).click();
}

pub fn pointer_at(target: &Element, x: f64, y: f64) {
    let init = web_sys::PointerEventInit::new();
    init.set_client_x(x as i32);
    init.set_client_y(y as i32);
    init.set_bubbles(true);
    let ev = web_sys::PointerEvent::new_with_event_init_dict("pointermove", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

/// A real click at a point of the page (client coordinates), sent to `target`.
pub fn click_at(target: &Element, x: f64, y: f64) {
    let init = web_sys::MouseEventInit::new();
    init.set_client_x(x as i32);
    init.set_client_y(y as i32);
    init.set_bubbles(true);
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    target.dispatch_event(&ev).unwrap();
}

/// Waits for `n` animation frames, so ResizeObserver and pointer work has run.
pub async fn next_frames(n: u32) {
    for _ in 0..n {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .request_animation_frame(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

/// Mounts an explainer as explainer.js's `mount()` does: one options object (`data`, `file`,
/// `lang`, `theme`), with the host's `data-deep-link` and `data-parts` (see `host`) as its
/// `deepLink` and `parts`.
pub fn mount(
    host: Element,
    data: JsValue,
    file: Option<String>,
    lang: Option<String>,
    theme: Option<String>,
) -> breach_explainer::web::Explainer {
    let options = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        js_sys::Reflect::set(&options, &key.into(), &value).unwrap();
    };
    set("data", data);
    set("file", file.into());
    set("lang", lang.into());
    set("theme", theme.into());
    set("deepLink", host.has_attribute("data-deep-link").into());
    set("parts", host.get_attribute("data-parts").into());
    breach_explainer::web::Explainer::mount(host, options.into())
}
