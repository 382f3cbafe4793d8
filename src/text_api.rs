//! The text phase's Python face: `TextRules` (compiled once from the validated rules)
//! and its `run`, one call per document that releases the GIL for the whole of it.
//!
//! Offsets cross as character offsets (Python's str offsets): removals into the
//! input, pieces into the final text and the input.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use pyo3::types::PyString;

use crate::buffer::{plain_view, CharOffsets, TextBuffer};
use crate::cleaned_text::{format_name, Cleaned, PyCleanedText};
use crate::str_utf8::{surrogate_error, StrText};
use crate::text::doc::{Doc, Fields, Format};
use crate::text::engine::{run_one, Deadline};
use crate::text::format::{detect_format, detect_format_in_view};
use crate::text::kinds::{self, Kind, Pat, Piece, Template};
use crate::text::rules::{Conditions, TextRule, Where};
use crate::text::ruleset::TextRules;
use crate::trees_api::{narrowed, widened, PyForest};
use crate::{detached, panic_reason, pattern_error, CoreError, PyRegex, RELEASE_GIL_BYTES};

/// One validated text rule as Python hands it over (a dict with every key present).
#[derive(FromPyObject)]
struct RuleSpec {
    #[pyo3(item)]
    id: String,
    #[pyo3(item)]
    kind: String,
    #[pyo3(item("where"))]
    place: String,
    #[pyo3(item)]
    lines: usize,
    #[pyo3(item)]
    skip_code: bool,
    #[pyo3(item)]
    formats: Vec<String>,
    #[pyo3(item)]
    sites: Vec<String>,
    #[pyo3(item)]
    if_set: Vec<String>,
    #[pyo3(item)]
    if_unset: Vec<String>,
    #[pyo3(item)]
    if_found: Vec<String>,
    #[pyo3(item)]
    if_page_type: Vec<String>,
    #[pyo3(item)]
    unless_page_type: Vec<String>,
    /// The kind's patterns by field name (`pattern`, `start`, `end`).
    #[pyo3(item)]
    patterns: HashMap<String, Py<PyRegex>>,
    /// Groups the kind reads by name (`text`, `credit`, the captured field).
    #[pyo3(item)]
    groups: HashMap<String, usize>,
    #[pyo3(item)]
    field: Option<String>,
    #[pyo3(item)]
    drop: Option<String>,
    #[pyo3(item)]
    max_matches: Option<usize>,
    #[pyo3(item)]
    max_lines: Option<usize>,
    #[pyo3(item)]
    min_furniture: Option<usize>,
    #[pyo3(item)]
    min_prose_chars: Option<usize>,
    /// keep_main_run's line model and the probability from which it keeps a line.
    #[pyo3(item)]
    line_model: Option<Py<PyForest>>,
    #[pyo3(item)]
    line_threshold: Option<f64>,
    /// keep_main_run's second stage (see `dump_lines::context_rows`) and its threshold.
    #[pyo3(item)]
    context_model: Option<Py<PyForest>>,
    #[pyo3(item)]
    context_threshold: Option<f64>,
    /// A substitute's template: literal text or a group index, piece by piece.
    #[pyo3(item)]
    template: Vec<(Option<String>, Option<usize>)>,
}

fn pat(regex: &Py<PyRegex>) -> Pat {
    let regex = regex.get();
    Pat {
        source: regex.source.clone(),
        compiled: regex.inner.clone(),
    }
}

fn spec_error(spec: &RuleSpec, what: &str) -> PyErr {
    PyValueError::new_err(format!("{}: {what}", spec.id))
}

fn formats(names: &[String]) -> PyResult<Vec<Format>> {
    names.iter().map(|name| format_named(name)).collect()
}

fn format_named(name: &str) -> PyResult<Format> {
    Format::parse(name).ok_or_else(|| PyValueError::new_err(format!("unknown format {name:?}")))
}

impl RuleSpec {
    fn pattern(&self, name: &str) -> PyResult<Pat> {
        self.patterns
            .get(name)
            .map(pat)
            .ok_or_else(|| spec_error(self, &format!("kind {} needs a {name} pattern", self.kind)))
    }

