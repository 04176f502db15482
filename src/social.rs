//! The social image: a 1200×630 PNG of the story's headline and key figures, for the shell
//! page's `og:image`. Native only (the build makes it; the wasm never draws it).
//!
//! Every word on it comes from the dataset and [`describe`]; this module only places them. It
//! draws with plotters' bitmap backend, rasterises text with `ab_glyph` from a font file the
//! caller names (the build asks fontconfig), and encodes with `png`. A font that lacks a glyph
//! the image needs is an error, never an image with boxes in it.

use crate::describe::{self, KeyFigure};
use crate::i18n::{self, Ui};
use crate::model::{Lang, Story};
use crate::render::Theme;
use ab_glyph::{point, Font, FontVec, GlyphId, PxScale, ScaleFont};
use plotters::style::RGBColor;
use plotters_backend::{BackendColor, DrawingBackend};
use plotters_bitmap::BitMapBackend;
use std::fmt;

/// The size social sites show a large card at (1.91:1).
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// Left and right margin, and the space kept clear at the top and bottom.
const MARGIN: f32 = 64.0;
/// At most this many key figures: a card is read in a glance.
const MAX_FIGURES: usize = 3;

/// Why no image was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SocialError {
    /// The font file cannot be read or is not a font.
    Font(String),
    /// The font has no glyph for these characters (a Korean image needs a CJK font).
    MissingGlyphs { font: String, chars: String },
    /// Encoding or drawing failed.
    Draw(String),
}

impl fmt::Display for SocialError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SocialError::Font(m) => write!(f, "{m}"),
            SocialError::MissingGlyphs { font, chars } => {
                write!(f, "the font {font} has no glyphs for {chars:?}")
            }
            SocialError::Draw(m) => write!(f, "cannot draw the image: {m}"),
        }
    }
}

impl std::error::Error for SocialError {}

/// A font face and the file it came from (for messages).
pub struct Face {
    font: FontVec,
    name: String,
}

impl Face {
    /// Reads `PATH` or `PATH#INDEX` (a face in a collection such as `NotoSansCJK-Bold.ttc#1`,
    /// as `fc-match -f '%{file}#%{index}'` prints it).
    pub fn load(spec: &str) -> Result<Face, SocialError> {
        let (path, index) = match spec.rsplit_once('#') {
            Some((p, i)) if !i.is_empty() && i.bytes().all(|b| b.is_ascii_digit()) => {
                (p, i.parse().unwrap_or(0))
            }
            _ => (spec, 0),
        };
        let bytes = std::fs::read(path)
            .map_err(|e| SocialError::Font(format!("{path}: cannot read the font: {e}")))?;
        let font = FontVec::try_from_vec_and_index(bytes, index)
            .map_err(|_| SocialError::Font(format!("{spec}: not a font ab_glyph can read")))?;
        Ok(Face {
            font,
            name: spec.to_string(),
        })
    }

    fn glyph(&self, c: char) -> GlyphId {
        self.font.glyph_id(c)
    }

    /// The scale at which one em is `size` px, as CSS sizes text.
    fn scale(&self, size: f32) -> PxScale {
        let em = self.font.units_per_em().unwrap_or(1000.0);
        PxScale::from(size * self.font.height_unscaled() / em)
    }

    fn ascent(&self, size: f32) -> f32 {
        self.font.as_scaled(self.scale(size)).ascent()
    }

    /// How far below the baseline the face reaches (positive).
    fn descent(&self, size: f32) -> f32 {
        -self.font.as_scaled(self.scale(size)).descent()
    }

    /// The characters of `text` this face cannot draw (whitespace needs no glyph).
    fn missing(&self, text: &str, out: &mut Vec<char>) {
        for c in text.chars() {
            if !c.is_whitespace() && self.glyph(c).0 == 0 && !out.contains(&c) {
                out.push(c);
            }
        }
    }

    /// How wide `text` is at `size` px (one em), for a caller placing text of its own (the
    /// benchmark chart, `bench/chart.rs`).
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let scaled = self.font.as_scaled(self.scale(size));
        text.chars().map(|c| scaled.h_advance(self.glyph(c))).sum()
    }

    /// Draws one line of `text` at `size` px from `left` on `baseline`, clipped to the bitmap:
    /// as the card draws its own lines, and, like the card, an error (not boxes) for a
    /// character the face lacks.
    pub fn draw(
        &self,
        b: &mut BitMapBackend<'_>,
        text: &str,
        size: f32,
        color: RGBColor,
        (left, baseline): (f32, f32),
    ) -> Result<(), SocialError> {
        let mut missing = Vec::new();
        self.missing(text, &mut missing);
        if !missing.is_empty() {
            return Err(SocialError::MissingGlyphs {
                font: self.name.clone(),
                chars: missing.into_iter().take(12).collect(),
            });
        }
        let scaled = self.font.as_scaled(self.scale(size));
        let mut x = left;
        for c in text.chars() {
            draw_glyph(b, self, c, size, color, (x, baseline))?;
            x += scaled.h_advance(self.glyph(c));
        }
        Ok(())
    }
}

