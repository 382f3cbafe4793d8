"""Corpus lint and fix: report every place a rule would change a corpus file; apply safe fixes.

One small module per concern: `lines` (positions), `textcodec` (bytes and back),
`analysis` (one document through the text rules), `findings`, `suppressions`,
`baseline`, `edits` and `splice` (what a fix writes), `jsonl` (records),
`atomic` (writes), `linter` (one file end to end), `files` (which files),
`config` and `selection` (settings), `runner` (files in parallel) and `formats`
(text, json, github, sarif). docs/lint.md describes the behaviour.
"""
