"""The smoke set of bench/humaneval_bench.py: every language the server supports, enough cases each,
one cursor marker per case, and files the project's grammars parse."""

from __future__ import annotations

from collections import Counter

from bench.smoke_problems import CASES, CURSOR
from codewhisperer_lsp.context.block import count_errors
from codewhisperer_lsp.context.syntax import parse

EXPECTED = {"java", "python", "javascript", "typescript", "csharp", "ruby", "go", "php", "cpp", "c",
            "shellscript", "scala", "rust", "kotlin", "sql"}


def test_every_language_has_at_least_ten_cases():
    counts = Counter(language for language, _, _ in CASES)
    assert set(counts) == EXPECTED
    assert min(counts.values()) >= 10, counts


def test_each_case_has_exactly_one_cursor_and_a_grammar():
    for language, ext, source in CASES:
        assert source.count(CURSOR) == 1, (language, source)
        assert ext.startswith("."), ext
        assert parse(language, source.replace(CURSOR, "")) is not None, language


def test_most_files_parse_cleanly_before_the_suggestion():
    # an unfinished line at the cursor (mid-line, a trailing comma) may leave a syntax error; most
    # files in every language must be clean, or the bench's parse check would measure nothing
    clean = Counter(language for language, _, source in CASES
                    if count_errors(language, source.replace(CURSOR, "")) == 0)
    total = Counter(language for language, _, _ in CASES)
    assert all(clean[language] * 2 >= total[language] for language in total), clean
