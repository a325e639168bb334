"""Prompt-lookup drafts: the continuation of the latest earlier match of the last n-gram."""

from codewhisperer_lsp.model.speculative import PromptLookup


def test_continues_latest_match_of_longest_ngram():
    lookup = PromptLookup(max_ngram=3, max_draft=4)
    ids = [5, 6, 7, 1, 2, 9, 9, 5, 6, 7, 3, 4, 0, 0, 5, 6, 7]
    assert lookup.propose(ids, 10) == [3, 4, 0, 0]  # the later [5, 6, 7] wins
    assert lookup.propose(ids, 2) == [3, 4]


def test_draft_length_follows_acceptance():
    lookup = PromptLookup(max_ngram=2, max_draft=8, first_draft=4)
    ids = [1, 2] + list(range(10, 30)) + [1, 2]
    assert len(lookup.propose(ids, 20)) == 4
    lookup.feedback(4, 4)
    assert len(lookup.propose(ids, 20)) == 6
    lookup.feedback(6, 0)
    assert len(lookup.propose(ids, 20)) == 2


def test_falls_back_to_shorter_ngram_and_gives_nothing_without_match():
    lookup = PromptLookup(max_ngram=3, max_draft=8)
    assert lookup.propose([1, 2, 3, 8, 2, 3], 8) == [8, 2, 3]
    assert lookup.propose([4, 7, 5, 6, 4], 8) == [7]  # one token from a lone match
    assert lookup.propose([1, 2, 3, 4], 8) == []
    assert lookup.propose([1, 2, 1, 2], 0) == []
