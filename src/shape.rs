//! What a pattern's syntax tells about its matches, read from regex-syntax's IR.
//!
//! The engine goes faster with these without changing any result: whether a
//! match can hold a line break (a rule whose matches stay on one line keeps its
//! prefilter verdict when other lines are emptied), whether every match opens a
//! line, a relaxed form with counted repetitions widened (a far smaller
//! automaton that matches wherever the pattern does), the leading part of a
//! multi-line pattern that stays on one line, and plain text every match holds.

use regex_syntax::hir::{Class, Hir, HirKind, Look, Repetition};

/// What a pattern's syntax tells about its matches.
#[derive(Debug, Clone)]
pub struct Shape {
    /// No match can hold '\n'.
    pub line_local: bool,
    /// Every match starts where a line starts (`^` or `\A` opens every alternative).
    pub opens_line: bool,
    /// The largest bound of a repetition (0 when there is none).
    pub counted: u32,
    /// The pattern with every repetition `x{m,n}` widened to `x*` (m = 0) or `x+`.
    pub relaxed: Hir,
    /// The relaxed leading items that cannot match '\n' (every match opens with a
    /// match of them, on one line); None when the first item may match '\n'.
    pub line_prefix: Option<Hir>,
    /// The longest plain text every match contains ("" when there is none).
    pub literal: Vec<u8>,
}

/// The shape of a parsed pattern.
pub fn shape_of(hir: &Hir) -> Shape {
    let prefix = hir.properties().look_set_prefix();
    Shape {
        line_local: never_matches_newline(hir),
        opens_line: prefix.contains(Look::StartLF) || prefix.contains(Look::Start),
        counted: largest_count(hir),
        relaxed: relax(hir),
        line_prefix: line_prefix(hir),
        literal: required_literal(hir),
    }
}

/// Whether no match of `hir` can hold '\n'.
pub fn never_matches_newline(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(literal) => !literal.0.contains(&b'\n'),
        HirKind::Class(regex_syntax::hir::Class::Unicode(class)) => !class
            .ranges()
            .iter()
            .any(|range| range.start() <= '\n' && '\n' <= range.end()),
        HirKind::Class(regex_syntax::hir::Class::Bytes(class)) => !class
            .ranges()
            .iter()
            .any(|range| range.start() <= b'\n' && b'\n' <= range.end()),
        HirKind::Repetition(repetition) => never_matches_newline(&repetition.sub),
        HirKind::Capture(capture) => never_matches_newline(&capture.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            subs.iter().all(never_matches_newline)
        }
    }
}

fn largest_count(hir: &Hir) -> u32 {
    match hir.kind() {
        HirKind::Repetition(repetition) => repetition
            .max
            .unwrap_or(repetition.min)
            .max(largest_count(&repetition.sub)),
        HirKind::Capture(capture) => largest_count(&capture.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            subs.iter().map(largest_count).max().unwrap_or(0)
        }
        _ => 0,
    }
}

/// The pattern with its repetitions widened: it matches wherever `hir` does.
pub fn relax(hir: &Hir) -> Hir {
    match hir.kind() {
        HirKind::Repetition(repetition) => {
            let sub = Box::new(relax(&repetition.sub));
            let optional = repetition.min == 0 && repetition.max == Some(1);
            Hir::repetition(Repetition {
                min: repetition.min.min(1),
                max: if optional { Some(1) } else { None },
                greedy: repetition.greedy,
                sub,
            })
        }
        HirKind::Capture(capture) => {
            let mut widened = capture.clone();
            widened.sub = Box::new(relax(&capture.sub));
            Hir::capture(widened)
        }
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(relax).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(relax).collect()),
        _ => hir.clone(),
    }
}

