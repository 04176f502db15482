//! What the reader is looking at, natively (`src/reading.rs`): keys decoded once, stepping along
//! a figure's marks (clamped at both ends), the Escape cascade (tooltip, then the event picked
//! from a list, then the details, then the zoom), zooming into a cluster and out again (nested),
//! a cluster no zoom spreads listed and paged, and an update in place that removes the selected
//! event. Every transition says what changed on screen.
#![cfg(not(target_arch = "wasm32"))]

use breach_explainer::layout::timeline::{self, Timeline, View};
use breach_explainer::layout::CharWidths;
use breach_explainer::model::figures::ChartKind;
use breach_explainer::model::{json, story::from_tree, Lang, Story};
use breach_explainer::reading::{Changes, Context, Focus, Input, Key, Kind, Reading, Say};

mod synthetic;

fn parsed(text: &str) -> Story {
    match json::parse(text)
        .map_err(|e| vec![e])
        .and_then(|j| from_tree(&j))
    {
        Ok(d) => d,
        Err(issues) => panic!("dataset invalid: {}", issues[0]),
    }
}

/// Crowded days (clusters that zoom spreads, again and again) and 40 events at one moment (a
/// cluster no zoom spreads), in one lane.
fn crowded() -> Story {
    let mut events: Vec<(u32, usize, u8)> =
        (0..3000).map(|i| ((i * 37 % 400) as u32, 1, 0)).collect();
    events.extend((0..40).map(|_| (200, 1, 0)));
    parsed(&synthetic::dataset_text(&events))
}

/// A few events far apart: no clusters.
fn sparse() -> Story {
    parsed(&synthetic::dataset_text(&[
        (0, 1, 0),
        (60, 1, 0),
        (120, 2, 0),
        (180, 3, 0),
    ]))
}

fn lay(d: &Story, view: View) -> Timeline {
    timeline::layout(d, Lang::En, 320.0, view, &CharWidths)
}

const CHART: Kind = Kind::Chart(ChartKind::Revisions);
const CHART_ITEMS: [usize; 3] = [4, 7, 9];

fn ctx<'a>(d: &'a Story, t: &'a Timeline) -> Context<'a> {
    Context::new(
        d,
        Some(t),
        [(Kind::Timeline, &t.order[..]), (CHART, &CHART_ITEMS[..])],
    )
}

fn key(key: Key, stage: Option<Kind>) -> Input {
    Input::Key {
        key,
        stage,
        in_detail: false,
    }
}

/// A key on the timeline's marks.
fn on_timeline(k: Key) -> Input {
    key(k, Some(Kind::Timeline))
}

/// The painter's part a test plays: lays the timeline out again when asked, telling the reading.
fn paint(r: &mut Reading, d: &Story, t: &mut Timeline, c: &Changes) {
    if c.relayout {
        *t = lay(d, r.view);
        r.laid_out(Kind::Timeline, &t.order, Some(t));
    }
}

#[test]
fn keys_are_decoded_once_from_their_names() {
    for (name, key) in [
        ("ArrowRight", Key::Next),
        ("ArrowDown", Key::Next),
        ("ArrowLeft", Key::Prev),
        ("ArrowUp", Key::Prev),
        ("Home", Key::First),
        ("End", Key::Last),
        ("Enter", Key::Activate),
        (" ", Key::Activate),
        ("Escape", Key::Escape),
    ] {
        assert_eq!(Key::from_name(name), Some(key), "{name}");
    }
    for name in ["a", "Tab", "PageDown", "Esc", ""] {
        assert_eq!(Key::from_name(name), None, "{name}");
    }
}

