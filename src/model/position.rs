//! Where a problem is in the dataset's text: the line and column of the value a path names.
//!
//! The validator names places by JSON path (`events[3].date`); an author's editor wants a line
//! and a column. [`locate`] finds every asked-for path in one pass over the text, with a small
//! scanner of its own: it never panics or recurses, whatever the text (not JSON, nested past
//! any limit, a broken `\u` escape), and takes time linear in the text and the paths' length.
//!
//! Lines count from 1 at each `\n` (so `\r\n` too); columns count characters from 1, not bytes
//! (a Korean syllable is one column). A byte order mark at the start is not counted.

use super::issue::{Issue, ItemKind, Problem, Within};
use super::json::Json;
pub use super::line_column::{char_column, Position};
use super::{Lang, Text};
use std::collections::BTreeMap;

/// Gives each issue its place: the list items its path is in (from the parsed `tree`) and its
/// line and column (from the `text`, when the dataset was read from text). A syntax error keeps
/// its own line and column; a problem with the file as a whole has none.
pub fn place(issues: &mut [Issue], tree: Option<&Json>, text: Option<&str>) {
    if let Some(root) = tree {
        for issue in issues.iter_mut() {
            issue.within = within(root, &issue.path).into();
        }
    }
    let Some(text) = text else { return };
    let spots = {
        let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
        locate(text, &paths)
    };
    for (issue, spot) in issues.iter_mut().zip(spots) {
        issue.at = match &issue.problem {
            Problem::Syntax { line, column, .. } => Some(Position {
                line: u32::try_from(*line).unwrap_or(u32::MAX),
                column: u32::try_from(*column).unwrap_or(u32::MAX),
            }),
            Problem::NotJson { detail } => from_browser_message(text, detail),
            Problem::TrailingComma => issue.at,
            Problem::Load { .. }
            | Problem::TooDeep { .. }
            | Problem::TooLarge { .. }
            | Problem::RefersToItself => None,
            // A misspelt field is pointed at by its key, a repeated one by its second key.
            Problem::UnknownField { .. } => spot.key.or(spot.value_or_parent()),
            Problem::DuplicateField { .. } => spot.again.or(spot.key).or(spot.value_or_parent()),
            _ => spot.value_or_parent(),
        };
        if matches!(
            issue.problem,
            Problem::Syntax { .. } | Problem::NotJson { .. }
        ) {
            if let Some(comma) = issue.at.and_then(|at| trailing_comma(text, at)) {
                issue.problem = Problem::TrailingComma;
                issue.at = Some(comma);
            }
        }
    }
}

/// Where a syntax error is the bracket that closes a list or object right after a comma: the
/// comma's place.
fn trailing_comma(text: &str, at: Position) -> Option<Position> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut line = usize::try_from(at.line).ok()?.checked_sub(1)?;
    let column = usize::try_from(at.column).ok()?.checked_sub(1)?;
    let bracket = lines.get(line)?.chars().nth(column)?;
    if bracket != '}' && bracket != ']' {
        return None;
    }
    let mut before = column;
    loop {
        let chars: Vec<char> = lines.get(line)?.chars().take(before).collect();
        if let Some(k) = chars.iter().rposition(|c| !c.is_whitespace()) {
            return (chars.get(k) == Some(&',')).then(|| Position {
                line: u32::try_from(line + 1).unwrap_or(u32::MAX),
                column: u32::try_from(k + 1).unwrap_or(u32::MAX),
            });
        }
        line = line.checked_sub(1)?;
        before = usize::MAX;
    }
}

/// The list items `path` goes through in `root`, outermost first, each with its name.
pub fn within(root: &Json, path: &str) -> Vec<Within> {
    let mut out = Vec::new();
    let mut value = root;
    let mut key: Option<&str> = None;
    let mut rest = path;
    let mut started = false;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let Some((digits, after)) = after.split_once(']') else {
                break;
            };
            let (Ok(index), Json::Array(items)) = (digits.parse::<usize>(), value) else {
                break;
            };
            let Some(item) = items.get(index) else { break };
            if let (Some(list), Json::Object(fields)) = (key, item) {
                out.push(Within {
                    kind: ItemKind::of_list(list),
                    index,
                    name: name(fields),
                });
            }
            value = item;
            key = None;
            rest = after;
            started = true;
        } else {
            // Keys are joined with `.`, except the first.
            let after = if started {
                rest.strip_prefix('.').unwrap_or(rest)
            } else {
                rest
            };
            let end = after.find(['.', '[']).unwrap_or(after.len());
            let (name, after) = after.split_at(end);
            let Json::Object(fields) = value else { break };
            let Some((_, v)) = fields.iter().find(|(k, _)| k == name) else {
                break;
            };
            value = v;
            key = Some(name);
            rest = after;
            started = true;
        }
    }
    out
}

