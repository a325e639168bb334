"""Position conversions: LSP UTF-16 positions, str indices, UTF-8 bytes and tree-sitter points."""

from hypothesis import given
from hypothesis import strategies as st

from codewhisperer_lsp.context.positions import (
    LineIndex,
    end_point,
    from_byte_offset,
    line_starts,
    to_byte_offset,
    to_point,
    utf16_len,
    utf16_to_index,
)

ALPHABET = st.sampled_from(list("ab \t{}():") + ["\n", "\r\n", "\r", "é", "中", "文", "😀", "🎉", "𝔘"])
TEXTS = st.lists(ALPHABET, max_size=40).map("".join)


def test_lines_split_on_all_three_line_breaks():
    assert line_starts("a\nb\r\nc\rd") == [0, 2, 5, 7]
    index = LineIndex("a\nb\r\nc\rd")
    assert [index.line_text(i) for i in range(4)] == ["a", "b", "c", "d"]


def test_emoji_counts_two_utf16_units_and_four_bytes():
    index = LineIndex("x😀y")
    assert index.offset(0, 3) == 2  # after the emoji
    assert index.position(2) == (0, 3)
    assert to_byte_offset("x😀y", 2) == 5
    assert to_point("a\n😀y", 4).as_tuple() == (1, 5)


def test_position_inside_a_surrogate_pair_moves_to_the_character_start():
    assert utf16_to_index("x😀y", 2) == 1


def test_out_of_range_positions_are_clamped_not_raised():
    index = LineIndex("ab\r\ncd")
    assert index.offset(0, 99) == 2  # end of line 0, before the \r\n
    assert index.offset(7, 0) == 6  # past the last line: end of document
    assert index.offset(-1, 3) == 0
    assert index.offset(1, -5) == 4
    assert index.position(1000) == (1, 2)


def test_cjk_is_one_utf16_unit_and_three_bytes():
    assert utf16_len("中文") == 2
    assert to_byte_offset("中文x", 2) == 6
    assert from_byte_offset("中文x", 6) == 2


def test_point_rows_count_only_newlines_like_tree_sitter():
    # tree-sitter does not start a row at a lone \r
    assert to_point("a\rb\nc", 4).as_tuple() == (1, 0)


@given(TEXTS)
def test_every_offset_round_trips_through_lsp_positions(text):
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        if text[offset - 1 : offset + 1] == "\r\n":
            continue  # between \r and \n is not a position LSP can name
        assert index.offset(*index.position(offset)) == offset


@given(TEXTS)
def test_every_offset_round_trips_through_bytes(text):
    for offset in range(len(text) + 1):
        assert from_byte_offset(text, to_byte_offset(text, offset)) == offset


@given(TEXTS, TEXTS)
def test_end_point_matches_point_of_concatenation(head, inserted):
    start = to_point(head, len(head))
    assert end_point(start, inserted) == to_point(head + inserted, len(head + inserted))
