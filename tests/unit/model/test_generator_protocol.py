"""Both engines implement the one Generator protocol, and say what they can do in `abilities`."""

from codewhisperer_lsp.model.generator import LOCAL, REMOTE, Generator
from codewhisperer_lsp.model.remote import Endpoint, RemoteGenerator


def test_the_remote_engine_is_a_generator_without_logits_or_state():
    remote = RemoteGenerator(Endpoint("http://127.0.0.1:9/v1", model="served"), ())  # no request: the model is named
    assert isinstance(remote, Generator)
    assert remote.abilities == REMOTE and not remote.can_heal  # no local tokenizer given
    assert remote.reusable([1, 2, 3]) == 0 and remote.warm([1, 2], lambda: False) == 0


def test_the_local_engine_is_a_generator_with_logits_and_state(small):
    assert isinstance(small, Generator)
    assert small.abilities == LOCAL and small.can_heal
    ids = small.encode("def add(a, b):\n    return")
    assert small.reusable(ids) <= len(ids)