#[test]
fn stepping_clamps_at_both_ends_and_moves_the_tooltip_with_the_keyboard() {
    let d = sparse();
    let t = lay(&d, View::Story);
    let c = ctx(&d, &t);
    let mut r = Reading::default();
    // Nothing active: the next mark is the first, the one before is the last.
    let ch = r.apply(key(Key::Next, Some(CHART)), &c);
    assert!(ch.handled);
    assert_eq!(r.marks(CHART).active, Some(4));
    assert_eq!(r.marks(CHART).tip, Some(4));
    assert_eq!(ch.active, Some(CHART));
    assert!(ch.reveal);
    assert_eq!(ch.tip, Some(CHART));
    r.apply(key(Key::Prev, Some(CHART)), &c);
    assert_eq!(r.marks(CHART).active, Some(4), "stops at the first");
    r.apply(key(Key::Next, Some(CHART)), &c);
    r.apply(key(Key::Next, Some(CHART)), &c);
    assert_eq!(r.marks(CHART).active, Some(9));
    r.apply(key(Key::Next, Some(CHART)), &c);
    assert_eq!(r.marks(CHART).active, Some(9), "stops at the last");
    r.apply(key(Key::First, Some(CHART)), &c);
    assert_eq!(r.marks(CHART).active, Some(4));
    r.apply(key(Key::Last, Some(CHART)), &c);
    assert_eq!(r.marks(CHART).active, Some(9));

    let mut fresh = Reading::default();
    fresh.apply(key(Key::Prev, Some(CHART)), &c);
    assert_eq!(
        fresh.marks(CHART).active,
        Some(9),
        "from nothing, back is the last"
    );

    // Enter on a chart shows the mark's figures; the keyboard stays where it is.
    let mut r = Reading::default();
    let ch = r.apply(key(Key::Activate, Some(CHART)), &c);
    assert!(ch.handled);
    assert_eq!(
        r.marks(CHART),
        breach_explainer::reading::Marks {
            active: None,
            tip: Some(4)
        }
    );

    // Keys outside a figure, or on a figure not drawn, are the page's.
    let ch = r.apply(key(Key::Next, None), &c);
    assert!(!ch.handled);
    let ch = r.apply(key(Key::Next, Some(Kind::Chart(ChartKind::Money))), &c);
    assert_eq!(ch, Changes::default());

    // An empty figure: the key is used, nothing becomes active.
    let empty = Context::new(&d, None, [(CHART, &[][..])]);
    let ch = Reading::default().apply(key(Key::Next, Some(CHART)), &empty);
    assert!(ch.handled);
}

#[test]
fn enter_on_an_event_selects_it_and_tells_the_host() {
    let d = sparse();
    let t = lay(&d, View::Story);
    assert!(t.clusters.is_empty());
    let c = ctx(&d, &t);
    let mut r = Reading::default();
    r.apply(on_timeline(Key::Last), &c);
    let last = *t.order.last().unwrap();
    let ch = r.apply(on_timeline(Key::Activate), &c);
    assert!(ch.handled);
    assert_eq!(r.selected, Some(last));
    assert_eq!(r.marks(Kind::Timeline).active, Some(last));
    assert!(ch.relayout && ch.detail);
    assert_eq!(ch.selected, Some(true));
    assert_eq!(ch.say, None);
    // Focus on the timeline puts the keyboard on the selected event's mark.
    let mut again = Reading::default();
    again.selected = Some(t.order[1]);
    again.apply(Input::Focus(Kind::Timeline), &c);
    assert_eq!(again.marks(Kind::Timeline).active, Some(t.order[1]));
    assert_eq!(again.marks(Kind::Timeline).tip, Some(t.order[1]));
}

