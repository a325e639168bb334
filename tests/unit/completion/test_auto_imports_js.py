"""Imports on accept for JavaScript and TypeScript, through the same three entry points as Python.

The golden cases run the whole path the server takes: the model's text at the cursor (`<|>`),
import lines taken out of a body, the imports the rest needs, the suggestion inserted, and the
edit that accepting it sends; the file after both must read exactly as expected."""

from __future__ import annotations

import pytest

from codewhisperer_lsp.completion.auto_imports import insertion, needed_imports, strip_body_imports


def apply(text: str, where) -> str:
    offset = sum(len(line) + 1 for line in text.split("\n")[:where.line]) + where.character  # ASCII only
    return text[:offset] + where.text + text[offset:]


def accept(language: str, source: str, model_text: str) -> tuple[tuple[str, ...], str]:
    """(the item's imports, the file once the item is accepted and its imports added)."""
    before, after = source.split("<|>")
    text, carried = strip_body_imports(language, before, model_text)
    imports = needed_imports(language, before, text, after, "", carried)
    document = before + text + after
    where = insertion(language, document, imports)
    if where is not None:
        assert where.imports == imports
        document = apply(document, where)
        assert insertion(language, document, imports) is None  # there now: nothing more to add
    return imports, document


GOLDEN = [
    pytest.param(  # CommonJS, after 'use strict' and the requires
        "javascript",
        "'use strict';\n\nconst os = require('os');\n\nfunction configPath(name) {\n  return <|>\n}\n",
        "path.join(os.homedir(), '.config', name);",
        ("const path = require('path');",),
        "'use strict';\n\nconst os = require('os');\nconst path = require('path');\n\n"
        "function configPath(name) {\n  return path.join(os.homedir(), '.config', name);\n}\n",
        id="commonjs"),
    pytest.param(  # ES modules, double quotes, no semicolons
        "javascript",
        'import express from "express"\n\nexport function read(p) {\n  return <|>\n}\n',
        'fs.readFileSync(p, "utf8")',
        ('import fs from "fs"',),
        'import express from "express"\nimport fs from "fs"\n\n'
        'export function read(p) {\n  return fs.readFileSync(p, "utf8")\n}\n',
        id="esm-double-quotes-no-semicolons"),
    pytest.param(  # the file's `import * as` and `node:` prefix
        "typescript",
        "import * as os from 'node:os';\n\nexport function tmp(name: string): string {\n  return <|>\n}\n",
        "path.join(os.tmpdir(), name);",
        ("import * as path from 'node:path';",),
        "import * as os from 'node:os';\nimport * as path from 'node:path';\n\n"
        "export function tmp(name: string): string {\n  return path.join(os.tmpdir(), name);\n}\n",
        id="typescript-namespace-node-prefix"),
    pytest.param(  # TypeScript with no imports yet: an ES import; a module used in a type counts
        "typescript",
        "export function size(p: string): number {\n  const stat: <|>\n}\n",
        "fs.Stats = fs.statSync(p);\n  return stat.size;",
        ("import fs from 'fs';",),
        "import fs from 'fs';\n\nexport function size(p: string): number {\n"
        "  const stat: fs.Stats = fs.statSync(p);\n  return stat.size;\n}\n",
        id="typescript-no-imports"),
    pytest.param(  # plain JavaScript with no clue: an ES import at the very top
        "javascript",
        "function home() {\n  return <|>\n}\n",
        "os.homedir();",
        ("import os from 'os';",),
        "import os from 'os';\n\nfunction home() {\n  return os.homedir();\n}\n",
        id="no-clue-esm"),
    pytest.param(  # the model's require inside the body moves to the top
        "javascript",
        "const os = require('os');\n\nfunction hash(s) {\n  <|>\n}\n",
        "const crypto = require('crypto'); // sha256\n  return crypto.createHash('sha256').update(s).digest('hex');",
        ("const crypto = require('crypto');",),
        "const os = require('os');\nconst crypto = require('crypto');\n\n"
        "function hash(s) {\n  return crypto.createHash('sha256').update(s).digest('hex');\n}\n",
        id="carried-require"),
    pytest.param(  # an ES import in the body of a CommonJS file becomes its require
        "javascript",
        "const os = require(\"os\")\n\nfunction read(p) {\n  <|>\n}\n",
        "import { promises as fs } from 'fs';\n  return fs.readFile(p)",
        ('const { promises: fs } = require("fs")',),
        "const os = require(\"os\")\nconst { promises: fs } = require(\"fs\")\n\n"
        "function read(p) {\n  return fs.readFile(p)\n}\n",
        id="carried-import-restyled"),
    pytest.param(  # a shebang, a licence header, and a doc comment that stays with its function
        "javascriptreact",
        "#!/usr/bin/env node\n// Licence: MIT\n\n/** The home. */\nfunction home() {\n  return <|>\n}\n",
        "os.homedir()",
        ("import os from 'os';",),
        "#!/usr/bin/env node\n// Licence: MIT\nimport os from 'os';\n\n/** The home. */\n"
        "function home() {\n  return os.homedir()\n}\n",
        id="header-comments"),
    pytest.param(  # the quote style of the file's strings when it has no import yet (TSX)
        "typescriptreact",
        'const title = "Files";\n\nexport const List = ({ dir }) => <ul>{<|>}</ul>;\n',
        'fs.readdirSync(dir).map((f) => <li key={f}>{f}</li>)',
        ('import fs from "fs";',),
        'import fs from "fs";\n\nconst title = "Files";\n\n'
        'export const List = ({ dir }) => <ul>{fs.readdirSync(dir).map((f) => <li key={f}>{f}</li>)}</ul>;\n',
        id="tsx-quotes-from-strings"),
]


