"""Imports on accept: import lines taken out of a suggestion's body, the modules a suggestion uses
without the file binding them, and where the import goes at the top of the file."""

from __future__ import annotations

import pytest

from codewhisperer_lsp.completion.auto_imports import (
    bound_names, insertion, needed_imports, strip_body_imports)
from codewhisperer_lsp.context.languages import new_parser


def test_import_lines_leave_a_body():
    assert strip_body_imports("python", "def f():\n    ", "import os\n    return os.getcwd()\n") \
        == ("return os.getcwd()\n", ("import os",))
    assert strip_body_imports("python", "def f(x):\n    y = ", "g(x)\n    import re\n    return re.sub('a', 'b', y)") \
        == ("g(x)\n    return re.sub('a', 'b', y)", ("import re",))
    # below the header at top level too
    assert strip_body_imports("python", "import sys\nx = 1\n", "import json\ny = json.dumps(x)") \
        == ("y = json.dumps(x)", ("import json",))
    # nothing left but the import: no suggestion
    assert strip_body_imports("python", "def f():\n    ", "from os import path\n") == ("", ("from os import path",))


def test_imports_in_the_header_stay():
    assert strip_body_imports("python", "import sys\n", "import os\n") == ("import os\n", ())
    assert strip_body_imports("python", '"""Doc."""\n', "import os\nimport re\n") == ("import os\nimport re\n", ())
    assert strip_body_imports("python", "def f():\n    imp", "ort os") == ("ort os", ())  # typed by the user
    assert strip_body_imports("java", "void f() {\n  ", "import java.util.List;\n") \
        == ("import java.util.List;\n", ())  # Python, JavaScript and TypeScript only
    assert strip_body_imports("python", "def f():\n    ", "x = 'import os'\n") == ("x = 'import os'\n", ())


@pytest.mark.parametrize("before, suggestion, expected", [
    ("def f(p):\n    return ", "os.path.join(p, 'x')", ("import os",)),
    ("def f(p):\n    ", "data = json.loads(p)\n    return re.sub('a', 'b', data)", ("import json", "import re")),
    ("import os\ndef f(p):\n    return ", "os.path.join(p, 'x')", ()),
    ("import os.path\ndef f(p):\n    return ", "os.getcwd()", ()),  # `import os.path` binds os
    ("from os import path as os\ndef f(p):\n    return ", "os.join(p)", ()),
    ("def f(os):\n    return ", "os.path.join(p)", ()),  # a parameter named os
    ("def f(p):\n    for json in p:\n        ", "json.dumps(1)", ()),
    ("with open(f) as json:\n    ", "json.load()", ()),
    ("def f(p):\n    return ", "len(p)", ()),
    ("def f(p):\n    return ", "numpy.array(p)", ()),  # not standard library, not in the workspace
    ("def f(p):\n    return ", "p.os.path", ()),  # an attribute of something else
    ("from x import *\ndef f(p):\n    return ", "os.getcwd()", ()),  # a star import may bind anything
])
def test_modules_used_but_not_bound(before, suggestion, expected):
    assert needed_imports("python", before, suggestion, "\n") == expected


def test_carried_imports_and_workspace_modules(tmp_path):
    before = "def f(p):\n    return "
    assert needed_imports("python", before, "np.array(p)", "\n", carried=("import numpy as np",)) \
        == ("import numpy as np",)
    assert needed_imports("python", before, "len(p)", "\n", carried=("import numpy as np",)) == ()  # unused
    (tmp_path / "helpers.py").write_text("def go(): pass\n")
    assert needed_imports("python", before, "helpers.go()", "\n", root=str(tmp_path)) == ("import helpers",)
    assert needed_imports("python", before, "helpers.go()", "\n") == ()
    assert needed_imports("go", "", "fs.readFileSync(p)", "") == ()


def test_bound_names_cover_the_binding_forms():
    text = ("import os.path as p, sys\nfrom a.b import c as d, e\ntry:\n    x = 1\nexcept E as err:\n    pass\n"
            "with open(f) as fh: pass\nfor i, (j, k) in z: pass\n[q for q in r]\n"
            "def f(a, b=1, *c, d2: int, e2: int = 2, **kw): pass\nlambda m, n: m\n(w := 3)\nclass K: pass\n"
            "a2, b2 = 1, 2\ny.z = 3\n")
    names = bound_names(new_parser("python").parse(text.encode()))
    assert {"p", "sys", "d", "e", "x", "err", "fh", "i", "j", "k", "q", "f", "a", "b", "c", "d2", "e2", "kw",
            "m", "n", "w", "K", "a2", "b2"} <= names
    assert not {"os", "y", "z", "r", "E"} & names


def apply(text: str, where) -> str:
    offset = sum(len(line) + 1 for line in text.split("\n")[:where.line]) + where.character  # ASCII only
    return text[:offset] + where.text + text[offset:]


@pytest.mark.parametrize("text, expected", [
    ('"""Doc."""\n\nimport sys\nfrom a import b\n\nx = os.getcwd()\n',
     '"""Doc."""\n\nimport sys\nfrom a import b\nimport os\n\nx = os.getcwd()\n'),
    ('"""Doc\nmore.\n"""\nx = os.getcwd()\n', '"""Doc\nmore.\n"""\n\nimport os\nx = os.getcwd()\n'),
    ("x = os.getcwd()\n", "import os\n\nx = os.getcwd()\n"),
    ("#!/usr/bin/env python\n# coding: utf-8\nx = os.getcwd()\n",
     "#!/usr/bin/env python\n# coding: utf-8\nimport os\nx = os.getcwd()\n"),
    ("from __future__ import annotations\n\n\ndef f():\n    return os.sep\n",
     "from __future__ import annotations\nimport os\n\n\ndef f():\n    return os.sep\n"),
])
def test_the_import_goes_after_the_docstring_and_the_imports(text, expected):
    where = insertion("python", text, ["import os"])
    assert where is not None and where.imports == ("import os",)
    assert apply(text, where) == expected
    assert insertion("python", expected, ["import os"]) is None  # there now: nothing more to add


def test_insertion_at_the_end_of_a_file_without_a_final_newline():
    where = insertion("python", "import sys", ["import os"])
    assert (where.line, where.character, where.text) == (0, 10, "\nimport os")


def test_only_import_statements_are_inserted():
    assert insertion("python", "x = 1\n", ["os.system('rm -rf /')", "import os; os.system('x')", 3]) is None
    assert insertion("python", "x = 1\n", ["import os\nimport sys"]) is None
    assert insertion("python", "import os\n", ["import os", "from pathlib import Path"]).imports \
        == ("from pathlib import Path",)
    assert insertion("javascript", "x = 1\n", ["import os"]) is None  # not a JavaScript import
    assert insertion("go", "x = 1\n", ["import os"]) is None
