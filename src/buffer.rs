//! The text being cleaned, with a map from every current offset back to the input.
//!
//! The edit buffer of the text phase (`src/text/`). Offsets here are
//! byte offsets: into the current text, and (origins) into the plain view of the
//! input the buffer started from. The view has the input's characters one for
//! one (Unicode spaces as ' ', line breaks as '\n'), so a character offset into
//! the view is one into the input; `CharOffsets` turns view bytes into those.

/// The input as rules see it: Unicode spaces as ' ', line breaks as '\n', `\r` before
/// a line break as ' ' and any other `\r` as '\n'; as many characters as the input.
/// (A `\r` before U+2028 is one before a line break: the Python view turned U+2028
/// into '\n' first.)
pub fn plain_view(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut view = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(candidate) = next_may_change(bytes, at) {
        at = candidate + 1;
        if candidate < copied {
            continue;
        }
        if let Some((length, plain)) = changed_at(bytes, candidate) {
            if view.capacity() == 0 {
                view.reserve(text.len());
            }
            view.push_str(&text[copied..candidate]);
            view.push(plain);
            copied = candidate + length;
        }
    }
    if copied == 0 {
        return text.to_string();
    }
    view.push_str(&text[copied..]);
    view
}

/// Whether the view differs from `text` (most texts read as they are).
pub fn changes_in_view(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(candidate) = next_may_change(bytes, at) {
        if changed_at(bytes, candidate).is_some() {
            return true;
        }
        at = candidate + 1;
    }
    false
}

/// Whether a byte may start a character the view changes: the ASCII spaces and breaks
/// it turns, and the lead bytes of the others.
fn may_change(byte: u8) -> bool {
    matches!(
        byte,
        b'\t' | 0x0b | 0x0c | b'\r' | 0xC2 | 0xE1 | 0xE2 | 0xE3
    )
}

/// The offset of the first byte at or after `from` that `may_change`.
///
/// Eight bytes at a time: a word with no byte below 0x0E and none above 0x7F holds
/// none (the test for a byte below n is the classic one for n <= 128), so most of an
/// ASCII text is passed over a word at a time; other words are looked at byte by byte.
fn next_may_change(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut at = from;
    while at + 8 <= bytes.len() {
        let word = u64::from_ne_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
        let below = word.wrapping_sub(ONES * 0x0E) & !word & HIGH;
        if below == 0 && word & HIGH == 0 {
            at += 8;
            continue;
        }
        if let Some(offset) = bytes[at..at + 8].iter().position(|&byte| may_change(byte)) {
            return Some(at + offset);
        }
        at += 8;
    }
    let rest = bytes.get(at..)?;
    rest.iter()
        .position(|&byte| may_change(byte))
        .map(|offset| at + offset)
}

/// The length in bytes of the character at `at` and what the view has for it, when the
/// view changes it: a Unicode space (U+00A0, U+1680, U+2000..U+200A, U+202F, U+205F,
/// U+3000, tab, form feed, vertical tab) as ' ', a line break (U+0085, U+2028, U+2029,
/// a lone `\r`) as '\n', and `\r` before a line break as ' '.
fn changed_at(bytes: &[u8], at: usize) -> Option<(usize, char)> {
    let next = |offset: usize| bytes.get(at + offset).copied().unwrap_or(0);
    match bytes[at] {
        b'\t' | 0x0b | 0x0c => Some((1, ' ')),
        b'\r' => {
            let before_break = matches!(
                (next(1), next(2), next(3)),
                (b'\n', _, _) | (0xC2, 0x85, _) | (0xE2, 0x80, 0xA8 | 0xA9)
            );
            Some((1, if before_break { ' ' } else { '\n' }))
        }
        0xC2 => match next(1) {
            0x85 => Some((2, '\n')),
            0xA0 => Some((2, ' ')),
            _ => None,
        },
        0xE1 => (next(1) == 0x9A && next(2) == 0x80).then_some((3, ' ')),
        0xE2 => match (next(1), next(2)) {
            (0x80, 0x80..=0x8A | 0xAF) | (0x81, 0x9F) => Some((3, ' ')),
            (0x80, 0xA8 | 0xA9) => Some((3, '\n')),
            _ => None,
        },
        0xE3 => (next(1) == 0x80 && next(2) == 0x80).then_some((3, ' ')),
        _ => None,
    }
}

/// Replace current `text[start..end]` with `replacement` (empty to delete).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

impl Edit {
    /// Delete current `text[start..end]`.
    pub fn delete(start: usize, end: usize) -> Edit {
        Edit {
            start,
            end,
            replacement: String::new(),
        }
    }
}

/// A piece of the current text and where it came from: `origin` is its offset in
/// the view, None for inserted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    start: usize,
    end: usize,
    origin: Option<usize>,
}