/// The regular and bold faces the image is set in.
pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    /// The two faces; without a bold file, the regular face serves for both.
    pub fn load(regular: &str, bold: Option<&str>) -> Result<Fonts, SocialError> {
        Ok(Fonts {
            regular: Face::load(regular)?,
            bold: Face::load(bold.unwrap_or(regular))?,
        })
    }

    fn face(&self, bold: bool) -> &Face {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }
}

/// One run of text in one style.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Style {
    size: f32,
    bold: bool,
    color: RGBColor,
}

/// A character placed on a line.
#[derive(Debug, Clone, Copy)]
struct Placed {
    c: char,
    x: f32,
    style: Style,
}

/// A laid-out line: its characters and the height it takes.
#[derive(Debug, Clone)]
struct Line {
    chars: Vec<Placed>,
    height: f32,
    ascent: f32,
    descent: f32,
}

/// A word's characters with their styles and advances, and the space after it.
#[derive(Default)]
struct Word {
    chars: Vec<(char, Style, f32)>,
    space: f32,
}

/// A paragraph of styled runs broken into lines at spaces to fit `width` px (a word longer than
/// the line is broken between characters).
fn wrap(fonts: &Fonts, runs: &[(&str, Style)], width: f32, leading: f32) -> Vec<Line> {
    // Words as (char, style, advance); a space ends a word, and its advance is kept.
    let mut words: Vec<Word> = vec![Word::default()];
    for (text, style) in runs {
        let face = fonts.face(style.bold);
        let scaled = face.font.as_scaled(face.scale(style.size));
        for c in text.chars() {
            let adv = scaled.h_advance(face.glyph(c));
            let Some(last) = words.last_mut() else { break };
            if c == ' ' {
                if !last.chars.is_empty() {
                    last.space = adv;
                    words.push(Word::default());
                }
            } else {
                last.chars.push((c, *style, adv));
            }
        }
    }
    let mut lines = Vec::new();
    let mut line: Vec<Placed> = Vec::new();
    let mut x = 0.0f32;
    let mut pending_space = 0.0f32;
    let finish = |line: &mut Vec<Placed>, lines: &mut Vec<Line>| {
        if line.is_empty() {
            return;
        }
        let size = line.iter().map(|p| p.style.size).fold(0.0, f32::max);
        let metric = |f: &dyn Fn(&Face, f32) -> f32| {
            line.iter()
                .map(|p| f(fonts.face(p.style.bold), p.style.size))
                .fold(0.0, f32::max)
        };
        let (ascent, descent) = (metric(&Face::ascent), metric(&Face::descent));
        lines.push(Line {
            chars: std::mem::take(line),
            height: size * leading,
            ascent,
            descent,
        });
    };
    for Word { chars: word, space } in words.into_iter().filter(|w| !w.chars.is_empty()) {
        let w: f32 = word.iter().map(|c| c.2).sum();
        if !line.is_empty() && x + pending_space + w > width {
            finish(&mut line, &mut lines);
            x = 0.0;
            pending_space = 0.0;
        }
        x += pending_space;
        for (c, style, adv) in word {
            if x + adv > width && !line.is_empty() && x > 0.0 && w > width {
                finish(&mut line, &mut lines);
                x = 0.0;
            }
            line.push(Placed { c, x, style });
            x += adv;
        }
        pending_space = space;
    }
    finish(&mut line, &mut lines);
    lines
}

fn height(lines: &[Line]) -> f32 {
    lines.iter().map(|l| l.height).sum()
}

/// What the card shows, laid out: blocks of lines at their top y.
struct Card {
    blocks: Vec<(f32, Vec<Line>)>,
    rules: Vec<f32>,
    figures: usize,
}

