//! Which of a few words a short text holds, found as a regex alternation of them finds
//! them: the block features' words in an element's class, id and role.
//!
//! Python's `re` tries an alternation at every position of the text, one word after
//! another; for the 87 words of the block features over a page's every distinct class
//! string that was a tenth of a page's feature time. One Aho-Corasick automaton,
//! leftmost-longest, gives the same matches: at the leftmost position where any word
//! starts, the longest word there (what an alternation of the words, longest first,
//! takes), then on from its end, never overlapping.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// The most words a mask holds: one bit each of a `u128`.
pub const MAX_TOKENS: usize = 128;

/// Words, each a bit (the first word bit 0), and the automaton that finds them.
pub struct TokenMask {
    automaton: AhoCorasick,
}

impl TokenMask {
    /// A mask of `tokens`: at most MAX_TOKENS distinct, non-empty words.
    pub fn new(tokens: &[String]) -> Result<TokenMask, String> {
        if tokens.len() > MAX_TOKENS {
            return Err(format!("more than {MAX_TOKENS} words"));
        }
        if tokens.iter().any(|token| token.is_empty()) {
            return Err("an empty word".to_string());
        }
        let mut sorted: Vec<&String> = tokens.iter().collect();
        sorted.sort();
        if sorted.windows(2).any(|pair| pair[0] == pair[1]) {
            return Err("a word given twice".to_string());
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(tokens)
            .map_err(|error| error.to_string())?;
        Ok(TokenMask { automaton })
    }

    /// The bits of the words found in `text`, scanning from its start, each match
    /// the longest word at the leftmost position left, the next one after its end.
    pub fn mask(&self, text: &str) -> u128 {
        self.automaton
            .find_iter(text)
            .fold(0, |bits, found| bits | 1 << found.pattern().as_usize())
    }
}

/// Which of a few words a short text holds, as an alternation of them, longest first.
#[pyclass(frozen, module = "cleaner._core", name = "TokenMask")]
struct PyTokenMask {
    inner: TokenMask,
}

#[pymethods]
impl PyTokenMask {
    #[new]
    fn new(tokens: Vec<String>) -> PyResult<Self> {
        let inner = TokenMask::new(&tokens).map_err(PyValueError::new_err)?;
        Ok(PyTokenMask { inner })
    }

    /// Bit i set when word i is among the matches (short texts: the GIL is kept).
    fn mask(&self, text: &str) -> PyResult<u128> {
        crate::guarded(|| Ok(self.inner.mask(text)))
    }
}

pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<PyTokenMask>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mask_of(tokens: &[&str], text: &str) -> u128 {
        let tokens: Vec<String> = tokens.iter().map(|token| token.to_string()).collect();
        TokenMask::new(&tokens).unwrap().mask(text)
    }

    #[test]
    fn each_word_found_sets_its_bit() {
        assert_eq!(mask_of(&["nav", "menu", "foot"], "site-nav footer"), 0b101);
        assert_eq!(mask_of(&["nav", "menu"], "header"), 0);
        assert_eq!(mask_of(&["nav"], ""), 0);
    }

    #[test]
    fn the_longest_word_at_a_position_wins_and_matches_never_overlap() {
        // "post" takes "postitle" from its start, so "title" (overlapping it) is not found.
        assert_eq!(mask_of(&["title", "post"], "postitle"), 0b10);
        // At one position the longer word wins: "subscri" within "subscribe".
        assert_eq!(mask_of(&["sub", "subscri"], "subscribe"), 0b10);
        // After a match the scan goes on from its end.
        assert_eq!(mask_of(&["tab", "table"], "tabletab"), 0b11);
    }

    #[test]
    fn words_after_other_characters_are_found() {
        assert_eq!(mask_of(&["menu"], "héllo·menu"), 1);
    }

    #[test]
    fn bad_word_lists_are_refused() {
        let many: Vec<String> = (0..129).map(|index| format!("w{index}")).collect();
        assert!(TokenMask::new(&many).is_err());
        assert!(TokenMask::new(&["a".to_string(), String::new()]).is_err());
        assert!(TokenMask::new(&["a".to_string(), "a".to_string()]).is_err());
    }

    #[test]
    fn the_last_of_many_words_has_the_top_bit() {
        let many: Vec<String> = (0..128).map(|index| format!("<{index}>")).collect();
        let mask = TokenMask::new(&many).unwrap();
        assert_eq!(mask.mask("x<127>y"), 1 << 127);
    }
}
