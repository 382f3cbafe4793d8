//! `TextRules.clean`'s answer: one text or Markdown document, cleaned, handed to Python
//! in the shapes its `Document` holds.
//!
//! Everything that grows with the document (the rules, the removals' character
//! offsets and their order, the counts the over-removal check needs) is worked out
//! with the GIL released (`Cleaned`); what is left to do with it held is making the
//! Python objects: the body, the two field dicts, and one `cleaner.document.Removal`
//! per removal, its text a slice of the input str (no UTF-8 decoding). Python then
//! only builds the `Document`.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyTuple, PyType};
use pyo3::{ffi, intern};

use crate::text::doc::Format;

/// What the text phase made of one document, before any Python object is made.
pub(crate) struct Cleaned {
    pub format: Format,
    pub body: String,
    pub fields: Vec<(String, String)>,
    pub provenance: Vec<(String, String)>,
    pub captions: Vec<(Option<String>, Option<String>)>,
    /// (rule position, start, end) in input characters, in the order of their starts
    /// (removals with the same start in the order they were made).
    pub removals: Vec<(usize, usize, usize)>,
    /// The removals' characters, whitespace included: an upper bound of the visible
    /// characters they took, enough to settle the over-removal check for most documents.
    pub removed_chars: usize,
    /// The input's characters other than spaces, line breaks, tabs and no-break spaces.
    pub visible_chars: usize,
}

impl Cleaned {
    /// A document that reads as HTML: the text phase is not for it.
    pub fn html() -> Cleaned {
        Cleaned {
            format: Format::Html,
            body: String::new(),
            fields: Vec::new(),
            provenance: Vec::new(),
            captions: Vec::new(),
            removals: Vec::new(),
            removed_chars: 0,
            visible_chars: 0,
        }
    }

    /// The removals put in the order of their starts (a stable sort, as Python's), and
    /// their characters counted.
    pub fn in_order(mut self) -> Cleaned {
        self.removals.sort_by_key(|&(_, start, _)| start);
        self.removed_chars = self
            .removals
            .iter()
            .map(|(_, start, end)| end - start)
            .sum();
        self
    }
}

/// One text or Markdown document cleaned by `TextRules.clean`, or a text that reads as
/// HTML (format `html`, nothing else filled in).
#[pyclass(frozen, module = "cleaner._core", name = "CleanedText", get_all)]
pub(crate) struct PyCleanedText {
    /// `text`, `markdown` or `html`: as given, or as the text reads.
    format: Py<PyString>,
    /// The settled canonical body.
    body: Py<PyString>,
    /// The metadata fields, the given ones first, in the order they were set.
    fields: Py<PyDict>,
    /// Where each field came from, in the same order.
    provenance: Py<PyDict>,
    /// The captions lifted out, each (text, credit).
    captions: Py<PyList>,
    /// `cleaner.document.Removal`s, in the order of their starts.
    removed: Py<PyList>,
    /// The removals' characters, whitespace included.
    removed_chars: usize,
    /// The input's characters other than spaces, line breaks, tabs and no-break spaces.
    visible_chars: usize,
}

/// `cleaner.document.Removal`, a named tuple, and `tuple.__new__`, which makes one from
/// a plain tuple without running Python code (what its `_make` calls).
static REMOVAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static TUPLE_NEW: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

impl PyCleanedText {
    /// The Python objects of `cleaned`; `source` is the input str and `ids` the rules'
    /// ids by position.
    pub fn new(
        py: Python<'_>,
        cleaned: Cleaned,
        source: &Bound<'_, PyString>,
        ids: &[Py<PyString>],
    ) -> PyResult<PyCleanedText> {
        let removal = REMOVAL.import(py, "cleaner.document", "Removal")?;
        let tuple_new = TUPLE_NEW.get_or_try_init(py, || {
            py.get_type::<PyTuple>()
                .getattr(intern!(py, "__new__"))
                .map(Bound::unbind)
        })?;
        let tuple_new = tuple_new.bind(py);
        let removed = PyList::empty(py);
        for (rule, start, end) in cleaned.removals {
            let items = (
                ids[rule].clone_ref(py),
                start,
                end,
                substring(source, start, end)?,
            );
            removed.append(tuple_new.call1((removal, items))?)?;
        }
        Ok(PyCleanedText {
            format: PyString::intern(py, format_name(cleaned.format)).unbind(),
            body: PyString::new(py, &cleaned.body).unbind(),
            fields: dict_of(py, cleaned.fields)?,
            provenance: dict_of(py, cleaned.provenance)?,
            captions: PyList::new(py, cleaned.captions)?.unbind(),
            removed: removed.unbind(),
            removed_chars: cleaned.removed_chars,
            visible_chars: cleaned.visible_chars,
        })
    }
}

pub(crate) fn format_name(format: Format) -> &'static str {
    match format {
        Format::Text => "text",
        Format::Markdown => "markdown",
        Format::Html => "html",
    }
}

/// A dict of field names to values. The names are interned, as Python's own names are:
/// passed on as keyword arguments (`Document(**fields)`), each is then told by identity
/// instead of compared with every parameter's name.
fn dict_of(py: Python<'_>, pairs: Vec<(String, String)>) -> PyResult<Py<PyDict>> {
    let dict = PyDict::new(py);
    for (name, value) in pairs {
        dict.set_item(PyString::intern(py, &name), value)?;
    }
    Ok(dict.unbind())
}

/// `text[start:end]` in characters, copied from the str as it is stored.
fn substring<'py>(
    text: &Bound<'py, PyString>,
    start: usize,
    end: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let (start, end) = (as_index(start)?, as_index(end)?);
    // SAFETY: `text` is a live str; PyUnicode_Substring returns a new reference, or
    // NULL with an exception set for offsets out of range.
    unsafe {
        Bound::from_owned_ptr_or_err(
            text.py(),
            ffi::PyUnicode_Substring(text.as_ptr(), start, end),
        )
    }
}

fn as_index(offset: usize) -> PyResult<ffi::Py_ssize_t> {
    ffi::Py_ssize_t::try_from(offset)
        .map_err(|_| pyo3::exceptions::PyOverflowError::new_err("offset out of range"))
}