/// The figures the card shows: the ones the page lists first (see
/// [`describe::social_figures`]), as many as fit.
fn layout(d: &Story, lang: Lang, fonts: &Fonts, theme: &Theme) -> Card {
    let width = WIDTH as f32 - 2.0 * MARGIN;
    let title = d.breach.title.get(lang);
    let style = |size, bold, color| Style { size, bold, color };

    // The headline: as large as lets it fit on two lines, else three.
    let mut head = Vec::new();
    'sizes: for max_lines in [2, 3] {
        for size in [64.0, 58.0, 52.0, 46.0, 42.0] {
            head = wrap(fonts, &[(title, style(size, true, theme.ink))], width, 1.16);
            if head.len() <= max_lines {
                break 'sizes;
            }
        }
    }
    let mut y = 16.0 + 44.0;
    let mut blocks = vec![(y, head.clone())];
    y += height(&head) + 26.0;
    let rule = y;
    y += 30.0;

    // The credit line at the foot, when the dataset has one and it fits on two lines.
    let foot_bottom = HEIGHT as f32 - 36.0;
    let mut foot_top = foot_bottom;
    if let Some(credit) = &d.breach.credit {
        let lines = wrap(
            fonts,
            &[(credit.get(lang), style(21.0, false, theme.muted))],
            width,
            1.3,
        );
        if lines.len() <= 2 {
            foot_top = foot_bottom - height(&lines);
            blocks.push((foot_top, lines));
        }
    }

    let label = wrap(
        fonts,
        &[(
            i18n::ui(lang, Ui::KeyFigures),
            style(24.0, true, theme.muted),
        )],
        width,
        1.25,
    );
    let figures = describe::social_figures(d, lang);
    let room = foot_top - 24.0 - (y + height(&label) + 8.0);
    // As many figures as fit (up to MAX_FIGURES), each as large as lets them fit.
    let paragraph = |k: &KeyFigure, strong: f32, rest: f32| {
        wrap(
            fonts,
            &[
                (k.strong.as_str(), style(strong, true, theme.accent)),
                (k.rest.as_str(), style(rest, false, theme.ink)),
            ],
            width,
            1.3,
        )
    };
    let mut chosen: Vec<Vec<Line>> = Vec::new();
    'fit: for n in (1..=figures.len().min(MAX_FIGURES)).rev() {
        for (strong, rest) in [(40.0, 31.0), (36.0, 28.0), (33.0, 26.0)] {
            let paras: Vec<Vec<Line>> = figures[..n]
                .iter()
                .map(|k| paragraph(k, strong, rest))
                .collect();
            let h: f32 =
                paras.iter().map(|p| height(p)).sum::<f32>() + 14.0 * (n as f32 - 1.0).max(0.0);
            if h <= room {
                chosen = paras;
                break 'fit;
            }
        }
    }
    let shown = chosen.len();
    if shown > 0 {
        blocks.push((y, label.clone()));
        y += height(&label) + 8.0;
        for p in chosen {
            let h = height(&p);
            blocks.push((y, p));
            y += h + 14.0;
        }
    }
    Card {
        blocks,
        rules: vec![rule],
        figures: shown,
    }
}

/// The bounds of each block of text the card draws (x, y, width, height), for tests that
/// check nothing overlaps or leaves the card.
pub fn text_boxes(d: &Story, lang: Lang, fonts: &Fonts) -> Vec<[f32; 4]> {
    let card = layout(d, d.page_lang(lang), fonts, &Theme::LIGHT);
    card.blocks
        .iter()
        .map(|(top, lines)| {
            let right = lines
                .iter()
                .filter_map(|l| {
                    let p = l.chars.last()?;
                    let face = fonts.face(p.style.bold);
                    let adv = face
                        .font
                        .as_scaled(face.scale(p.style.size))
                        .h_advance(face.glyph(p.c));
                    Some(p.x + adv)
                })
                .fold(0.0, f32::max);
            [MARGIN, *top, right, height(lines)]
        })
        .collect()
}

/// Every character the card draws, with the face it is drawn in, that the face lacks.
fn check_glyphs(fonts: &Fonts, card: &Card) -> Result<(), SocialError> {
    for bold in [false, true] {
        let face = fonts.face(bold);
        let mut missing = Vec::new();
        for (_, lines) in &card.blocks {
            for p in lines.iter().flat_map(|l| &l.chars) {
                if p.style.bold == bold {
                    face.missing(&p.c.to_string(), &mut missing);
                }
            }
        }
        if !missing.is_empty() {
            return Err(SocialError::MissingGlyphs {
                font: face.name.clone(),
                chars: missing.into_iter().take(12).collect(),
            });
        }
    }
    Ok(())
}

