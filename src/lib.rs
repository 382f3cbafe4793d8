//! `cleaner._core`: the compiled core's thin Python face.
//!
//! Rule patterns in one regex dialect (the `regex` crate's engine, with `\d` and
//! `\s` as the rules document), what their syntax tells about their matches, the
//! sets that tell which of many patterns or literals occur in a text, and the
//! cleaners of captured field values (dates to ISO 8601, URLs and their site).
//! Long searches release the GIL. A panic never reaches Python as one: every entry
//! point catches it and raises `CoreError`, an ordinary exception.

pub mod attribute_values;
pub mod buffer;
mod cleaned_text;
pub mod dates;
pub mod dialect;
pub mod literals;
pub mod nesting;
pub mod normalize;
pub mod pattern;
pub mod raw_text;
pub mod sets;
pub mod shape;
mod str_utf8;
pub mod text;
mod text_api;
pub mod token_mask;
pub mod trees;
pub(crate) mod trees_api;
pub mod urls;

#[cfg(test)]
mod properties;

use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::create_exception;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

create_exception!(
    _core,
    PatternError,
    PyValueError,
    "A pattern the rule dialect cannot take; the message says why, on one line."
);
create_exception!(
    _core,
    CoreError,
    PyRuntimeError,
    "An internal failure of the core, raised instead of letting a panic cross into Python."
);

/// Searches over fewer bytes than this keep the GIL: releasing it costs more.
pub(crate) const RELEASE_GIL_BYTES: usize = 4096;

/// Run `work`, turning a panic into `CoreError`.
pub(crate) fn guarded<T>(work: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(work))
        .unwrap_or_else(|panic| Err(CoreError::new_err(panic_reason(panic.as_ref()))))
}

/// Run `work` without the GIL, turning a panic into `CoreError`.
pub(crate) fn detached<T: Send>(py: Python<'_>, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(work)).map_err(|panic| panic_reason(panic.as_ref())))
        .map_err(CoreError::new_err)
}

/// Compile with `work`, turning a panic into `PatternError`: a rule that breaks the
/// compiler is refused like any pattern the dialect cannot take.
fn guarded_compile<T>(work: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(work))
        .unwrap_or_else(|panic| Err(PatternError::new_err(panic_reason(panic.as_ref()))))
}

pub(crate) fn panic_reason(panic: &(dyn std::any::Any + Send)) -> String {
    let reason = panic
        .downcast_ref::<&str>()
        .map(|text| text.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_string());
    format!("internal error in the core: {reason}")
}

pub(crate) fn pattern_error(error: dialect::SyntaxError) -> PyErr {
    PatternError::new_err(error.0)
}

/// Run `work` without the GIL when it goes over enough bytes to be worth it.
fn maybe_detached<T: Send>(py: Python<'_>, size: usize, work: impl FnOnce() -> T + Send) -> T {
    if size >= RELEASE_GIL_BYTES {
        py.detach(work)
    } else {
        work()
    }
}

/// Run `search` over `data[pos:endpos]` once the span is checked: guarded against
/// panics, and without the GIL when the span is large.
fn search_span<T: Send>(
    py: Python<'_>,
    data: &[u8],
    pos: usize,
    endpos: usize,
    search: impl FnOnce() -> T + Send,
) -> PyResult<T> {
    if pos > endpos || endpos > data.len() {
        return Err(PyValueError::new_err("span outside the data"));
    }
    guarded(|| Ok(maybe_detached(py, endpos - pos, search)))
}

/// One compiled rule pattern.
#[pyclass(frozen, module = "cleaner._core", name = "Regex")]
pub(crate) struct PyRegex {
    inner: std::sync::Arc<pattern::Pattern>,
    #[pyo3(get)]
    source: String,
}

#[pymethods]
impl PyRegex {
    #[new]
    fn new(source: &str) -> PyResult<Self> {
        guarded_compile(|| {
            let inner = std::sync::Arc::new(pattern::Pattern::new(source).map_err(pattern_error)?);
            Ok(PyRegex {
                inner,
                source: source.to_string(),
            })
        })
    }

    /// Group count, the whole match included.
    #[getter]
    fn groups(&self) -> usize {
        self.inner.groups()
    }

    /// Named groups: name → index.
    #[getter]
    fn names(&self) -> Vec<(String, usize)> {
        self.inner.names()
    }

    #[getter]
    fn line_local(&self) -> bool {
        self.inner.shape.line_local
    }

    #[getter]
    fn opens_line(&self) -> bool {
        self.inner.shape.opens_line
    }

    #[getter]
    fn counted(&self) -> u32 {
        self.inner.shape.counted
    }

    #[getter]
    fn relaxed(&self) -> String {
        self.inner.shape.relaxed.to_string()
    }

