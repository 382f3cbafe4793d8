//! Tree ensembles trained offline (gradient-boosted trees), evaluated row by row: the
//! one evaluator behind the block classifier (`cleaner/trees.py`) and the page-type
//! forests (`cleaner/page_type/model.py`), whichever file format each reads.
//!
//! Nodes are flattened into arrays shared by all trees. A split sends a row left
//! when its feature is `<=` the threshold (a NaN goes right); a leaf is a node that
//! is its own left and right child. A class's raw score is the sum of its trees'
//! leaves, added in the trees' order.

/// A forest's flattened nodes, its trees' roots and the class each tree adds to.
pub struct Forest {
    nodes: Nodes,
    roots: Vec<usize>,
    tree_class: Vec<usize>,
    classes: usize,
    /// The most features a row must have: one more than the largest split feature.
    width: usize,
}

/// Why arrays do not make a forest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForestError(pub String);

/// The node arrays of a forest (see `Forest`).
pub struct Nodes {
    pub feature: Vec<usize>,
    pub threshold: Vec<f64>,
    pub left: Vec<usize>,
    pub right: Vec<usize>,
    pub value: Vec<f64>,
}

impl Forest {
    pub fn new(
        nodes: Nodes,
        roots: Vec<usize>,
        tree_class: Vec<usize>,
        classes: usize,
    ) -> Result<Forest, ForestError> {
        let count = nodes.feature.len();
        let lengths = [
            nodes.threshold.len(),
            nodes.left.len(),
            nodes.right.len(),
            nodes.value.len(),
        ];
        if lengths.iter().any(|&length| length != count) {
            return Err(ForestError("node arrays of different lengths".to_string()));
        }
        if roots.len() != tree_class.len() || tree_class.iter().any(|&class| class >= classes) {
            return Err(ForestError(
                "a tree without a class, or of a class past the last".to_string(),
            ));
        }
        let in_range = |&node: &usize| node < count;
        if !(nodes.left.iter().all(in_range)
            && nodes.right.iter().all(in_range)
            && roots.iter().all(in_range))
        {
            return Err(ForestError(
                "a child or root past the last node".to_string(),
            ));
        }
        // A walk must end: every split's children come after it.
        for node in 0..count {
            let leaf = nodes.left[node] == node && nodes.right[node] == node;
            if !leaf && (nodes.left[node] <= node || nodes.right[node] <= node) {
                return Err(ForestError(format!(
                    "node {node} does not lead down the tree"
                )));
            }
        }
        let width = (0..count)
            .filter(|&node| nodes.left[node] != node)
            .map(|node| nodes.feature[node] + 1)
            .max()
            .unwrap_or(0);
        Ok(Forest {
            nodes,
            roots,
            tree_class,
            classes,
            width,
        })
    }

    /// How many features a row needs at least.
    pub fn width(&self) -> usize {
        self.width
    }

    /// How many classes the trees add to: the length of a row's scores.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Each class's raw score for one row (`row.len() >= width()`).
    pub fn scores(&self, row: &[f64], out: &mut [f64]) {
        out.iter_mut().for_each(|score| *score = 0.0);
        let nodes = &self.nodes;
        for (&root, &class) in self.roots.iter().zip(&self.tree_class) {
            let mut node = root;
            while nodes.left[node] != node {
                node = if row[nodes.feature[node]] <= nodes.threshold[node] {
                    nodes.left[node]
                } else {
                    nodes.right[node]
                };
            }
            out[class] += nodes.value[node];
        }
    }

    /// The raw scores of many rows of `columns` values each (row after row), class
    /// after class within a row.
    pub fn scores_of_rows(&self, values: &[f64], columns: usize) -> Vec<f64> {
        let rows = values.len().checked_div(columns).unwrap_or(0);
        let mut out = vec![0.0; rows * self.classes];
        for (row, scores) in values
            .chunks_exact(columns.max(1))
            .zip(out.chunks_exact_mut(self.classes.max(1)))
        {
            self.scores(row, scores);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One tree of two classes' worth: x0 <= 1 → 0.5 to class 0, else x1 <= 2 → ...
    fn forest() -> Forest {
        let nodes = Nodes {
            feature: vec![0, 0, 1, 0, 0],
            threshold: vec![1.0, 0.0, 2.0, 0.0, 0.0],
            left: vec![1, 1, 3, 3, 4],
            right: vec![2, 1, 4, 3, 4],
            value: vec![0.0, 0.5, 0.0, -1.0, 2.0],
        };
        Forest::new(nodes, vec![0, 0], vec![0, 1], 2).unwrap()
    }

    #[test]
    fn rows_go_down_every_tree_and_add_to_their_class() {
        let forest = forest();
        assert_eq!(forest.width(), 2);
        assert_eq!(
            forest.scores_of_rows(&[0.5, 9.0, 3.0, 1.0, 3.0, 5.0], 2),
            vec![0.5, 0.5, -1.0, -1.0, 2.0, 2.0]
        );
        assert_eq!(forest.scores_of_rows(&[f64::NAN, 9.0], 2), vec![2.0, 2.0]);
    }

    #[test]
    fn arrays_that_make_no_forest_are_refused() {
        let nodes = Nodes {
            feature: vec![0],
            threshold: vec![0.0],
            left: vec![0],
            right: vec![1],
            value: vec![0.0],
        };
        assert!(Forest::new(nodes, vec![0], vec![0], 1).is_err());
    }
}
