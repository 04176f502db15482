//! The interactive timeline in real browsers: keyboard walk, selection, Esc, deep links,
//! tooltips on hover, and destroy leaving no listener behind.
#![cfg(target_arch = "wasm32")]

use breach_explainer::web::Explainer;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

fn active_label(listbox: &Element) -> String {
    let id = listbox
        .get_attribute("aria-activedescendant")
        .unwrap_or_default();
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .get_element_by_id(&id)
        .and_then(|o| o.get_attribute("aria-label"))
        .unwrap_or_default()
}

fn q(el: &Element, selector: &str) -> Element {
    el.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is on the page"))
}

#[wasm_bindgen_test]
fn the_keyboard_walks_every_event_in_time_order() {
    set_hash("");
    let el = host(1000);
    let mut ex = Explainer::mount(
        el.clone(),
        JsValue::UNDEFINED,
        None,
        Some("en".into()),
        None,
    );
    click(&q(&el, "[data-view=story]"));
    assert_eq!(
        q(&el, "[data-view=story]")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    let listbox = q(&el, "[role=listbox]");
    assert_eq!(
        listbox.get_attribute("tabindex").as_deref(),
        Some("0"),
        "one Tab stop"
    );
    html(&listbox).focus().unwrap();
    let options = listbox.query_selector_all("[role=option]").unwrap();
    let n = options.length();
    assert!(n >= 30, "{n} events in the whole story");
    key(&listbox, "Home");
    let mut seen = vec![active_label(&listbox)];
    for _ in 1..n {
        key(&listbox, "ArrowRight");
        seen.push(active_label(&listbox));
    }
    // Every event the story view draws, visited once in time order (as the dataset dates
    // them, not as the options happen to be built), each named with its date.
    let tree = breach_explainer::web::parse_json(breach_explainer::model::DEFAULT_DATASET).unwrap();
    let d = breach_explainer::validate(&tree).unwrap();
    let drawn: Vec<usize> = breach_explainer::layout::timeline::layout(
        &d,
        breach_explainer::Lang::En,
        f64::from(el.client_width()),
        breach_explainer::layout::timeline::View::Story,
        &breach_explainer::layout::CharWidths,
    )
    .placed
    .iter()
    .map(|p| p.event)
    .collect();
    let expected: Vec<String> = d
        .events_in_time_order()
        .into_iter()
        .filter(|i| drawn.contains(i))
        .map(|i| breach_explainer::describe::event_name(&d, breach_explainer::Lang::En, i))
        .collect();
    assert_eq!(seen, expected);
    // The whole story starts with the earliest event of all, context included.
    assert!(seen[0].starts_with("11 May 2024: "), "{}", seen[0]);
    assert!(
        seen.iter()
            .any(|s| s == "18 November 2025, 22:52 KST: Coupang detects the breach (The company)"),
        "{seen:?}"
    );
    key(&listbox, "ArrowRight");
    assert_eq!(
        active_label(&listbox),
        seen[seen.len() - 1],
        "stops at the last event"
    );
    key(&listbox, "Home");
    assert_eq!(active_label(&listbox), seen[0]);
    key(&listbox, "End");
    assert_eq!(active_label(&listbox), seen[seen.len() - 1]);
    key(&listbox, "ArrowLeft");
    assert_eq!(active_label(&listbox), seen[seen.len() - 2]);

    // Enter selects: details open, the address and the live region say which.
    key(&listbox, "Home");
    key(&listbox, "ArrowRight");
    key(&listbox, "Enter");
    let selected = ex.selected().expect("selected");
    let detail = q(&el, "[data-bx=detail]");
    assert!(!html(&detail).hidden());
    assert!(text(&el, "[data-bx=live]").starts_with(&format!("Selected: {}", seen[1])));
    assert_eq!(hash(), format!("#event={selected}"));
    assert_eq!(
        q(&listbox, "[aria-selected=true]")
            .get_attribute("aria-label")
            .unwrap(),
        seen[1]
    );
    // Esc closes the tooltip first, then the details.
    let tip = q(&el, "[role=tooltip]");
    assert!(!html(&tip).hidden());
    key(&listbox, "Escape");
    assert!(html(&tip).hidden());
    assert!(!html(&detail).hidden());
    key(&listbox, "Escape");
    assert!(html(&detail).hidden());
    assert_eq!(ex.selected(), None);
    assert_eq!(hash(), "");
    // Space selects too.
    key(&listbox, " ");
    assert!(ex.selected().is_some());
    ex.destroy();
    set_hash("");
    el.remove();
}

#[wasm_bindgen_test]
fn a_deep_link_selects_its_event_on_load() {
    set_hash("#event=ceo-resigns");
    let el = host(900);
    let mut ex = Explainer::mount(el.clone(), JsValue::UNDEFINED, None, None, None);
    assert_eq!(ex.selected().as_deref(), Some("ceo-resigns"));
    // Outside the exposure window, so the whole story is shown.
    assert_eq!(
        q(&el, "[data-view=story]")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert!(text(&el, "[data-bx=detail] h4").contains("CEO resigns"));
    assert!(text(&el, "[data-bx=detail]").contains("10 December 2025"));
    // Changing the address later selects again.
    set_hash("#event=detected");
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("hashchange").unwrap())
        .unwrap();
    assert_eq!(ex.selected().as_deref(), Some("detected"));
    assert!(
        text(&el, "[data-bx=detail]").contains("17 November 2025, 16:00 KST"),
        "the disputed date is shown"
    );
    ex.destroy();
    set_hash("");
    el.remove();
}

#[wasm_bindgen_test]
async fn hovering_an_event_shows_its_tooltip_until_the_pointer_leaves() {
    set_hash("");
    let el = host(1000);
    let mut ex = Explainer::mount(el.clone(), JsValue::UNDEFINED, None, None, None);
    next_frames(1).await;
    let listbox = q(&el, "[role=listbox]");
    let option = q(&listbox, "[data-event=access-start]");
    let r = option.get_bounding_client_rect();
    pointer_at(&listbox, r.left() + 12.0, r.top() + r.height() / 2.0);
    next_frames(2).await;
    let tip = q(&el, "[role=tooltip]");
    assert!(!html(&tip).hidden(), "the tooltip shows on hover");
    assert_eq!(tip.text_content().unwrap(), "24 June 2025. Access begins");
    // Moving onto the tooltip keeps it (it is hoverable).
    let t = tip.get_bounding_client_rect();
    pointer_at(&tip, t.left() + 2.0, t.top() + 2.0);
    next_frames(2).await;
    assert!(
        !html(&tip).hidden(),
        "the tooltip stays while the pointer is on it"
    );
    // Empty space hides it.
    let stage = q(&el, "[data-bx=stage]").get_bounding_client_rect();
    pointer_at(&listbox, stage.left() + 5.0, stage.bottom() - 3.0);
    next_frames(2).await;
    assert!(
        html(&tip).hidden(),
        "the tooltip hides when the pointer leaves the event"
    );
    // A click selects the event under the pointer, and opens its details.
    click_at(&listbox, r.left() + 12.0, r.top() + r.height() / 2.0);
    assert_eq!(ex.selected().as_deref(), Some("access-start"));
    assert!(text(&el, "[data-bx=detail]").contains("Access begins"));
    ex.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn destroy_removes_everything_and_no_callback_runs_after() {
    set_hash("");
    let el = host(900);
    let mut ex = Explainer::mount(el.clone(), JsValue::UNDEFINED, None, None, None);
    assert_eq!(el.child_element_count(), 1);
    let listbox = q(&el, "[role=listbox]");
    key(&listbox, "ArrowRight");
    let before = listbox.get_attribute("aria-activedescendant");
    assert!(before.is_some(), "the listener works before destroy");
    ex.destroy();
    assert_eq!(el.child_element_count(), 0, "nothing of ours is left");
    // Our old element still exists: if a listener were left on the host, these keys would move
    // the keyboard position.
    el.append_child(&listbox).unwrap();
    key(&listbox, "ArrowRight");
    key(&listbox, "End");
    assert_eq!(
        listbox.get_attribute("aria-activedescendant"),
        before,
        "keys after destroy do nothing"
    );
    listbox.remove();
    set_hash("#event=detected");
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("hashchange").unwrap())
        .unwrap();
    el.set_attribute("style", "width: 400px").unwrap();
    next_frames(3).await;
    assert_eq!(
        el.child_element_count(),
        0,
        "a resize or hash change after destroy adds nothing"
    );
    assert_eq!(ex.selected(), None);
    set_hash("");
    el.remove();
}

#[wasm_bindgen_test]
fn without_deep_links_the_address_is_left_alone_and_the_host_hears_each_selection() {
    set_hash("#event=detected");
    let el = host(900);
    el.remove_attribute("data-deep-link").unwrap();
    let heard = std::rc::Rc::new(std::cell::RefCell::new(Vec::<String>::new()));
    let h = heard.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::CustomEvent)>::new(
        move |e: web_sys::CustomEvent| h.borrow_mut().push(format!("{:?}", e.detail().as_string())),
    );
    el.add_event_listener_with_callback(
        "breach-explainer:select",
        wasm_bindgen::JsCast::unchecked_ref(listener.as_ref()),
    )
    .unwrap();
    let mut ex = Explainer::mount(el.clone(), JsValue::UNDEFINED, None, None, None);
    // The address names an event, but this embed does not follow it.
    assert_eq!(ex.selected(), None);
    let listbox = q(&el, "[role=listbox]");
    html(&listbox).focus().unwrap();
    key(&listbox, "Home");
    key(&listbox, "Enter");
    assert!(ex.selected().is_some());
    assert_eq!(hash(), "#event=detected", "the page's address is untouched");
    assert_eq!(heard.borrow().len(), 1, "the host hears the selection");
    ex.destroy();
    set_hash("");
    el.remove();
}
