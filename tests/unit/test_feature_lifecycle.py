"""The server drives every feature through one guarded loop: each hook reaches every feature with
the new and the previous settings, and a feature that fails is logged and reported once while the
others still apply."""

from __future__ import annotations

import dataclasses

from lsprotocol import types

from codewhisperer_lsp.config import Settings
from codewhisperer_lsp.lsp.feature import Feature, run_hook
from codewhisperer_lsp.server import create_server


class Recording(Feature):
    def __init__(self, name: str):
        self.name, self.calls = name, []

    def apply_settings(self, new, previous):
        self.calls.append(("apply_settings", previous.numSuggestions, new.numSuggestions))

    def shutdown(self):
        self.calls.append(("shutdown",))


class Broken(Feature):
    name = "broken"

    def apply_settings(self, new, previous):
        raise RuntimeError("cannot apply")


class Told:
    def __init__(self):
        self.messages = []

    def tell_once(self, message, kind=types.MessageType.Info):
        if message not in [m for m, _ in self.messages]:
            self.messages.append((message, kind))


def test_a_failing_feature_is_reported_once_and_the_others_still_apply():
    port, first, last = Told(), Recording("first"), Recording("last")
    features = (first, Broken(), last)
    new = dataclasses.replace(Settings(), numSuggestions=5)
    for _ in range(2):
        assert run_hook(port, features, "apply_settings", new, Settings()) == ["broken"]
    assert first.calls == last.calls == [("apply_settings", 3, 5)] * 2
    assert port.messages == [("the broken feature failed (apply_settings): cannot apply", types.MessageType.Error)]


def test_the_server_gives_every_feature_the_new_and_the_previous_settings(monkeypatch):
    ls = create_server()
    shown = []
    monkeypatch.setattr(ls, "window_show_message", lambda params: shown.append(params.message))
    recording = Recording("recording")
    ls.features = (Broken(), recording)
    ls.apply_settings({"numSuggestions": 4})
    ls.apply_settings({"numSuggestions": 6})
    ls.shutdown_features()
    assert recording.calls == [("apply_settings", 3, 4), ("apply_settings", 4, 6), ("shutdown",)]
    assert shown == ["CodeWhisperer: the broken feature failed (apply_settings): cannot apply"]
    assert [feature.name for feature in create_server().features] == ["references", "model", "block model", "completion",
                                                                     "security"]
