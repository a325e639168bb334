"""After a comment at top level of a script, the model may write a statement rather than a
function: that line is the suggestion (line by line), not an empty one for want of a signature.
Languages without top-level statements keep the signature rule."""

import pytest

from codewhisperer_lsp.completion.postprocess import postprocess
from codewhisperer_lsp.completion.service import stop_rule
from codewhisperer_lsp.completion.situation import situate_marked


def stops_after(situation, generated: str) -> str | None:
    rule = stop_rule(situation, "")
    return next((generated[:i] for i in range(1, len(generated) + 1) if rule(generated[:i])), None)


@pytest.mark.parametrize("language, marked, generated, expected", [
    ("shellscript", "#!/bin/bash\n\n# create the log folder if it does not exist\n<|>\n",
     "mkdir -p /var/log\necho done\n", "mkdir -p /var/log"),
    ("python", "import os\n\n# read the configuration\n<|>\n",
     "config = open('app.cfg').read()\nprint(config)\n", "config = open('app.cfg').read()"),
    ("javascript", "// say that the server starts\n<|>\n",
     "console.log('starting');\nstart();\n", "console.log('starting');"),
    ("ruby", "# the default port\n<|>\n", "PORT = 8080\nputs PORT\n", "PORT = 8080"),
])
def test_a_statement_after_a_script_comment_is_one_line(language, marked, generated, expected):
    situation = situate_marked(language, marked)
    assert situation.kind.value == "comment_to_function"
    assert stops_after(situation, generated) == expected + "\n"
    assert postprocess(situation, generated) == expected


@pytest.mark.parametrize("language, marked, generated, expected", [
    ("shellscript", "#!/bin/bash\n\n# print a greeting\n<|>\n", "greet() {\n  echo hi\n}\n", "greet() {"),
    ("python", "# add two numbers\n<|>\n", "def add(a, b):\n    return a + b\n", "def add(a, b):"),
    ("javascript", "// add two numbers\n<|>\n", "const add = (a, b) => {\n  return a + b;\n};\n",
     "const add = (a, b) => {"),
    ("typescript", "// a point on the plane\n<|>\n", "interface Point {\n  x: number;\n}\n", "interface Point {"),
    ("java", "class A {\n    // add two numbers\n    <|>\n}\n", "public int add(int a, int b) {\n        return a + b;\n    }\n",
     "public int add(int a, int b) {"),
])
def test_a_definition_after_a_comment_is_still_its_signature(language, marked, generated, expected):
    situation = situate_marked(language, marked)
    assert situation.kind.value == "comment_to_function"
    assert stops_after(situation, generated) == expected + "\n"
    assert postprocess(situation, generated) == expected


def test_a_one_line_string_is_finished_like_a_line_but_never_mid_word():
    situation = situate_marked("shellscript", 'name="${1:-world}"\necho "Hello, <|>"\n')
    assert situation.cursor.in_string and situation.kind.value == "single_line_mid"
    assert postprocess(situation, '$name!"') == "$name!"
    assert situate_marked("javascript", "const s = 'a<|>b';\n").kind.value == "none"
    assert situate_marked("javascript", "const q = `select <|>\n  from t`;\n").kind.value == "none"