/// What an item is called: its title, label, subject, author or publisher, else its id.
fn name(fields: &[(String, Json)]) -> Option<Text> {
    let field = |k: &str| fields.iter().find(|(key, _)| key == k).map(|(_, v)| v);
    [
        "title",
        "label",
        "subject",
        "by",
        "publisher",
        "claim",
        "id",
        "about",
    ]
    .into_iter()
    .find_map(|k| match field(k)? {
        Json::String(s) if !s.trim().is_empty() => Some(Text::new(vec![(Lang::En, s.clone())])),
        Json::Object(texts) => {
            let values: Vec<(Lang, String)> = texts
                .iter()
                .filter_map(|(code, v)| match v {
                    Json::String(s) if !s.trim().is_empty() => Some((
                        Lang::from_tag(code).filter(|l| l.code() == code)?,
                        s.clone(),
                    )),
                    _ => None,
                })
                .collect();
            (!values.is_empty()).then(|| Text::new(values))
        }
        _ => None,
    })
}

/// The place a browser's `JSON.parse` message names: "line 4 column 3" (Firefox, and recent
/// Chrome), or "position 42" (a count of UTF-16 units, older Chrome); Safari names none.
pub fn from_browser_message(text: &str, detail: &str) -> Option<Position> {
    let number_after = |word: &str| -> Option<u32> {
        let at = detail.find(word)? + word.len();
        let digits: String = detail
            .get(at..)?
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    };
    if let (Some(line), Some(column)) = (number_after("line "), number_after(" column ")) {
        return Some(Position { line, column });
    }
    let units = number_after("position ")?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (mut line, mut column, mut seen) = (1u32, 1u32, 0usize);
    for c in text.chars() {
        if seen >= units as usize {
            break;
        }
        seen += c.len_utf16();
        if c == '\n' {
            line = line.saturating_add(1);
            column = 1;
        } else {
            column = column.saturating_add(1);
        }
    }
    Some(Position { line, column })
}

/// What the text holds at one path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Spot {
    /// Where the value at the path starts (its first occurrence, for a key given twice).
    pub value: Option<Position>,
    /// Where its key starts, when it is a member of an object.
    pub key: Option<Position>,
    /// Where the key of a later occurrence of the same path starts (a key given twice).
    pub again: Option<Position>,
    /// Where the nearest enclosing value that is in the text starts: for a missing key, its
    /// object.
    pub parent: Option<Position>,
}

impl Spot {
    /// The value, else the nearest enclosing one.
    pub fn value_or_parent(&self) -> Option<Position> {
        self.value.or(self.parent)
    }
}

/// The position of the value at `path` (as the validator writes paths), or of the nearest
/// enclosing value in the text when there is none at the path itself.
pub fn position(text: &str, path: &str) -> Option<Position> {
    locate(text, &[path])
        .first()
        .and_then(Spot::value_or_parent)
}

/// One pass over `text` finding each of `paths`; the result has one spot per path, in order.
pub fn locate(text: &str, paths: &[&str]) -> Vec<Spot> {
    let mut trie = Trie::default();
    let ends: Vec<Vec<usize>> = paths.iter().map(|p| trie.insert(p)).collect();
    scan(text, &mut trie);
    paths
        .iter()
        .zip(ends)
        .map(|(path, nodes)| {
            // `nodes[i]` is the node of the path's first `i` characters.
            let end = nodes.last().copied().unwrap_or(0);
            let here = trie.nodes.get(end).and_then(|n| n.seen);
            // The enclosing values: the prefixes ending before a `.` or `[` (counted in
            // characters), and the root.
            let cuts: Vec<usize> = path
                .chars()
                .enumerate()
                .filter(|&(_, c)| c == '.' || c == '[')
                .map(|(n, _)| n)
                .collect();
            let parent = cuts
                .into_iter()
                .rev()
                .chain(std::iter::once(0))
                .find_map(|n| {
                    let node = *nodes.get(n)?;
                    trie.nodes.get(node)?.seen.map(|s| s.value)
                });
            Spot {
                value: here.map(|s| s.value),
                key: here.and_then(|s| s.key),
                again: trie.nodes.get(end).and_then(|n| n.again),
                parent,
            }
        })
        .collect()
}