    #[getter]
    fn line_prefix(&self) -> String {
        self.inner
            .shape
            .line_prefix
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default()
    }

    #[getter]
    fn literal(&self) -> Vec<u8> {
        self.inner.shape.literal.clone()
    }

    #[getter]
    fn program_size(&self) -> usize {
        self.inner.program_size
    }

    /// Up to `limit` matches in `data[pos:endpos]` (byte offsets), each the spans of
    /// all groups, (-1, -1) for a group that did not take part.
    fn find(
        &self,
        py: Python<'_>,
        data: &[u8],
        pos: usize,
        endpos: usize,
        limit: usize,
    ) -> PyResult<Vec<pattern::Spans>> {
        search_span(py, data, pos, endpos, || {
            self.inner.find(data, pos, endpos, limit)
        })
    }

    /// As `find`, without the fast paths (the literal scan, the line-by-line search):
    /// the reference they are checked against.
    fn find_plain(
        &self,
        py: Python<'_>,
        data: &[u8],
        pos: usize,
        endpos: usize,
        limit: usize,
    ) -> PyResult<Vec<pattern::Spans>> {
        search_span(py, data, pos, endpos, || {
            self.inner.find_plain(data, pos, endpos, limit)
        })
    }
}

/// Which of many patterns may match a text, in one pass.
#[pyclass(frozen, module = "cleaner._core", name = "RegexSet")]
struct PyRegexSet {
    inner: sets::PatternSet,
}

#[pymethods]
impl PyRegexSet {
    #[new]
    fn new(sources: Vec<String>) -> PyResult<Self> {
        guarded_compile(|| {
            let inner = sets::PatternSet::new(&sources).map_err(pattern_error)?;
            Ok(PyRegexSet { inner })
        })
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// Indices of the patterns that may match somewhere in `data`.
    fn matching(&self, py: Python<'_>, data: &[u8]) -> PyResult<Vec<usize>> {
        guarded(|| Ok(maybe_detached(py, data.len(), || self.inner.matching(data))))
    }
}

/// Which of many literals occur in a text, ignoring case, and which as a whole word, in
/// one pass.
#[pyclass(frozen, module = "cleaner._core", name = "LiteralSet")]
struct PyLiteralSet {
    inner: literals::LiteralSet,
}

#[pymethods]
impl PyLiteralSet {
    #[new]
    #[pyo3(signature = (literals, attributes = Vec::new()))]
    fn new(literals: Vec<String>, attributes: Vec<Option<String>>) -> PyResult<Self> {
        guarded_compile(|| {
            let inner = literals::LiteralSet::new(&literals, &attributes).map_err(pattern_error)?;
            Ok(PyLiteralSet { inner })
        })
    }

