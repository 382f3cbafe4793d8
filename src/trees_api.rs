//! The tree evaluator's Python face: `Forest`, built once from a model file's arrays.

use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::trees::{Forest, Nodes};
use crate::{detached, guarded};

/// A tree ensemble, flattened: evaluated row by row, the GIL released for many rows.
#[pyclass(frozen, module = "cleaner._core", name = "Forest")]
pub(crate) struct PyForest {
    pub(crate) inner: Arc<Forest>,
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
        Ok(PyForest {
            inner: Arc::new(inner),
        })
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
            let mut out = vec![0.0; self.inner.classes()];
            self.inner.scores(&row, &mut out);
            Ok(out)
        })
    }

    /// The raw scores of rows given as native-endian float32 bytes, `columns` to a row
    /// (each value read as the float64 it is exactly): a list, `classes` to a row.
    fn scores_of_f32_rows(
        &self,
        py: Python<'_>,
        data: &[u8],
        columns: usize,
    ) -> PyResult<Vec<f64>> {
        if columns < self.inner.width() || data.len() % (4 * columns.max(1)) != 0 {
            return Err(PyValueError::new_err("rows that do not fit the trees"));
        }
        let values = widened(data);
        detached(py, || self.inner.scores_of_rows(&values, columns))
    }
}

/// Native-endian float32 bytes as the float64 values they are (a whole number of them).
pub(crate) fn widened(data: &[u8]) -> Vec<f64> {
    data.chunks_exact(4)
        .map(|bytes| f64::from(f32::from_ne_bytes(bytes.try_into().unwrap_or([0; 4]))))
        .collect()
}

/// Float64 values as the native-endian float32 bytes numpy reads them from.
pub(crate) fn narrowed(values: &[f64]) -> Vec<u8> {
    values
        .iter()
        .flat_map(|&value| (value as f32).to_ne_bytes())
        .collect()
}

pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<PyForest>()
}

#[cfg(test)]
mod tests {
    use super::widened;

    #[test]
    fn float32_bytes_widen_to_the_same_values() {
        let values = [0.1_f32, -2.5, 1.0e-40, f32::MAX, 3.0];
        let data: Vec<u8> = values
            .iter()
            .flat_map(|value| value.to_ne_bytes())
            .collect();
        let wide = widened(&data);
        assert_eq!(wide.len(), values.len());
        for (wide, narrow) in wide.iter().zip(values) {
            assert_eq!(*wide, f64::from(narrow));
            assert_eq!(*wide as f32, narrow);
        }
    }
}
