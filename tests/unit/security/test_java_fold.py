"""engines/java_fold: `s.charAt(N)` of a constant string becomes its character literal, with
every line and column of the text kept, and nothing else changes."""

from codewhisperer_lsp.security.engines.java_fold import fold

METHOD = """class A {
  void f(String p) {
    String guess = "ABC";
    char t = guess.charAt(1);
    switch (t) { case 'B': p = "x"; break; }
  }
}
"""


def test_char_at_of_a_constant_string_becomes_the_character_in_the_same_columns():
    folded = fold(METHOD)
    assert "char t = 'B'" in folded and "charAt" not in folded
    assert [len(line) for line in folded.splitlines()] == [len(line) for line in METHOD.splitlines()]


def test_a_string_assigned_again_is_not_a_constant():
    text = METHOD.replace('    char t', '    guess = p;\n    char t')
    assert fold(text) == text


def test_an_index_past_the_end_is_left_alone():
    text = METHOD.replace("charAt(1)", "charAt(7)")
    assert fold(text) == text


def test_another_method_declaring_the_same_name_keeps_its_own_value():
    text = METHOD + METHOD.replace("class A", "class B").replace('"ABC"', '"XYZ"')
    folded = fold(text)
    assert "char t = 'B'" in folded and "char t = 'Y'" in folded


def test_text_without_char_at_is_returned_as_it_is():
    text = 'class A { String s = "abc"; }'
    assert fold(text) is text
