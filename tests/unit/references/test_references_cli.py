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


def test_build_waits_for_another_builder_then_completes_the_index(tmp_path, capsys):
    """The set-up's `references build` must leave a complete index even when a server is building it
    at that moment (it used to return at once, with the index still empty)."""
    import fcntl
    import threading
    import time

    src = copy_corpus(tmp_path / "src", ["heapq.py"])
    cache = tmp_path / "cache"
    cache.mkdir()
    base = ["--cache-dir", str(cache), "--folders-only", "--folder", f"{src}:MIT"]
    other = open(cache / "references.sqlite.lock", "a")
    fcntl.flock(other, fcntl.LOCK_EX)  # another process's build holds the lock
    codes = []
    builder = threading.Thread(target=lambda: codes.append(main(base + ["build"])))
    builder.start()
    time.sleep(1.0)
    assert builder.is_alive(), "the build returned while another process held the index"
    other.close()
    builder.join(60)
    assert codes == [0] and "state: ready" in capsys.readouterr().out