#[test]
fn escape_hides_the_tooltip_then_goes_back_to_the_list_then_closes_then_zooms_out() {
    let d = crowded();
    let mut t = lay(&d, View::Story);
    let mut r = Reading::default();
    r.view = View::Story;

    // Zoom in towards an event of the crowd at one moment, until its mark is the cluster no
    // zoom spreads, and list that.
    let target = 3000;
    loop {
        let mark = t.holding(target).expect("every event is reachable");
        let cl = t.cluster(mark).expect("the crowd is always a cluster");
        let spreads = timeline::zoom(&d, cl, r.view).is_some();
        let ch = r.apply(
            Input::Click {
                stage: Kind::Timeline,
                item: mark,
            },
            &ctx(&d, &t),
        );
        paint(&mut r, &d, &mut t, &ch);
        if !spreads {
            break;
        }
        assert!(r.zooms.len() < 20, "zooming ends");
    }
    let zooms = r.zooms.len();
    assert!(zooms >= 1);
    assert!(r.listed.is_some());
    let first = r.listed.as_ref().unwrap().events[0];
    r.apply(Input::Pick(first), &ctx(&d, &t));
    // A tooltip shown (the keyboard on a mark).
    r.apply(on_timeline(Key::First), &ctx(&d, &t));
    assert!(r.marks(Kind::Timeline).tip.is_some());

    // 1. The tooltip hides; nothing else changes.
    let in_detail = Input::Key {
        key: Key::Escape,
        stage: None,
        in_detail: true,
    };
    let ch = r.apply(in_detail.clone(), &ctx(&d, &t));
    assert!(ch.handled);
    assert!(ch.all_tips);
    assert_eq!(r.marks(Kind::Timeline).tip, None);
    assert_eq!(r.selected, Some(first));
    assert!(r.listed.is_some());

    // 2. From the event's details back to the cluster's list, the keyboard on that event.
    let ch = r.apply(in_detail.clone(), &ctx(&d, &t));
    assert!(ch.handled);
    assert_eq!(r.selected, None);
    assert!(r.listed.is_some());
    assert_eq!(ch.focus, Some(Focus::Pick(first)));
    assert_eq!(ch.selected, Some(true));

    // Escape from a chart never closes the details.
    let ch = r.apply(key(Key::Escape, Some(CHART)), &ctx(&d, &t));
    assert!(!ch.handled);
    assert!(r.listed.is_some());

    // 3. On the timeline: the list closes, the keyboard stays in the timeline.
    let ch = r.apply(on_timeline(Key::Escape), &ctx(&d, &t));
    assert!(ch.handled);
    assert_eq!(r.listed, None);
    assert_eq!(ch.focus, Some(Focus::Stage(Kind::Timeline)));
    assert_eq!(r.zooms.len(), zooms);

    // 4. Then Escape zooms out one level; the tooltip the zoom shows on the cluster's mark
    // hides first, each time, to the whole story.
    for left in (0..zooms).rev() {
        if left + 1 < zooms {
            let ch = r.apply(on_timeline(Key::Escape), &ctx(&d, &t));
            assert!(ch.all_tips);
            assert!(!ch.view);
        }
        let ch = r.apply(on_timeline(Key::Escape), &ctx(&d, &t));
        assert!(ch.handled);
        assert!(ch.tell_view && ch.view && ch.relayout);
        paint(&mut r, &d, &mut t, &ch);
        assert_eq!(r.zooms.len(), left);
        assert!(r.marks(Kind::Timeline).tip.is_some());
    }
    r.apply(on_timeline(Key::Escape), &ctx(&d, &t));
    assert_eq!(r.view, View::Story);
    assert_eq!(r.zoomed_span, None);
    // 5. Nothing left: the key is the page's.
    let ch = r.apply(on_timeline(Key::Escape), &ctx(&d, &t));
    assert_eq!(ch, Changes::default());
}