    fn kind(&self) -> PyResult<Kind> {
        Ok(match self.kind.as_str() {
            "drop_lines" => Kind::DropLines(kinds::DropLines {
                pattern: self.pattern("pattern")?,
            }),
            "drop_block" => Kind::DropBlock(kinds::DropBlock {
                start: self.pattern("start")?,
                end: self.pattern("end")?,
                max_lines: self.max_lines.unwrap_or(40),
            }),
            "substitute" => Kind::Substitute(kinds::Substitute {
                pattern: self.pattern("pattern")?,
                template: Template {
                    pieces: self
                        .template
                        .iter()
                        .map(|(text, group)| match group {
                            Some(index) => Piece::Group(*index),
                            None => Piece::Text(text.clone().unwrap_or_default()),
                        })
                        .collect(),
                },
            }),
            "capture" => {
                let field = self
                    .field
                    .clone()
                    .ok_or_else(|| spec_error(self, "no field"))?;
                Kind::Capture(kinds::Capture {
                    pattern: self.pattern("pattern")?,
                    group: *self
                        .groups
                        .get(&field)
                        .ok_or_else(|| spec_error(self, "no group named like the field"))?,
                    field,
                    drop: match self.drop.as_deref() {
                        None | Some("match") => kinds::Drop::Match,
                        Some("group") => kinds::Drop::Group,
                        Some("none") => kinds::Drop::Nothing,
                        Some(other) => return Err(spec_error(self, &format!("drop {other:?}"))),
                    },
                    max_matches: self.max_matches.unwrap_or(1),
                    followed_by: self.patterns.get("followed_by").map(pat),
                })
            }
            "caption" => Kind::Caption(kinds::Caption {
                pattern: self.pattern("pattern")?,
                text_group: self.groups.get("text").copied(),
                credit_group: self.groups.get("credit").copied(),
            }),
            "drop_title_repeat" => Kind::TitleRepeat(kinds::TitleRepeat),
            "keep_main_run" => Kind::KeepMainRun(kinds::KeepMainRun {
                min_furniture: self.min_furniture.unwrap_or(5),
                min_prose_chars: self.min_prose_chars.unwrap_or(80),
                model: self
                    .line_model
                    .as_ref()
                    .map(|forest| forest.get().inner.clone())
                    .ok_or_else(|| spec_error(self, "keep_main_run needs its line model"))?,
                threshold: self.line_threshold.unwrap_or(0.5),
                context: self.context_model.as_ref().map(|forest| {
                    (
                        forest.get().inner.clone(),
                        self.context_threshold.unwrap_or(0.5),
                    )
                }),
            }),
            other => return Err(spec_error(self, &format!("not a text kind: {other}"))),
        })
    }

    fn into_rule(self) -> PyResult<TextRule> {
        let place = Where::parse(&self.place)
            .ok_or_else(|| spec_error(&self, &format!("where {:?}", self.place)))?;
        let kind = self.kind()?;
        let conditions = Conditions {
            formats: formats(&self.formats)?,
            sites: self.sites,
            if_set: self.if_set,
            if_unset: self.if_unset,
            if_found: self.if_found,
            if_page_type: self.if_page_type,
            unless_page_type: self.unless_page_type,
        };
        Ok(TextRule {
            id: self.id,
            place,
            lines: self.lines,
            skip_code: self.skip_code,
            conditions,
            kind,
        })
    }
}

/// The text rules of a rule set, compiled: immutable, shared by any number of threads.
#[pyclass(frozen, module = "cleaner._core", name = "TextRules")]
struct PyTextRules {
    inner: TextRules,
    /// The rules' ids by position, made once: every removal names its rule with one.
    ids: Vec<Py<PyString>>,
}

/// What the text rules made of one document.
#[pyclass(frozen, module = "cleaner._core", name = "TextOutcome", get_all)]
struct PyTextOutcome {
    /// The document's time ran out; nothing else is filled in.
    timed_out: bool,
    /// The edited text (before the canonical body's layout), when asked for.
    text: String,
    /// The settled canonical body, when asked for.
    body: Option<String>,
    fields: Vec<(String, String)>,
    provenance: Vec<(String, String)>,
    captions: Vec<(Option<String>, Option<String>)>,
    /// (rule position, start, end): what each rule removed, in input characters.
    removals: Vec<(usize, usize, usize)>,
    /// (start, end, origin), when asked for: the edited text's pieces in its characters, each kept from
    /// the input at character `origin`, or inserted by a rule (origin -1).
    pieces: Vec<(usize, usize, i64)>,
    /// How many times the rule fired (`run_one`).
    fired: usize,
    /// The input's characters other than spaces, line breaks, tabs and no-break spaces.
    visible_chars: usize,
}

