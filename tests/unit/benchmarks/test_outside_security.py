"""bench/outside_security.py: the stratified OWASP sample, the per-category score and the
SecurityEval shares, on small made-up suites laid out like the real checkouts (a fake scanner
stands in for the engines; the real scan is what the bench runs)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from bench import outside_security as bench


class FakeScanner:
    """Finds the CWEs written in a file's `// cwe:` or `# cwe:` line."""

    def scan_texts(self, texts):
        found = {}
        for uri, _, text in texts:
            for line in text.splitlines():
                if "cwe:" in line:
                    cwes = [int(c) for c in line.split("cwe:")[1].split(",") if c.strip()]
                    found[uri] = [SimpleNamespace(cwe=cwes)]
        return SimpleNamespace(findings_by_uri=found, engine_errors={})


def _owasp(tmp_path: Path, rows: list[tuple[str, str, bool, str]]) -> Path:
    code = tmp_path / bench.TESTCODE
    code.mkdir(parents=True)
    lines = ["# test name, category, real vulnerability, cwe"]
    for name, cat, truth, cwes in rows:
        lines.append(f"{name},{cat},{str(truth).lower()},0")
        (code / f"{name}.java").write_text(f"class {name} {{}}\n// cwe:{cwes}\n")
    (tmp_path / "expectedresults-1.2.csv").write_text("\n".join(lines) + "\n")
    return tmp_path


def test_sample_takes_the_first_n_of_each_kind_in_test_order(tmp_path):
    rows = [(f"T{i:03d}", "sqli", i % 2 == 0, "") for i in range(10)]
    root = _owasp(tmp_path, rows)
    picked = bench.owasp_sample(root, "expectedresults-1.2.csv", 2, None)
    assert picked == [("T000", "sqli", True), ("T002", "sqli", True), ("T001", "sqli", False), ("T003", "sqli", False)]


def test_seeded_sample_is_reproducible_and_stratified(tmp_path):
    rows = [(f"T{i:03d}", cat, i % 2 == 0, "") for i in range(40) for cat in ["xss"]]
    root = _owasp(tmp_path, rows)
    one = bench.owasp_sample(root, "expectedresults-1.2.csv", 3, 7)
    assert one == bench.owasp_sample(root, "expectedresults-1.2.csv", 3, 7)
    assert sum(t for _, _, t in one) == 3 and len(one) == 6


def test_score_counts_only_findings_in_the_category_family(tmp_path):
    root = _owasp(tmp_path, [
        ("T001", "sqli", True, "89"),     # hit
        ("T002", "sqli", True, "79"),     # a finding, but not SQL injection: a miss
        ("T003", "sqli", False, "89"),    # false positive
        ("T004", "sqli", False, ""),      # quiet on a safe case
        ("T005", "hash", True, "328"),
        ("T006", "hash", False, "327"),   # CWE-327 is not in the hash family here
    ])
    res = bench.run_owasp(FakeScanner(), root, "expectedresults-1.2.csv", 9, None)
    sqli, hash_ = res["categories"]["sqli"], res["categories"]["hash"]
    assert (sqli["tpr"], sqli["fpr"], sqli["score"]) == (0.5, 0.5, 0.0)
    assert (hash_["tpr"], hash_["fpr"], hash_["score"]) == (1.0, 0.0, 1.0)
    assert "**all (pooled)** | 3/3 | 0.67 | 0.33 | +0.33" in bench.owasp_markdown(res)


def test_missing_test_files_are_listed_not_scored(tmp_path):
    root = _owasp(tmp_path, [("T001", "xss", True, "79"), ("T002", "xss", False, "")])
    (root / bench.TESTCODE / "T002.java").unlink()
    res = bench.run_owasp(FakeScanner(), root, "expectedresults-1.2.csv", 9, None)
    assert res["missing"] == ["T002"] and [t["test"] for t in res["tests"]] == ["T001"]


def test_securityeval_shares_from_the_insecure_code_folder(tmp_path):
    folder = tmp_path / "Testcases_Insecure_Code"
    for cwe, name, found in [("CWE-078", "a.py", "78"), ("CWE-094", "b.py", "95"), ("CWE-020", "c.py", "")]:
        (folder / cwe).mkdir(parents=True, exist_ok=True)
        (folder / cwe / name).write_text(f"x = 1\n# cwe:{found}\n")
    res = bench.run_securityeval(FakeScanner(), tmp_path, tmp_path)
    by_id = {s["id"]: s for s in res["samples"]}
    assert by_id["CWE-078_a.py"]["exact"] and not by_id["CWE-094_b.py"]["exact"] and by_id["CWE-094_b.py"]["family"]
    assert (round(res["flagged"], 2), round(res["exact"], 2), round(res["family"], 2)) == (0.67, 0.33, 0.67)


def test_securityeval_falls_back_to_the_dataset_file(tmp_path):
    lines = [{"ID": "CWE-089_x.py", "Insecure_code": "q = 1\n# cwe:89\n"},
             {"ID": "CWE-502_y.py", "Canonical_solution": "import pickle\n"}]
    (tmp_path / "dataset.jsonl").write_text("\n".join(json.dumps(item) for item in lines) + "\n")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    res = bench.run_securityeval(FakeScanner(), tmp_path, scratch)
    assert res["count"] == 2 and res["exact"] == 0.5


