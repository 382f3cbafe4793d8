//! The rule dialect: the `regex` crate's syntax, with the meaning of `\d` and `\s` fixed.
//!
//! A pattern is parsed into regex-syntax's AST, its Perl classes are given the
//! meaning the rules document (see rules/README.md, "Patterns"), and the AST is
//! translated to a high-level IR in multi-line mode (`^` and `$` at line
//! boundaries). `\d` is ASCII `[0-9]`: a digit in a date or a count is one
//! `int()` reads the way the rule means. `\s` is `[\t\n\f\r ]`, the set the
//! rules were written against. `\w` and `\b` keep the crate's Unicode meaning:
//! a word in Polish or Russian is a word.

use regex_syntax::ast::{
    self, Ast, ClassAscii, ClassAsciiKind, ClassBracketed, ClassPerl, ClassPerlKind, ClassSet,
    ClassSetItem, ClassSetUnion, Literal, LiteralKind, Span,
};
use regex_syntax::hir::{self, Hir};

/// How deep groups and repetitions may nest; deeper patterns are refused.
const NEST_LIMIT: u32 = 200;

/// Why a pattern was refused, in one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError(pub String);

/// A pattern's source → its high-level IR in the rule dialect.
pub fn parse(source: &str) -> Result<Hir, SyntaxError> {
    let mut tree = ast::parse::ParserBuilder::new()
        .nest_limit(NEST_LIMIT)
        .build()
        .parse(source)
        .map_err(|error| describe(source, error.kind(), error.span()))?;
    refuse_stacked_repetitions(source, &tree)?;
    fix_classes(&mut tree);
    hir::translate::TranslatorBuilder::new()
        .multi_line(true)
        .build()
        .translate(source, &tree)
        .map_err(|error| describe(source, error.kind(), error.span()))
}

/// The crate's complaint and the text it was about, on one line.
fn describe(source: &str, kind: &dyn std::fmt::Display, span: &Span) -> SyntaxError {
    let quoted: String = source
        .get(span.start.offset..span.end.offset)
        .unwrap_or("")
        .chars()
        .take(40)
        .collect();
    let detail = kind.to_string().replace('\n', " ");
    if quoted.is_empty() {
        SyntaxError(detail)
    } else {
        SyntaxError(format!("{detail}: {quoted}"))
    }
}

/// Refuse a repetition applied straight to a repetition (`a++`, `a*+`, `x{2}{3}`):
/// in Perl and PCRE `a++` is possessive, and the crate would quietly read it as
/// `(?:a+)+`. A grouped one, `(?:a+)+`, says what it means and is taken.
fn refuse_stacked_repetitions(source: &str, tree: &Ast) -> Result<(), SyntaxError> {
    match tree {
        Ast::Repetition(repetition) => {
            if let Ast::Repetition(_) = &*repetition.ast {
                let at = repetition.op.span;
                let quoted = source.get(at.start.offset..at.end.offset).unwrap_or("");
                return Err(SyntaxError(format!(
                    "a repetition of a repetition is not supported (write one, or group the \
                     inner one): {quoted}"
                )));
            }
            refuse_stacked_repetitions(source, &repetition.ast)
        }
        Ast::Group(group) => refuse_stacked_repetitions(source, &group.ast),
        Ast::Alternation(alternation) => alternation
            .asts
            .iter()
            .try_for_each(|ast| refuse_stacked_repetitions(source, ast)),
        Ast::Concat(concat) => concat
            .asts
            .iter()
            .try_for_each(|ast| refuse_stacked_repetitions(source, ast)),
        _ => Ok(()),
    }
}

/// Give `\d`, `\D`, `\s` and `\S` their dialect meaning throughout the tree.
fn fix_classes(tree: &mut Ast) {
    match tree {
        Ast::ClassPerl(perl) => {
            if let Some(item) = ascii_item(perl) {
                let class = ClassBracketed {
                    span: perl.span,
                    negated: perl.negated,
                    kind: ClassSet::Item(item),
                };
                *tree = Ast::class_bracketed(class);
            }
        }
        Ast::ClassBracketed(class) => fix_set(&mut class.kind),
        Ast::Repetition(repetition) => fix_classes(&mut repetition.ast),
        Ast::Group(group) => fix_classes(&mut group.ast),
        Ast::Alternation(alternation) => alternation.asts.iter_mut().for_each(fix_classes),
        Ast::Concat(concat) => concat.asts.iter_mut().for_each(fix_classes),
        _ => {}
    }
}