/// The pattern with every upper bound of `at_least` or more dropped (`x{m,n}` becomes
/// `x{m,}`) where `x` cannot match empty; None when no bound is that large.
///
/// Within a span of at most `at_least` bytes the two match alike, groups and all: each
/// round of such an `x` takes a byte at least, so no path through the pattern that
/// stays in the span repeats `x` more than `n` times, and the paths that do stay in
/// it are the same in both, in the same order of preference. The unbounded form is
/// a far smaller automaton (`[^\n]{10,400}?` is ten copies of the class and a loop,
/// not four hundred copies), and placing groups clears a bitset of its size.
pub fn unbounded_above(hir: &Hir, at_least: u32) -> Option<Hir> {
    match hir.kind() {
        HirKind::Repetition(repetition) => {
            let sub = unbounded_above(&repetition.sub, at_least);
            let loose = repetition.max.is_some_and(|max| max >= at_least)
                && repetition
                    .sub
                    .properties()
                    .minimum_len()
                    .is_some_and(|len| len > 0);
            if sub.is_none() && !loose {
                return None;
            }
            Some(Hir::repetition(Repetition {
                min: repetition.min,
                max: if loose { None } else { repetition.max },
                greedy: repetition.greedy,
                sub: Box::new(sub.unwrap_or_else(|| (*repetition.sub).clone())),
            }))
        }
        HirKind::Capture(capture) => {
            let sub = unbounded_above(&capture.sub, at_least)?;
            let mut loosened = capture.clone();
            loosened.sub = Box::new(sub);
            Some(Hir::capture(loosened))
        }
        HirKind::Concat(subs) => unbounded_each(subs, at_least).map(Hir::concat),
        HirKind::Alternation(subs) => unbounded_each(subs, at_least).map(Hir::alternation),
        _ => None,
    }
}

/// The upper bounds of the repetitions `unbounded_above` may drop: those of a
/// repetition whose `x` cannot match empty.
pub fn upper_bounds(hir: &Hir) -> Vec<u32> {
    let mut bounds = Vec::new();
    collect_upper_bounds(hir, &mut bounds);
    bounds
}

fn collect_upper_bounds(hir: &Hir, bounds: &mut Vec<u32>) {
    match hir.kind() {
        HirKind::Repetition(repetition) => {
            let takes_a_byte = repetition
                .sub
                .properties()
                .minimum_len()
                .is_some_and(|len| len > 0);
            if let Some(max) = repetition.max.filter(|_| takes_a_byte) {
                bounds.push(max);
            }
            collect_upper_bounds(&repetition.sub, bounds);
        }
        HirKind::Capture(capture) => collect_upper_bounds(&capture.sub, bounds),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            subs.iter()
                .for_each(|sub| collect_upper_bounds(sub, bounds));
        }
        _ => {}
    }
}

/// `unbounded_above` of each of `subs`; None when it changes none of them.
fn unbounded_each(subs: &[Hir], at_least: u32) -> Option<Vec<Hir>> {
    let loosened: Vec<Option<Hir>> = subs
        .iter()
        .map(|sub| unbounded_above(sub, at_least))
        .collect();
    if loosened.iter().all(Option::is_none) {
        return None;
    }
    Some(
        loosened
            .into_iter()
            .zip(subs)
            .map(|(loose, sub)| loose.unwrap_or_else(|| sub.clone()))
            .collect(),
    )
}

/// Whether a search for `hir` anchored at a line's start gives up within a few bytes
/// on most lines: after its opening anchors and optional runs of a narrow class
/// (`[ \t*_]*`), it needs some text of its own (a narrow run it cannot do without,
/// `#+`, counts) before any unbounded run of a broad class
/// (`[^\n]*?`, `.+`), which would carry the search to the line's end. Only a matter
/// of speed: any pattern that opens a line and stays on it may be searched that way.
pub fn dies_early(hir: &Hir) -> bool {
    let mut items = Vec::new();
    flatten(hir, &mut items);
    for item in items {
        match item.kind() {
            HirKind::Empty | HirKind::Look(_) => {}
            HirKind::Repetition(repetition) if narrow(&repetition.sub) => {
                if repetition.min > 0 {
                    // A line must open with it: most do not.
                    return true;
                }
            }
            HirKind::Repetition(Repetition { sub, max: None, .. })
                if matches!(sub.kind(), HirKind::Class(_)) =>
            {
                return false
            }
            HirKind::Repetition(Repetition { sub, .. }) if !dies_early(sub) => return false,
            HirKind::Alternation(subs) if !subs.iter().all(dies_early) => return false,
            HirKind::Repetition(_) | HirKind::Alternation(_)
                if item.properties().minimum_len() == Some(0) => {}
            // One letter of a class is no text of the pattern's own: most lines open
            // with one (`\pL` before a run of words walks the line's first words).
            HirKind::Class(class) if holds(class, 'a') || holds(class, 'A') => {}
            _ => return true,
        }
    }
    // Nothing but anchors and narrow runs: the first byte outside them ends it.
    true
}

