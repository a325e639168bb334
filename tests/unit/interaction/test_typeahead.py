"""Typing through a shown suggestion is answered from memory; the first mismatch forgets it."""

from __future__ import annotations

from codewhisperer_lsp.interaction.typeahead import MAX_DOCUMENTS, Shown, Typeahead

URI = "file:///a.py"
PREFIX = "def area(r):\n    "
SUFFIX = "\n\nprint(area(2))\n"


def shown(*items: str) -> Shown:
    return Shown("s1", "python", PREFIX, SUFFIX, tuple((f"s1-{i}", t) for i, t in enumerate(items)),
                 {"s1-0": {"references": ()}})


def typed(chars: str) -> tuple[str, int]:
    return PREFIX + chars + SUFFIX, len(PREFIX + chars)


def test_typed_characters_matching_the_suggestion_give_the_rest():
    cache = Typeahead()
    cache.remember(URI, shown("return 3.14159 * r * r", "return math.pi * r ** 2"))
    hit = cache.lookup(URI, *typed("return 3"))
    assert hit.typed == "return 3"
    assert hit.items == (("s1-0", ".14159 * r * r"),)  # the other item no longer matches
    assert hit.shown.details["s1-0"] == {"references": ()}
    again = cache.lookup(URI, *typed("return "))  # deleting back is still the same suggestion
    assert [text for _, text in again.items] == ["3.14159 * r * r", "math.pi * r ** 2"]


def test_first_mismatch_drops_the_suggestion():
    cache = Typeahead()
    cache.remember(URI, shown("return 3.14159 * r * r"))
    assert cache.lookup(URI, *typed("retx")) is None
    assert cache.lookup(URI, *typed("ret")) is None  # forgotten, even though this would match


def test_other_edits_and_other_documents_miss():
    cache = Typeahead()
    cache.remember(URI, shown("return r"))
    text, offset = typed("ret")
    assert cache.lookup("file:///b.py", text, offset) is None
    assert cache.lookup(URI, text.replace("print", "show"), offset) is None  # suffix changed


def test_typing_all_of_it_leaves_nothing():
    cache = Typeahead()
    cache.remember(URI, shown("return r"))
    assert cache.lookup(URI, *typed("return r")) is None


def test_same_place_without_typing_is_a_hit_with_nothing_typed():
    cache = Typeahead()
    cache.remember(URI, shown("return r"))
    hit = cache.lookup(URI, *typed(""))
    assert hit.typed == "" and hit.items == (("s1-0", "return r"),)


def test_bounded_and_clearable():
    cache = Typeahead()
    for i in range(MAX_DOCUMENTS + 5):
        cache.remember(f"file:///{i}.py", shown("return r"))
    assert cache.lookup("file:///0.py", *typed("re")) is None  # the oldest was evicted
    assert cache.lookup(f"file:///{MAX_DOCUMENTS + 4}.py", *typed("re")) is not None
    cache.clear()
    assert cache.lookup(f"file:///{MAX_DOCUMENTS + 4}.py", *typed("re")) is None
