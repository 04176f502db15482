//! A place in a dataset's text: a 1-based line and column, columns counted in characters.
//! A leaf: the problems (`issue`), the parser (`json`) and the scanner (`position`) all use it.

/// A 1-based line and column (in characters; past 2^32 − 1, that).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// A line and column in serde_json's terms (the column in bytes) → in characters, in the text
/// as it was parsed.
pub fn char_column(text: &str, line: usize, byte_column: usize) -> Position {
    let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let Some(this) = text.split('\n').nth(line.saturating_sub(1)) else {
        return Position {
            line: small(line),
            column: small(byte_column),
        };
    };
    let bytes = this.as_bytes();
    let upto = &bytes[..byte_column.min(bytes.len())];
    // Characters that start before the column: a character cut by it counts, as serde_json
    // points just past the first byte it could not read.
    let chars = upto.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    Position {
        line: small(line),
        column: small(chars.max(1) + byte_column.saturating_sub(bytes.len())),
    }
}
