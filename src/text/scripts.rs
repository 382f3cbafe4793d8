//! Reading text alike in every script: what counts as a word, a comma, a full stop and a
//! sentence's end where a text is not written as English is.
//!
//! Chinese and Japanese (and Thai, Lao, Khmer, Burmese) write sentences without spaces,
//! and Chinese, Japanese, Arabic and Hindi have commas and full stops of their own. The
//! learned models read lengths, words and punctuation; trained on English pages, they
//! see a text of those scripts as the English text that says as much only when these
//! are counted so. The same counts as `cleaner/words.py` (where the block model's sentence
//! end has never taken an ellipsis, and the dump line model's always has).

/// Whether `c` belongs to a script written without spaces between words: CJK ideographs,
/// kana, and the Southeast Asian scripts.
pub fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'
        | '\u{31f0}'..='\u{31ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{0e00}'..='\u{0eff}'
        | '\u{1000}'..='\u{109f}'
        | '\u{1780}'..='\u{17ff}')
}

/// Characters of an unspaced script taken for one word.
pub const CHARS_PER_WORD: usize = 2;
/// The characters of a space-separated script one character of an unspaced script stands
/// for: a word and its space over the two characters of a word.
pub const LATIN_CHARS_PER_UNSPACED: usize = 3;

/// Commas in every script's form: `,`, full-width and ideographic, Arabic.
pub fn is_comma(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | '،')
}

/// Full stops in every script's form: `.`, ideographic and full-width, Devanagari's
/// danda, Urdu's full stop.
pub fn is_full_stop(c: char) -> bool {
    matches!(c, '.' | '。' | '．' | '।' | '۔')
}

/// Whether `c` ends a sentence in some script (a full stop, `!`, `?`, `:` or an ellipsis,
/// in their ASCII, full-width and Arabic forms).
pub fn ends_a_sentence(c: char) -> bool {
    is_full_stop(c) || matches!(c, '!' | '?' | ':' | '…' | '！' | '？' | '：' | '؟')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_japanese_and_thai_are_unspaced_latin_and_cyrillic_are_not() {
        assert!("中文かなカナ".chars().all(is_unspaced));
        assert!(is_unspaced('ภ'));
        assert!(!"Émile ы ا".chars().any(is_unspaced));
    }

    #[test]
    fn punctuation_of_other_scripts_counts() {
        assert!(is_comma('，') && is_comma('、') && is_comma('،'));
        assert!(is_full_stop('。') && is_full_stop('।'));
        assert!(ends_a_sentence('？') && ends_a_sentence('؟') && !ends_a_sentence('、'));
    }
}