/// The document a call starts from.
struct Start {
    format: Format,
    page_type: Option<String>,
    fields: Vec<(String, String)>,
    provenance: Vec<(String, String)>,
}

impl Start {
    fn doc(self, text: &str) -> Doc {
        self.doc_of_view(plain_view(text))
    }

    /// The document of a text whose plain view is made.
    fn doc_of_view(self, view: String) -> Doc {
        let mut doc = Doc::new(TextBuffer::of_view(view), self.format);
        doc.page_type = self.page_type;
        doc.fields = Fields(self.fields);
        doc.provenance = Fields(self.provenance);
        doc
    }
}

#[pymethods]
impl PyTextRules {
    /// Compile the text rules, in run order, and the (pattern, site) fingerprints.
    #[new]
    fn new(
        py: Python<'_>,
        specs: Vec<RuleSpec>,
        fingerprints: Vec<(Py<PyRegex>, String)>,
    ) -> PyResult<Self> {
        let ids = specs
            .iter()
            .map(|spec| PyString::intern(py, &spec.id).unbind())
            .collect();
        let rules = specs
            .into_iter()
            .map(RuleSpec::into_rule)
            .collect::<PyResult<Vec<_>>>()?;
        let fingerprints = fingerprints
            .iter()
            .map(|(regex, site)| (pat(regex), site.clone()))
            .collect();
        let inner = TextRules::new(rules, fingerprints).map_err(pattern_error)?;
        Ok(PyTextRules { inner, ids })
    }

    fn __len__(&self) -> usize {
        self.inner.rules.len()
    }

    /// Run the text rules over `text`; with `settle`, make the settled canonical body;
    /// with `edited`, return the edited text and its pieces; without `prefilter`, run
    /// every applicable rule (a check that the prefilter changes nothing).
    #[pyo3(signature = (text, format, *, page_type=None, fields=Vec::new(), provenance=Vec::new(), timeout=None, settle=true, edited=false, prefilter=true))]
    #[allow(clippy::too_many_arguments)]
    fn run(
        &self,
        py: Python<'_>,
        text: &str,
        format: &str,
        page_type: Option<String>,
        fields: Vec<(String, String)>,
        provenance: Vec<(String, String)>,
        timeout: Option<f64>,
        settle: bool,
        edited: bool,
        prefilter: bool,
    ) -> PyResult<PyTextOutcome> {
        let start = Start {
            format: format_named(format)?,
            page_type,
            fields,
            provenance,
        };
        let deadline = Deadline::after(timeout);
        detached(py, || {
            let mut doc = start.doc(text);
            doc.prefilter = prefilter;
            match crate::text::clean(&self.inner, &mut doc, &deadline, settle) {
                Ok(body) => outcome(doc, body, 0, edited, visible_chars(text)),
                Err(_) => timed_out(),
            }
        })
    }

    /// Clean one text or Markdown document whole, the GIL released for all of it: its
    /// format detected unless given (a text that reads as HTML comes back at once, with
    /// format `html`), every text rule, the settled body, the removals in the order of
    /// their starts. None when the document's time ran out.
    #[pyo3(signature = (text, format=None, *, fields=Vec::new(), provenance=Vec::new(), timeout=None))]
    fn clean(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyString>,
        format: Option<&str>,
        fields: Vec<(String, String)>,
        provenance: Vec<(String, String)>,
        timeout: Option<f64>,
    ) -> PyResult<Option<PyCleanedText>> {
        let given = format.map(format_named).transpose()?;
        let read = StrText::read(text)?;
        let deadline = Deadline::after(timeout);
        let start = Start {
            format: Format::Text, // the given or detected format, set there
            page_type: None,
            fields,
            provenance,
        };
        let cleaned = detached(py, || {
            clean_document(&self.inner, &read, given, start, &deadline)
        })?;
        match cleaned {
            Ok(cleaned) => cleaned
                .map(|cleaned| PyCleanedText::new(py, cleaned, text, &self.ids))
                .transpose(),
            Err(surrogate) => Err(surrogate_error(text, surrogate)),
        }
    }