/// The items of a sequence, with groups opened.
fn flatten<'h>(hir: &'h Hir, out: &mut Vec<&'h Hir>) {
    match hir.kind() {
        HirKind::Concat(subs) => subs.iter().for_each(|sub| flatten(sub, out)),
        HirKind::Capture(capture) => flatten(&capture.sub, out),
        _ => out.push(hir),
    }
}

/// Whether a run of `hir` ends soon on ordinary text: plain text, or a class that
/// does not hold both letters and spaces (a run of it stops at a word's end or at
/// the first letter).
fn narrow(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Literal(_) => true,
        HirKind::Class(class) => !(holds(class, ' ') && holds(class, 'a')),
        _ => false,
    }
}

/// Whether the class matches the character `wanted`.
fn holds(class: &Class, wanted: char) -> bool {
    match class {
        Class::Unicode(class) => class
            .ranges()
            .iter()
            .any(|range| range.start() <= wanted && wanted <= range.end()),
        Class::Bytes(class) => class
            .ranges()
            .iter()
            .any(|range| char::from(range.start()) <= wanted && wanted <= char::from(range.end())),
    }
}

/// The relaxed leading items of a sequence that stay on one line.
fn line_prefix(hir: &Hir) -> Option<Hir> {
    let items: &[Hir] = match hir.kind() {
        HirKind::Concat(subs) => subs,
        HirKind::Alternation(_) => return None,
        _ => std::slice::from_ref(hir),
    };
    let mut prefix = Vec::new();
    for item in items {
        if never_matches_newline(item) {
            prefix.push(relax(item));
            continue;
        }
        if let HirKind::Literal(literal) = item.kind() {
            // Plain text up to its first line break still opens every match.
            let line = literal.0.split(|&byte| byte == b'\n').next().unwrap_or(&[]);
            if !line.is_empty() {
                prefix.push(Hir::literal(line.to_vec()));
            }
        }
        break;
    }
    if prefix.is_empty() {
        None
    } else {
        Some(Hir::concat(prefix))
    }
}

