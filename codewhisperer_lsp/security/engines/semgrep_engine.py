"""semgrep with rule packs whose licenses allow use (njsscan: JS/TS, mobsfscan: Java/Kotlin),
in a virtual environment of its own.

semgrep downgrades protobuf and click when installed beside the server, so it lives in
`<cache>/semgrep-env`, created by the set-up step `ensure_semgrep_env()` (the only place that
touches the network). At scan time the engine is used only if that environment exists; semgrep
runs with `--metrics=off --disable-version-check` so it never phones home, on a temporary copy of
the buffer (project root = that temp folder; a big root slows it tenfold). It costs seconds a
run, so it is the last engine and only scans on explicit file/project scans.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from codewhisperer_lsp import paths
from codewhisperer_lsp.context import languages
from codewhisperer_lsp.security.findings import Finding, cwe_url, normalize_severity

log = logging.getLogger(__name__)

# Resolved together by pip as compatible; bump all three at once.
SEMGREP_PACKAGES = ("semgrep==1.172.0", "njsscan==1.0.2", "mobsfscan==1.1.0")
RULE_PACKAGES = {  # package -> (rules folder inside it, languages)
    "njsscan": ("rules/semantic_grep", ("javascript", "typescript", "typescriptreact")),
    "mobsfscan": ("rules/semgrep", ("java", "kotlin")),
}


def semgrep_env_dir() -> Path:
    return paths.cache_dir() / "semgrep-env"


def ensure_semgrep_env(packages: tuple[str, ...] = SEMGREP_PACKAGES, env_dir: Path | None = None) -> Path:
    """Set-up step (needs the network once): create the venv and install semgrep plus rule packs.

    Idempotent; returns the environment folder. Call it from the set-up script or CLI, never
    from the server's request path.
    """
    env_dir = env_dir or semgrep_env_dir()
    if not (env_dir / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True, capture_output=True)
    subprocess.run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", *packages],
                   check=True, capture_output=True)
    return env_dir


def _site_packages(env_dir: Path) -> list[Path]:
    return sorted(env_dir.glob("lib/python3*/site-packages"))


def rule_dirs(env_dir: Path, language_id: str) -> list[Path]:
    """Installed rule folders that cover `language_id`."""
    found = []
    for site in _site_packages(env_dir):
        for package, (sub, langs) in RULE_PACKAGES.items():
            folder = site / package / sub
            if language_id in langs and folder.is_dir():
                found.append(folder)
    return found


class SemgrepEngine:
    name = "semgrep"
    languages = frozenset(lang for _, langs in RULE_PACKAGES.values() for lang in langs)

    def __init__(self, env_dir: Path | None = None, timeout_s: float = 30.0):
        self._env_dir = env_dir
        self.timeout_s = timeout_s

    @property
    def env_dir(self) -> Path:
        return self._env_dir or semgrep_env_dir()

    def available(self) -> tuple[bool, str]:
        if not (self.env_dir / "bin" / "semgrep").exists():
            return False, ("semgrep is not set up (JavaScript/TypeScript/Java/Kotlin rule packs); run "
                           "`python -m codewhisperer_lsp.security.setup` or `./dev.sh setup` once")
        return True, ""

    def scan(self, path_or_uri: str, language_id: str, text: str) -> list[Finding]:
        configs = rule_dirs(self.env_dir, language_id)
        if not configs:
            return []
        lang = languages.resolve(language_id, path_or_uri)
        suffix = lang.extensions[0] if lang else Path(path_or_uri).suffix
        with tempfile.TemporaryDirectory(prefix="cw-semgrep-") as tmp:
            target = Path(tmp) / f"buffer{suffix}"
            target.write_text(text, encoding="utf-8")
            argv = [str(self.env_dir / "bin" / "semgrep"), "scan", "--json", "--quiet", "--metrics=off",
                    "--disable-version-check", "--no-git-ignore", "--project-root", tmp]
            for folder in configs:
                argv += ["--config", str(folder)]
            proc = _run_offline(argv + [str(target)], self.timeout_s)
        results = json.loads(proc.stdout or b"{}").get("results", [])
        return [_to_finding(r, text.splitlines()) for r in results]


def _run_offline(argv: list[str], timeout_s: float):
    env = {**os.environ, "SEMGREP_SEND_METRICS": "off", "SEMGREP_ENABLE_VERSION_CHECK": "0"}
    proc = subprocess.run(argv, capture_output=True, timeout=timeout_s, env=env, check=False)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"semgrep exited {proc.returncode}: {proc.stderr[-300:].decode(errors='replace')}")
    return proc


def _to_finding(result: dict, lines: list[str]) -> Finding:
    extra = result.get("extra", {})
    meta = extra.get("metadata", {})
    cwes = _cwes(meta.get("cwe"))
    start, end = result["start"], result["end"]
    return Finding(
        engine="semgrep",
        rule_id=result["check_id"].rsplit(".", 1)[-1],
        message=extra.get("message", "").strip(),
        severity=normalize_severity(extra.get("severity")),
        confidence=normalize_severity(meta.get("confidence"), default="MEDIUM"),
        cwe=cwes,
        start_line=start["line"] - 1,
        start_col=_char(lines, start["line"] - 1, start.get("offset"), start["col"]),
        end_line=end["line"] - 1,
        end_col=_char(lines, end["line"] - 1, end.get("offset"), end["col"]),
        doc_url=(meta.get("references") or [cwe_url(cwes[0]) if cwes else "https://semgrep.dev/docs/"])[0],
    )


def _cwes(value) -> tuple[int, ...]:
    import re

    text = " ".join(value) if isinstance(value, list) else str(value or "")
    return tuple(dict.fromkeys(int(n) for n in re.findall(r"(?i)CWE-(\d+)", text)))


def _char(lines: list[str], line_no: int, _offset, col_1based: int) -> int:
    """semgrep columns are 1-based byte columns."""
    line = lines[line_no] if 0 <= line_no < len(lines) else ""
    return len(line.encode("utf-8")[: col_1based - 1].decode("utf-8", "ignore"))
