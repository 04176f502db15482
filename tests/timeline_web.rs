//! The interactive timeline in real browsers: keyboard walk, selection, Esc, deep links,
//! tooltips on hover, and destroy leaving no listener behind.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
mod synthetic;
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
    let mut ex = mount(
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
    let d = breach_explainer::model::story::from_tree(&tree).unwrap();
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
    let mut ex = mount(el.clone(), JsValue::UNDEFINED, None, None, None);
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
    let mut ex = mount(el.clone(), JsValue::UNDEFINED, None, None, None);
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
    let mut ex = mount(el.clone(), JsValue::UNDEFINED, None, None, None);
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
    let mut ex = mount(el.clone(), JsValue::UNDEFINED, None, None, None);
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

/// A dataset of `n` events, as JSON text: `(day offset from 1 January 2025, lane)` each.
fn crowd(events: &[(u32, usize)]) -> String {
    let events: Vec<(u32, usize, u8)> = events.iter().map(|&(day, lane)| (day, lane, 0)).collect();
    synthetic::dataset_text(&events)
}

/// `n` events spread over 540 days and the five lanes (as the benchmarks make them).
fn spread(n: usize) -> String {
    synthetic::dataset_text(&synthetic::spread(n))
}

fn elements(el: &Element) -> u32 {
    el.query_selector_all("*").unwrap().length()
}

fn options(listbox: &Element) -> Vec<Element> {
    let list = listbox.query_selector_all("[role=option]").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.dyn_into::<Element>().unwrap())
        .collect()
}

/// Moves the keyboard to the option with this id (Home, then right arrow by arrow).
fn walk_to(listbox: &Element, id: &str) {
    key(listbox, "Home");
    for _ in 0..options(listbox).len() {
        if listbox.get_attribute("aria-activedescendant").as_deref() == Some(id) {
            return;
        }
        key(listbox, "ArrowRight");
    }
    assert_eq!(
        listbox.get_attribute("aria-activedescendant").as_deref(),
        Some(id),
        "the keyboard reaches {id}"
    );
}

#[wasm_bindgen_test]
fn with_ten_thousand_events_the_page_stays_under_two_thousand_elements() {
    set_hash("");
    let text = spread(10_000);
    for width in [320, 768, 1280, 2000] {
        let el = host(width);
        let mut ex = mount(
            el.clone(),
            JsValue::from_str(&text),
            None,
            Some("en".into()),
            None,
        );
        let n = elements(&el);
        assert!(n <= 2000, "{n} elements at {width} px");
        // The reader opens "All events as a list": its first page is built, with a button
        // for the next.
        let list = el
            .query_selector("details[data-lazy]")
            .unwrap()
            .expect("the long list waits to be opened");
        list.set_attribute("open", "").unwrap();
        list.dispatch_event(&web_sys::Event::new("toggle").unwrap())
            .unwrap();
        assert_eq!(
            el.query_selector_all(".bx-events > li").unwrap().length(),
            50
        );
        let n = elements(&el);
        assert!(n <= 2000, "{n} elements at {width} px with the list open");
        let more = q(&el, "[data-more=events]");
        assert_eq!(
            more.text_content().unwrap(),
            "Show 50 more (9,950 not shown)"
        );
        click(&more);
        assert_eq!(
            el.query_selector_all(".bx-events > li").unwrap().length(),
            100
        );
        assert_eq!(text_of_live(&el), "Showing 100 of 10,000 events.");
        // The keyboard is on the first new item.
        let active = web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .active_element()
            .unwrap();
        assert_eq!(
            active.get_attribute("data-event").as_deref(),
            Some("e6838"),
            "the 51st event in time order"
        );
        ex.destroy();
        el.remove();
    }
}

fn text_of_live(el: &Element) -> String {
    text(el, "[data-bx=live]")
}