    /// Run only the rule at `position`, without the prefilter, when its conditions hold:
    /// how a rule's examples run.
    #[pyo3(signature = (position, text, format, *, page_type=None, fields=Vec::new(), provenance=Vec::new()))]
    #[allow(clippy::too_many_arguments)]
    fn run_one(
        &self,
        py: Python<'_>,
        position: usize,
        text: &str,
        format: &str,
        page_type: Option<String>,
        fields: Vec<(String, String)>,
        provenance: Vec<(String, String)>,
    ) -> PyResult<PyTextOutcome> {
        if position >= self.inner.rules.len() {
            return Err(PyValueError::new_err("no rule at that position"));
        }
        let start = Start {
            format: format_named(format)?,
            page_type,
            fields,
            provenance,
        };
        detached(py, || {
            let mut doc = start.doc(text);
            let fired = run_one(&self.inner, position, &mut doc);
            outcome(doc, None, fired, true, visible_chars(text))
        })
    }
}

/// `TextRules.clean`'s work, all of it done without the GIL: the text in UTF-8, the format
/// detected unless `given`, the rules, the settled body, the removals in order. None when
/// the deadline passed; Err with the index of a lone surrogate, which UTF-8 cannot hold.
/// (A function of its own, never inlined, so that a profile tells this part.)
#[inline(never)]
fn clean_document(
    rules: &TextRules,
    text: &StrText<'_>,
    given: Option<Format>,
    start: Start,
    deadline: &Deadline,
) -> Result<Option<Cleaned>, usize> {
    let source = text.utf8()?;
    Ok(clean_source(rules, &source, given, start, deadline))
}

fn clean_source(
    rules: &TextRules,
    source: &str,
    given: Option<Format>,
    mut start: Start,
    deadline: &Deadline,
) -> Option<Cleaned> {
    let view = plain_view(source);
    start.format = given.unwrap_or_else(|| detect_format_in_view(source, &view));
    if start.format == Format::Html {
        return Some(Cleaned::html());
    }
    let format = start.format;
    let mut doc = start.doc_of_view(view);
    let body = crate::text::clean(rules, &mut doc, deadline, true).ok()?;
    let done = outcome(doc, body, 0, false, visible_chars(source));
    let cleaned = Cleaned {
        format,
        body: done.body.unwrap_or_default(),
        fields: done.fields,
        provenance: done.provenance,
        captions: done.captions,
        removals: done.removals,
        removed_chars: 0,
        visible_chars: done.visible_chars,
    };
    Some(cleaned.in_order())
}

/// As `detached` for work that grows with a text of `size` bytes and is quick on a
/// small one: below RELEASE_GIL_BYTES the GIL is kept, since handing it to another
/// thread and taking it back costs more than the work.
fn detached_if_long<T: Send>(
    py: Python<'_>,
    size: usize,
    work: impl FnOnce() -> T + Send,
) -> PyResult<T> {
    if size >= RELEASE_GIL_BYTES {
        return detached(py, work);
    }
    catch_unwind(AssertUnwindSafe(work))
        .map_err(|panic| CoreError::new_err(panic_reason(panic.as_ref())))
}

fn timed_out() -> PyTextOutcome {
    PyTextOutcome {
        timed_out: true,
        text: String::new(),
        body: None,
        fields: Vec::new(),
        provenance: Vec::new(),
        captions: Vec::new(),
        removals: Vec::new(),
        pieces: Vec::new(),
        fired: 0,
        visible_chars: 0,
    }
}

/// The input's characters that are not a space, line break, tab, `\r` or no-break
/// space: what the over-removal share is a share of.
fn visible_chars(text: &str) -> usize {
    // Bytes that open a character and are not one of the four ASCII spaces, eight at a
    // time, less the no-break spaces (0xC2 0xA0), found by memmem.
    let bytes = text.as_bytes();
    let mut words = bytes.chunks_exact(8);
    let mut counted: usize = 0;
    for word in words.by_ref() {
        let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        counted += visible_in_word(word).count_ones() as usize;
    }
    counted += words
        .remainder()
        .iter()
        .filter(|&&byte| byte & 0xC0 != 0x80 && !matches!(byte, b' ' | b'\n' | b'\t' | b'\r'))
        .count();
    counted - memchr::memmem::find_iter(bytes, b"\xC2\xA0").count()
}