@pytest.mark.parametrize("language, source, model_text, imports, result", GOLDEN)
def test_golden(language, source, model_text, imports, result):
    assert accept(language, source, model_text) == (imports, result)


@pytest.mark.parametrize("source, suggestion", [
    ("const path = require('path');\n\nfunction f(a) {\n  return <|>\n}\n", "path.join(a, 'b')"),
    ("import path from 'path';\n\nfunction f(a) {\n  return <|>\n}\n", "path.join(a, 'b')"),
    ("import { join as path } from 'path';\nfunction f(a) {\n  return <|>\n}\n", "path.sep"),
    ("function f(a) {\n  const path = a.location;\n  return <|>\n}\n", "path.join('b')"),  # a local
    ("function f(path) {\n  return <|>\n}\n", "path.join('b')"),  # a shadowing parameter
    ("const f = (fs) => <|>;\n", "fs.readFileSync('b')"),
    ("const f = ({ path }, [os]) => <|>;\n", "path.join(os.tmpdir())"),
    ("function f() {\n  try {} catch (url) { return <|> }\n}\n", "url.parse('x')"),
    ("for (const os of list) {\n  <|>\n}\n", "os.homedir()"),
    ("/* global fs */\nfunction f() {\n  return <|>\n}\n", "fs.readFileSync('x')"),
    ("function f() {\n  return <|>\n}\n", "Buffer.from(process.cwd())"),  # globals, not modules
    ("function f() {\n  return <|>\n}\n", "crypto.randomUUID()"),  # Web Crypto: a global
    ("function f() {\n  return <|>\n}\n", "lodash.map([1], String)"),  # not a built-in
    ("function f(a) {\n  return <|>\n}\n", "a.path.join('x')"),  # a property of something else
])
def test_nothing_to_import(source, suggestion):
    before, after = source.split("<|>")
    assert needed_imports("javascript", before, suggestion, after) == ()


def test_each_module_once_in_the_order_used():
    before, after = "export function f(p: string) {\n  return <|>\n}\n".split("<|>")
    assert needed_imports("typescript", before, "path.join(os.tmpdir(), path.basename(p), util.format(p))", after) \
        == ("import path from 'path';", "import os from 'os';", "import util from 'util';")
    assert needed_imports("javascript", "function f(p) {\n  return ", "crypto.createHash('md5')", "\n}\n") \
        == ("import crypto from 'crypto';",)
    assert needed_imports("javascript", "function f(p) {\n  ", "assert(p)", "\n}\n") == ("import assert from 'assert';",)


def test_carried_imports_are_kept_only_when_used_and_missing():
    before, after = "const x = require('x');\nfunction f(p) {\n  return ", "\n}\n"
    carried = ("const _ = require('lodash');",)
    assert needed_imports("javascript", before, "_.map(p, String)", after, carried=carried) == carried
    assert needed_imports("javascript", before, "p + 1", after, carried=carried) == ()  # unused
    assert needed_imports("javascript", "const _ = require('lodash');\n" + before, "_.map(p, String)", after,
                          carried=carried) == ()  # the file has it already
    # the model's own form wins over the built-in's default (promises, not the callback API)
    assert needed_imports("javascript", before, "fs.readFile(p)", after,
                          carried=("const fs = require('fs').promises;", "const { promises: fs } = require('fs');")) \
        == ("const { promises: fs } = require('fs');",)


def test_body_imports_leave_the_suggestion():
    assert strip_body_imports("javascript", "function f() {\n  ", "import fs from 'fs';\n  return fs.x;\n}") \
        == ("return fs.x;\n}", ("import fs from 'fs';",))
    assert strip_body_imports("typescript", "class A {\n  m() {\n    const a = 1;\n    ",
                              "import * as path from 'path'\n    return path.sep;") \
        == ("return path.sep;", ("import * as path from 'path'",))
    assert strip_body_imports("javascript", "if (x) {\n  ", "const {a, b: c} = require(\"y\");\n  a(c);") \
        == ("a(c);", ('const {a, b: c} = require("y");',))
    assert strip_body_imports("javascript", "function f() {\n  return 1;\n}\n\nfunction g() {\n  ",
                              "foo();\n  const os = require('os'); // home\n  return os.homedir();") \
        == ("foo();\n  return os.homedir();", ("const os = require('os');",))  # the comment stays behind
    # nothing left but the import: no suggestion
    assert strip_body_imports("javascript", "function f() {\n  ", "import x, { y } from 'z';\n") \
        == ("", ("import x, { y } from 'z';",))


