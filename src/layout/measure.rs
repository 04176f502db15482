//! Text width without a DOM: a calibrated table of character advances (in em) for common sans
//! serif system fonts, rounded up so a label measured here is never narrower than drawn.
//! The same numbers natively and in the browser keep layout tests true to the page.

pub trait TextMeasure {
    /// Width in CSS px of `text` at `size` px.
    fn width(&self, text: &str, size: f64, bold: bool) -> f64;
}

#[derive(Debug, Clone, Copy, Default)]
pub struct CharWidths;

/// Advance of one character in em, taken as the widest of Arial, Helvetica, Roboto, Segoe UI,
/// Noto Sans and DejaVu Sans (Linux's default, the widest) for its class.
fn advance(c: char) -> f64 {
    match c {
        ' ' => 0.32,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '·' => 0.32,
        'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '-' | '‘' | '’' => 0.42,
        'm' | 'w' | 'M' | 'W' | '@' | '%' | '—' => 0.98,
        '0'..='9' => 0.64,
        'a'..='z' => 0.62,
        'A'..='Z' => 0.74,
        '…' | '–' | '₩' | '$' | '€' | '←' | '→' => 0.8,
        // Hangul, CJK ideographs and full-width forms are one em wide.
        '\u{1100}'..='\u{11FF}'
        | '\u{3000}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{FF00}'..='\u{FFEF}' => 1.0,
        _ => 0.7,
    }
}

impl TextMeasure for CharWidths {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let em: f64 = text.chars().map(advance).sum();
        em * size * if bold { 1.1 } else { 1.0 }
    }
}

/// The longest prefix of `text` that fits `max` px with an ellipsis, or `None` if not even one
/// character does. Cuts on character boundaries, never inside a UTF-8 sequence.
pub fn shorten(
    measure: &dyn TextMeasure,
    text: &str,
    size: f64,
    bold: bool,
    max: f64,
) -> Option<String> {
    if measure.width(text, size, bold) <= max {
        return Some(text.to_string());
    }
    let mut out = String::new();
    let mut best = None;
    for c in text.chars() {
        out.push(c);
        let candidate = format!("{}…", out.trim_end());
        if measure.width(&candidate, size, bold) > max {
            break;
        }
        best = Some(candidate);
    }
    best
}
