"""A finding carries its CWE and the parent weakness MITRE files it under (cwe_labels), and the
rules that name a specific weakness name it: the exact label, not a neighbour. Needs semgrep for the
rule cases (set up by ./dev.sh setup)."""

import pytest

from codewhisperer_lsp.security.cwe_labels import labelled, with_parents
from codewhisperer_lsp.security.findings import Finding
from codewhisperer_lsp.security.scan import SecurityScanner, merge


def _finding(*cwes: int, engine: str = "bandit", line: int = 0) -> Finding:
    return Finding(engine, "X", "m", "HIGH", "HIGH", cwes, line, 0, line, 1)


def test_parents_follow_their_child_once_and_in_order():
    assert with_parents((95,)) == (95, 94)
    assert with_parents((259, 798)) == (259, 798)
    assert with_parents((297,)) == (297, 295)
    assert with_parents((89,)) == (89,)
    assert with_parents(()) == ()


def test_a_finding_without_parents_to_add_is_left_as_it_is():
    plain = _finding(89)
    assert labelled(plain) is plain
    assert labelled(_finding(328)).cwe == (328, 327)


def test_merge_labels_every_finding_and_still_drops_a_repeat_on_the_same_line():
    kept = merge([_finding(259), _finding(798, engine="detect-secrets")])
    assert [(f.engine, f.cwe) for f in kept] == [("bandit", (259, 798))]


def test_merge_keeps_a_later_finding_that_names_a_weakness_the_earlier_did_not():
    kept = merge([_finding(328), _finding(759, engine="semgrep")])
    assert sorted(f.engine for f in kept) == ["bandit", "semgrep"]
    assert merge([_finding(328), _finding(328, 327, engine="semgrep")])[0].engine == "bandit"
    assert len(merge([_finding(328), _finding(328, 327, engine="semgrep")])) == 1


CASES = {
    # (file name, code): CWEs every one of which some finding must carry
    ("eval.py", "import sys\neval(sys.argv[1])\n"): {95, 94},
    ("hostname.py", "import ssl\nctx = ssl.create_default_context()\nctx.check_hostname = False\n"): {297, 295},
    ("stdlib_ctx.py", "import ssl\nctx = ssl._create_stdlib_context()\n"): {297, 295},
    ("bomb.py", "import xml.etree.ElementTree as ET\nfrom flask import request\nET.fromstring(request.data)\n"): {611, 776},
    ("lxml.py", "from lxml import etree\nfrom flask import request\netree.fromstring(request.get_data())\n"): {611, 827},
    ("regex.py", "import re\nfrom flask import request\nre.search(request.args['p'], 'text')\n"): {730, 400},
    ("header.py", "from flask import Response, request\nr = Response('x')\nr.headers['X-A'] = request.args['a']\n"): {113},
    ("iv.py", "from cryptography.hazmat.primitives.ciphers import modes\niv = b'k' * 16\nmode = modes.CBC(iv)\n"): {329, 1204},
    ("salt.py", "import hashlib\ndef h(pw):\n    return hashlib.pbkdf2_hmac('sha256', pw, b'fixed', 100000)\n"): {760, 916},
    ("nosalt.py", "import hashlib\ndef h(password):\n    return hashlib.md5(password.encode()).hexdigest()\n"): {759, 916},
    ("smtp.py", "import smtplib\ndef send(u, p):\n    s = smtplib.SMTP('mail', 587)\n    s.login(u, p)\n"): {319},
    ("trace.py", "import traceback\nfrom flask import Flask\napp = Flask(__name__)\n@app.route('/r')\ndef r():\n    try:\n        return run()\n    except Exception:\n        return traceback.format_exc()\n"): {209},
    ("location.py", "from flask import Response, request\nr = Response(status=302)\nr.headers['Location'] = request.args['u']\n"): {601},
}
QUIET = {
    # (file name, code): CWEs no finding may carry
    ("header_ok.py", "from flask import Response, request\nMODES = {'a': 'x'}\nr = Response('x')\nr.headers['X-A'] = MODES.get(request.args['a'], 'x')\n"): {113},
    ("iv_ok.py", "import os\nfrom cryptography.hazmat.primitives.ciphers import modes\nmode = modes.CBC(os.urandom(16))\n"): {329},
    ("smtp_ok.py", "import smtplib\ndef send(u, p):\n    s = smtplib.SMTP('mail', 587)\n    s.starttls()\n    s.login(u, p)\n"): {319},
    ("hostname_ok.py", "import ssl\nctx = ssl.create_default_context()\nctx.check_hostname = True\n"): {297, 295},
    ("lxml_ok.py", "from lxml import etree\nfrom flask import request\np = etree.XMLParser(resolve_entities=False)\netree.fromstring(request.get_data(), p)\n"): {611, 827},
}


@pytest.fixture(scope="module")
def found():
    scanner = SecurityScanner()
    if "semgrep" in scanner.unavailable:
        pytest.fail(f"semgrep is needed for the taint rules: {scanner.unavailable['semgrep']}")
    files = [(f"file:///ws/{name}", "python", code) for name, code in [*CASES, *QUIET]]
    result = scanner.scan_texts(files)
    return {uri.rsplit("/", 1)[-1]: [set(f.cwe) for f in result.findings_by_uri.get(uri, [])] for uri, _, _ in files}


@pytest.mark.parametrize("case", sorted(CASES), ids=lambda c: c[0])
def test_the_finding_names_the_exact_weakness(found, case):
    assert any(CASES[case] <= cwes for cwes in found[case[0]]), found[case[0]]


@pytest.mark.parametrize("case", sorted(QUIET), ids=lambda c: c[0])
def test_the_safe_twin_has_no_finding_of_that_weakness(found, case):
    assert not any(QUIET[case] & cwes for cwes in found[case[0]]), found[case[0]]
