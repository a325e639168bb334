"""Confinement: a scan reads only workspace files (real paths) or open buffers the client sent,
and lists every import it did not follow with the reason. Real files and symlinks in tmp dirs."""

import builtins
import io
import os
from pathlib import Path

import pytest

from codewhisperer_lsp.security import confine
from codewhisperer_lsp.security.scan import ScanLimits, SecurityScanner

SECRET = 'aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\npassword = "hunter2hunter2"\n'


@pytest.fixture
def layout(tmp_path):
    ws, outside = tmp_path / "ws", tmp_path / "outside"
    ws.mkdir(), outside.mkdir()
    (outside / "leak.py").write_text("import os\nos.system('rm -rf ' + x)\n" + SECRET)
    (outside / "shadow").write_text(SECRET)
    (outside / "other.py").write_text(SECRET)
    (ws / "main.py").write_text("import helper\nimport linked\nfrom ..outside import other\n")
    (ws / "helper.py").write_text("import pickle\npickle.loads(data)\n")
    os.symlink(outside / "leak.py", ws / "linked.py")
    return ws, outside


@pytest.fixture
def opened(monkeypatch):
    """Every path the scan opens for reading (text or bytes), as real paths."""
    paths: list[Path] = []
    real_open, real_io_open = builtins.open, io.open

    def spy(opener):
        def wrapped(file, *args, **kwargs):
            if isinstance(file, (str, Path)) and ("r" in (args[0] if args else kwargs.get("mode", "r"))):
                paths.append(Path(os.path.realpath(file)))
            return opener(file, *args, **kwargs)
        return wrapped

    monkeypatch.setattr(builtins, "open", spy(real_open))
    monkeypatch.setattr(io, "open", spy(real_io_open))
    return paths


def _scan(uri, ws, buffers=None, language=None, limits=ScanLimits()):
    buffers = buffers or {}
    return SecurityScanner().scan(uri, buffers.get, ws, limits, language_id=language)


def _no_reads_under(paths, folder: Path):
    assert not [p for p in paths if p.is_relative_to(folder.resolve())], paths


def test_imports_out_of_the_workspace_are_listed_not_read(layout, opened):
    ws, outside = layout
    result = _scan((ws / "main.py").as_uri(), ws)
    scanned = {Path(confine.uri_path(u)).name for u in result.scanned_files}
    assert scanned == {"main.py", "helper.py"}
    skipped = {Path(confine.uri_path(u)).name: r for u, r in result.skipped_files}
    assert skipped["linked.py"] == confine.SYMLINK_OUT
    assert skipped["other.py"] == confine.OUTSIDE
    _no_reads_under(opened, outside)
    assert not any("wJal" in f.snippet for fs in result.findings_by_uri.values() for f in fs)


def test_a_uri_fragment_does_not_choose_the_language(layout, opened):
    ws, outside = layout
    result = _scan((outside / "shadow").as_uri() + "#.py", ws)
    assert result.scanned_files == [] and result.findings_by_uri == {}
    assert result.skipped_files == [((outside / "shadow").as_uri() + "#.py", confine.OUTSIDE)]
    _no_reads_under(opened, outside)
    # inside the workspace too: the fragment is not a file name, the file has no language
    (ws / "notes").write_text(SECRET)
    inside = _scan((ws / "notes").as_uri() + "#.py", ws)
    assert inside.scanned_files == [] and inside.skipped_files[0][1] == "unsupported language"


def test_a_symlink_out_is_not_read_even_as_the_entry(layout, opened):
    ws, outside = layout
    result = _scan((ws / "linked.py").as_uri(), ws)
    assert result.scanned_files == [] and result.skipped_files == [((ws / "linked.py").as_uri(), confine.SYMLINK_OUT)]
    _no_reads_under(opened, outside)


def test_an_open_buffer_outside_is_scanned_from_its_text_without_following_imports(layout, opened):
    ws, outside = layout
    uri = (outside / "leak.py").as_uri()
    text = "import helper\nimport subprocess\nsubprocess.call(cmd, shell=True)\n"
    (outside / "helper.py").write_text("import pickle\npickle.loads(data)\n")
    result = _scan(uri, ws, {uri: text}, language="python")
    assert result.scanned_files == [uri]
    assert "B602" in {f.rule_id for f in result.findings_by_uri[uri]}
    _no_reads_under(opened, outside)


def test_an_open_symlinked_buffer_is_scanned_from_its_text(layout, opened):
    ws, outside = layout
    uri = (ws / "linked.py").as_uri()
    result = _scan(uri, ws, {uri: "x = 1\n"}, language="python")
    assert result.scanned_files == [uri] and result.findings_by_uri[uri] == []
    _no_reads_under(opened, outside)


def test_depth_file_and_size_limits_are_listed_with_their_reason(tmp_path):
    ws = tmp_path
    (ws / "a.py").write_text("import b\nimport c\n")
    (ws / "b.py").write_text("import d\n")
    (ws / "c.py").write_text("x = 1\n" * 400)
    (ws / "d.py").write_text("y = 2\n")
    deep = _scan((ws / "a.py").as_uri(), ws, limits=ScanLimits(max_depth=1, max_bytes=1000))
    reasons = {Path(confine.uri_path(u)).name: r for u, r in deep.skipped_files}
    assert reasons["d.py"] == "over the import-depth limit (1)"
    assert "over the 1000-byte limit" in reasons["c.py"]
    few = _scan((ws / "a.py").as_uri(), ws, limits=ScanLimits(max_files=2))
    assert {Path(confine.uri_path(u)).name: r for u, r in few.skipped_files}["c.py"] == "over the file limit (2)"


def test_javascript_and_c_imports_that_escape_are_listed(tmp_path):
    ws, outside = tmp_path / "ws", tmp_path / "out"
    ws.mkdir(), outside.mkdir()
    (outside / "evil.js").write_text("eval(x)\n")
    (outside / "evil.h").write_text("#define X 1\n")
    (ws / "app.js").write_text("const e = require('../out/evil.js');\nimport x from './local';\n")
    (ws / "local.js").write_text("export default 1;\n")
    (ws / "main.c").write_text('#include "../out/evil.h"\nint main(void) { return 0; }\n')
    js = _scan((ws / "app.js").as_uri(), ws)
    assert [Path(confine.uri_path(u)).name for u in js.scanned_files] == ["app.js", "local.js"]
    assert [(Path(confine.uri_path(u)).name, r) for u, r in js.skipped_files] == [("evil.js", confine.OUTSIDE)]
    c = _scan((ws / "main.c").as_uri(), ws)
    assert [(Path(confine.uri_path(u)).name, r) for u, r in c.skipped_files] == [("evil.h", confine.OUTSIDE)]


def test_workspace_decides_on_real_paths(tmp_path):
    ws = tmp_path / "ws"
    ws.mkdir()
    os.symlink(tmp_path, ws / "up")
    (tmp_path / "x.py").write_text("")
    space = confine.Workspace.of([ws])
    assert space.why_not(ws / "up" / "x.py") == confine.SYMLINK_OUT
    assert space.why_not(ws / ".." / "x.py") == confine.OUTSIDE
    assert space.why_not(ws / "missing.py") == confine.NOT_A_FILE
    assert confine.uri_path("https://example.com/a.py") is None
    assert confine.language_of(Path("/w/a.txt"), None) is None and confine.language_of(Path("/w/a.py")) == "python"
