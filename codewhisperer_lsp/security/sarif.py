"""Scan results as SARIF 2.1.0, the format code-scanning dashboards (GitHub, Azure DevOps, GitLab)
read: one run, one rule per engine rule, results with 1-based regions relative to the folder the
scan ran in (`%SRCROOT%`), CWE tags and a `security-severity` so dashboards rank them.
"""

from __future__ import annotations

from pathlib import Path

from codewhisperer_lsp.security.confine import uri_path

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"HIGH": "error", "MEDIUM": "warning", "LOW": "note"}
SECURITY_SEVERITY = {"HIGH": "8.0", "MEDIUM": "5.5", "LOW": "2.0"}


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("codewhisperer-lsp")
    except Exception:  # an uninstalled checkout: the report is still valid without it
        return "0"


def to_sarif(result, base: Path) -> dict:
    rules: dict[str, dict] = {}
    results = []
    for uri, findings in sorted(result.findings_by_uri.items()):
        location = _artifact(uri, base)
        for f in findings:
            rule_id = f"{f.engine}/{f.rule_id}"
            if rule_id not in rules:
                rules[rule_id] = _rule(rule_id, f)
            results.append({
                "ruleId": rule_id,
                "ruleIndex": list(rules).index(rule_id),
                "level": LEVEL.get(f.severity, "warning"),
                "message": {"text": f.message or rule_id},
                "locations": [{"physicalLocation": {"artifactLocation": location, "region": {
                    "startLine": f.start_line + 1, "startColumn": f.start_col + 1,
                    "endLine": f.end_line + 1, "endColumn": max(f.end_col + 1, 1)}}}],
                "properties": {"engine": f.engine, "confidence": f.confidence},
            })
    notifications = [{"level": "warning", "message": {"text": f"skipped {_artifact(u, base)['uri']}: {r}"}}
                     for u, r in result.skipped_files]
    notifications += [{"level": "error", "message": {"text": f"engine {e}: {msg}"}}
                      for e, msg in sorted(result.engine_errors.items())]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "codewhisperer-lsp", "version": _version(),
                                "informationUri": "https://cwe.mitre.org/", "rules": list(rules.values())}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": base.resolve().as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{"executionSuccessful": result.status.value == "Succeeded",
                             "toolExecutionNotifications": notifications}],
        }],
    }


def _artifact(uri: str, base: Path) -> dict:
    path = uri_path(uri)
    if path is None:
        return {"uri": uri}
    for candidate, root in ((path.absolute(), base.absolute()), (path.resolve(), base.resolve())):
        if candidate.is_relative_to(root):  # a symlink is named where it is, not where it leads
            return {"uri": candidate.relative_to(root).as_posix(), "uriBaseId": "%SRCROOT%"}
    return {"uri": path.absolute().as_uri()}


def _rule(rule_id: str, f) -> dict:
    tags = ["security"] + [f"external/cwe/cwe-{c}" for c in f.cwe]
    rule = {
        "id": rule_id,
        "name": rule_id.replace("/", "-"),
        "shortDescription": {"text": (f.message or rule_id).split("\n", 1)[0][:200]},
        "defaultConfiguration": {"level": LEVEL.get(f.severity, "warning")},
        "properties": {"tags": tags, "security-severity": SECURITY_SEVERITY.get(f.severity, "5.5")},
    }
    if f.doc_url:
        rule["helpUri"] = f.doc_url
    return rule
