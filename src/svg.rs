//! A plotters `DrawingBackend` that writes compact SVG: integer coordinates, CSS pixel font
//! sizes, escaped text. It replaces plotters' own SVG backend in the page because that one,
//! with plotters' font layer behind its text styles, cost the wasm about 25 KB gzip
//! (toolchain.md: "the same drawing as hand-written SVG strings: +3.4 KB"). Anything written
//! against the trait, like `render::paint`, draws on either.

use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontFamily, FontStyle,
};
use std::fmt;

/// Writing into a `String` cannot fail; this error type is never built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Never {}

impl fmt::Display for Never {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}

impl std::error::Error for Never {}

/// An SVG document being written.
pub struct SvgWriter {
    out: String,
    size: (u32, u32),
    /// The root's fill: the labels' usual colour.
    text: BackendColor,
}

/// `#rrggbb` (alpha is always 1 in our themes).
fn hex(out: &mut String, c: BackendColor) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    out.push('#');
    for v in [c.rgb.0, c.rgb.1, c.rgb.2] {
        out.push(char::from(DIGITS[usize::from(v >> 4)]));
        out.push(char::from(DIGITS[usize::from(v & 15)]));
    }
}

/// Text and attribute values escaped for XML.
pub fn escape(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The size of most labels (the layout's small text), set once on the root.
const ROOT_FONT_SIZE: i64 = 12;

impl SvgWriter {
    /// An empty drawing; labels painted in `text` (the theme's ink) carry no fill of their own.
    pub fn new(width: u32, height: u32, text: BackendColor) -> SvgWriter {
        let (w, h) = (width.to_string(), height.to_string());
        let mut out = String::with_capacity(16 * 1024);
        out.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
        out.push_str(&w);
        out.push_str("\" height=\"");
        out.push_str(&h);
        out.push_str("\" viewBox=\"0 0 ");
        out.push_str(&w);
        out.push(' ');
        out.push_str(&h);
        // Every label inherits the reader's fonts, and the commonest size, from here: once
        // per drawing, not per label.
        out.push_str("\" fill=\"");
        hex(&mut out, text);
        out.push_str("\" font-size=\"");
        out.push_str(&ROOT_FONT_SIZE.to_string());
        out.push_str("\" font-family=\"");
        escape(&mut out, crate::render::FONT_STACK);
        out.push_str("\">");
        SvgWriter {
            out,
            size: (width, height),
            text,
        }
    }

    /// The finished document.
    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }

    fn attr(&mut self, name: &str, value: i64) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.out.push_str(&value.to_string());
        self.out.push('"');
    }

    /// A stroke's width, unless it is SVG's default of 1.
    fn stroke_width(&mut self, width: u32) {
        if width != 1 {
            self.attr("stroke-width", width.into());
        }
    }

    fn paint(&mut self, name: &str, c: BackendColor) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        hex(&mut self.out, c);
        self.out.push('"');
    }
}

type Result<T = ()> = std::result::Result<T, DrawingErrorKind<Never>>;

impl DrawingBackend for SvgWriter {
    type ErrorType = Never;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }
    fn present(&mut self) -> Result {
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Result {
        self.out.push_str("<rect");
        self.attr("x", x.into());
        self.attr("y", y.into());
        self.out.push_str(" width=\"1\" height=\"1\"");
        self.paint("fill", color);
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        self.out.push_str("<line");
        self.attr("x1", from.0.into());
        self.attr("y1", from.1.into());
        self.attr("x2", to.0.into());
        self.attr("y2", to.1.into());
        self.paint("stroke", style.color());
        self.stroke_width(style.stroke_width());
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        self.out.push_str("<rect");
        self.attr("x", upper_left.0.into());
        self.attr("y", upper_left.1.into());
        self.attr("width", i64::from(bottom_right.0 - upper_left.0).max(0));
        self.attr("height", i64::from(bottom_right.1 - upper_left.1).max(0));
        if fill {
            self.paint("fill", style.color());
        } else {
            self.out.push_str(" fill=\"none\"");
            self.paint("stroke", style.color());
        }
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result {
        self.out.push_str("<circle");
        self.attr("cx", center.0.into());
        self.attr("cy", center.1.into());
        self.attr("r", radius.into());
        if fill {
            self.paint("fill", style.color());
        } else {
            self.out.push_str(" fill=\"none\"");
            self.paint("stroke", style.color());
            self.stroke_width(style.stroke_width());
        }
        self.out.push_str("/>");
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> Result {
        self.out.push_str("<text");
        self.attr("x", pos.0.into());
        let anchor = style.anchor();
        // Centred text is set on its alphabetic baseline, 0.35 em below the centre (where
        // `dominant-baseline="central"` would put it): the same place, 28 bytes less per label.
        let y = match anchor.v_pos {
            VPos::Center => pos.1 + (style.size() * 0.35).round() as i32,
            VPos::Top | VPos::Bottom => pos.1,
        };
        self.attr("y", y.into());
        let size = style.size().round() as i64;
        if size != ROOT_FONT_SIZE {
            self.attr("font-size", size);
        }
        let family = style.family();
        if family.as_str() != crate::render::FONT_STACK {
            self.out.push_str(" font-family=\"");
            escape(&mut self.out, family.as_str());
            self.out.push('"');
        }
        self.out.push_str(match anchor.h_pos {
            HPos::Left => "",
            HPos::Center => " text-anchor=\"middle\"",
            HPos::Right => " text-anchor=\"end\"",
        });
        self.out.push_str(match anchor.v_pos {
            VPos::Top => " dominant-baseline=\"hanging\"",
            VPos::Center => "",
            VPos::Bottom => "",
        });
        if matches!(style.style(), FontStyle::Bold) {
            self.out.push_str(" font-weight=\"bold\"");
        }
        let color = style.color();
        if (color.rgb, color.alpha) != (self.text.rgb, self.text.alpha) {
            self.paint("fill", color);
        }
        self.out.push('>');
        escape(&mut self.out, text);
        self.out.push_str("</text>");
        Ok(())
    }
}

/// A text style for any plotters backend, without plotters' font layer: size in CSS px, weight,
/// anchor, colour, and the reader's system font stack.
#[derive(Clone, Copy)]
pub struct Label {
    pub size: f64,
    pub bold: bool,
    pub anchor: Pos,
    pub color: BackendColor,
    pub family: &'static str,
}

impl BackendTextStyle for Label {
    type FontError = Never;

    fn color(&self) -> BackendColor {
        self.color
    }
    fn size(&self) -> f64 {
        self.size
    }
    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }
    fn anchor(&self) -> Pos {
        self.anchor
    }
    fn family(&self) -> FontFamily<'_> {
        FontFamily::Name(self.family)
    }
    /// Layout never asks a backend to measure (it has its own width table); a raster backend
    /// gets a box from the same table.
    fn layout_box(&self, text: &str) -> std::result::Result<((i32, i32), (i32, i32)), Never> {
        use crate::layout::TextMeasure;
        let w = crate::layout::CharWidths.width(text, self.size, self.bold);
        Ok(((0, 0), (w.round() as i32, self.size.round() as i32)))
    }
    /// No glyph rasteriser is compiled in: raster backends draw no text.
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> std::result::Result<(), E>>(
        &self,
        _text: &str,
        _pos: BackendCoord,
        _draw: F,
    ) -> std::result::Result<std::result::Result<(), E>, Never> {
        Ok(Ok(()))
    }
}