/// The current text plus the piece table that maps it back to the view of the input.
#[derive(Debug, Clone)]
pub struct TextBuffer {
    view: String,
    text: String,
    segments: Vec<Segment>,
    /// Bumped by every edit.
    pub version: u64,
    /// Bumped by edits that change text within a line rather than only emptying whole
    /// lines: only those can create new line-local matches.
    pub inline_version: u64,
    /// See `landed`.
    landed: Vec<(usize, usize)>,
    /// See `moved`.
    moved: Vec<Moved>,
}

/// Where one edit of the last `apply` took text: the span it replaced in the text
/// before, and the span its replacement takes in the text after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moved {
    pub before: (usize, usize),
    pub after: (usize, usize),
}

impl TextBuffer {
    pub fn new(source: &str) -> TextBuffer {
        TextBuffer::of_view(plain_view(source))
    }

    /// The buffer of a text whose plain view (`plain_view`) is already made.
    pub fn of_view(view: String) -> TextBuffer {
        let segments = if view.is_empty() {
            Vec::new()
        } else {
            vec![Segment {
                start: 0,
                end: view.len(),
                origin: Some(0),
            }]
        };
        TextBuffer {
            text: view.clone(),
            view,
            segments,
            version: 0,
            inline_version: 0,
            landed: Vec::new(),
            moved: Vec::new(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The view of the input the buffer started from.
    pub fn view(&self) -> &str {
        &self.view
    }

    /// Apply non-overlapping edits (overlapping deletions are joined) and return the
    /// view spans they removed, in order, adjacent pieces joined.
    pub fn apply(&mut self, edits: Vec<Edit>) -> Vec<(usize, usize)> {
        let edits = merge(edits);
        if edits.is_empty() {
            return Vec::new();
        }
        let inline = !edits
            .iter()
            .all(|edit| empties_whole_lines(&self.text, edit));
        self.landed.clear();
        self.moved.clear();
        let old = std::mem::take(&mut self.segments);
        let mut removed = Vec::new();
        let mut text = String::with_capacity(self.text.len());
        let mut segments = Vec::with_capacity(old.len() + edits.len());
        let (mut index, mut cursor) = (0, 0);
        for edit in &edits {
            index = shift_segments(&old, index, cursor, edit.start, text.len(), &mut segments);
            text.push_str(&self.text[cursor..edit.start]);
            let landed = text.len();
            removed.extend(
                origins(&old, index, edit.start, edit.end)
                    .into_iter()
                    .filter(|(lo, hi)| hi > lo),
            );
            if !edit.replacement.is_empty() {
                let at = text.len();
                segments.push(Segment {
                    start: at,
                    end: at + edit.replacement.len(),
                    origin: None,
                });
                text.push_str(&edit.replacement);
            }
            if inline {
                self.landed.push((landed, text.len()));
            }
            self.moved.push(Moved {
                before: (edit.start, edit.end),
                after: (landed, text.len()),
            });
            cursor = edit.end;
        }
        let end = self.text.len();
        shift_segments(&old, index, cursor, end, text.len(), &mut segments);
        text.push_str(&self.text[cursor..]);
        self.text = text;
        self.segments = segments;
        self.version += 1;
        if inline {
            self.inline_version += 1;
        }
        removed
    }

    /// The edits of the last `apply` (the one that made `version`), in order: what
    /// each replaced and where its replacement now stands.
    pub fn moved(&self) -> &[Moved] {
        &self.moved
    }

    /// Where the edits that last bumped `inline_version` landed in the current text:
    /// the span each one's replacement takes (empty for a deletion). Only lines these
    /// touch can hold a line-local match the text before the edit did not.
    pub fn landed(&self) -> &[(usize, usize)] {
        &self.landed
    }

    /// The view spans that current `text[start..end]` came from (inserted text has none).
    pub fn origin_span(&self, start: usize, end: usize) -> Vec<(usize, usize)> {
        let index = self
            .segments
            .partition_point(|segment| segment.start <= start)
            .saturating_sub(1);
        origins(&self.segments, index, start, end)
    }

    /// The current text as (current span, view origin or None for inserted text).
    pub fn pieces(&self) -> Vec<((usize, usize), Option<usize>)> {
        self.segments
            .iter()
            .map(|segment| ((segment.start, segment.end), segment.origin))
            .collect()
    }
}

/// Whether the edit deletes exactly whole lines' content, leaving their newlines.
fn empties_whole_lines(text: &str, edit: &Edit) -> bool {
    let bytes = text.as_bytes();
    edit.replacement.is_empty()
        && (edit.start == 0 || bytes[edit.start - 1] == b'\n')
        && (edit.end == bytes.len() || bytes[edit.end] == b'\n')
}

/// Append the pieces of `old[index..]` covering `text[start..end]`, moved to `at`.
/// Returns the index of the first segment that reaches past `end`.
fn shift_segments(
    old: &[Segment],
    mut index: usize,
    start: usize,
    end: usize,
    at: usize,
    out: &mut Vec<Segment>,
) -> usize {
    while index < old.len() && old[index].end <= start {
        index += 1;
    }
    while index < old.len() {
        let segment = old[index];
        if segment.start >= end {
            break;
        }
        let (lo, hi) = (start.max(segment.start), end.min(segment.end));
        if hi > lo {
            out.push(Segment {
                start: at + lo - start,
                end: at + hi - start,
                origin: segment.origin.map(|origin| origin + lo - segment.start),
            });
        }
        if segment.end > end {
            break;
        }
        index += 1;
    }
    index
}

/// The view spans `text[start..end]` came from, adjacent ones joined.
fn origins(old: &[Segment], index: usize, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for segment in &old[index.min(old.len())..] {
        if segment.start >= end {
            break;
        }
        let Some(origin) = segment.origin else {
            continue;
        };
        if segment.end > start {
            let lo = start.max(segment.start) - segment.start + origin;
            let hi = end.min(segment.end) - segment.start + origin;
            match spans.last_mut() {
                Some(last) if last.1 == lo => last.1 = hi,
                _ => spans.push((lo, hi)),
            }
        }
    }
    spans
}

/// Sort edits and fold overlapping deletions together; replacements never overlap.
fn merge(mut edits: Vec<Edit>) -> Vec<Edit> {
    edits.sort_by_key(|edit| (edit.start, edit.end));
    let mut merged: Vec<Edit> = Vec::with_capacity(edits.len());
    for edit in edits {
        if edit.end <= edit.start && edit.replacement.is_empty() {
            continue;
        }
        match merged.last_mut() {
            Some(last) if edit.start < last.end => {
                last.end = last.end.max(edit.end);
                last.replacement.push_str(&edit.replacement);
            }
            _ => merged.push(edit),
        }
    }
    merged
}

/// How many characters `text[start..end]` holds (the bytes that open one, should the
/// offsets not be character boundaries).
fn chars_between(text: &str, start: usize, end: usize) -> usize {
    match text.get(start..end) {
        // The standard library counts a word at a time.
        Some(piece) => piece.chars().count(),
        None => text.as_bytes()[start..end]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count(),
    }
}

/// Byte offsets of a text → character offsets, worked out for a known set of offsets
/// in one pass over the text.
pub struct CharOffsets {
    ascii: bool,
    /// The offsets asked for (each at most the text's length), in order...
    bytes: Vec<usize>,
    /// ...and the characters before each.
    chars: Vec<usize>,
}

impl CharOffsets {
    pub fn new(text: &str, offsets: impl Iterator<Item = usize>) -> CharOffsets {
        if text.is_ascii() {
            return CharOffsets {
                ascii: true,
                bytes: Vec::new(),
                chars: Vec::new(),
            };
        }
        let mut wanted: Vec<usize> = offsets.map(|offset| offset.min(text.len())).collect();
        wanted.sort_unstable();
        wanted.dedup();
        let (mut at, mut count) = (0, 0);
        let chars = wanted
            .iter()
            .map(|&offset| {
                count += chars_between(text, at, offset);
                at = offset;
                count
            })
            .collect();
        CharOffsets {
            ascii: false,
            bytes: wanted,
            chars,
        }
    }

    /// The characters before byte offset `byte`, one of those asked for (0 for another).
    pub fn get(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        self.bytes
            .binary_search(&byte)
            .map_or(0, |index| self.chars[index])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn candidates_are_found_a_word_at_a_time_as_byte_by_byte(
            bytes in proptest::collection::vec(
                prop_oneof![Just(b'a'), Just(b'\t'), Just(0x0d), Just(0x0e), Just(0x7f), Just(0x80), Just(0xC2), Just(0xE3), any::<u8>()],
                0..40,
            ),
            from in 0usize..40,
        ) {
            let from = from.min(bytes.len());
            let expected = bytes[from..].iter().position(|&b| may_change(b)).map(|at| from + at);
            prop_assert_eq!(next_may_change(&bytes, from), expected);
        }
    }

    fn edit(start: usize, end: usize, replacement: &str) -> Edit {
        Edit {
            start,
            end,
            replacement: replacement.to_string(),
        }
    }

    #[test]
    fn the_view_keeps_every_character() {
        let source = "a\u{a0}b\r\nc\rd\u{2028}e\tf\r\u{2028}";
        let view = plain_view(source);
        assert_eq!(view, "a b \nc\nd\ne f \n");
        assert_eq!(view.chars().count(), source.chars().count());
    }

    #[test]
    fn removals_point_into_the_input_after_earlier_edits() {
        let mut buffer = TextBuffer::new("Ad.\nBody one.\nAd.\nBody two.");
        assert_eq!(buffer.apply(vec![edit(0, 3, "")]), vec![(0, 3)]);
        assert_eq!(buffer.text(), "\nBody one.\nAd.\nBody two.");
        assert_eq!(buffer.inline_version, 0);
        assert_eq!(buffer.apply(vec![edit(11, 14, "")]), vec![(14, 17)]);
        assert_eq!(buffer.apply(vec![edit(1, 5, "A")]), vec![(4, 8)]);
        assert_eq!(buffer.text(), "\nA one.\n\nBody two.");
        assert_eq!((buffer.version, buffer.inline_version), (3, 1));
        assert_eq!(buffer.origin_span(0, 3), vec![(3, 4), (8, 9)]);
    }

    #[test]
    fn overlapping_deletions_join() {
        let mut buffer = TextBuffer::new("abcdefgh");
        let removed = buffer.apply(vec![edit(4, 6, ""), edit(1, 3, ""), edit(2, 5, "")]);
        assert_eq!(removed, vec![(1, 6)]);
        assert_eq!(buffer.text(), "agh");
    }

    #[test]
    fn offsets_convert_to_characters() {
        let view = "é a\nж";
        let map = CharOffsets::new(view, [view.len(), 2, 0].into_iter());
        assert_eq!(map.get(2), 1);
        assert_eq!(map.get(view.len()), 5);
        assert_eq!(map.get(0), 0);
    }

    proptest! {
        #[test]
        fn offsets_asked_for_count_the_characters_before_them(
            text in "[a é\n\u{2003}ж\u{10000}]{0,30}",
            picks in proptest::collection::vec(0usize..64, 0..8),
        ) {
            let boundaries: Vec<usize> = (0..=text.len()).filter(|&at| text.is_char_boundary(at)).collect();
            let offsets: Vec<usize> = picks.iter().map(|pick| boundaries[pick % boundaries.len()]).collect();
            let map = CharOffsets::new(&text, offsets.iter().copied());
            for offset in offsets {
                prop_assert_eq!(map.get(offset), text[..offset].chars().count());
            }
        }
    }

    type Pick = (usize, usize, &'static str);

    /// Edits on the text as it is now, from picks of its character boundaries.
    fn concrete(text: &str, picks: &[Pick]) -> Vec<Edit> {
        let boundaries: Vec<usize> = (0..=text.len())
            .filter(|&at| text.is_char_boundary(at))
            .collect();
        let mut edits: Vec<Edit> = Vec::new();
        for &(a, b, replacement) in picks {
            let (a, b) = (a % boundaries.len(), b % boundaries.len());
            let (start, end) = (boundaries[a.min(b)], boundaries[a.max(b)]);
            // Replacements never overlap another edit; deletions may.
            let clashes = edits.iter().any(|other| {
                (!replacement.is_empty() || !other.replacement.is_empty())
                    && start < other.end.max(other.start + 1)
                    && other.start < end.max(start + 1)
            });
            if !clashes {
                edits.push(edit(start, end, replacement));
            }
        }
        edits
    }

    fn rounds() -> impl Strategy<Value = (String, Vec<Vec<Pick>>)> {
        let pick = (
            0usize..64,
            0usize..64,
            prop::sample::select(vec!["", "", "x", "é\n"]),
        );
        (
            "[ab\n é\u{a0}]{0,24}",
            prop::collection::vec(prop::collection::vec(pick, 0..5), 1..4),
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// Every kept piece reads as the view at its origin, the pieces cover the text,
        /// and every removal is view text that is no longer kept.
        #[test]
        fn the_piece_table_maps_every_kept_byte_back((source, rounds) in rounds()) {
            let mut buffer = TextBuffer::new(&source);
            let mut kept = vec![true; buffer.view().len()];
            for picks in rounds {
                let edits = concrete(buffer.text(), &picks);
                for (lo, hi) in buffer.apply(edits) {
                    prop_assert!(lo < hi && buffer.view().is_char_boundary(lo));
                    prop_assert!(kept[lo..hi].iter().all(|&k| k));
                    kept[lo..hi].iter_mut().for_each(|k| *k = false);
                }
                let mut covered = 0;
                for ((start, end), origin) in buffer.pieces() {
                    prop_assert_eq!(start, covered);
                    covered = end;
                    if let Some(origin) = origin {
                        let piece = &buffer.text()[start..end];
                        prop_assert_eq!(piece, &buffer.view()[origin..origin + end - start]);
                        prop_assert!(kept[origin..origin + end - start].iter().all(|&k| k));
                    }
                }
                prop_assert_eq!(covered, buffer.text().len());
            }
        }
    }
}