/// The card as RGB pixels, `WIDTH × HEIGHT × 3` bytes, and how many key figures it shows.
pub fn pixels(
    d: &Story,
    lang: Lang,
    fonts: &Fonts,
    theme: &Theme,
) -> Result<(Vec<u8>, usize), SocialError> {
    let lang = d.page_lang(lang);
    let card = layout(d, lang, fonts, theme);
    check_glyphs(fonts, &card)?;
    let mut buf = vec![0u8; (WIDTH * HEIGHT * 3) as usize];
    {
        let mut b = BitMapBackend::with_buffer(&mut buf, (WIDTH, HEIGHT));
        let err = |e: plotters_backend::DrawingErrorKind<_>| SocialError::Draw(e.to_string());
        let (w, h) = (WIDTH as i32, HEIGHT as i32);
        b.draw_rect((0, 0), (w, h), &theme.background, true)
            .map_err(err)?;
        // The accent bar along the top, as a newsroom's graphics carry their colour.
        b.draw_rect((0, 0), (w, 16), &theme.accent, true)
            .map_err(err)?;
        for y in &card.rules {
            let y = y.round() as i32;
            let m = MARGIN as i32;
            b.draw_rect((m, y), (m + 96, y + 4), &theme.accent, true)
                .map_err(err)?;
        }
        for (top, lines) in &card.blocks {
            let mut y = *top;
            for line in lines {
                // The face's ascent and descent centred in the line's height, as CSS does.
                let baseline = y + (line.height - line.ascent - line.descent) / 2.0 + line.ascent;
                draw_line(&mut b, fonts, line, MARGIN, baseline)?;
                y += line.height;
            }
        }
        b.present().map_err(err)?;
    }
    Ok((buf, card.figures))
}

fn draw_line(
    b: &mut BitMapBackend<'_>,
    fonts: &Fonts,
    line: &Line,
    left: f32,
    baseline: f32,
) -> Result<(), SocialError> {
    for p in &line.chars {
        let face = fonts.face(p.style.bold);
        draw_glyph(
            b,
            face,
            p.c,
            p.style.size,
            p.style.color,
            (left + p.x, baseline),
        )?;
    }
    Ok(())
}

/// Draws one character with its pen at `(x, baseline)`, blended by coverage, clipped to the
/// bitmap.
fn draw_glyph(
    b: &mut BitMapBackend<'_>,
    face: &Face,
    c: char,
    size: f32,
    color: RGBColor,
    (x, baseline): (f32, f32),
) -> Result<(), SocialError> {
    let glyph = face
        .glyph(c)
        .with_scale_and_position(face.scale(size), point(x, baseline));
    let Some(outline) = face.font.outline_glyph(glyph) else {
        return Ok(());
    };
    let (width, height) = b.get_size();
    let bounds = outline.px_bounds();
    let RGBColor(r, g, bl) = color;
    let mut result = Ok(());
    outline.draw(|gx, gy, coverage| {
        let (x, y) = (
            bounds.min.x as i32 + gx as i32,
            bounds.min.y as i32 + gy as i32,
        );
        if result.is_ok() && (0..width as i32).contains(&x) && (0..height as i32).contains(&y) {
            let color = BackendColor {
                alpha: f64::from(coverage.min(1.0)),
                rgb: (r, g, bl),
            };
            result = b.draw_pixel((x, y), color);
        }
    });
    result.map_err(|e| SocialError::Draw(e.to_string()))
}

/// RGB pixels (`width × height × 3` bytes) as a PNG file's bytes.
pub fn encode_png(rgb: &[u8], (width, height): (u32, u32)) -> Result<Vec<u8>, SocialError> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, width, height);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::High);
        let err = |e: png::EncodingError| SocialError::Draw(e.to_string());
        let mut w = enc.write_header().map_err(err)?;
        w.write_image_data(rgb).map_err(err)?;
        w.finish().map_err(err)?;
    }
    Ok(out)
}

/// The card as a PNG file's bytes, and its text alternative (the headline and the figures it
/// shows, from [`describe::social_alt`]).
pub fn png(
    d: &Story,
    lang: Lang,
    fonts: &Fonts,
    theme: &Theme,
) -> Result<(Vec<u8>, String), SocialError> {
    let (rgb, shown) = pixels(d, lang, fonts, theme)?;
    let out = encode_png(&rgb, (WIDTH, HEIGHT))?;
    let lang = d.page_lang(lang);
    let figures = describe::social_figures(d, lang);
    let alt = describe::social_alt(d, lang, &figures[..shown.min(figures.len())]);
    Ok((out, alt))
}
