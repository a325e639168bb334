"""The ``references`` command line on a folder-only index."""

from __future__ import annotations

from codewhisperer_lsp.references.cli import main

from references_helpers import copy_corpus


def test_build_status_query(tmp_path, capsys):
    src = copy_corpus(tmp_path / "src", ["heapq.py"])
    base = ["--cache-dir", str(tmp_path / "cache"), "--folders-only", "--folder", f"{src}:MIT:https://example.org"]
    assert main(base + ["build"]) == 0
    assert "state: ready" in capsys.readouterr().out
    assert main(base + ["status"]) == 0
    assert "files: 1" in capsys.readouterr().out
    lines = (src / "heapq.py").read_text().split("\n")
    (tmp_path / "copied.py").write_text("\n".join(lines[200:230]))
    assert main(base + ["query", str(tmp_path / "copied.py")]) == 0
    out = capsys.readouterr().out
    assert "MIT" in out and "https://example.org/heapq.py#L" in out
    (tmp_path / "fresh.py").write_text("def answer():\n    return 42\n")
    assert main(base + ["query", str(tmp_path / "fresh.py")]) == 0
    assert "no reference" in capsys.readouterr().out