#[test]
fn zooming_in_twice_and_out_again_keeps_the_keyboard_on_the_cluster() {
    let d = crowded();
    let mut t = lay(&d, View::Story);
    let mut r = Reading::default();
    r.view = View::Story;
    let zoomable = |t: &Timeline, view: View| {
        t.order.iter().copied().find(|&id| {
            t.cluster(id)
                .is_some_and(|cl| timeline::zoom(&d, cl, view).is_some())
        })
    };
    let outer = zoomable(&t, r.view).expect("a cluster that zooms");
    let outer_cluster = t.cluster(outer).unwrap().clone();
    let outer_first = outer_cluster.events[0];
    // Enter on the cluster (the keyboard moved onto it).
    r.apply(Input::Focus(Kind::Timeline), &ctx(&d, &t));
    while r.marks(Kind::Timeline).active != Some(outer) {
        r.apply(on_timeline(Key::Next), &ctx(&d, &t));
    }
    let ch = r.apply(on_timeline(Key::Activate), &ctx(&d, &t));
    assert!(ch.handled && ch.tell_view && ch.view && ch.relayout);
    assert!(ch.reveal);
    assert_eq!(ch.active, Some(Kind::Timeline));
    assert_eq!(
        ch.say,
        Some(Say::Zoomed {
            from: outer_cluster.from,
            to: outer_cluster.to
        })
    );
    assert!(matches!(r.view, View::Span { .. }));
    assert_eq!(r.zoomed_span, Some((outer_cluster.from, outer_cluster.to)));
    assert_eq!(r.zooms.len(), 1);
    assert_eq!(r.zooms[0].back_to, View::Story);
    assert_eq!(r.selected, None, "a zoom selects nothing");
    paint(&mut r, &d, &mut t, &ch);
    // The keyboard and the tooltip on the mark that holds the cluster's first event.
    let held = t.holding(outer_first);
    assert!(held.is_some());
    assert_eq!(r.marks(Kind::Timeline).active, held);
    assert_eq!(r.marks(Kind::Timeline).tip, held);

    // Deeper.
    let outer_view = r.view;
    let inner = zoomable(&t, r.view).expect("a cluster in the zoomed view that zooms");
    let inner_first = t.cluster(inner).unwrap().events[0];
    let ch = r.apply(
        Input::Click {
            stage: Kind::Timeline,
            item: inner,
        },
        &ctx(&d, &t),
    );
    assert_eq!(ch.focus, Some(Focus::Stage(Kind::Timeline)));
    paint(&mut r, &d, &mut t, &ch);
    assert_eq!(r.zooms.len(), 2);
    assert_eq!(r.zooms[1].back_to, outer_view);
    assert_eq!(
        r.zooms[1].back_span,
        Some((outer_cluster.from, outer_cluster.to))
    );

    // Out: back to the outer zoom (said as its dates), the keyboard on the inner cluster's mark.
    let ch = r.apply(Input::ZoomOut, &ctx(&d, &t));
    assert_eq!(
        ch.say,
        Some(Say::Zoomed {
            from: outer_cluster.from,
            to: outer_cluster.to
        })
    );
    assert_eq!(ch.focus, Some(Focus::Stage(Kind::Timeline)));
    paint(&mut r, &d, &mut t, &ch);
    assert_eq!(r.view, outer_view);
    assert_eq!(r.marks(Kind::Timeline).active, t.holding(inner_first));
    // Out again: the whole story, said as a view.
    let ch = r.apply(Input::ZoomOut, &ctx(&d, &t));
    assert_eq!(ch.say, Some(Say::View));
    paint(&mut r, &d, &mut t, &ch);
    assert_eq!(r.view, View::Story);
    assert_eq!(r.zoomed_span, None);
    assert_eq!(r.marks(Kind::Timeline).active, t.holding(outer_first));
    assert_eq!(r.marks(Kind::Timeline).active, Some(outer));
    // Nothing more to zoom out of.
    assert_eq!(r.apply(Input::ZoomOut, &ctx(&d, &t)), Changes::default());

    // A view button leaves every zoom at once.
    let ch = r.apply(
        Input::Click {
            stage: Kind::Timeline,
            item: outer,
        },
        &ctx(&d, &t),
    );
    paint(&mut r, &d, &mut t, &ch);
    assert_eq!(r.zooms.len(), 1);
    let ch = r.apply(Input::SetView(View::Window), &ctx(&d, &t));
    assert!(ch.tell_view && ch.view && ch.relayout);
    assert_eq!(ch.say, Some(Say::View));
    assert!(r.zooms.is_empty());
    assert_eq!(r.zoomed_span, None);
    // The same view again: the host is not told.
    let ch = r.apply(Input::SetView(View::Window), &ctx(&d, &t));
    assert!(!ch.tell_view && ch.view);
}

#[test]
fn a_cluster_no_zoom_spreads_is_listed_a_page_at_a_time() {
    // Only the crowd at one moment: 120 events.
    let d = parsed(&synthetic::dataset_text(
        &(0..120)
            .map(|_| (200, 1, 0))
            .chain([(0, 1, 0), (400, 2, 0)])
            .collect::<Vec<_>>(),
    ));
    let t = lay(&d, View::Story);
    let id = t
        .order
        .iter()
        .copied()
        .find(|&id| t.cluster(id).is_some())
        .expect("the crowd is a cluster");
    let cl = t.cluster(id).unwrap().clone();
    assert_eq!(timeline::zoom(&d, &cl, View::Story), None);
    let mut r = Reading::default();
    r.view = View::Story;
    r.selected = Some(t.order[0]);
    let ch = r.apply(
        Input::Click {
            stage: Kind::Timeline,
            item: id,
        },
        &ctx(&d, &t),
    );
    assert_eq!(r.selected, None);
    let l = r.listed.clone().expect("listed");
    assert_eq!((l.id, l.events.len(), l.shown), (id, 120, 50));
    assert!(ch.relayout && ch.detail && !ch.view);
    assert_eq!(ch.selected, None, "listing tells the host nothing");
    assert_eq!(
        ch.say,
        Some(Say::Listed {
            count: 120,
            from: cl.from,
            to: cl.to,
            lane: cl.lane
        })
    );
    assert_eq!(r.marks(Kind::Timeline).active, Some(id));
    assert_eq!(r.more_in_cluster(), Some((Some(l.events[50]), 100, 120)));
    assert_eq!(r.more_in_cluster(), Some((Some(l.events[100]), 120, 120)));
    assert_eq!(r.more_in_cluster(), Some((None, 120, 120)));
    // Enter on an event mark closes the list.
    r.apply(
        Input::Click {
            stage: Kind::Timeline,
            item: t.order[0],
        },
        &ctx(&d, &t),
    );
    assert_eq!(r.listed, None);
    assert_eq!(r.selected, Some(t.order[0]));
    assert_eq!(r.more_in_cluster(), None);
}