    /// Indices of the literals found in `data`: (anywhere, as a whole word). `markup`:
    /// `data` is a page's markup, whose script and style text is not read.
    #[pyo3(signature = (data, markup = false))]
    fn occurrences(
        &self,
        py: Python<'_>,
        data: &[u8],
        markup: bool,
    ) -> PyResult<(Vec<usize>, Vec<usize>)> {
        guarded(|| {
            let found = maybe_detached(py, data.len(), || {
                if markup {
                    self.inner.markup_occurrences(data)
                } else {
                    self.inner.occurrences(data)
                }
            });
            Ok((found.anywhere, found.whole))
        })
    }
}

/// Whether `needle` occurs in `data` (the memchr crate's vectorised search: Python's
/// `in` reads a page's markup at a fifth of its speed for short needles).
#[pyfunction]
fn holds(py: Python<'_>, data: &[u8], needle: &[u8]) -> PyResult<bool> {
    guarded(|| {
        Ok(maybe_detached(py, data.len(), || {
            memchr::memmem::find(data, needle).is_some()
        }))
    })
}

/// Whether `data` is valid UTF-8 (what Python's strict decoder accepts: no surrogates,
/// overlong forms or code points past U+10FFFF), checked without making the str.
#[pyfunction]
fn is_utf8(py: Python<'_>, data: &[u8]) -> PyResult<bool> {
    guarded(|| {
        Ok(maybe_detached(py, data.len(), || {
            std::str::from_utf8(data).is_ok()
        }))
    })
}

/// How many characters the UTF-8 bytes `data[start:end]` hold.
#[pyfunction]
fn char_len(data: &[u8], start: usize, end: usize) -> PyResult<usize> {
    let part = data
        .get(start..end)
        .ok_or_else(|| PyValueError::new_err("span outside the data"))?;
    Ok(part.iter().filter(|&&byte| byte & 0xC0 != 0x80).count())
}

/// How many bytes the next `count` characters from byte `start` of `data` take.
#[pyfunction]
fn char_bytes(data: &[u8], start: usize, count: usize) -> PyResult<usize> {
    let part = data
        .get(start..)
        .ok_or_else(|| PyValueError::new_err("offset outside the data"))?;
    let mut seen = 0;
    for (offset, &byte) in part.iter().enumerate() {
        if byte & 0xC0 != 0x80 {
            if seen == count {
                return Ok(offset);
            }
            seen += 1;
        }
    }
    Ok(part.len())
}

/// The canonical body: paragraphs one blank line apart, plain spaces, NFC.
#[pyfunction]
fn canonical(py: Python<'_>, text: &str) -> PyResult<String> {
    guarded(|| {
        Ok(maybe_detached(py, text.len(), || {
            normalize::canonical(text)
        }))
    })
}

/// `text` in Unicode normal form C.
#[pyfunction]
fn nfc(text: &str) -> PyResult<String> {
    guarded(|| Ok(normalize::nfc(text)))
}

/// Whitespace runs as one space, none at the ends (Python's `" ".join(line.split())`).
#[pyfunction]
fn collapse_spaces(line: &str) -> PyResult<String> {
    guarded(|| Ok(normalize::collapse_spaces(line)))
}

/// `len(" ".join(text.split()))`, without building the collapsed text.
#[pyfunction]
fn collapsed_len(text: &str) -> PyResult<usize> {
    guarded(|| Ok(normalize::collapsed_len(text)))
}

/// ISO 8601 for a date written in `value` (`2024-05-17`, `2024-05-19T10:34`); None
/// when no valid day is written there.
#[pyfunction]
fn parse_date(value: &str) -> PyResult<Option<String>> {
    guarded(|| Ok(dates::parse_date(value)))
}

/// Every month name the date parser reads (lower case) and its month's number.
#[pyfunction]
fn month_names() -> Vec<(&'static str, u32)> {
    dates::MONTHS
        .iter()
        .flat_map(|&(number, names)| names.iter().map(move |&name| (name, number)))
        .collect()
}

/// The host of `url` in lower case without a trailing dot or a leading `www.`; None
/// when urlsplit refuses the URL or it has no host.
#[pyfunction]
fn site_of(url: &str) -> PyResult<Option<String>> {
    guarded(|| Ok(urls::site_of(url)))
}

/// True for an absolute http(s) URL with a host.
#[pyfunction]
fn is_http_url(value: &str) -> PyResult<bool> {
    guarded(|| Ok(urls::is_http_url(value)))
}

/// The limits every pattern is held to: (NFA bytes, DFA bytes).
#[pyfunction]
fn size_limits() -> (usize, usize) {
    (pattern::NFA_SIZE_LIMIT, pattern::DFA_SIZE_LIMIT)
}

#[pymodule]
fn _core(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    module.add_class::<PyRegex>()?;
    text_api::register(module)?;
    trees_api::register(module)?;
    token_mask::register(module)?;
    module.add_class::<PyRegexSet>()?;
    module.add_class::<PyLiteralSet>()?;
    module.add_function(wrap_pyfunction!(holds, module)?)?;
    module.add_function(wrap_pyfunction!(is_utf8, module)?)?;
    module.add_function(wrap_pyfunction!(char_len, module)?)?;
    module.add_function(wrap_pyfunction!(char_bytes, module)?)?;
    module.add_function(wrap_pyfunction!(size_limits, module)?)?;
    module.add_function(wrap_pyfunction!(canonical, module)?)?;
    module.add_function(wrap_pyfunction!(nfc, module)?)?;
    module.add_function(wrap_pyfunction!(collapse_spaces, module)?)?;
    module.add_function(wrap_pyfunction!(collapsed_len, module)?)?;
    module.add_function(wrap_pyfunction!(parse_date, module)?)?;
    module.add_function(wrap_pyfunction!(month_names, module)?)?;
    module.add_function(wrap_pyfunction!(site_of, module)?)?;
    module.add_function(wrap_pyfunction!(is_http_url, module)?)?;
    module.add("PatternError", py.get_type::<PatternError>())?;
    module.add("CoreError", py.get_type::<CoreError>())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_value() {
        let searched: PyResult<()> = guarded(|| panic!("boom"));
        let compiled: PyResult<()> = guarded_compile(|| panic!("{}", "bang"));
        assert!(searched.is_err() && compiled.is_err());
        assert_eq!(panic_reason(&"x"), "internal error in the core: x");
    }
}

/// The core's allocator. A document's clean makes and frees thousands of small
/// buffers (edits, spans, captures, the regex engine's scratch); mimalloc serves them
/// from per-thread free lists, where the system allocator spent about a tenth of the
/// text path's time (bench/text_throughput.py: 4-5% more MB/s, ~50 MB more peak RSS).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
