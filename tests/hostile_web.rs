//! Hostile input in real browsers: datasets nested past any use, objects that refer to
//! themselves, handle methods called back from the explainer's own events, and one broken
//! explainer between two good ones. Nothing may trap the wasm: a trap poisons every explainer
//! on the page.
#![cfg(target_arch = "wasm32")]

use breach_explainer::web::Explainer;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

/// `{"a": {"a": … }}` nested `depth` levels, as JSON text.
fn nested_text(depth: usize) -> String {
    "{\"a\":".repeat(depth) + "1" + &"}".repeat(depth)
}

fn mounts_fine(width: u32) -> (web_sys::Element, Explainer) {
    let el = host(width);
    let ex = mount(
        el.clone(),
        JsValue::UNDEFINED,
        None,
        Some("en".into()),
        None,
    );
    assert!(ex.problems().is_empty(), "{:?}", ex.problems());
    (el, ex)
}

#[wasm_bindgen_test]
fn a_dataset_nested_thousands_deep_is_refused_and_the_page_lives_on() {
    for data in [
        JsValue::from_str(&nested_text(7_000)),
        js_sys::JSON::parse(&nested_text(7_000)).unwrap(),
    ] {
        let el = host(600);
        let ex = mount(
            el.clone(),
            data,
            Some("deep.json".into()),
            Some("en".into()),
            None,
        );
        let problems = ex.problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("nested more than 128 levels"),
            "{problems:?}"
        );
        assert!(text(&el, ".bx-problems").contains("deep.json"));
        el.remove();
    }
    // The wasm is still whole: the next explainer mounts.
    let (el, mut ex) = mounts_fine(700);
    ex.destroy();
    el.remove();
}

#[wasm_bindgen_test]
fn an_object_that_refers_to_itself_is_refused() {
    let cyclic = js_sys::Object::new();
    js_sys::Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    let shared = js_sys::Array::new();
    // A wide graph of shared references: naive copying would take 2^60 steps.
    let mut node: JsValue = js_sys::Object::new().into();
    for _ in 0..60 {
        let next = js_sys::Object::new();
        js_sys::Reflect::set(&next, &"l".into(), &node).unwrap();
        js_sys::Reflect::set(&next, &"r".into(), &node).unwrap();
        node = next.into();
    }
    shared.push(&node);
    for (data, expected) in [
        (JsValue::from(cyclic), "refers to itself"),
        (JsValue::from(shared), "too large"),
    ] {
        let el = host(600);
        let ex = mount(el.clone(), data, None, Some("en".into()), None);
        let problems = ex.problems();
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "{expected}: {problems:?}"
        );
        el.remove();
    }
    let (el, mut ex) = mounts_fine(700);
    ex.destroy();
    el.remove();
}

#[wasm_bindgen_test]
fn a_broken_explainer_between_two_good_ones_harms_neither() {
    let (a_el, a) = mounts_fine(700);
    let bad = host(600);
    let _b = mount(
        bad.clone(),
        JsValue::from_str(&nested_text(20_000)),
        None,
        None,
        None,
    );
    let (c_el, mut c) = mounts_fine(700);
    // The first still answers and the last works.
    assert_eq!(a.lang(), "en");
    assert!(c.problems().is_empty());
    assert!(text(&c_el, ".bx-title").len() > 10);
    c.destroy();
    for el in [a_el, bad, c_el] {
        el.remove();
    }
}

#[wasm_bindgen]
extern "C" {
    /// The handle as JavaScript sees it, so a page listener can call back into it.
    type Handle;
    #[wasm_bindgen(method)]
    fn lang(this: &Handle) -> String;
    #[wasm_bindgen(method)]
    fn problems(this: &Handle) -> js_sys::Array;
    #[wasm_bindgen(method)]
    fn selected(this: &Handle) -> JsValue;
    #[wasm_bindgen(method, js_name = exportSvg)]
    fn export_svg(this: &Handle, figure: &str) -> JsValue;
    #[wasm_bindgen(method)]
    fn destroy(this: &Handle);
}

#[wasm_bindgen_test]
fn a_host_listener_may_call_every_handle_method_during_the_explainers_events() {
    let (el, ex) = mounts_fine(800);
    let handle: JsValue = ex.into();
    let handle: Handle = handle.unchecked_into();
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let seen2 = seen.clone();
    let h2: Handle = JsValue::from(&handle).unchecked_into();
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |_e: web_sys::Event| {
        let mut s = seen2.borrow_mut();
        s.push(h2.lang());
        s.push(format!("{}", h2.problems().length()));
        s.push(format!("{:?}", h2.selected().as_string()));
        s.push(format!("{}", h2.export_svg("timeline").is_string()));
        h2.destroy();
    });
    el.add_event_listener_with_callback("breach-explainer:lang", listener.as_ref().unchecked_ref())
        .unwrap();
    // Focus too calls the page back: a focus listener that reads the handle.
    let ko = el.query_selector("[data-lang-switch=ko]").unwrap().unwrap();
    ko.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    assert_eq!(*seen.borrow(), vec!["ko", "0", "None", "true"]);
    // Destroyed from inside the event: nothing of it is left in the host.
    assert!(el.query_selector(".bx").unwrap().is_none());
    // And a second destroy is harmless.
    handle.destroy();
    drop(listener);
    el.remove();
}

#[wasm_bindgen_test]
fn two_explainers_in_one_element_destroyed_in_mount_order_leave_nothing() {
    let el = host(700);
    let mut first = mount(el.clone(), JsValue::UNDEFINED, None, None, None);
    let mut second = mount(el.clone(), JsValue::UNDEFINED, None, None, None);
    first.destroy();
    second.destroy();
    assert_eq!(el.child_element_count(), 0, "{}", el.inner_html().len());
    el.remove();
}
