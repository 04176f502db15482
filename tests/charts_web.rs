//! The count charts in real browsers: tooltips on keyboard focus and on hover, with exact
//! figures, dismissed by Esc.
#![cfg(target_arch = "wasm32")]

use breach_explainer::describe::charts::chart_item;
use breach_explainer::model::figures::ChartKind;
use breach_explainer::model::{story::from_tree, Json, Lang, Story, DEFAULT_DATASET};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::*;

fn dataset() -> Story {
    let tree: Json = breach_explainer::web::parse_json(DEFAULT_DATASET).unwrap();
    from_tree(&tree).unwrap()
}

/// The first tooltip line (the exact figure) of the `n`th mark of a chart, from the data.
fn figure_of(kind: ChartKind, n: usize) -> String {
    let d = dataset();
    let item = d.rows(kind)[n];
    chart_item(&d, Lang::En, kind, item).1[0].clone()
}

fn q(el: &Element, selector: &str) -> Element {
    el.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is on the page"))
}

#[wasm_bindgen_test]
fn every_chart_is_drawn_with_a_listbox_of_named_marks() {
    let el = host(900);
    let mut ex = mount(el.clone(), JsValue::UNDEFINED, None, None, None);
    let d = dataset();
    for kind in ChartKind::ALL {
        let key = kind.key();
        let stage = q(&el, &format!("[data-chart={key}]"));
        assert!(
            stage.query_selector("svg").unwrap().is_some(),
            "{key} drawn"
        );
        let options = stage.query_selector_all("[role=option]").unwrap();
        assert_eq!(
            options.length() as usize,
            d.rows(kind).len(),
            "{key}: a option per mark"
        );
        let listbox = q(&stage, "[role=listbox]");
        let described = listbox
            .get_attribute("aria-describedby")
            .expect("described by its text alternative");
        let alt = web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .get_element_by_id(&described)
            .unwrap();
        assert_eq!(
            alt.text_content().unwrap(),
            breach_explainer::describe::charts::chart_alt(&d, Lang::En, kind),
            "{key} is described by its text alternative"
        );
    }
    ex.destroy();
    el.remove();
}

#[wasm_bindgen_test]
fn focus_shows_exact_figures_in_a_tooltip_and_esc_hides_it() {
    let el = host(900);
    let mut ex = mount(el.clone(), JsValue::UNDEFINED, None, None, None);
    let stage = q(&el, "[data-chart=revisions]");
    let listbox = q(&stage, "[role=listbox]");
    let tip = q(&stage, "[role=tooltip]");
    html(&listbox).focus().unwrap();
    assert!(!html(&tip).hidden(), "focus shows the first mark's tooltip");
    let first = figure_of(ChartKind::Revisions, 0);
    assert!(
        tip.text_content().unwrap().starts_with(&first),
        "{first}: {}",
        tip.text_content().unwrap()
    );
    key(&listbox, "ArrowRight");
    let text = tip.text_content().unwrap();
    let second = figure_of(ChartKind::Revisions, 1);
    assert!(
        text.starts_with(&second),
        "exact figure in the tooltip: {second}: {text}"
    );
    key(&listbox, "Escape");
    assert!(html(&tip).hidden(), "Esc hides the tooltip");
    key(&listbox, "ArrowRight");
    assert!(!html(&tip).hidden(), "moving again shows it again");
    // The money chart names the parts of a fine and the dollars as the source gave them.
    let money = q(&el, "[data-chart=money]");
    let mlist = q(&money, "[role=listbox]");
    html(&mlist).focus().unwrap();
    key(&mlist, "ArrowRight");
    let mtext = q(&money, "[role=tooltip]").text_content().unwrap();
    assert!(mtext.contains("₩624,700,000,000"), "{mtext}");
    assert!(
        mtext.contains("For the data breach: ₩423,600,000,000"),
        "{mtext}"
    );
    assert!(
        mtext.contains("$410,000,000 as given by the source"),
        "{mtext}"
    );
    ex.destroy();
    el.remove();
}

#[wasm_bindgen_test]
async fn hovering_a_bar_shows_its_tooltip() {
    let el = host(900);
    let mut ex = mount(el.clone(), JsValue::UNDEFINED, None, None, None);
    next_frames(1).await;
    let stage = q(&el, "[data-chart=comparison]");
    let listbox = q(&stage, "[role=listbox]");
    let second = listbox
        .query_selector_all("[role=option]")
        .unwrap()
        .item(1)
        .unwrap();
    let r = wasm_bindgen::JsCast::unchecked_ref::<Element>(&second).get_bounding_client_rect();
    pointer_at(&listbox, r.left() + 40.0, r.top() + r.height() / 2.0);
    next_frames(2).await;
    let tip = q(&stage, "[role=tooltip]");
    assert!(!html(&tip).hidden());
    let expected = figure_of(ChartKind::Comparison, 1);
    assert!(
        tip.text_content().unwrap().starts_with(&expected),
        "{expected}: {}",
        tip.text_content().unwrap()
    );
    ex.destroy();
    el.remove();
}
