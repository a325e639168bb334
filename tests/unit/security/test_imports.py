"""context.imports: extraction per language and resolution that never leaves the root."""

import os

import pytest

from codewhisperer_lsp.context.imports import dependencies, extract_imports, walk

CASES = {
    "python": ("import os, a.b as c\nfrom .x import y\n# import hidden\n", ["os", "a.b", ".x:y"]),
    "javascript": ("import a from './a';\nconst b = require('./b');\n// require('./no')\n", ["./a", "./b"]),
    "typescript": ("import type T from '../t';\nexport * from './c';\n", ["../t", "./c"]),
    "java": ("package x.y;\nimport a.b.C;\n", ["package:x.y", "a.b.C"]),
    "kotlin": ("package x.y\nimport a.b.C\n", ["package:x.y", "a.b.C"]),
    "scala": ("package x.y\nimport a.b.C\n", ["package:x.y", "a.b.C"]),
    "go": ('package m\nimport (\n\t"fmt"\n\t"ex.com/m/util"\n)\n', ["fmt", "ex.com/m/util"]),
    "c": ('#include "a.h"\n#include <stdio.h>\n', ["a.h"]),
    "cpp": ('#include "b.hpp"\n', ["b.hpp"]),
    "ruby": ("require_relative 'a'\nrequire 'b/c'\n", ["require_relative:a", "require:b/c"]),
    "php": ("<?php\nrequire_once 'a.php';\nuse A\\B\\C;\n", ["file:a.php", "use:A\\B\\C"]),
    "rust": ("mod a;\nmod b { }\nuse crate::x::y;\n", ["mod:a", "crate::x::y"]),
    "csharp": ("using System;\nusing A.B;\n", ["System", "A.B"]),
    "shellscript": ('source ./lib.sh\n. "$DIR/x.sh"\n', ["./lib.sh"]),
}


@pytest.mark.parametrize("language_id", sorted(CASES))
def test_extract(language_id):
    text, expected = CASES[language_id]
    assert extract_imports(language_id, text) == expected


def _write(root, rel, text=""):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_resolution_per_language(tmp_path):
    r = tmp_path
    cases = [
        (_write(r, "app/main.py", "from .helpers import x\nimport lib.tool\n"), "python", ["app/helpers.py", "lib/tool.py"]),
        (_write(r, "web/index.ts", "import {a} from './util';\n"), "typescript", ["web/util/index.ts"]),
        (_write(r, "src/main/java/x/y/A.java", "package x.y;\nimport x.z.B;\n"), "java", ["src/main/java/x/z/B.java"]),
        (_write(r, "src/a.c", '#include "a.h"\n'), "c", ["src/a.h"]),
        (_write(r, "lib/a.rb", "require_relative 'b'\n"), "ruby", ["lib/b.rb"]),
        (_write(r, "crate/src/main.rs", "mod net;\n"), "rust", ["crate/src/net/mod.rs"]),
        (_write(r, "bin/run.sh", "source ./common.sh\n"), "shellscript", ["bin/common.sh"]),
        (_write(r, "php/index.php", "<?php\nrequire __DIR__ . '/inc.php';\n"), "php", ["php/inc.php"]),
    ]
    for rel in ("app/helpers.py", "lib/tool.py", "web/util/index.ts", "src/main/java/x/z/B.java", "src/a.h",
                "lib/b.rb", "crate/src/net/mod.rs", "bin/common.sh", "php/inc.php"):
        _write(r, rel)
    _write(r, "go.mod", "module ex.com/m\n")
    _write(r, "util/u.go", "package util\n")
    _write(r, "util/u_test.go", "package util\n")
    cases.append((_write(r, "main.go", 'package main\nimport "ex.com/m/util"\n'), "go", ["util/u.go"]))
    for path, lang, expected in cases:
        got = [p.relative_to(r.resolve()).as_posix() for p in dependencies(r, path, lang, path.read_text())]
        assert got == expected, (lang, got)


def test_never_leaves_the_root(tmp_path):
    root, outside = tmp_path / "ws", tmp_path / "outside"
    _write(outside, "secret.h")
    _write(outside, "evil.py")
    main = _write(root, "main.c", f'#include "../outside/secret.h"\n#include "{outside}/secret.h"\n#include "link.h"\n')
    os.symlink(outside / "secret.h", root / "link.h")
    assert dependencies(root, main, "c", main.read_text()) == []
    py = _write(root, "pkg/a.py", "from ... import evil\nfrom ...outside import evil\n")
    assert dependencies(root, py, "python", py.read_text()) == []


def test_walk_is_transitive_and_reports_what_is_over_the_limit(tmp_path):
    for i in range(5):
        _write(tmp_path, f"m{i}.py", f"import m{i + 1}\n" if i < 4 else "")
    files, over = walk(tmp_path, tmp_path / "m0.py", "python", lambda p: p.read_text(), max_files=3)
    assert [p.name for p in files] == ["m0.py", "m1.py", "m2.py"]
    assert [p.name for p in over] == ["m3.py"]
    files, over = walk(tmp_path, tmp_path / "m0.py", "python", lambda p: p.read_text(), max_depth=1)
    assert [p.name for p in files] == ["m0.py", "m1.py"] and [p.name for p in over] == ["m2.py"]
