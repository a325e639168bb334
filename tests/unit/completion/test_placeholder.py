"""A body that only says "write me" is not a suggestion: a manual trigger asks again from the next
likeliest first tokens (completion/placeholder.py, CompletionService._past_placeholders)."""

from __future__ import annotations

from types import SimpleNamespace

from codewhisperer_lsp.completion import placeholder, service as service_module
from codewhisperer_lsp.completion.attempts import Candidates
from codewhisperer_lsp.completion.cleaning import Cleaned
from codewhisperer_lsp.completion.service import CompletionRequest, CompletionService
from codewhisperer_lsp.config import Settings
from tests.unit.completion.conftest import at


def test_placeholders_are_comments_and_stubs_only():
    for text in ("# TODO: implement this function\n    pass", "# Your code here\n    pass", "pass", "...",
                 "raise NotImplementedError", "raise NotImplementedError()\n", "// TODO\n    pass",
                 'throw new UnsupportedOperationException("Not implemented");', "todo!()"):
        assert placeholder.is_placeholder(text), text
    for text in ("", "   \n", "# just a comment\n    return a + b", "mean = sum(xs) / len(xs)\n    return mean",
                 "factors = []\n    # Replace this code\n    return factors", "return 0", "passes = 1",
                 "return nil", "return None", "return", "// TODO\n    return null;"):  # an early return is code
        assert not placeholder.is_placeholder(text), text


BODY = 'def add(a, b):\n    """Add two numbers."""\n    <|>\n'


def _service_asking(answers: list[str], monkeypatch):
    """A service whose attempts answer `answers` in turn; records the first-token ranks asked."""
    asked = []

    def fake_run(generator, maker, attempts, *args):
        asked.append(attempts[0].first_rank)
        return Candidates([("fim-r%d" % attempts[0].first_rank, answers[len(asked) - 1])])
    monkeypatch.setattr(service_module, "run_attempts", fake_run)
    here = at("python", BODY)
    maker = SimpleNamespace(situation=here)
    request = CompletionRequest("file:///a.py", "python", BODY.replace("<|>", ""), 1, BODY.index("<|>"), True)

    def ask(items):
        cleaned = Cleaned(items=list(items), origins={item: ["prefix-r0"] for item in items})
        timings = {}
        out = CompletionService(None)._past_placeholders(
            None, maker, False, cleaned, request, Settings(), SimpleNamespace(stop_token_ids=[0]), lambda: False,
            lambda: None, timings, 0.0)
        return out.items, timings
    return ask, asked


def test_a_placeholder_body_is_asked_again_from_the_next_first_token(monkeypatch):
    ask, asked = _service_asking(["# Your code here\n    pass", "return a + b"], monkeypatch)
    items, timings = ask(["# TODO: implement this function\n    pass"])
    assert items == ["return a + b", "# TODO: implement this function\n    pass"]
    assert asked == [1, 2] and timings["placeholder_retries"] == 2


def test_a_real_body_is_not_asked_again_and_the_retries_are_bounded(monkeypatch):
    ask, asked = _service_asking(["pass"] * placeholder.RETRIES, monkeypatch)
    assert ask(["return a + b"])[0] == ["return a + b"]
    assert asked == []
    assert ask(["pass"])[0] == ["pass"]  # nothing better found: the placeholder stays
    assert asked == list(range(1, placeholder.RETRIES + 1))


def test_only_function_bodies_are_asked_again():
    from codewhisperer_lsp.context.cursor import CompletionKind
    assert CompletionKind.FUNCTION_BODY in placeholder.KINDS and CompletionKind.DOCSTRING_BODY in placeholder.KINDS
    assert CompletionKind.BLOCK_BODY not in placeholder.KINDS  # `except ValueError:` + `pass` is code
    assert at("python", BODY).kind in placeholder.KINDS
