//! What a quick repaint (a language switch) builds at once and what it holds back for the frames
//! after, on every dataset in `data/`: the headline and the timeline built, every open part
//! below held back whole and in order, a folded part never emptied (its heading stays).
#![cfg(not(target_arch = "wasm32"))]

use breach_explainer::model::{json, story::from_tree, Lang};
use breach_explainer::page::folding::{hold_back, set_aside};
use breach_explainer::page::{self, Node, Parts};

fn datasets() -> Vec<(String, breach_explainer::model::Story)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("data").expect("data/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).expect("read");
            let d = from_tree(&json::parse(&text).expect("JSON")).expect("valid");
            out.push((path.display().to_string(), d));
        }
    }
    assert!(out.len() >= 5, "the datasets in data/");
    out
}

#[test]
fn a_quick_repaint_builds_the_top_and_holds_back_every_open_part_below_it() {
    for (name, d) in datasets() {
        for parts in [Parts::All, Parts::Compact] {
            let mut el = page::explainer_parts(&d, Lang::En, None, &parts);
            set_aside(&mut el);
            let before: Vec<usize> = el.children.iter().map(size).collect();
            let held = hold_back(&mut el, 2);
            // The top two are untouched.
            assert_eq!(
                el.children.iter().take(2).map(size).collect::<Vec<_>>(),
                before[..2],
                "{name}"
            );
            let mut after = 1;
            for later in &held {
                assert!(later.index > after, "{name}: below the top, in order");
                after = later.index;
                assert!(
                    !later.nodes.is_empty(),
                    "{name}: part {} held back whole",
                    later.index
                );
                let Node::El(part) = &el.children[later.index] else {
                    panic!("{name}: an element")
                };
                assert!(
                    part.children.is_empty(),
                    "{name}: part {} left empty",
                    later.index
                );
            }
            // Every other child is as it was: a folded part keeps its heading.
            for (i, child) in el.children.iter().enumerate().skip(2) {
                if !held.iter().any(|l| l.index == i) {
                    assert_eq!(size(child), before[i], "{name}: child {i} untouched");
                }
            }
            match parts {
                Parts::All => assert!(
                    held.len() >= 3,
                    "{name}: the whole explainer holds back {} parts",
                    held.len()
                ),
                _ => assert!(
                    held.is_empty(),
                    "{name}: compact has nothing open below the timeline"
                ),
            }
        }
    }
}

/// How many nodes a subtree has.
fn size(node: &Node) -> usize {
    match node {
        Node::El(el) => 1 + el.children.iter().map(size).sum::<usize>(),
        _ => 1,
    }
}
