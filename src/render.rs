//! Paints a [`Scene`](crate::layout::Scene) onto any plotters `DrawingBackend`: an SVG string natively (static
//! fallback, tests) and in the browser. Colours come from a [`Theme`](crate::render::Theme).

use crate::layout::{Anchor, Mark, Paint, Scene};
use crate::model::Lane;
use crate::svg::{Label, SvgWriter};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, RGBColor, ShapeStyle};

/// The reader's system fonts, Korean ones included; never a font fetched from elsewhere.
pub const FONT_STACK: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Apple SD Gothic Neo', 'Malgun Gothic', 'Noto Sans KR', 'Noto Sans CJK KR', sans-serif";

/// Colours per paint. Text colours meet 4.5:1 and marks 3:1 against `background`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub background: RGBColor,
    pub ink: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub band: RGBColor,
    pub band_uncertain: RGBColor,
    pub accent: RGBColor,
    pub accent2: RGBColor,
    pub disputed: RGBColor,
    pub lanes: [RGBColor; 5],
}

impl Theme {
    pub const LIGHT: Theme = Theme {
        background: RGBColor(255, 255, 255),
        ink: RGBColor(26, 26, 26),
        muted: RGBColor(84, 84, 84),
        grid: RGBColor(214, 214, 214),
        band: RGBColor(253, 226, 222),
        band_uncertain: RGBColor(246, 240, 238),
        accent: RGBColor(176, 32, 32),
        accent2: RGBColor(170, 85, 0),
        disputed: RGBColor(110, 80, 10),
        lanes: [
            RGBColor(192, 38, 38),
            RGBColor(30, 90, 170),
            RGBColor(110, 60, 160),
            RGBColor(20, 110, 70),
            RGBColor(100, 100, 100),
        ],
    };
    pub const DARK: Theme = Theme {
        background: RGBColor(22, 22, 24),
        ink: RGBColor(238, 238, 238),
        muted: RGBColor(180, 180, 180),
        grid: RGBColor(70, 70, 74),
        band: RGBColor(84, 30, 30),
        band_uncertain: RGBColor(52, 40, 40),
        accent: RGBColor(255, 120, 110),
        accent2: RGBColor(250, 180, 110),
        disputed: RGBColor(230, 190, 100),
        lanes: [
            RGBColor(255, 120, 110),
            RGBColor(120, 170, 255),
            RGBColor(190, 150, 255),
            RGBColor(90, 200, 140),
            RGBColor(170, 170, 170),
        ],
    };

    pub fn color(&self, p: Paint) -> RGBColor {
        match p {
            Paint::Ink => self.ink,
            Paint::Muted => self.muted,
            Paint::Grid => self.grid,
            Paint::Surface => self.background,
            Paint::Band => self.band,
            Paint::BandUncertain => self.band_uncertain,
            Paint::Accent => self.accent,
            Paint::Accent2 => self.accent2,
            Paint::Disputed => self.disputed,
            Paint::Lane(l) => {
                let i = Lane::ALL.iter().position(|x| *x == l).unwrap_or(0);
                self.lanes.get(i).copied().unwrap_or(self.ink)
            }
        }
    }
}

/// Why painting failed; plotters' own error types are not worth their size in the wasm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaintError;

fn px(v: f64) -> i32 {
    v.round() as i32
}

/// Paints every mark of `scene` in order.
pub fn paint<B: DrawingBackend>(
    scene: &Scene,
    theme: &Theme,
    backend: &mut B,
) -> Result<(), PaintError> {
    let bg = theme.background;
    backend
        .draw_rect((0, 0), (px(scene.width), px(scene.height)), &bg, true)
        .map_err(|_| PaintError)?;
    for mark in &scene.marks {
        match mark {
            Mark::Rect { x, y, w, h, fill } => backend
                .draw_rect(
                    (px(*x), px(*y)),
                    (px(x + w), px(y + h)),
                    &theme.color(*fill),
                    true,
                )
                .map_err(|_| PaintError)?,
            Mark::Line {
                x1,
                y1,
                x2,
                y2,
                paint,
                width,
            } => {
                let style = ShapeStyle {
                    color: theme.color(*paint).to_rgba(),
                    filled: false,
                    stroke_width: width.round().max(1.0) as u32,
                };
                backend
                    .draw_line((px(*x1), px(*y1)), (px(*x2), px(*y2)), &style)
                    .map_err(|_| PaintError)?
            }
            Mark::Circle {
                x,
                y,
                r,
                fill,
                hollow,
            } => {
                let color = theme.color(*fill);
                if *hollow {
                    // A ring on the background, so it reads as "not a solid fact".
                    backend
                        .draw_circle((px(*x), px(*y)), r.round() as u32, &bg, true)
                        .map_err(|_| PaintError)?;
                    let ring = ShapeStyle {
                        color: color.to_rgba(),
                        filled: false,
                        stroke_width: 2,
                    };
                    backend
                        .draw_circle((px(*x), px(*y)), r.round() as u32, &ring, false)
                        .map_err(|_| PaintError)?
                } else {
                    backend
                        .draw_circle((px(*x), px(*y)), r.round() as u32, &color, true)
                        .map_err(|_| PaintError)?
                }
            }
            Mark::Ring {
                x,
                y,
                r,
                paint,
                width,
            } => {
                let ring = ShapeStyle {
                    color: theme.color(*paint).to_rgba(),
                    filled: false,
                    stroke_width: width.round().max(1.0) as u32,
                };
                backend
                    .draw_circle((px(*x), px(*y)), r.round() as u32, &ring, false)
                    .map_err(|_| PaintError)?
            }
            Mark::Text {
                x,
                y,
                text,
                size,
                anchor,
                paint,
                bold,
            } => {
                let style = text_style(*size, *bold, *anchor, theme.color(*paint));
                backend
                    .draw_text(text, &style, (px(*x), px(*y)))
                    .map_err(|_| PaintError)?
            }
        }
    }
    backend.present().map_err(|_| PaintError)
}

fn text_style(size: f64, bold: bool, anchor: Anchor, color: RGBColor) -> Label {
    let h = match anchor {
        Anchor::Start => HPos::Left,
        Anchor::Middle => HPos::Center,
        Anchor::End => HPos::Right,
    };
    Label {
        size,
        bold,
        anchor: Pos::new(h, VPos::Center),
        color: color.to_backend_color(),
        family: FONT_STACK,
    }
}

/// The scene as an SVG document string.
pub fn svg(scene: &Scene, theme: &Theme) -> String {
    let ink = theme.ink;
    let mut backend = SvgWriter::new(
        px(scene.width).max(1) as u32,
        px(scene.height).max(1) as u32,
        plotters_backend::BackendColor {
            alpha: 1.0,
            rgb: (ink.0, ink.1, ink.2),
        },
    );
    // The SVG writer cannot fail (it appends to a string; its error type is `Never`), so there
    // is no error to pass on.
    let _ = paint(scene, theme, &mut backend);
    backend.finish()
}
