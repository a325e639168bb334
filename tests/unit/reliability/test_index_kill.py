"""A reference-index build killed with SIGKILL: the next start finds every source whose
transaction committed complete, none half-written, and the index marked incomplete (so the next
build resumes instead of trusting it)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

from codewhisperer_lsp.references.store import SQLiteStore

WRITER = textwrap.dedent("""
    import sys
    from codewhisperer_lsp.references.store import IndexedFile, SourceRecord, SQLiteStore
    store = SQLiteStore(sys.argv[1])
    store.set_complete(False)
    for n in range(10_000):
        key = f"src{n}"
        files = [IndexedFile(f"/x/{key}/{i}.py", f"{i}.py", "MIT", "u", [(n * 1_000_000 + i * 1000 + j, j)
                 for j in range(400)]) for i in range(20)]
        store.write_source(SourceRecord(key, key, "1", "sig", "MIT", "repo"), files)
        print(key, flush=True)  # committed
""")


def test_killed_index_build_keeps_whole_sources_only(tmp_path):
    db = tmp_path / "references.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE, text=True)
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate()
    committed = out.split()
    assert committed, "the writer never committed a source"
    store = SQLiteStore(db)  # the next start
    assert not store.broken and not store.is_complete()
    sources = store.sources()
    assert set(committed) <= set(sources)
    assert len(sources) <= len(committed) + 1  # at most the one whose COMMIT raced the kill
    conn = sqlite3.connect(db)
    stored = {key: (files, fps) for key, files, fps in conn.execute(
        "SELECT f.source_key, COUNT(DISTINCT f.id), COUNT(*) FROM fingerprints p JOIN files f ON f.id = p.file_id "
        "GROUP BY f.source_key")}
    assert stored == {key: (20, 8000) for key in sources}
    assert all((r.files, r.fingerprints) == (20, 8000) for r in sources.values())
    assert conn.execute("SELECT COUNT(*) FROM files WHERE source_key NOT IN (SELECT key FROM sources)").fetchone()[0] == 0
