"""Index build and matcher recall on a small corpus of real stdlib files."""

from __future__ import annotations

import re
import shutil
import threading

import pytest

from codewhisperer_lsp.references import lexer
from codewhisperer_lsp.references.store import SQLiteStore

from references_helpers import CORPUS_FILES, copy_corpus, folder_index

FRESH = [
    '''
def tally_cabins(bookings, nights):
    occupied = {}
    for guest, cabin, first_night in bookings:
        for night in range(first_night, first_night + nights.get(guest, 1)):
            occupied.setdefault(night, set()).add(cabin)
    busiest = max(occupied, key=lambda n: (len(occupied[n]), -n)) if occupied else None
    return busiest, {n: sorted(c) for n, c in occupied.items()}
''',
    '''
class KayakRental:
    def __init__(self, fleet):
        self.fleet = list(fleet)
        self.out = {}

    def rent(self, renter, hour):
        if not self.fleet:
            raise LookupError("no kayaks left at hour %d" % hour)
        boat = self.fleet.pop()
        self.out[boat] = (renter, hour)
        return boat
''',
]


def windows(text: str, lines: int = 10, minimum: int = 60):
    """10-line windows of a file with enough lexemes to be a meaningful copy."""
    rows = text.split("\n")
    for start in range(0, len(rows) - lines, lines * 3):
        chunk = "\n".join(rows[start:start + lines])
        if len(lexer.lex(chunk)) >= minimum:
            yield start + 1, chunk


