"""Lexing and winnowing: the properties the matcher's recall rests on."""

from __future__ import annotations

import os
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from codewhisperer_lsp.references import lexer, winnow

WORDS = st.sampled_from(["a", "b", "c", "x", "(", ")", "=", "+", "if", "return", "self", ".", "1"])


def test_lexeme_offsets_point_at_their_text():
    text = "def f(x):\n    return x  +  1  # ünï\n"
    lexemes = lexer.lex(text)
    assert lexemes and all(text[lx.start:lx.end] == lx.text for lx in lexemes)
    assert "".join(lx.text for lx in lexemes) == "".join(text.split())


def test_layout_is_ignored():
    one = "if a:\n    b(c, d)\n"
    two = "if   a :\n\n  b( c,d )"
    assert [lx.text for lx in lexer.lex(one)] == [lx.text for lx in lexer.lex(two)]


def test_lex_lines_gives_lines():
    tokens, lines = lexer.lex_lines(["a = 1", "", "b(c)"])
    assert tokens == ["a", "=", "1", "b", "(", "c", ")"]
    assert lines == [1, 1, 1, 3, 3, 3, 3]


def test_hash_is_stable_across_processes():
    """Stored hashes must not depend on PYTHONHASHSEED."""
    code = "from codewhisperer_lsp.references import lexer; print(lexer.lexeme_hash('return'))"
    env = dict(os.environ, PYTHONHASHSEED="12345")
    other = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert int(other.stdout) == lexer.lexeme_hash("return")


def test_normalise_keeps_keywords_and_renames_identifiers():
    a = lexer.normalise([lx.text for lx in lexer.lex("for item in items: total += item")])
    b = lexer.normalise([lx.text for lx in lexer.lex("for x in xs: acc += x")])
    assert a == b
    assert "for" in a and "in" in a and lexer.IDENTIFIER in a


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, max_size=60), st.lists(WORDS, min_size=winnow.GUARANTEE, max_size=80),
       st.lists(WORDS, max_size=60), st.lists(WORDS, max_size=60), st.lists(WORDS, max_size=60))
def test_shared_run_of_guarantee_length_shares_a_fingerprint(pre1, shared, post1, pre2, post2):
    one, two = pre1 + shared + post1, pre2 + shared + post2
    fp1 = {h for h, _ in winnow.fingerprints(one, list(range(len(one))))}
    fp2 = {h for h, _ in winnow.fingerprints(two, list(range(len(two))))}
    assert fp1 & fp2


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=2**64 - 1), min_size=1, max_size=200))
def test_every_window_has_a_selected_kgram(values):
    selected = set(winnow.winnow(values))
    for start in range(max(1, len(values) - winnow.W + 1)):
        assert selected & set(range(start, start + winnow.W))


def test_rolling_hash_equals_direct_hash():
    hashes = lexer.hash_tokens("a b c d e f g h i j k l m n o p q r s t u v w".split())
    rolled = winnow.kgram_hashes(hashes)
    direct = []
    for i in range(len(hashes) - winnow.K + 1):
        value = 0
        for x in hashes[i:i + winnow.K]:
            value = (value * winnow._BASE + x) % 2**64
        direct.append(value)
    assert rolled == direct
