//! The tree evaluator's Python face: `Forest`, built once from a model file's arrays.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::trees::{Forest, Nodes};
use crate::{guarded, CoreError};

/// A tree ensemble, flattened: evaluated row by row, the GIL released for many rows.
#[pyclass(frozen, module = "cleaner._core", name = "Forest")]
struct PyForest {
    inner: Forest,
    classes: usize,
}

#[pymethods]
impl PyForest {
    #[new]
    #[allow(clippy::too_many_arguments)]
    fn new(
        feature: Vec<usize>,
        threshold: Vec<f64>,
        left: Vec<usize>,
        right: Vec<usize>,
        value: Vec<f64>,
        roots: Vec<usize>,
        tree_class: Vec<usize>,
        classes: usize,
    ) -> PyResult<Self> {
        let nodes = Nodes {
            feature,
            threshold,
            left,
            right,
            value,
        };
        let inner = Forest::new(nodes, roots, tree_class, classes)
            .map_err(|error| PyValueError::new_err(error.0))?;
        Ok(PyForest { inner, classes })
    }

    /// How many features a row needs at least.
    #[getter]
    fn width(&self) -> usize {
        self.inner.width()
    }

    /// Each class's raw score for one row.
    fn scores(&self, row: Vec<f64>) -> PyResult<Vec<f64>> {
        if row.len() < self.inner.width() {
            return Err(PyValueError::new_err(
                "a row with fewer features than the trees read",
            ));
        }
        guarded(|| {
            let mut out = vec![0.0; self.classes];
            self.inner.scores(&row, &mut out);
            Ok(out)
        })
    }

    /// The raw scores of rows given as native-endian float64 bytes, `columns` to a row:
    /// the same layout back, `classes` to a row.
    fn scores_of_rows(&self, py: Python<'_>, data: &[u8], columns: usize) -> PyResult<Vec<u8>> {
        if columns < self.inner.width() || data.len() % (8 * columns.max(1)) != 0 {
            return Err(PyValueError::new_err("rows that do not fit the trees"));
        }
        let values: Vec<f64> = data
            .chunks_exact(8)
            .map(|bytes| f64::from_ne_bytes(bytes.try_into().unwrap_or([0; 8])))
            .collect();
        let scores = py
            .detach(|| {
                std::panic::catch_unwind(|| self.inner.scores_of_rows(&values, columns))
                    .map_err(|panic| crate::panic_reason(panic.as_ref()))
            })
            .map_err(CoreError::new_err)?;
        Ok(scores
            .iter()
            .flat_map(|score| score.to_ne_bytes())
            .collect())
    }
}

pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<PyForest>()
}
