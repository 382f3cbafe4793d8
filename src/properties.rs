//! Property tests of the core's Rust API on generated patterns and texts.
//!
//! Any pattern either compiles or is refused with a reason, never panics; the
//! fast paths (literal scan, line-by-line search) find exactly what a plain
//! search finds, on the whole text and on any span of it (short spans searched with a
//! pattern's short forms too); every span lies on
//! character boundaries within the span searched; and a pattern set never
//! omits a pattern that matches.

use proptest::prelude::*;

use crate::pattern::Pattern;
use crate::sets::PatternSet;

const PIECES: &[&str] = &[
    "a",
    "b",
    " ",
    "\n",
    "^",
    "$",
    ".",
    "*",
    "+",
    "?",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "|",
    "\\",
    "-",
    ",",
    ":",
    "0",
    "9",
    "(?P<text>",
    "(?i:",
    "(?:",
    "(?=",
    "\\1",
    "\\pL",
    "\\p{Lu}",
    "[^\\n]",
    "{1,3}",
    "{2}",
    "{10,400}?",
    "{20,}",
    "\\A",
    "\\z",
    "\\b",
    "\\d",
    "\\w",
    "\\s",
    "[ \\t]*",
    "Advertisement",
    "©",
    "é",
    "Photo:",
    "Read more",
];

fn pattern() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..14).prop_map(|parts| parts.concat())
}

/// Patterns with groups and counted repetitions whose bounds short spans stay under,
/// lazy and greedy, of classes, groups and pieces that may match empty.
fn short_form_pattern() -> impl Strategy<Value = String> {
    let pieces = &[
        "a",
        "b",
        " ",
        "^",
        "$",
        "\\b",
        "[^\\n]",
        "\\pL",
        "(?P<text>",
        "(?:",
        ")",
        "|",
        "a?",
        "{16}",
        "{0,16}",
        "{2,20}?",
        "{1,24}",
        "{3,40}?",
        "{10,400}?",
        "[ \\t]*",
        "[.!?]",
        "é",
        "Photo:",
    ][..];
    prop::collection::vec(prop::sample::select(pieces), 1..12).prop_map(|parts| parts.concat())
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(
            &[
                "a",
                "b",
                " ",
                "\n",
                "©",
                ":",
                "0",
                "9",
                "é",
                "Я",
                "٣",
                "Ad",
                "Photo:",
                "Read more",
                "Advertisement",
                "\t",
            ][..],
        ),
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

fn on_boundaries(text: &str, found: &[crate::pattern::Spans], pos: usize, end: usize) -> bool {
    found.iter().flatten().all(|&(start, stop)| {
        (start, stop) == (-1, -1)
            || (pos as isize <= start
                && start <= stop
                && stop <= end as isize
                && text.is_char_boundary(start as usize)
                && text.is_char_boundary(stop as usize))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn fast_paths_find_what_a_plain_search_finds(source in pattern(), text in text(), cut in 0usize..200) {
        let Ok(compiled) = Pattern::new(&source) else { return Ok(()) };
        let data = text.as_bytes();
        let all = compiled.find(data, 0, data.len(), usize::MAX);
        prop_assert_eq!(&all, &compiled.find_plain(data, 0, data.len(), usize::MAX));
        prop_assert!(on_boundaries(&text, &all, 0, data.len()));
        let mut start = cut.min(data.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let part = compiled.find(data, start, data.len(), usize::MAX);
        prop_assert_eq!(&part, &compiled.find_plain(data, start, data.len(), usize::MAX));
        prop_assert!(on_boundaries(&text, &part, start, data.len()));
        let first = compiled.find(data, 0, data.len(), 1);
        prop_assert_eq!(first.as_slice(), &all[..all.len().min(1)]);
        let whole: Vec<_> = compiled
            .find_whole(data, start, data.len(), usize::MAX)
            .iter()
            .map(|spans| spans[0])
            .collect();
        prop_assert_eq!(whole, part.iter().map(|spans| spans[0]).collect::<Vec<_>>());
    }

    #[test]
    fn short_forms_find_what_the_pattern_finds(
        source in short_form_pattern(),
        text in text(),
        cuts in (0usize..400, 0usize..400),
    ) {
        let Ok(compiled) = Pattern::new(&source) else { return Ok(()) };
        let data = text.as_bytes();
        let boundary = |at: usize| {
            let mut at = at.min(data.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            at
        };
        let (start, end) = (boundary(cuts.0.min(cuts.1)), boundary(cuts.0.max(cuts.1)));
        let found = compiled.find(data, start, end, usize::MAX);
        prop_assert_eq!(&found, &compiled.find_plain(data, start, end, usize::MAX), "{} on {:?}", source, &text[start..end]);
    }

    #[test]
    fn a_set_never_omits_a_matching_pattern(sources in prop::collection::vec(pattern(), 1..6), text in text()) {
        let sources: Vec<String> = sources
            .into_iter()
            .filter(|source| Pattern::new(source).is_ok())
            .collect();
        let Ok(set) = PatternSet::new(&sources) else { return Ok(()) };
        let found = set.matching(text.as_bytes());
        for (index, source) in sources.iter().enumerate() {
            let compiled = Pattern::new(source).unwrap();
            if !compiled.find_plain(text.as_bytes(), 0, text.len(), 1).is_empty() {
                prop_assert!(found.contains(&index), "{} on {:?}", source, text);
            }
        }
    }
}