/// Where a value was first seen at a node's path.
#[derive(Debug, Clone, Copy)]
struct Seen {
    key: Option<Position>,
    value: Position,
}

#[derive(Default)]
struct Node {
    next: BTreeMap<char, usize>,
    seen: Option<Seen>,
    again: Option<Position>,
}

/// The asked-for paths, character by character: the scanner follows it while the path it is
/// at is a prefix of one asked for, and skips everything else unread.
struct Trie {
    nodes: Vec<Node>,
}

impl Default for Trie {
    fn default() -> Trie {
        Trie {
            nodes: vec![Node::default()],
        }
    }
}

impl Trie {
    /// Adds a path; returns the node after each of its characters (the root first).
    fn insert(&mut self, path: &str) -> Vec<usize> {
        let mut at = 0;
        let mut nodes = vec![0];
        for c in path.chars() {
            at = match self.step(at, c) {
                Some(n) => n,
                None => {
                    let n = self.nodes.len();
                    self.nodes.push(Node::default());
                    if let Some(node) = self.nodes.get_mut(at) {
                        node.next.insert(c, n);
                    }
                    n
                }
            };
            nodes.push(at);
        }
        nodes
    }

    fn step(&self, at: usize, c: char) -> Option<usize> {
        self.nodes.get(at)?.next.get(&c).copied()
    }

    fn walk(&self, at: Option<usize>, s: &str) -> Option<usize> {
        s.chars().try_fold(at?, |n, c| self.step(n, c))
    }

    fn record(&mut self, at: Option<usize>, key: Option<Position>, value: Position) {
        let Some(node) = at.and_then(|n| self.nodes.get_mut(n)) else {
            return;
        };
        if node.seen.is_none() {
            node.seen = Some(Seen { key, value });
        } else if key.is_some() {
            node.again = key;
        }
    }
}

/// A cursor over the text that keeps the line and column.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
    line: u32,
    column: u32,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.text.get(self.at..)?.chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        if c == '\n' {
            self.line = self.line.saturating_add(1);
            self.column = 1;
        } else {
            self.column = self.column.saturating_add(1);
        }
        Some(c)
    }

    fn position(&self) -> Position {
        Position {
            line: self.line,
            column: self.column,
        }
    }

    /// Past a string whose opening quote was read; its characters go through `trie` from `at`
    /// (escapes decoded) while they stay on it. Returns the node at its end.
    fn string(&mut self, trie: &Trie, mut at: Option<usize>) -> Option<usize> {
        while let Some(c) = self.bump() {
            let c = match c {
                '"' => return at,
                '\\' => match self.bump() {
                    Some('u') => self.unicode(),
                    Some('n') => '\n',
                    Some('t') => '\t',
                    Some('r') => '\r',
                    Some('b') => '\u{8}',
                    Some('f') => '\u{c}',
                    Some(other) => other,
                    None => return None,
                },
                c => c,
            };
            at = at.and_then(|n| trie.step(n, c));
        }
        None
    }

    /// The character of a `\u` escape whose `\u` was read (a pair for one beyond the BMP);
    /// U+FFFD for a broken one.
    fn unicode(&mut self) -> char {
        let Some(high) = self.hex4() else {
            return char::REPLACEMENT_CHARACTER;
        };
        if !(0xD800..0xDC00).contains(&high) {
            return char::from_u32(high).unwrap_or(char::REPLACEMENT_CHARACTER);
        }
        if self
            .text
            .get(self.at..)
            .is_some_and(|r| r.starts_with("\\u"))
        {
            let save = (self.at, self.line, self.column);
            self.bump();
            self.bump();
            match self.hex4() {
                Some(low) if (0xDC00..0xE000).contains(&low) => {
                    let c = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                    return char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER);
                }
                // Not a low half: leave the escape to be read on its own.
                _ => (self.at, self.line, self.column) = save,
            }
        }
        char::REPLACEMENT_CHARACTER
    }

    /// Four hex digits, or `None` (having read up to the first that is not one).
    fn hex4(&mut self) -> Option<u32> {
        let mut v = 0;
        for _ in 0..4 {
            let d = self.peek()?.to_digit(16)?;
            self.bump();
            v = v * 16 + d;
        }
        Some(v)
    }
}

enum Frame {
    Object {
        node: Option<usize>,
        /// The node of the member whose value comes next, and where its key starts.
        member: Option<(Option<usize>, Position)>,
        /// Between `{`/`,` and a key.
        want_key: bool,
    },
    Array {
        node: Option<usize>,
        index: usize,
    },
}

