"""semgrep: this project's taint rule packs and the licensed third-party packs (njsscan:
JavaScript/TypeScript, mobsfscan: Java/Kotlin), in a virtual environment of its own.

semgrep downgrades protobuf and click when installed beside the server, so it lives in
`<cache>/semgrep-env`, created by the set-up step `ensure_semgrep_env()` (the only place that
touches the network). Scans call its bundled `semgrep-core` directly, never the Python CLI (which
reports metrics and checks versions online, and cost seconds per run): one run for all the files
of a scan, with the rules merged once into one prepared file (`semgrep_config`). The time limit
grows with the files and bytes given; what a timeout drops is named in the error.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from codewhisperer_lsp import paths
from codewhisperer_lsp.context import languages
from codewhisperer_lsp.security.engines import c_fold, java_fold, semgrep_config
from codewhisperer_lsp.security.engines._subprocess import EngineTimeout
from codewhisperer_lsp.security.findings import Finding, cwe_url, normalize_severity

log = logging.getLogger(__name__)

# Resolved together by pip as compatible; bump all three at once.
SEMGREP_PACKAGES = ("semgrep==1.172.0", "njsscan==1.0.2", "mobsfscan==1.1.0")


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


def core_binary(env_dir: Path) -> Path | None:
    for site in _site_packages(env_dir):
        binary = site / "semgrep" / "bin" / "semgrep-core"
        if binary.is_file():
            return binary
    return None


class SemgrepEngine:
    name = "semgrep"

    def __init__(self, env_dir: Path | None = None, base_timeout_s: float = 10.0, per_file_s: float = 1.0,
                 per_100kb_s: float = 2.0):
        self._env_dir = env_dir
        self.base_timeout_s, self.per_file_s, self.per_100kb_s = base_timeout_s, per_file_s, per_100kb_s

    @property
    def env_dir(self) -> Path:
        return self._env_dir or semgrep_env_dir()

    @property
    def languages(self) -> frozenset[str]:
        if core_binary(self.env_dir) is None:
            return frozenset()
        return self._prepared().languages

    def supersedes(self, language_id: str) -> frozenset[int]:
        """CWEs whose line-local regex findings this engine's data-flow rules replace."""
        return self._prepared().taint_cwes.get(language_id, frozenset())

    def _prepared(self) -> semgrep_config.Prepared:
        return semgrep_config.prepared(tuple(_site_packages(self.env_dir)))

    def available(self) -> tuple[bool, str]:
        if core_binary(self.env_dir) is None:
            return False, ("semgrep is not set up (taint rules for Java, Python, JavaScript/TypeScript, PHP, Go, "
                           "C#, Ruby, C/C++); run `python -m codewhisperer_lsp.security.setup` or `./dev.sh setup` once")
        return True, ""

    def timeout_for(self, texts: list[str]) -> float:
        """Seconds allowed for one run: grows with the number of files and their size."""
        size = sum(len(t.encode("utf-8", "replace")) for t in texts)
        return self.base_timeout_s + self.per_file_s * len(texts) + self.per_100kb_s * size / 100_000

    def scan(self, path_or_uri: str, language_id: str, text: str) -> list[Finding]:
        return self.scan_many([(path_or_uri, language_id, text)])[path_or_uri]

    def scan_many(self, files: list[tuple[str, str, str]], time_left: float | None = None,
                  cancel_event=None) -> dict[str, list[Finding]]:
        """{uri: findings} for (uri, language id, text) files, in one semgrep-core run.

        Raises EngineTimeout naming the files it dropped when the run goes over its time limit
        (which grows with the work, capped by `time_left`) or is cancelled."""
        prepared = self._prepared()
        wanted = [(uri, lang, text) for uri, lang, text in files if lang in prepared.languages]
        found: dict[str, list[Finding]] = {uri: [] for uri, _, _ in files}
        if not wanted:
            return found
        timeout = self.timeout_for([t for _, _, t in wanted])
        if time_left is not None:
            timeout = max(min(timeout, time_left), 0.1)
        started = time.monotonic()
        for rules, group in _by_rule_file(prepared, wanted).items():
            left = max(timeout - (time.monotonic() - started), 0.1)
            with tempfile.TemporaryDirectory(prefix="cw-semgrep-") as tmp:
                by_path = _write_targets(Path(tmp), group)
                output = _run_core(core_binary(self.env_dir), rules, Path(tmp) / "targets.json", left, cancel_event,
                                   [uri for uri, _, _ in group])
            for result in output.get("results", []):
                uri, text = by_path.get(result.get("path"), (None, ""))
                if uri is not None:
                    result.setdefault("extra", {}).setdefault("severity", prepared.severities.get(result.get("check_id")))
                    found[uri].append(_to_finding(result, text.splitlines()))
            _log_errors(output, by_path)
        return found