#[test]
fn an_event_from_the_address_switches_to_the_whole_story_when_the_window_lacks_it() {
    let d = sparse();
    let t = lay(&d, View::Window);
    let mut r = Reading::default();
    let ch = r.apply(
        Input::Select {
            event: 3,
            in_window: false,
        },
        &ctx(&d, &t),
    );
    assert_eq!(r.view, View::Story);
    assert!(ch.tell_view && ch.view);
    assert_eq!(
        ch.selected,
        Some(false),
        "the address is not written back, the host not told"
    );
    assert_eq!(r.selected, Some(3));
    let ch = r.apply(
        Input::Select {
            event: 2,
            in_window: true,
        },
        &ctx(&d, &t),
    );
    assert!(!ch.tell_view && !ch.view);
    assert_eq!(r.view, View::Story);
}

#[test]
fn an_update_that_removes_the_selected_event_says_so_and_keeps_the_view() {
    let before = sparse();
    // The same events but the last (synthetic ids count by place) is gone.
    let after = parsed(&synthetic::dataset_text(&[
        (0, 1, 0),
        (60, 1, 0),
        (120, 2, 0),
    ]));
    let id = |d: &Story, i: usize| d.events[i].id.clone();
    assert_eq!(
        after.event_index(&id(&before, 1)),
        Some(1),
        "same ids for the same places"
    );

    let t = lay(&before, View::Story);
    let mut r = Reading::default();
    r.apply(Input::SetView(View::Story), &ctx(&before, &t));
    r.apply(
        Input::Click {
            stage: Kind::Timeline,
            item: 1,
        },
        &ctx(&before, &t),
    );
    r.apply(key(Key::Next, Some(CHART)), &ctx(&before, &t));
    assert_eq!(r.selected, Some(1));
    // Kept: found again by its id.
    let mut kept = r.clone();
    assert_eq!(
        kept.replace_data(&before, &after),
        (after.event_index(&id(&before, 1)), false)
    );
    assert_eq!(
        kept.selected, None,
        "selected again once the new version is drawn"
    );
    assert_eq!(kept.view, View::Story);
    assert_eq!(
        kept.marks(CHART),
        Default::default(),
        "the figures are drawn anew"
    );
    assert_eq!(kept.marks(Kind::Timeline), Default::default());

    // Removed.
    let mut gone = r.clone();
    gone.selected = Some(3);
    let removed_id = id(&before, 3);
    assert_eq!(after.event_index(&removed_id), None, "{removed_id} is gone");
    assert_eq!(gone.replace_data(&before, &after), (None, true));
    assert_eq!(gone.selected, None);

    // Nothing selected: nothing removed.
    let mut none = Reading::default();
    assert_eq!(none.replace_data(&before, &after), (None, false));
}

#[test]
fn an_update_closes_the_listed_cluster() {
    let d = parsed(&synthetic::dataset_text(
        &(0..60)
            .map(|_| (200, 1, 0))
            .chain([(0, 1, 0)])
            .collect::<Vec<_>>(),
    ));
    let t = lay(&d, View::Story);
    let id = t
        .order
        .iter()
        .copied()
        .find(|&id| t.cluster(id).is_some())
        .unwrap();
    let mut r = Reading::default();
    r.apply(
        Input::Click {
            stage: Kind::Timeline,
            item: id,
        },
        &ctx(&d, &t),
    );
    let first = r.listed.as_ref().unwrap().events[0];
    r.apply(Input::Pick(first), &ctx(&d, &t));
    assert!(r.listed.is_some());
    assert_eq!(r.selected, Some(first));
    let (again, removed) = r.replace_data(&d, &d);
    assert_eq!((again, removed), (Some(first), false));
    assert_eq!(r.listed, None);
}
