"""The engines and rules per language, as a Markdown table: `python -m codewhisperer_lsp.security.catalog`.

docs/SECURITY.md embeds its output between markers, and a test keeps the two in step.
"""

from __future__ import annotations

import sys

from codewhisperer_lsp.context.languages import LANGUAGES
from codewhisperer_lsp.security.engines.semgrep_config import DOCUMENTED_LANGUAGES
from codewhisperer_lsp.security.rules import rules_for

ENGINES = {  # engine -> (languages or "*", what it is)
    "bandit": (("python",), "bandit's in-process API, all its plugins (B1xx-B7xx)"),
    "flawfinder": (("c", "cpp"), "flawfinder's risky-function database (CWE-tagged)"),
    "shellcheck": (("shellscript",), "shellcheck, security-relevant checks only"),
    "semgrep": (DOCUMENTED_LANGUAGES,
                "semgrep-core with this project's taint rules (data flow from sources to sinks), njsscan (JS/TS) "
                "and mobsfscan (Java/Kotlin) rules; one run per scan, offline, own environment"),
    "rules": (None, "our compiled regex rules (also the per-suggestion check)"),
    "detect-secrets": (("*",), "detect-secrets plugins, offline (no verification requests)"),
}


def engines_for(language_id: str) -> list[str]:
    names = []
    for name, (langs, _) in ENGINES.items():
        if langs is None:
            if rules_for(language_id):
                names.append(name)
        elif "*" in langs or language_id in langs:
            names.append(name)
    return names


def markdown() -> str:
    lines = ["| language | engines | our rules |", "|---|---|---|"]
    for language in LANGUAGES.values():
        ids = ", ".join(f"`{r.id}` (CWE-{r.cwe})" for r in rules_for(language.id))
        lines.append(f"| {language.id} | {', '.join(engines_for(language.id))} | {ids or '-'} |")
    lines += ["", "| engine | what it is |", "|---|---|"]
    lines += [f"| {name} | {what} |" for name, (_, what) in ENGINES.items()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(markdown())