/// The longest plain text among the items every match is made of.
fn required_literal(hir: &Hir) -> Vec<u8> {
    let items: &[Hir] = match hir.kind() {
        HirKind::Concat(subs) => subs,
        _ => std::slice::from_ref(hir),
    };
    items
        .iter()
        .filter_map(|item| match item.kind() {
            HirKind::Literal(literal) => Some(literal.0.to_vec()),
            _ => None,
        })
        .max_by_key(Vec::len)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialect::parse;

    fn shape(source: &str) -> Shape {
        shape_of(&parse(source).unwrap())
    }

    #[test]
    fn bounds_a_short_span_cannot_reach_are_dropped() {
        let loosened = |source: &str, at_least| {
            unbounded_above(&parse(source).unwrap(), at_least).map(|hir| hir.to_string())
        };
        let expected = |source: &str| Some(parse(source).unwrap().to_string());
        assert_eq!(
            loosened(r"a[^\n]{10,400}?b", 400),
            expected(r"a[^\n]{10,}?b")
        );
        assert_eq!(loosened(r"a[^\n]{10,400}?b", 401), None);
        assert_eq!(
            loosened(r"(?P<x>a{2,40}(?:b{1,20}){0,30})", 20),
            expected(r"(?P<x>a{2,}(?:b{1,}){0,})")
        );
        // A repetition of what may match empty keeps its bound.
        assert_eq!(loosened(r"(?:a?){1,40}", 16), None);
        // `b?` is a repetition too, of `b`, which takes a byte.
        assert_eq!(
            upper_bounds(&parse(r"a{2,40}(?:b?){0,30}c{5}").unwrap()),
            vec![40, 1, 5]
        );
    }

    #[test]
    fn line_local_patterns() {
        assert!(shape(r"^[ \t]*Read more[^\n]*$").line_local);
        assert!(shape(r"a.b").line_local);
        assert!(!shape(r"(?s)a.b").line_local);
        assert!(!shape(r"a\sb").line_local);
        assert!(!shape(r"a[^x]b").line_local);
        assert!(!shape("a\nb").line_local);
    }

    #[test]
    fn opening_anchors() {
        assert!(shape(r"^a|^b").opens_line);
        assert!(shape(r"\Aa").opens_line);
        assert!(!shape(r"^a|b").opens_line);
    }

    #[test]
    fn relaxed_widens_counts() {
        let relaxed = shape(r"a[^\n]{10,400}?b").relaxed;
        assert!(!relaxed.to_string().contains("400"), "{relaxed}");
        assert_eq!(shape(r"a[^\n]{10,400}?b").counted, 400);
    }

    #[test]
    fn line_prefix_stops_at_the_first_item_that_may_cross_a_line() {
        let prefix = shape(r"^Related:[ \t]*\n(?:- [^\n]+\n)+")
            .line_prefix
            .unwrap();
        assert!(prefix.to_string().contains("Related:"), "{prefix}");
        assert!(shape(r"a|\nb").line_prefix.is_none());
    }

    #[test]
    fn a_line_search_dies_early_unless_a_broad_run_leads() {
        let dies = |source: &str| dies_early(&shape(source).relaxed);
        assert!(dies(r"^[ \t>*_#•-]*(?i:related articles|read more)[^\n]*$"));
        assert!(dies(r"^\d+\. (?:Share|Tweet)"));
        assert!(dies(r"^(?:[ \t]*- )?(?P<x>Tags?):[ \t]*[^\n]{1,80}$"));
        assert!(dies(r"^[ \t]*$"));
        assert!(dies(
            r"^[ \t]{0,3}#{1,6}[ \t]+(?P<text>[^\n]*?)[ \t]*#*[ \t]*$"
        ));
        assert!(dies(r"^[ \t]{0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,})$"));
        assert!(dies(
            r"^[ \t*_]*(?:(?i:share)?[ \t]*:?(?:(?i:x|email)[ \t,]*){2,})$"
        ));
        assert!(dies(r"^(?:Photo|Image)[ \t]*:|^Credit:"));
        assert!(!dies(r"^[ \t]*(?P<text>[^\n]{10,400}?)[ \t]*\(Photo\)$"));
        assert!(!dies(r"^[^\n]{0,300}?(?i:before you go)"));
        assert!(!dies(r"^.+ says$"));
        assert!(!dies(r"^(?:Foo|[^\n]*bar)"));
        assert!(!dies(r"^(?:Foo)?[\w ]*bar"));
        assert!(!dies(r"^(?:Foo|)[^\n]*bar"));
        // A letter then a run of words and spaces walks a prose line's first words.
        assert!(!dies(
            r"^[ \t*_-]*\pL[\pL '-]{0,30}[ \t]*\((?i:required)\)$"
        ));
        assert!(!dies(r"^[A-Za-z][\w ]{0,40}:$"));
        // A letter then one that most lines lack there still ends it.
        assert!(dies(r"^[ \t]*\p{Lu}[\p{Lu}'./-]+,"));
    }

    #[test]
    fn required_literal_is_case_sensitive_text() {
        assert_eq!(shape(r"^Remind me later\b").literal, b"Remind me later");
        assert!(shape(r"(?i)remind me later").literal.len() < 2);
        assert_eq!(shape(r"(?i)ab 2024-05 cd").literal, b" 2024-05 ");
        assert!(shape(r"abcd|efgh").literal.is_empty());
    }
}