def test_top_level_and_partial_lines_stay():
    assert strip_body_imports("javascript", "import a from 'a';\n", "import b from 'b';\n") \
        == ("import b from 'b';\n", ())
    assert strip_body_imports("javascript", "function f() {}\n", "const fs = require('fs');\n") \
        == ("const fs = require('fs');\n", ())  # top level, below code: still the module's scope
    assert strip_body_imports("javascript", "function f() {\n  imp", "ort fs from 'fs';") \
        == ("ort fs from 'fs';", ())  # typed by the user
    assert strip_body_imports("javascript", "function f() {\n  ", "const s = \"import fs from 'fs'\";\n") \
        == ("const s = \"import fs from 'fs'\";\n", ())
    assert strip_body_imports("javascript", "function f() {\n  ", "const fs = require('fs').promises;\n") \
        == ("const fs = require('fs').promises;\n", ())  # not a plain require: left to the model


@pytest.mark.parametrize("text, imports, expected", [
    ("'use strict';\nconst x = 1;\n", ["const fs = require('fs');"],
     "'use strict';\nconst fs = require('fs');\n\nconst x = 1;\n"),
    ("import {\n  a,\n  b,\n} from 'ab';\n\nconst x = 1;\n", ["import fs from 'fs';"],
     "import {\n  a,\n  b,\n} from 'ab';\nimport fs from 'fs';\n\nconst x = 1;\n"),
    ("import a from 'a';\nconst b = require('b');\nfoo();\nimport late from 'late';\n", ["import fs from 'fs';"],
     "import a from 'a';\nconst b = require('b');\nimport fs from 'fs';\nfoo();\nimport late from 'late';\n"),
    ("function f() {\n  return fs.x;\n}\n", ["import fs from 'fs';"],
     "import fs from 'fs';\n\nfunction f() {\n  return fs.x;\n}\n"),
    ("import fs = require('fs');\n", ["import path = require('path');"],
     "import fs = require('fs');\nimport path = require('path');\n"),
])
def test_where_the_import_goes(text, imports, expected):
    where = insertion("typescript", text, imports)
    assert where is not None and apply(text, where) == expected


def test_insertion_at_the_end_of_a_file_without_a_final_newline():
    where = insertion("javascript", "const os = require('os');", ["const fs = require('fs');"])
    assert (where.line, where.character, where.text) == (0, 25, "\nconst fs = require('fs');")


def test_only_single_import_statements_are_inserted():
    assert insertion("javascript", "x = 1;\n", [
        "const fs = require('fs'); evil();", "require('child_process').exec('rm -rf /');",
        "const x = require(`y${z}`);", "import fs from 'fs';\nimport os from 'os';", "const x = 1;",
        "import('fs');", "const cp = require('fs'), y = evil();", 3]) is None
    where = insertion("javascript", "import fs from 'fs';\n", ["import fs from 'fs';", "import os from 'os';",
                                                               "import os from 'os';"])
    assert where.imports == ("import os from 'os';",)
    # the suggestion's names are bound by then (the file binds `path` locally): nothing is added
    assert insertion("javascript", "function f(path) {}\n", ["import path from 'path';"]) is None


def test_python_is_unchanged_by_the_javascript_rules():
    assert needed_imports("python", "def f(p):\n    return ", "os.path.join(p)", "\n") == ("import os",)
    assert strip_body_imports("python", "def f():\n    ", "const fs = require('fs')\n") \
        == ("const fs = require('fs')\n", ())
    assert insertion("python", "x = 1\n", ["const fs = require('fs');"]) is None


@pytest.mark.parametrize("uri, before, expected", [
    # nothing in the file says which module system: the extension does
    ("file:///w/tool.cjs", "function read(p) {\n  return ", "const fs = require('fs');"),
    ("file:///w/tool.mjs", "function read(p) {\n  return ", "import fs from 'fs';"),
    ("file:///w/tool.js", "function read(p) {\n  return ", "import fs from 'fs';"),
    # the extension wins over what the file holds: a .cjs file cannot `import`, a .mjs file has no require
    ("file:///w/tool.cjs", "import os from 'os';\nfunction read(p) {\n  return ", "const fs = require('fs');"),
    ("file:///w/tool.MJS", "const os = require('os');\nfunction read(p) {\n  return ", "import fs from 'fs';"),
])
def test_mjs_and_cjs_files_get_their_own_module_system(uri, before, expected):
    assert needed_imports("javascript", before, "fs.readFileSync(p, 'utf8');", "\n}\n", uri=uri) == (expected,)
