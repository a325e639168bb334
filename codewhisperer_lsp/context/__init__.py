"""Source context from tree-sitter: languages, per-document trees, and what surrounds the cursor."""
