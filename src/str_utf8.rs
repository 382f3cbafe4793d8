//! A Python str read as UTF-8 for work done without the GIL, with as little as can be
//! done while it is held.
//!
//! An ASCII str is its own UTF-8 and is read in place. Any other str would be encoded
//! by Python with the GIL held (and its UTF-8 kept on the str for as long as it
//! lives, if read as `&str`); instead its characters are copied out as they are
//! stored, widened to code points (a plain copy), and encoded after the GIL is let go.

use std::borrow::Cow;

use pyo3::exceptions::PyUnicodeEncodeError;
use pyo3::ffi;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// A str's text as read with the GIL held.
pub(crate) enum StrText<'a> {
    /// An ASCII str's own bytes.
    Ascii(&'a str),
    /// Another str's code points.
    Points(Vec<u32>),
}

impl<'a> StrText<'a> {
    /// Read `text` (the GIL held).
    pub fn read(text: &'a Bound<'_, PyString>) -> PyResult<StrText<'a>> {
        let py = text.py();
        if text.call_method0(intern!(py, "isascii"))?.is_truthy()? {
            // An ASCII str's UTF-8 is its storage: nothing is made or kept.
            return Ok(StrText::Ascii(text.to_str()?));
        }
        // SAFETY: `text` is a live str; PyUnicode_GetLength and PyUnicode_AsUCS4 only read
        // it. The latter writes its `length` code points into `points`, which has room
        // for them (no NUL is asked for), and they are taken as the vector's items only
        // once it has.
        unsafe {
            let length = ffi::PyUnicode_GetLength(text.as_ptr());
            if length < 0 {
                return Err(PyErr::fetch(py));
            }
            let mut points: Vec<u32> = Vec::with_capacity(length as usize);
            let copied = ffi::PyUnicode_AsUCS4(text.as_ptr(), points.as_mut_ptr(), length, 0);
            if copied.is_null() {
                return Err(PyErr::fetch(py));
            }
            points.set_len(length as usize);
            Ok(StrText::Points(points))
        }
    }

    /// The text in UTF-8 (no GIL needed); Err with the index of a lone surrogate, which
    /// UTF-8 cannot hold.
    pub fn utf8(&self) -> Result<Cow<'a, str>, usize> {
        match self {
            StrText::Ascii(text) => Ok(Cow::Borrowed(text)),
            StrText::Points(points) => utf8_of(points).map(Cow::Owned),
        }
    }
}

/// The error Python raises encoding `text` to UTF-8 when the character at `at` is a
/// lone surrogate.
pub(crate) fn surrogate_error(text: &Bound<'_, PyString>, at: usize) -> PyErr {
    PyUnicodeEncodeError::new_err((
        "utf-8",
        text.clone().unbind(),
        at,
        at + 1,
        "surrogates not allowed",
    ))
}

/// Code points in UTF-8; Err with the index of one that is no character (a surrogate).
fn utf8_of(points: &[u32]) -> Result<String, usize> {
    let mut bytes: Vec<u8> = Vec::with_capacity(points.len() + points.len() / 2);
    let mut at = 0;
    while at < points.len() {
        // Four ASCII characters at a time: most of a text, even one that is not ASCII.
        if let Some(&[a, b, c, d]) = points.get(at..at + 4) {
            if (a | b | c | d) < 0x80 {
                bytes.extend_from_slice(&[a as u8, b as u8, c as u8, d as u8]);
                at += 4;
                continue;
            }
        }
        let point = points[at];
        if point < 0x80 {
            bytes.push(point as u8);
        } else {
            let character = char::from_u32(point).ok_or(at)?;
            bytes.extend_from_slice(character.encode_utf8(&mut [0; 4]).as_bytes());
        }
        at += 1;
    }
    // SAFETY: every byte pushed is an ASCII character or part of a character's UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

#[cfg(test)]
mod tests {
    use super::utf8_of;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn code_points_encode_as_their_characters(text in "(?s:.{0,40})|[ab é\u{2019}\u{10000}]{0,40}") {
            let points: Vec<u32> = text.chars().map(u32::from).collect();
            prop_assert_eq!(utf8_of(&points), Ok(text));
        }

        #[test]
        fn a_surrogate_is_told_where_it_is(before in "[a é]{0,9}", surrogate in 0xD800u32..0xE000) {
            let mut points: Vec<u32> = before.chars().map(u32::from).collect();
            let at = points.len();
            points.extend([surrogate, u32::from('b')]);
            prop_assert_eq!(utf8_of(&points), Err(at));
        }
    }
}