#[wasm_bindgen_test]
fn a_cluster_is_reached_zoomed_into_and_its_events_selected_by_keyboard() {
    use breach_explainer::layout::timeline::{self, View};
    set_hash("");
    let text = spread(3_000);
    let el = host(1000);
    let mut ex = mount(
        el.clone(),
        JsValue::from_str(&text),
        None,
        Some("en".into()),
        None,
    );
    // The same layout natively: which events the first cluster holds.
    let tree = breach_explainer::web::parse_json(&text).unwrap();
    let d = breach_explainer::model::story::from_tree(&tree).unwrap();
    let t = timeline::layout(
        &d,
        breach_explainer::Lang::En,
        f64::from(el.client_width()),
        View::Window,
        &breach_explainer::layout::CharWidths,
    );
    let c = &t.clusters[0];
    let held: Vec<String> = c.events.iter().map(|&i| d.events[i].id.clone()).collect();
    let listbox = q(&el, "[role=listbox]");
    html(&listbox).focus().unwrap();
    let group = format!("group_{}", held[0]);
    let cluster = options(&listbox)
        .into_iter()
        .find(|o| o.id().ends_with(&group))
        .expect("the cluster is an option");
    let name = cluster.get_attribute("aria-label").unwrap();
    assert!(
        name.starts_with(&format!("{} events, ", held.len())),
        "{name}"
    );
    walk_to(&listbox, &cluster.id());
    let zoom_out = q(&el, "[data-bx=zoom-out]");
    assert!(html(&zoom_out).hidden(), "no zoom yet");
    key(&listbox, "Enter");
    assert!(
        text_of_live(&el).starts_with("Zoomed in to "),
        "{}",
        text_of_live(&el)
    );
    assert!(!html(&zoom_out).hidden(), "a way back");
    // Into the cluster until one of its events is an option of its own (or a list of them).
    let mut picked = None;
    for _ in 0..10 {
        let opts = options(&listbox);
        if let Some(o) = opts.iter().find(|o| {
            o.get_attribute("data-event")
                .is_some_and(|id| held.contains(&id))
        }) {
            walk_to(&listbox, &o.id());
            key(&listbox, "Enter");
            picked = o.get_attribute("data-event");
            break;
        }
        let inner = opts
            .iter()
            .find(|o| {
                held.iter()
                    .any(|id| o.id().ends_with(&format!("group_{id}")))
            })
            .expect("the cluster's events are in a smaller cluster");
        walk_to(&listbox, &inner.id());
        key(&listbox, "Enter");
        if let Some(b) = el.query_selector("[data-bx=detail] [data-pick]").unwrap() {
            picked = b.get_attribute("data-pick");
            click(&b);
            break;
        }
    }
    let picked = picked.expect("an event of the cluster is reached");
    assert_eq!(ex.selected().as_deref(), Some(picked.as_str()));
    assert!(!html(&q(&el, "[data-bx=detail]")).hidden());
    // Escape: the tooltip, the details, then each zoom, back to the cluster in the window.
    for _ in 0..12 {
        if html(&zoom_out).hidden() {
            break;
        }
        key(&listbox, "Escape");
    }
    assert!(html(&zoom_out).hidden(), "back at the view we started from");
    assert_eq!(ex.selected(), None);
    assert!(
        text_of_live(&el).starts_with("Exposure window: "),
        "{}",
        text_of_live(&el)
    );
    assert_eq!(
        listbox.get_attribute("aria-activedescendant"),
        Some(cluster.id()),
        "the keyboard is back on the cluster"
    );
    ex.destroy();
    el.remove();
}

#[wasm_bindgen_test]
fn a_crowd_at_one_moment_is_listed_and_each_event_can_be_picked() {
    set_hash("");
    // Sixty events on one day in one lane: no zoom spreads them.
    let events: Vec<(u32, usize)> = (0..60).map(|_| (63, 1)).collect();
    let el = host(700);
    let mut ex = mount(
        el.clone(),
        JsValue::from_str(&crowd(&events)),
        None,
        Some("en".into()),
        None,
    );
    let listbox = q(&el, "[role=listbox]");
    html(&listbox).focus().unwrap();
    let opts = options(&listbox);
    assert_eq!(opts.len(), 1, "one cluster");
    assert_eq!(
        opts[0].get_attribute("aria-label").as_deref(),
        Some("60 events, 5 March 2025 (The company)")
    );
    key(&listbox, "Home");
    key(&listbox, "Enter");
    assert_eq!(
        text_of_live(&el),
        "60 events, 5 March 2025 (The company), listed below the timeline."
    );
    let detail = q(&el, "[data-bx=detail]");
    assert!(!html(&detail).hidden());
    assert_eq!(
        detail.query_selector_all("[data-pick]").unwrap().length(),
        50
    );
    let more = q(&detail, "[data-more=cluster]");
    assert_eq!(more.text_content().unwrap(), "Show 10 more (10 not shown)");
    click(&more);
    assert_eq!(
        detail.query_selector_all("[data-pick]").unwrap().length(),
        60
    );
    assert_eq!(text_of_live(&el), "Showing 60 of 60 events.");
    let doc = web_sys::window().unwrap().document().unwrap();
    assert_eq!(
        doc.active_element()
            .unwrap()
            .get_attribute("data-pick")
            .as_deref(),
        Some("e50"),
        "the keyboard is on the first new event"
    );
    // Pick one: its details, and Escape (or the button) goes back to the list.
    click(&q(&detail, "[data-pick=e55]"));
    assert_eq!(ex.selected().as_deref(), Some("e55"));
    assert!(text(&el, "[data-bx=detail] h4").contains("Event number 55"));
    let back = q(&detail, "[data-bx=back-to-list]");
    key(&back, "Escape");
    assert_eq!(ex.selected(), None);
    assert_eq!(
        doc.active_element()
            .unwrap()
            .get_attribute("data-pick")
            .as_deref(),
        Some("e55"),
        "back on the event in the list"
    );
    // Escape again closes the list, and the keyboard returns to the timeline.
    key(&doc.active_element().unwrap(), "Escape");
    assert!(html(&detail).hidden());
    assert_eq!(doc.active_element(), Some(listbox.clone()));
    ex.destroy();
    el.remove();
}
