"""codewhisperer/sessionResult as pygls really delivers it: nested namedtuples, item ids renamed."""

from types import SimpleNamespace

from pygls.protocol import _dict_to_object

from codewhisperer_lsp.lsp.completion import InlineCompletionFeature


class Counts:
    def __init__(self):
        self.counted = []

    def count(self, name, amount=1):
        self.counted.append(name)


def test_session_result_counts_seen_and_discarded_from_pygls_params():
    feature = InlineCompletionFeature.__new__(InlineCompletionFeature)
    feature.metrics = Counts()
    params = _dict_to_object({"sessionId": "s", "completionSessionResult": {
        "s-0": {"seen": True, "discarded": True}, "s-1": {"seen": True, "discarded": False}}})
    feature.session_result(params)
    assert sorted(feature.metrics.counted) == ["discarded", "seen", "seen"]
    feature.metrics = Counts()
    feature.session_result(SimpleNamespace(completionSessionResult={"a": {"seen": True}}))
    assert feature.metrics.counted == ["seen"]
