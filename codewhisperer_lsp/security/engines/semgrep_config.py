"""The one prepared semgrep rule file: this project's own taint packs (`security/semgrep_rules/`)
plus the installed third-party packs (njsscan for JavaScript/TypeScript, mobsfscan for
Java/Kotlin), merged once per server into a single YAML file in the cache.

Parsing 117 separate rule files cost semgrep's CLI ~18 s a run; one merged file given straight to
semgrep-core is parsed in a fraction of a second. Rules that only made noise in editors are left
out here (see `NOISY`). The file is named by a hash of its content, so a changed pack gives a new
file and an unchanged one is reused across restarts.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass
import logging
import os
from pathlib import Path

import yaml

from codewhisperer_lsp import paths

log = logging.getLogger(__name__)

OWN_RULES = Path(__file__).resolve().parent.parent / "semgrep_rules"

# (package, folder inside it, languages its rules are used for)
THIRD_PARTY = (
    ("njsscan", "rules/semantic_grep", ("javascript", "typescript")),
    ("mobsfscan", "rules/semgrep", ("java", "kotlin")),
)

# rules whose findings on ordinary code were mostly wrong: a map key named like an API key,
# System.out.println reported as Android logging (the OWASP-Benchmark-style Java trial), and
# sink-only command rules that flag exec() of constants (java-cmdi-taint follows the data instead)
NOISY = frozenset({"hardcoded_api_key", "android_logging", "command_injection", "command_injection_warning"})

# LSP language id -> semgrep's language name
SEMGREP_LANGUAGE = {
    "python": "python", "javascript": "js", "typescript": "ts", "typescriptreact": "ts", "java": "java",
    "kotlin": "kotlin", "go": "go", "php": "php", "csharp": "csharp", "ruby": "ruby", "c": "c", "cpp": "cpp",
    "rust": "rust", "scala": "scala",
}
# languages this project's packs or the third-party packs cover (the catalog in docs/SECURITY.md)
DOCUMENTED_LANGUAGES = ("java", "kotlin", "python", "javascript", "typescript", "typescriptreact", "php", "go",
                        "csharp", "ruby", "c", "cpp")
_SEMGREP_TO_IDS = {"js": "javascript", "javascript": "javascript", "ts": "typescript", "typescript": "typescript",
                   "c++": "cpp", "c#": "csharp", "kt": "kotlin", "py": "python", "golang": "go"}


def _rule_languages(rule: dict) -> set[str]:
    return {_SEMGREP_TO_IDS.get(str(lang).lower(), str(lang).lower()) for lang in rule.get("languages", [])}


def _cwes(rule: dict) -> set[int]:
    return {int(n) for n in re.findall(r"(?i)CWE-(\d+)", str(rule.get("metadata", {}).get("cwe", "")))}


def _superseded(rule: dict, followed: dict[str, frozenset[int]]) -> bool:
    """A third-party rule for a weakness our data-flow rules already follow in all its languages
    (its sink-only or differently-sanitised matches were the false alarms)."""
    cwes = _cwes(rule)
    langs = _rule_languages(rule)
    return bool(cwes and langs) and all(cwes <= followed.get(lang, frozenset()) for lang in langs)


def _load(folder: Path, prefix: str, wanted: set[str], followed: dict | None = None) -> list[dict]:
    rules = []
    for path in sorted(folder.rglob("*.yaml")) + sorted(folder.rglob("*.yml")):
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            log.warning("semgrep rule file %s left out: %s", path.name, exc)
            continue
        for rule in doc.get("rules", []):
            if rule.get("id") in NOISY or not (_rule_languages(rule) & wanted):
                continue
            if followed and _superseded(rule, followed):
                continue
            # a copy with no shared parts: semgrep's YAML reader knows no anchors or aliases
            rules.append(json.loads(json.dumps({**rule, "id": f"{prefix}.{rule['id']}"})))
    return rules


def collect(site_packages: list[Path]) -> list[dict]:
    """Every rule used: ours first, then the installed packs' for their languages."""
    rules = _load(OWN_RULES, "cw", set(SEMGREP_LANGUAGE))
    followed = taint_cwes(rules)
    for site in site_packages:
        for package, sub, langs in THIRD_PARTY:
            folder = site / package / sub
            if folder.is_dir():
                rules += _load(folder, package, set(langs), followed)
    return rules


def languages_covered(rules: list[dict]) -> frozenset[str]:
    covered = set()
    for rule in rules:
        covered |= _rule_languages(rule)
    covered &= set(SEMGREP_LANGUAGE)
    if "typescript" in covered:
        covered.add("typescriptreact")
    return frozenset(covered)


def taint_cwes(rules: list[dict]) -> dict[str, frozenset[int]]:
    """Language id -> CWEs that this project's taint rules follow from source to sink there."""
    out: dict[str, set[int]] = {}
    for rule in rules:
        if rule.get("mode") != "taint" or not rule["id"].startswith("cw."):
            continue
        cwes = _cwes(rule)
        for lang in _rule_languages(rule):
            out.setdefault(lang, set()).update(cwes)
    if "typescript" in out:
        out["typescriptreact"] = out["typescript"]
    return {lang: frozenset(c) for lang, c in out.items()}


@dataclass(frozen=True)
class Prepared:
    paths: dict[str, Path]  # LSP language id -> the merged rule file for that language
    taint_cwes: dict[str, frozenset[int]]  # language id -> CWEs followed by data flow
    severities: dict[str, str]  # rule id -> its severity (semgrep-core leaves it out of results)

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(self.paths)


def _write(rules: list[dict]) -> Path:
    """One rule file, named by its content; semgrep-core parses only the rules of the language
    it scans (a file with every language's rules took twice as long per run)."""
    text = yaml.safe_dump({"rules": rules}, sort_keys=False)
    folder = paths.cache_dir() / "semgrep-rules"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"rules-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.yaml"
    if not target.is_file():
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)
    return target


@functools.cache
def prepared(site_packages: tuple[Path, ...]) -> Prepared:
    """The merged rule files, one per language (written once per content), and what they cover."""
    rules = collect(list(site_packages))
    per_language = {}
    for lang in languages_covered(rules):
        wanted = {"typescript"} if lang == "typescriptreact" else {lang}
        per_language[lang] = _write([r for r in rules if _rule_languages(r) & wanted])
    log.debug("semgrep: %d rules prepared for %s", len(rules), sorted(per_language))
    severities = {rule["id"]: str(rule.get("severity", "WARNING")) for rule in rules}
    return Prepared(per_language, taint_cwes(rules), severities)