/// Walks the text once, recording in `trie` where each value on it starts. Tolerant: anything
/// that is not JSON is stepped over, one character at least per turn.
fn scan(text: &str, trie: &mut Trie) {
    let mut cur = Cursor {
        text: text.strip_prefix('\u{feff}').unwrap_or(text),
        at: 0,
        line: 1,
        column: 1,
    };
    let mut stack: Vec<Frame> = Vec::new();
    let mut root_seen = false;
    while let Some(c) = cur.peek() {
        if c.is_whitespace() {
            cur.bump();
            continue;
        }
        let here = cur.position();
        match c {
            '}' | ']' | ':' | ',' => {
                cur.bump();
                match (c, stack.last_mut()) {
                    ('}' | ']', _) => {
                        stack.pop();
                    }
                    (
                        ',',
                        Some(Frame::Object {
                            want_key, member, ..
                        }),
                    ) => {
                        *want_key = true;
                        *member = None;
                    }
                    (',', Some(Frame::Array { index, .. })) => *index += 1,
                    _ => {}
                }
                continue;
            }
            '"' => {
                if let Some(Frame::Object {
                    node,
                    member,
                    want_key: want @ true,
                }) = stack.last_mut()
                {
                    cur.bump();
                    // The member's path: `key` at the top, `parent.key` below it.
                    let start = match *node {
                        Some(0) => Some(0),
                        other => other.and_then(|n| trie.step(n, '.')),
                    };
                    let end = cur.string(trie, start);
                    *member = Some((end, here));
                    *want = false;
                    continue;
                }
            }
            _ => {}
        }
        // A value starts here: find its path's node.
        let (node, key) = match stack.last_mut() {
            None if !root_seen => {
                root_seen = true;
                (Some(0), None)
            }
            None => (None, None),
            Some(Frame::Array { node, index }) => {
                let n = trie.walk(*node, "[");
                let n = trie.walk(n, &index.to_string());
                (trie.walk(n, "]"), None)
            }
            Some(Frame::Object { member, .. }) => match member.take() {
                Some((n, k)) => (n, Some(k)),
                None => (None, None),
            },
        };
        trie.record(node, key, here);
        match c {
            '{' => {
                cur.bump();
                stack.push(Frame::Object {
                    node,
                    member: None,
                    want_key: true,
                });
            }
            '[' => {
                cur.bump();
                stack.push(Frame::Array { node, index: 0 });
            }
            '"' => {
                cur.bump();
                cur.string(trie, None);
            }
            _ => {
                // A number, `true`, `false`, `null` — or anything else: up to the next
                // structural character or space.
                cur.bump();
                while let Some(c) = cur.peek() {
                    if c.is_whitespace() || "{}[],:\"".contains(c) {
                        break;
                    }
                    cur.bump();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: u32, column: u32) -> Option<Position> {
        Some(Position { line, column })
    }

    #[test]
    fn finds_values_keys_and_parents() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": {\"d\": 2, \"d\": 3}\n}";
        let spots = locate(text, &["a[1].b", "a[1].z", "c.d", "", "a[0]"]);
        assert_eq!(spots[0].value, p(2, 18));
        assert_eq!(spots[0].key, p(2, 13));
        assert_eq!(spots[1].value, None);
        assert_eq!(spots[1].parent, p(2, 12));
        assert_eq!(spots[2].key, p(3, 9));
        assert_eq!(spots[2].again, p(3, 17));
        assert_eq!(spots[3].value, p(1, 1));
        assert_eq!(spots[4].value, p(2, 9));
    }

    #[test]
    fn columns_count_characters_and_skip_a_bom() {
        let text = "\u{feff}{\"제목\": \"가나다\", \"k\": 1}";
        assert_eq!(position(text, "k"), p(1, 20));
        assert_eq!(position(text, "제목"), p(1, 8));
    }

    #[test]
    fn escaped_keys_are_decoded() {
        let text = r#"{"\u0061\ud83d\ude00": 1, "\ud800": 2}"#;
        assert_eq!(position(text, "a\u{1f600}"), p(1, 24));
        assert_eq!(position(text, "\u{fffd}"), p(1, 37));
    }

    #[test]
    fn serde_json_byte_columns_become_characters() {
        let text = "{\"가\": 1,\n \"나\": x}";
        assert_eq!(char_column(text, 2, 9), Position { line: 2, column: 7 });
    }
}