def _sard_case(root: Path, name: str, state: str, cwe: int, found: str) -> None:
    (root / name / "src").mkdir(parents=True)
    (root / name / "src" / "sample.php").write_text(f"<?php\n// cwe:{found}\n")
    manifest = {"runs": [{"properties": {"state": state}, "results": [{"ruleId": f"CWE-{cwe}"}]}]}
    (root / name / "manifest.sarif").write_text(json.dumps(manifest))


def test_sard_cases_are_scored_by_their_manifest_state(tmp_path):
    _sard_case(tmp_path, "1-v1", "bad", 79, "79")
    _sard_case(tmp_path, "2-v1", "bad", 79, "89")   # a finding outside the XSS family: a miss
    _sard_case(tmp_path, "3-v1", "good", 79, "80")  # CWE-80 is in the XSS family: a false positive
    _sard_case(tmp_path, "4-v1", "good", 89, "")
    res = bench.run_sard(FakeScanner(), tmp_path)
    xss = res["categories"]["CWE-79"]
    assert (xss["tpr"], xss["fpr"], xss["score"]) == (0.5, 1.0, -0.5)
    assert res["categories"]["CWE-89"] == {"vulnerable": 0, "safe": 1, "tpr": 0.0, "fpr": 0.0, "score": 0.0}


JULIET_STYLE = """#include <stdio.h>
#ifndef OMITBAD
void CWE78_demo_bad() {
// cwe:78
}
#endif /* OMITBAD */
#ifndef OMITGOOD
static void goodG2B() { }
void CWE78_demo_good() { goodG2B(); }
#endif /* OMITGOOD */
#ifdef INCLUDEMAIN
int main() {
#ifndef OMITGOOD
    CWE78_demo_good();
#endif
#ifndef OMITBAD
    CWE78_demo_bad();
#endif
    return 0;
}
#endif
"""


def test_juliet_split_keeps_one_part_and_every_line_number():
    bad = bench.juliet_split(JULIET_STYLE, "OMITGOOD")
    good = bench.juliet_split(JULIET_STYLE, "OMITBAD")
    assert "_bad()" in bad and "goodG2B" not in bad and "CWE78_demo_good" not in bad
    assert "goodG2B" in good and "cwe:78" not in good and "CWE78_demo_bad" not in good
    assert len(bad.splitlines()) == len(good.splitlines()) == len(JULIET_STYLE.splitlines())
    assert "#ifdef INCLUDEMAIN" in good and good.count("#endif") == 3


def test_juliet_cases_are_scored_bad_and_good_per_cwe(tmp_path):
    folder = tmp_path / "CWE78_OS_Command_Injection"
    folder.mkdir()
    (folder / "CWE78_demo_01.c").write_text(JULIET_STYLE)
    (folder / "CWE78_other_02.c").write_text(JULIET_STYLE.replace("// cwe:78", "// cwe:79"))
    (folder / "io.c").write_text("/* a support file, no case */\n")
    res = bench.run_juliet(FakeScanner(), tmp_path, tmp_path / "scratch")
    assert [(t["test"], t["flagged"]) for t in res["tests"]] == [
        ("CWE78_demo_01 (bad)", True), ("CWE78_demo_01 (good)", False),
        ("CWE78_other_02 (bad)", False), ("CWE78_other_02 (good)", False)]
    assert res["categories"]["CWE-78"]["tpr"] == 0.5 and res["categories"]["CWE-78"]["fpr"] == 0.0


def test_juliet_pairs_split_by_the_build_are_one_case(tmp_path):
    (tmp_path / "CWE78_demo_01_omitgood.c").write_text(bench.juliet_split(JULIET_STYLE, "OMITGOOD"))
    (tmp_path / "CWE78_demo_01_omitbad.c").write_text(bench.juliet_split(JULIET_STYLE, "OMITBAD"))
    res = bench.run_juliet(FakeScanner(), tmp_path, tmp_path / "scratch")
    assert [(t["test"], t["vulnerable"], t["flagged"]) for t in res["tests"]] == [
        ("CWE78_demo_01 (bad)", True, True), ("CWE78_demo_01 (good)", False, False)]


UNGUARDED = """#include "std_testcase.h"

void CWE78_demo_03_bad()
{
    // cwe:78
}

/* goodG2B() uses the good source with the bad sink */
static void goodG2B()
{
}

void CWE78_demo_03_good()
{
    goodG2B();
}

#ifdef INCLUDEMAIN
int main() { CWE78_demo_03_good(); CWE78_demo_03_bad(); return 0; }
#endif
"""


def test_juliet_copies_without_omit_guards_are_split_at_the_first_good_definition(tmp_path):
    bad, good = bench.juliet_split_unguarded(UNGUARDED)
    assert "cwe:78" in bad and "goodG2B" not in bad.split("#ifdef INCLUDEMAIN")[0]
    assert "cwe:78" not in good and "static void goodG2B()" in good and "uses the good source" in good
    assert len(bad.splitlines()) == len(good.splitlines()) == len(UNGUARDED.splitlines())
    assert bench.juliet_split_unguarded("int helper(void) { return 0; }\n") is None
    (tmp_path / "CWE78_demo_03.c").write_text(UNGUARDED)
    res = bench.run_juliet(FakeScanner(), tmp_path, tmp_path / "scratch")
    assert [(t["test"], t["flagged"]) for t in res["tests"]] == [
        ("CWE78_demo_03 (bad)", True), ("CWE78_demo_03 (good)", False)]
