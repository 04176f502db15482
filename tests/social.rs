//! The social image: a 1200×630 PNG of the headline and key figures that decodes, shows the
//! story (not a blank card), changes with the dataset and the language, keeps its text apart
//! and on the card, and is never drawn with a font that lacks its glyphs.
#![cfg(not(target_arch = "wasm32"))]

use breach_explainer::model::Story;
use breach_explainer::model::{json, story::from_tree, Lang};
use breach_explainer::render::Theme;
use breach_explainer::social::{self, Fonts, SocialError};

/// A face as fontconfig names it, `FILE#INDEX`; scripts/setup installs fonts-noto-cjk.
fn fc_match(pattern: &str) -> String {
    let out = std::process::Command::new("fc-match")
        .args(["-f", "%{file}#%{index}", pattern])
        .output()
        .expect("fc-match (fontconfig) is needed for the social image tests: run scripts/setup");
    String::from_utf8(out.stdout).unwrap()
}

/// Noto Sans CJK KR, which draws both languages.
fn cjk() -> Fonts {
    let regular = fc_match("Noto Sans CJK KR");
    assert!(
        regular.contains("CJK"),
        "no Noto Sans CJK font (got {regular:?}): run scripts/setup (fonts-noto-cjk)"
    );
    Fonts::load(&regular, Some(&fc_match("Noto Sans CJK KR:weight=bold"))).unwrap()
}

fn dataset(name: &str) -> Story {
    let text = std::fs::read_to_string(format!("data/{name}.json")).unwrap();
    from_tree(&json::parse(&text).unwrap()).unwrap()
}

/// Decodes a PNG: (width, height, RGB or RGBA bytes, bytes per pixel).
fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>, usize) {
    let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .expect("a PNG header");
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).expect("PNG image data");
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf, info.color_type.samples())
}

fn card(name: &str, lang: Lang, fonts: &Fonts) -> (Vec<u8>, String) {
    social::png(&dataset(name), lang, fonts, &Theme::LIGHT).unwrap()
}

#[test]
fn the_card_is_a_1200_by_630_png_with_the_story_on_it() {
    let fonts = cjk();
    for lang in [Lang::En, Lang::Ko] {
        let (bytes, _) = card("coupang-2025", lang, &fonts);
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let (w, h, px, n) = decode(&bytes);
        assert_eq!((w, h), (1200, 630));
        // Not blank: the text is dark ink on the light card, and there is plenty of it.
        let dark = px
            .chunks(n)
            .filter(|p| p[..3].iter().all(|&c| c < 80))
            .count();
        let light = px
            .chunks(n)
            .filter(|p| p[..3].iter().all(|&c| c > 240))
            .count();
        assert!(dark > 20_000, "{lang:?}: only {dark} dark pixels");
        assert!(light > 400_000, "{lang:?}: only {light} light pixels");
    }
}

#[test]
fn the_card_differs_between_datasets_and_languages() {
    let fonts = cjk();
    let coupang_en = card("coupang-2025", Lang::En, &fonts).0;
    let coupang_ko = card("coupang-2025", Lang::Ko, &fonts).0;
    let equifax_en = card("equifax-2017", Lang::En, &fonts).0;
    let differ = |a: &[u8], b: &[u8]| {
        let (a, b) = (decode(a).2, decode(b).2);
        a.iter().zip(&b).filter(|(x, y)| x != y).count()
    };
    assert!(differ(&coupang_en, &coupang_ko) > 10_000);
    assert!(differ(&coupang_en, &equifax_en) > 10_000);
    // And the same input draws the same card, so its hashed name only changes with the story.
    assert_eq!(coupang_en, card("coupang-2025", Lang::En, &fonts).0);
}

#[test]
fn the_alt_text_is_the_headline_and_the_figures_shown() {
    let fonts = cjk();
    for lang in [Lang::En, Lang::Ko] {
        let d = dataset("coupang-2025");
        let (_, alt) = card("coupang-2025", lang, &fonts);
        assert!(alt.starts_with(d.breach.title.get(lang)), "{alt}");
        let first = &breach_explainer::describe::social_figures(&d, lang)[0];
        assert!(alt.contains(&first.strong), "{alt}");
    }
}

#[test]
fn text_stays_on_the_card_and_apart_for_every_dataset_and_language() {
    let fonts = cjk();
    for name in [
        "coupang-2025",
        "23andme-2023",
        "dropbox-2012",
        "equifax-2017",
        "marriott-2018",
    ] {
        for lang in [Lang::En, Lang::Ko] {
            let boxes = social::text_boxes(&dataset(name), lang, &fonts);
            assert!(
                boxes.len() >= 3,
                "{name} {lang:?}: headline, label and a figure"
            );
            for (i, [x, y, w, h]) in boxes.iter().enumerate() {
                assert!(
                    *x >= 0.0 && *y >= 0.0 && x + w <= 1200.0 - 48.0 && y + h <= 630.0 - 24.0,
                    "{name} {lang:?}: block {i} leaves the card: {:?}",
                    boxes[i]
                );
                for (j, [x2, y2, w2, h2]) in boxes.iter().enumerate().skip(i + 1) {
                    let apart = y + h <= *y2 || y2 + h2 <= *y || x + w <= *x2 || x2 + w2 <= *x;
                    assert!(
                        apart,
                        "{name} {lang:?}: blocks {i} and {j} overlap: {boxes:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_font_without_korean_glyphs_is_refused_not_drawn_as_boxes() {
    let latin = fc_match("DejaVu Sans");
    assert!(latin.contains("DejaVu"), "{latin}");
    let fonts = Fonts::load(&latin, None).unwrap();
    match social::png(&dataset("coupang-2025"), Lang::Ko, &fonts, &Theme::LIGHT) {
        Err(SocialError::MissingGlyphs { chars, .. }) => assert!(chars.contains('쿠'), "{chars}"),
        other => panic!(
            "expected missing glyphs, got {:?}",
            other.map(|(_, alt)| alt)
        ),
    }
    // The same font draws the English card.
    assert!(social::png(&dataset("coupang-2025"), Lang::En, &fonts, &Theme::LIGHT).is_ok());
    // A file that is not a font is an error too.
    assert!(matches!(
        Fonts::load("Cargo.toml", None),
        Err(SocialError::Font(_))
    ));
}