/// The high bit of each byte of `word` that opens a character and is not one of the
/// four ASCII spaces (b' ', b'\n', b'\t', b'\r'); every other bit clear.
#[inline(always)]
fn visible_in_word(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // A byte's high bit set when the byte is not zero (no carry between bytes).
    let nonzero = |x: u64| ((x & LOW7).wrapping_add(LOW7) | x) & HIGH;
    // A continuation byte is 0b10xxxxxx: flipped, its top two bits are both clear.
    let top = (word ^ HIGH) & 0xC0C0_C0C0_C0C0_C0C0;
    let opens = (top | (top << 1)) & HIGH;
    let differs = |byte: u8| nonzero(word ^ (ONES * u64::from(byte)));
    opens & differs(b' ') & differs(b'\n') & differs(b'\t') & differs(b'\r')
}

fn outcome(
    doc: Doc,
    body: Option<String>,
    fired: usize,
    edited: bool,
    visible_chars: usize,
) -> PyTextOutcome {
    let segments = if edited {
        doc.buffer.pieces()
    } else {
        Vec::new()
    };
    let view = CharOffsets::new(
        doc.buffer.view(),
        doc.removed
            .iter()
            .flat_map(|r| [r.start, r.end])
            .chain(segments.iter().filter_map(|(_, origin)| *origin)),
    );
    let removals = doc
        .removed
        .iter()
        .map(|removal| (removal.rule, view.get(removal.start), view.get(removal.end)))
        .collect();
    let current = CharOffsets::new(
        doc.text(),
        segments.iter().flat_map(|((start, end), _)| [*start, *end]),
    );
    let pieces = segments
        .iter()
        .map(|((start, end), origin)| {
            let origin = origin.map_or(-1, |origin| view.get(origin) as i64);
            (current.get(*start), current.get(*end), origin)
        })
        .collect();
    PyTextOutcome {
        timed_out: false,
        text: if edited {
            doc.buffer.text().to_string()
        } else {
            String::new()
        },
        body,
        fields: doc.fields.0,
        provenance: doc.provenance.0,
        captions: doc
            .captions
            .into_iter()
            .map(|caption| (caption.text, caption.credit))
            .collect(),
        removals,
        pieces,
        fired,
        visible_chars,
    }
}

/// HTML, Markdown or text: what `text` reads as.
#[pyfunction(name = "detect_format")]
fn py_detect_format(py: Python<'_>, text: &str) -> PyResult<&'static str> {
    detached_if_long(py, text.len(), || format_name(detect_format(text)))
}

/// HTML, Markdown or text: what UTF-8 `data` reads as (the same as `detect_format` of the
/// text it encodes). A page's opening is told from its first bytes, without decoding or
/// checking the rest.
#[pyfunction(name = "detect_format_utf8")]
fn py_detect_format_utf8(py: Python<'_>, data: &[u8]) -> PyResult<&'static str> {
    detached_if_long(
        py,
        data.len(),
        || match crate::text::format::detect_format_utf8(data) {
            Some(Format::Text) => "text",
            Some(Format::Markdown) => "markdown",
            Some(Format::Html) => "html",
            None => "invalid",
        },
    )
}

/// The text as the rules see it: Unicode spaces as ' ', line breaks as '\n', one
/// character for each of the input's.
#[pyfunction(name = "plain_view")]
fn py_plain_view(py: Python<'_>, text: &str) -> PyResult<String> {
    detached_if_long(py, text.len(), || crate::buffer::plain_view(text))
}

/// The lines with text of a dump as `keep_main_run` reads them: their feature rows (as
/// float32 bytes, `dump_line_columns()` values each) and their visible text.
#[pyfunction(name = "dump_line_rows")]
fn py_dump_line_rows(
    py: Python<'_>,
    text: &str,
    min_prose_chars: usize,
) -> PyResult<(Vec<u8>, Vec<String>)> {
    detached(py, || {
        let lines = kinds::read_dump_lines(text);
        let refs: Vec<&kinds::DumpLine> = lines.iter().collect();
        let rows = kinds::dump_line_rows(&refs, min_prose_chars);
        (
            narrowed(&rows),
            lines.into_iter().map(|line| line.shown).collect(),
        )
    })
}

/// The names of the dump line model's feature columns, in order.
#[pyfunction(name = "dump_line_columns")]
fn py_dump_line_columns() -> Vec<&'static str> {
    kinds::DUMP_LINE_COLUMNS.to_vec()
}

/// Words of site chrome both learned models look for in short texts.
#[pyfunction(name = "chrome_words")]
fn py_chrome_words() -> Vec<&'static str> {
    kinds::CHROME_WORDS.to_vec()
}

