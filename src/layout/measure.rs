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

/// The width table with the reader's own letter and word spacing added (in em of the text's
/// size), for a reader who widened spacing to read more easily (WCAG 1.4.12): labels are then
/// placed for the width they will really take.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Spaced {
    pub letter_em: f64,
    pub word_em: f64,
}

impl TextMeasure for Spaced {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let chars = text.chars().count() as f64;
        let spaces = text.chars().filter(|c| *c == ' ').count() as f64;
        CharWidths.width(text, size, bold) + (self.letter_em * chars + self.word_em * spaces) * size
    }
}

/// The longest prefix of `text` that fits `max` px with an ellipsis, or `None` if not even one
/// character does. Cuts after a whole word when one fits ("Access begins…", never "Access
/// beg…"), else on a character boundary, never inside a UTF-8 sequence.
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
    let fits = |prefix: &str| {
        let candidate = format!("{}…", prefix.trim_end());
        (measure.width(&candidate, size, bold) <= max).then_some(candidate)
    };
    let words = text
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .map(|(i, _)| i)
        .filter(|&i| !text[..i].trim_end().is_empty());
    if let Some(best) = words.map_while(|i| fits(&text[..i])).last() {
        return Some(best);
    }
    let mut best = None;
    for (i, c) in text.char_indices() {
        match fits(&text[..i + c.len_utf8()]) {
            Some(candidate) => best = Some(candidate),
            None => break,
        }
    }
    best
}

/// Greedy word wrap into at most `max_lines` lines of `max` px; the last line is shortened with
/// an ellipsis if the text does not fit. Words longer than a line are cut.
pub fn wrap(
    measure: &dyn TextMeasure,
    text: &str,
    size: f64,
    bold: bool,
    max: f64,
    max_lines: usize,
) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut words = text.split(' ').peekable();
    while let Some(word) = words.next() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if measure.width(&candidate, size, bold) <= max || current.is_empty() {
            current = candidate;
            continue;
        }
        if lines.len() + 1 == max_lines {
            // Last line: everything left, shortened.
            let rest: Vec<&str> = std::iter::once(word).chain(words.by_ref()).collect();
            current = format!("{current} {}", rest.join(" "));
            break;
        }
        lines.push(std::mem::take(&mut current));
        current = word.to_string();
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
        .into_iter()
        .filter_map(|l| shorten(measure, &l, size, bold, max))
        .collect()
}