def rename_locals(snippet: str) -> str:
    names = [n for n in dict.fromkeys(re.findall(r"^\s*([a-z_]\w*)\s*=(?!=)", snippet, re.M))
             if n not in lexer.KEYWORDS]
    for i, name in enumerate(names):
        snippet = re.sub(rf"(?<![\w.]){name}\b", f"renamed{i}", snippet)
    return re.sub(r"^( +)", lambda m: " " * (len(m.group(1)) // 2), snippet, flags=re.M)


def test_status_is_ready_with_all_files(built_index):
    status = built_index.status()
    assert status["state"] == "ready" and status["progress"] == 1.0
    assert status["files"] == len(CORPUS_FILES) + 1 and status["fingerprints"] > 0


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_verbatim_snippets_found_with_file_license_and_span(built_index, corpus, name):
    text = (corpus / name).read_text()
    snippets = list(windows(text))[:3]
    assert snippets
    for first_line, snippet in snippets:
        query = "result = zzqx_head\n" + snippet + "\nzzqx_tail = result\n"
        refs = [r for r in built_index.find_references(query) if r.path == str(corpus / name)]
        assert refs, (name, first_line)
        ref = refs[0]
        assert ref.license_name == "PSF-2.0" and ref.tier == "exact"
        begin = query.index(snippet)
        assert begin <= ref.start < ref.end <= begin + len(snippet)
        assert query[ref.start:ref.end] == snippet.strip()  # the whole copy, nothing more
        assert first_line <= ref.source_start_line <= ref.source_end_line <= first_line + 10
        assert ref.url.endswith(f"{name}#L{ref.source_start_line}-L{ref.source_end_line}")


def test_renamed_and_reflowed_copy_is_found(built_index, corpus):
    found = tried = 0
    for name in CORPUS_FILES:
        for _, snippet in list(windows((corpus / name).read_text(), 12))[:4]:
            changed = rename_locals(snippet)
            if lexer.normalise([t.text for t in lexer.lex(changed)]) == [t.text for t in lexer.lex(changed)]:
                continue
            if [t.text for t in lexer.lex(changed)] == [t.text for t in lexer.lex(snippet)]:
                continue  # nothing renamed in this window
            tried += 1
            refs = built_index.find_references(changed)
            found += any(r.path == str(corpus / name) and r.license_name == "PSF-2.0" for r in refs)
    assert tried >= 5 and found / tried >= 0.8, (found, tried)


def test_fresh_code_has_no_reference(built_index):
    for snippet in FRESH:
        assert built_index.find_references(snippet) == []


def test_identical_code_under_two_licenses_reports_both(built_index, corpus):
    _, snippet = next(windows((corpus / "heapq.py").read_text()))
    licenses = {r.license_name for r in built_index.find_references(snippet)}
    assert {"PSF-2.0", "MIT"} <= licenses


def test_reference_serialises_to_the_wire_schema(built_index, corpus):
    _, snippet = next(windows((corpus / "bisect.py").read_text()))
    data = built_index.find_references(snippet)[0].to_dict()
    assert set(data) == {"licenseName", "repository", "url", "recommendationContentSpan", "information"}
    assert set(data["recommendationContentSpan"]) == {"start", "end"}
    assert data["url"].startswith("https://example.org/psf/bisect.py#L")
    assert data["repository"] == "https://example.org/psf"


def test_file_spdx_identifier_overrides_folder_license(tmp_path):
    src = copy_corpus(tmp_path / "src", ["colorsys.py"])
    text = (src / "colorsys.py").read_text()
    (src / "colorsys.py").write_text("# SPDX-License-Identifier: GPL-2.0-only\n" + text)
    index = folder_index(tmp_path / "cache", [{"path": str(src), "license": "MIT"}])
    index.build().join()
    _, snippet = next(windows(text))
    assert {r.license_name for r in index.find_references(snippet)} == {"GPL-2.0-only"}


def _progress_sources(index, stop=None):
    seen = []
    index.build(progress=lambda p: seen.append(p["source"]), stop_event=stop).join()
    return seen


def test_incremental_update_reindexes_only_what_changed(tmp_path):
    one = copy_corpus(tmp_path / "one", ["heapq.py"])
    two = copy_corpus(tmp_path / "two", ["bisect.py"])
    folders = [{"path": str(one), "license": "MIT"}, {"path": str(two), "license": "ISC"}]
    index = folder_index(tmp_path / "cache", folders)
    assert len(_progress_sources(index)) == 2
    assert _progress_sources(index) == []
    (two / "bisect.py").write_text((two / "bisect.py").read_text() + "\n# changed\n")
    assert [s.split(":")[0] for s in _progress_sources(index)] == ["folder"]
    shutil.rmtree(two)
    assert _progress_sources(index) == []
    assert index.status()["files"] == 1 and index.status()["state"] == "ready"
    _, snippet = next(windows((tmp_path / "one" / "heapq.py").read_text()))
    assert index.find_references(snippet)


def test_stopped_build_is_not_complete_and_next_build_finishes(tmp_path, corpus):
    index = folder_index(tmp_path / "cache", [{"path": str(corpus), "license": "MIT"}])
    stop = threading.Event()
    stop.set()
    index.build(stop_event=stop).join()
    assert index.status()["state"] == "empty"
    index.build().join()
    assert index.status()["state"] == "ready"


def test_crash_mid_build_resumes_from_committed_sources(tmp_path, monkeypatch):
    one = copy_corpus(tmp_path / "one", ["heapq.py"])
    two = copy_corpus(tmp_path / "two", ["bisect.py"])
    folders = [{"path": str(one), "license": "MIT"}, {"path": str(two), "license": "ISC"}]
    index = folder_index(tmp_path / "cache", folders)
    real_write = SQLiteStore.write_source
    calls = []

    def crash_on_second(self, source, files):
        calls.append(source.key)
        if len(calls) == 2:
            raise KeyboardInterrupt("killed")  # what a kill looks like to the transaction
        return real_write(self, source, files)

    monkeypatch.setattr(SQLiteStore, "write_source", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        index._build(None, threading.Event())
    monkeypatch.undo()
    fresh = folder_index(tmp_path / "cache", folders)  # the next start
    assert fresh.status()["state"] == "empty" and fresh.status()["files"] == 1
    assert len(_progress_sources(fresh)) == 1
    assert fresh.status()["state"] == "ready" and fresh.status()["files"] == 2


def test_lookups_work_while_building_and_never_raise(tmp_path, corpus):
    index = folder_index(tmp_path / "cache", [{"path": str(corpus), "license": "MIT"}])
    thread = index.build()
    assert isinstance(index.find_references("x = 1\n" * 40), list)
    thread.join()
    index.store.broken = True
    assert index.find_references((corpus / "heapq.py").read_text()) == []