/// The names of the columns the second stage adds to a line's row, in order.
#[pyfunction(name = "dump_context_columns")]
fn py_dump_context_columns() -> Vec<&'static str> {
    kinds::DUMP_CONTEXT_COLUMNS.to_vec()
}

/// The second stage's rows (float32 bytes) from a dump's first-stage rows (float32 bytes,
/// as `dump_line_rows` gives them), the first stage's probabilities and its threshold.
#[pyfunction(name = "dump_context_rows")]
fn py_dump_context_rows(
    py: Python<'_>,
    rows: &[u8],
    first: Vec<f64>,
    threshold: f64,
) -> PyResult<Vec<u8>> {
    let width = kinds::DUMP_LINE_COLUMNS.len();
    if rows.len() != first.len() * width * 4 {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "dump_context_rows: one row of dump_line_columns() float32 values per probability",
        ));
    }
    detached(py, || {
        narrowed(&kinds::dump_context_rows(&widened(rows), &first, threshold))
    })
}

/// Character spans of the tags of elements nested deeper than `max_depth`.
#[pyfunction(name = "tags_too_deep")]
fn py_tags_too_deep(py: Python<'_>, html: &str, max_depth: usize) -> PyResult<Vec<(usize, usize)>> {
    detached(py, || {
        let spans = crate::nesting::tags_too_deep(html.as_bytes(), max_depth);
        let chars = CharOffsets::new(html, spans.iter().flat_map(|&(start, end)| [start, end]));
        spans
            .into_iter()
            .map(|(start, end)| (chars.get(start), chars.get(end)))
            .collect()
    })
}

/// How many `<` the UTF-8 markup `html` holds.
#[pyfunction(name = "tag_openings")]
fn py_tag_openings(py: Python<'_>, html: &[u8]) -> PyResult<usize> {
    detached(py, || crate::nesting::tag_openings(html))
}

pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<PyTextRules>()?;
    module.add_class::<PyTextOutcome>()?;
    module.add_class::<PyCleanedText>()?;
    module.add_function(wrap_pyfunction!(py_detect_format, module)?)?;
    module.add_function(wrap_pyfunction!(py_detect_format_utf8, module)?)?;
    module.add_function(wrap_pyfunction!(py_plain_view, module)?)?;
    module.add_function(wrap_pyfunction!(py_tags_too_deep, module)?)?;
    module.add_function(wrap_pyfunction!(py_tag_openings, module)?)?;
    module.add_function(wrap_pyfunction!(py_dump_line_rows, module)?)?;
    module.add_function(wrap_pyfunction!(py_chrome_words, module)?)?;
    module.add_function(wrap_pyfunction!(py_dump_line_columns, module)?)?;
    module.add_function(wrap_pyfunction!(py_dump_context_columns, module)?)?;
    module.add_function(wrap_pyfunction!(py_dump_context_rows, module)?)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::visible_chars;
    use proptest::prelude::*;

    #[test]
    fn every_byte_in_every_place_of_a_word_is_told_as_one_at_a_time() {
        let visible =
            |byte: u8| byte & 0xC0 != 0x80 && !matches!(byte, b' ' | b'\n' | b'\t' | b'\r');
        for byte in 0..=255u8 {
            for place in 0..8 {
                for filler in [b'a', b' ', 0x80, 0xFF] {
                    let mut bytes = [filler; 8];
                    bytes[place] = byte;
                    let expected = bytes.iter().filter(|&&b| visible(b)).count() as u32;
                    let word = u64::from_le_bytes(bytes);
                    assert_eq!(
                        super::visible_in_word(word).count_ones(),
                        expected,
                        "{bytes:?}"
                    );
                }
            }
        }
    }

    proptest! {
        #[test]
        fn visible_chars_leave_out_the_five_spaces(text in "[a é\u{a0}\u{2003}\n\t\r\u{c2}\u{e9}\u{b}\u{c}\x00\u{7f}\u{80}\u{ff}\u{10000}]{0,40}") {
            let spaces = [' ', '\n', '\t', '\r', '\u{a0}'];
            let expected = text.chars().filter(|c| !spaces.contains(c)).count();
            prop_assert_eq!(visible_chars(&text), expected);
        }
    }
}