def _by_rule_file(prepared: semgrep_config.Prepared, files: list[tuple[str, str, str]]) -> dict[Path, list]:
    """Files grouped by the rule file of their language: one semgrep-core run per group."""
    groups: dict[Path, list] = {}
    for item in files:
        groups.setdefault(prepared.paths[item[1]], []).append(item)
    return groups


def _write_targets(folder: Path, files: list[tuple[str, str, str]]) -> dict[str, tuple[str, str]]:
    """Each buffer as a file (with its language's extension) and semgrep-core's targets list."""
    by_path, targets = {}, []
    for index, (uri, lang, text) in enumerate(files):
        spec = languages.resolve(lang)
        target = folder / f"f{index}{spec.extensions[0] if spec else ''}"
        target.write_text(_folded(lang, text), encoding="utf-8")
        by_path[str(target)] = (uri, text)
        targets.append(["CodeTarget", {"path": {"fpath": str(target), "ppath": f"/{target.name}"},
                                       "analyzer": semgrep_config.SEMGREP_LANGUAGE[lang], "products": ["sast"]}])
    (folder / "targets.json").write_text(json.dumps(["Targets", targets]), encoding="utf-8")
    return by_path


def _folded(lang: str, text: str) -> str:
    """The text semgrep reads: constants folded where semgrep does not fold them itself."""
    if lang == "java":
        return java_fold.fold(text)
    if lang in ("c", "cpp"):
        return c_fold.fold(text, lang)
    return text


def _run_core(binary: Path, rules: Path, targets: Path, timeout_s: float, cancel_event, uris: list[str]) -> dict:
    argv = [str(binary), "-rules", str(rules), "-targets", str(targets), "-json", "-timeout", "5",
            "-timeout_threshold", "3", "-j", "1", "-fast"]
    env = {**os.environ, "SEMGREP_SEND_METRICS": "off", "SEMGREP_ENABLE_VERSION_CHECK": "0"}
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            env=env, cwd=targets.parent)
    try:
        stdout, stderr = _communicate(proc, timeout_s, cancel_event)
    except subprocess.TimeoutExpired as exc:
        names = ", ".join(u.rsplit("/", 1)[-1] for u in uris[:5]) + (f" and {len(uris) - 5} more" if len(uris) > 5 else "")
        raise EngineTimeout(f"semgrep stopped after {exc.timeout:.1f}s (time limit or cancel) with {len(uris)} "
                            f"files; its findings were dropped for: {names}") from exc
    start = stdout.find(b"{")
    if start < 0:
        raise RuntimeError(f"semgrep-core exited {proc.returncode}: {stderr[-300:].decode(errors='replace')}")
    return json.loads(stdout[start:])


def _communicate(proc: subprocess.Popen, timeout_s: float, cancel_event) -> tuple[bytes, bytes]:
    """proc.communicate, giving up at the time limit or when the scan is cancelled."""
    step = min(0.1, timeout_s) if cancel_event is not None else timeout_s
    waited = 0.0
    while True:
        try:
            return proc.communicate(timeout=step)
        except subprocess.TimeoutExpired:
            waited += step
            if waited >= timeout_s or (cancel_event is not None and cancel_event.is_set()):
                proc.kill()
                proc.communicate()
                raise subprocess.TimeoutExpired(proc.args, waited) from None


def _log_errors(output: dict, by_path: dict[str, tuple[str, str]]) -> None:
    for error in output.get("errors", []):
        where = by_path.get(error.get("path") or error.get("location", {}).get("path"), ("",))[0]
        log.info("semgrep %s %s: %s", error.get("error_type", "error"), where.rsplit("/", 1)[-1],
                 str(error.get("message", ""))[:200])


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