fn fix_set(set: &mut ClassSet) {
    match set {
        ClassSet::Item(item) => fix_item(item),
        ClassSet::BinaryOp(op) => {
            fix_set(&mut op.lhs);
            fix_set(&mut op.rhs);
        }
    }
}

fn fix_item(item: &mut ClassSetItem) {
    match item {
        ClassSetItem::Perl(perl) => {
            if let Some(plain) = ascii_item(perl) {
                *item = if perl.negated {
                    ClassSetItem::Bracketed(Box::new(ClassBracketed {
                        span: perl.span,
                        negated: true,
                        kind: ClassSet::Item(plain),
                    }))
                } else {
                    plain
                };
            }
        }
        ClassSetItem::Bracketed(class) => fix_set(&mut class.kind),
        ClassSetItem::Union(union) => union.items.iter_mut().for_each(fix_item),
        _ => {}
    }
}

/// The class a Perl class stands for in the dialect, not negated; None: the crate's own.
fn ascii_item(perl: &ClassPerl) -> Option<ClassSetItem> {
    let span = perl.span;
    match perl.kind {
        ClassPerlKind::Digit => Some(ClassSetItem::Ascii(ClassAscii {
            span,
            kind: ClassAsciiKind::Digit,
            negated: false,
        })),
        ClassPerlKind::Space => Some(ClassSetItem::Union(ClassSetUnion {
            span,
            items: ['\t', '\n', '\x0C', '\r', ' ']
                .into_iter()
                .map(|c| {
                    ClassSetItem::Literal(Literal {
                        span,
                        kind: LiteralKind::Verbatim,
                        c,
                    })
                })
                .collect(),
        })),
        ClassPerlKind::Word => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::meta::Regex;

    fn matches(source: &str, text: &str) -> bool {
        let hir = parse(source).unwrap();
        Regex::builder()
            .build_from_hir(&hir)
            .unwrap()
            .is_match(text)
    }

    #[test]
    fn digits_are_ascii() {
        assert!(matches(r"^\d+$", "2024"));
        assert!(!matches(r"^\d+$", "٢٠٢٤"));
        assert!(matches(r"^[\d.]+$", "1.5"));
        assert!(matches(r"^\D+$", "٢٠٢٤"));
        assert!(!matches(r"^[^\D]+$", "٢"));
        assert!(matches(r"^[\D]+$", "ab"));
    }

    #[test]
    fn spaces_are_the_five_ascii_ones() {
        assert!(matches(r"a\sb", "a\tb"));
        assert!(!matches(r"a\sb", "a\u{a0}b"));
        assert!(!matches(r"a\sb", "a\x0Bb"));
        assert!(matches(r"a\Sb", "a\u{a0}b"));
        assert!(matches(r"a[\S]b", "a\u{a0}b"));
    }

    #[test]
    fn words_and_boundaries_are_unicode() {
        assert!(matches(r"^\w+$", "żółw"));
        assert!(!matches(r"\bby\b", "żby"));
        assert!(matches(r"\bby\b", "written by me"));
    }

    #[test]
    fn anchors_are_multi_line() {
        assert!(matches(r"^b$", "a\nb\nc"));
    }

    #[test]
    fn refusals_are_one_line_and_quote_the_syntax() {
        let error = parse("(?=Ad)vertisement").unwrap_err();
        assert!(error.0.contains("look-around"), "{}", error.0);
        assert!(error.0.ends_with(": (?="), "{}", error.0);
        assert!(!error.0.contains('\n'));
        assert!(parse(r"(a)\1").unwrap_err().0.contains("backreferences"));
        assert!(parse("a++")
            .unwrap_err()
            .0
            .contains("repetition of a repetition"));
        assert!(parse("(?:a+)+").is_ok());
    }
}
