"""Find which indexed files a suggestion resembles, with the exact span and lines.

Fingerprints only nominate candidates; every reference is verified against the source
file's text, so the span is exact and a hash collision never becomes a reference.
Verification finds the longest identical run of lexemes between the suggestion and a
window of the candidate file around its fingerprint hits:

* exact tier: identical lexemes, reported from ``EXACT_MIN`` lexemes (fresh code's
  longest accidental run measured here: 15; copied snippets: far longer);
* renamed tier: identifiers may differ (compared as one placeholder) but must follow
  one renaming along the run (``MIN_CONSISTENCY`` of identifier positions), with a
  higher bar ``RENAMED_MIN`` because structure alone repeats more by accident (fresh
  code's longest accidental normalised run measured here: 33 lexemes).

Identical code found under several licenses or repositories is reported once per
origin, longest first.
"""

from __future__ import annotations

import logging
import os
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from . import lexer
from .store import FileInfo, FingerprintStore
from .winnow import tier_kgrams

log = logging.getLogger(__name__)

EXACT_MIN = 30
RENAMED_MIN = 45
MIN_CONSISTENCY = 0.85
RENAMED_OVER_EXACT = 1.5
SEED = 8
MAX_KEYS = 4000
MAX_CANDIDATES = 12
MAX_REFERENCES = 5
_FILE_CACHE_SIZE = 64


@dataclass
class Reference:
    """One origin of (part of) a suggestion."""

    license_name: str
    repository: str
    url: str
    start: int
    end: int
    information: str
    path: str = ""
    source_start_line: int = 0
    source_end_line: int = 0
    lexemes: int = 0
    tier: str = "exact"
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The wire shape the server sends (CodeWhisperer's reference schema)."""
        return {
            "licenseName": self.license_name,
            "repository": self.repository,
            "url": self.url,
            "recommendationContentSpan": {"start": self.start, "end": self.end},
            "information": self.information,
        }


class Run(NamedTuple):
    """A verified match: query lexemes [q_start, q_end) against source lexemes [s_start, s_end)."""

    tier: str
    q_start: int
    q_end: int
    s_start: int
    s_end: int

    @property
    def length(self) -> int:
        return self.q_end - self.q_start


def _seed_index(tokens: list[str]) -> dict[tuple, list[int]]:
    index: dict[tuple, list[int]] = {}
    for i in range(len(tokens) - SEED + 1):
        index.setdefault(tuple(tokens[i:i + SEED]), []).append(i)
    return index


def _extend_exact(q: list[str], s: list[str], i: int, j: int) -> tuple[int, int, int, int]:
    a, b = i, j
    while a > 0 and b > 0 and q[a - 1] == s[b - 1]:
        a, b = a - 1, b - 1
    e, f = i, j
    while e < len(q) and f < len(s) and q[e] == s[f]:
        e, f = e + 1, f + 1
    return a, e, b, f


def _extend_normalised(qn: list[str], sn: list[str], i: int, j: int) -> tuple[int, int, int, int]:
    return _extend_exact(qn, sn, i, j)


def consistency(q: list[str], s: list[str], qn: list[str], run: "Run") -> float:
    """Share of identifier positions that follow one renaming (1.0: a pure rename).

    Counted both ways (query->source and source->query) and the lower taken, so that
    structure matching with unrelated names scores low while a rename that touched
    locals but left a same-named attribute alone still scores high.
    """
    pairs = [(q[a], s[b]) for a, b in zip(range(run.q_start, run.q_end), range(run.s_start, run.s_end))
             if qn[a] == lexer.IDENTIFIER]
    if not pairs:
        return 1.0
    return min(_majority_share(pairs), _majority_share([(y, x) for x, y in pairs]))


def _majority_share(pairs: list[tuple[str, str]]) -> float:
    by_left: dict[str, Counter] = {}
    for x, y in pairs:
        by_left.setdefault(x, Counter())[y] += 1
    return sum(c.most_common(1)[0][1] for c in by_left.values()) / len(pairs)


def longest_run(q: list[str], s: list[str], tier: str = "exact", qn: list[str] | None = None,
                sn: list[str] | None = None) -> Run | None:
    """Longest run of ``q`` found in ``s`` (seed-and-extend along diagonals)."""
    keys_q, keys_s = (q, s) if tier == "exact" else (qn, sn)
    index = _seed_index(keys_q)
    best: Run | None = None
    reach: dict[int, int] = {}
    for j in range(len(keys_s) - SEED + 1):
        for i in index.get(tuple(keys_s[j:j + SEED]), ()):
            if reach.get(j - i, -1) > j:
                continue
            if tier == "exact":
                a, e, b, f = _extend_exact(q, s, i, j)
            else:
                a, e, b, f = _extend_normalised(qn, sn, i, j)
            reach[j - i] = max(f, j + 1)
            if best is None or e - a > best.length:
                best = Run(tier, a, e, b, f)
    return best


class _SourceCache:
    """Recently verified files' lines, re-read when the file changes."""

    def __init__(self, size: int = _FILE_CACHE_SIZE) -> None:
        self.size = size
        self._items: OrderedDict[str, tuple[int, list[str]]] = OrderedDict()

    def lines(self, path: str) -> list[str] | None:
        try:
            mtime = os.stat(path).st_mtime_ns
        except OSError:
            return None
        cached = self._items.get(path)
        if cached and cached[0] == mtime:
            self._items.move_to_end(path)
            return cached[1]
        try:
            lines = Path(path).read_text(encoding="utf-8", errors="replace").split("\n")
        except OSError:
            return None
        self._items[path] = (mtime, lines)
        if len(self._items) > self.size:
            self._items.popitem(last=False)
        return lines


def _clusters(lines: list[int], pad: int) -> list[tuple[int, int, int]]:
    """Groups of nearby hit lines as (hits, first, last), most hits first."""
    groups: list[list[int]] = []
    for line in sorted(lines):
        if groups and line - groups[-1][-1] <= 2 * pad:
            groups[-1].append(line)
        else:
            groups.append([line])
    return sorted(((len(g), g[0], g[-1]) for g in groups), reverse=True)


class Matcher:
    """Turns suggestion text into verified references using a FingerprintStore."""

    def __init__(self, store: FingerprintStore, exact_min: int = EXACT_MIN, renamed_min: int = RENAMED_MIN) -> None:
        self.store = store
        self.exact_min = exact_min
        self.renamed_min = renamed_min
        self._files = _SourceCache()

    def find_references(self, text: str, language_id: str | None = None) -> list[Reference]:
        """References for ``text``; [] when nothing in the local corpus matches. Never raises."""
        try:
            return self._find(text)
        except Exception:
            log.exception("reference lookup failed; reporting no reference")
            return []

    def _find(self, text: str) -> list[Reference]:
        lexemes = lexer.lex(text)
        if len(lexemes) < min(self.exact_min, self.renamed_min):
            return []
        tokens = [lx.text for lx in lexemes]
        hits = self._candidates(tokens)
        if not hits:
            return []
        infos = self.store.file_info(hits)
        pad = text.count("\n") + 30
        norm = lexer.normalise(tokens)
        found = []
        for file_id, lines in hits.items():
            info = infos.get(file_id)
            verified = self._verify(info, lines, tokens, norm, pad) if info else None
            if verified:
                found.append(self._reference(info, lexemes, *verified))
        return _one_per_origin(found)

    def longest_runs(self, text: str) -> list[dict]:
        """Per candidate file: longest exact run, longest normalised run and its consistency.

        Thresholds are ignored: this is for calibrating them (see bench/references_bench.py).
        """
        tokens = [lx.text for lx in lexer.lex(text)]
        norm = lexer.normalise(tokens)
        out = []
        for file_id, info in self.store.file_info(self._candidates(tokens)).items():
            s_tokens, _ = lexer.lex_lines(self._files.lines(info.path) or [])
            exact = longest_run(tokens, s_tokens)
            renamed = longest_run(tokens, s_tokens, "renamed", norm, lexer.normalise(s_tokens))
            out.append({"path": info.path, "exact": exact.length if exact else 0,
                        "renamed": renamed.length if renamed else 0,
                        "consistency": consistency(tokens, s_tokens, norm, renamed) if renamed else 0.0})
        return out

    def _candidates(self, tokens: list[str]) -> dict[int, list[int]]:
        """file_id -> hit lines for the files sharing the most fingerprints."""
        keys = list(dict.fromkeys(tier_kgrams(tokens, "exact") + tier_kgrams(tokens, "normalised")))[:MAX_KEYS]
        per_file: dict[int, list[int]] = {}
        for rows in self.store.lookup(keys).values():
            for file_id, line in rows:
                per_file.setdefault(file_id, []).append(line)
        ranked = Counter({f: len(v) for f, v in per_file.items()}).most_common(MAX_CANDIDATES)
        return {f: per_file[f] for f, _ in ranked}

    def _verify(self, info: FileInfo, hit_lines: list[int], tokens: list[str], norm: list[str], pad: int):
        """Best run in the windows around the hits, if it clears its tier's bar."""
        lines = self._files.lines(info.path)
        if lines is None:
            return None
        best = None
        for _, first, last in _clusters(hit_lines, pad)[:2]:
            lo = max(1, first - pad)
            s_tokens, s_lines = lexer.lex_lines(lines[lo - 1:last + pad], lo)
            run = self._best_run(tokens, norm, s_tokens)
            if run and (best is None or run.length > best[0].length):
                best = (run, s_lines)
        return best

    def _best_run(self, tokens: list[str], norm: list[str], s_tokens: list[str]) -> Run | None:
        """The exact run if it clears its bar, unless a renamed run is much longer.

        A verbatim copy's normalised run always reaches a few lexemes further (into
        unrelated code with the same shape), so the renamed run has to be clearly longer
        to win: that is a copy whose identical stretches alone fall short.
        """
        exact = longest_run(tokens, s_tokens)
        if exact is None or exact.length < self.exact_min:
            exact = None
        renamed = longest_run(tokens, s_tokens, "renamed", norm, lexer.normalise(s_tokens))
        if (renamed is None or renamed.length < self.renamed_min or (exact and renamed.length < RENAMED_OVER_EXACT * exact.length)
                or consistency(tokens, s_tokens, norm, renamed) < MIN_CONSISTENCY):
            return exact
        return renamed

    @staticmethod
    def _reference(info: FileInfo, lexemes: list[lexer.Lexeme], run: Run, s_lines: list[int]) -> Reference:
        first, last = s_lines[run.s_start], s_lines[run.s_end - 1]
        how = "identical" if run.tier == "exact" else "identical up to renamed identifiers"
        information = (f"{run.length} lexemes {how} to {info.rel_path} lines {first}-{last} "
                       f"({info.source_key}), licensed {info.license}")
        return Reference(info.license, info.repository, f"{info.url}#L{first}-L{last}",
                         lexemes[run.q_start].start, lexemes[run.q_end - 1].end, information,
                         info.path, first, last, run.length, run.tier)


def _one_per_origin(found: list[Reference]) -> list[Reference]:
    """Longest reference per (license, repository); every distinct origin is kept."""
    best: dict[tuple[str, str], Reference] = {}
    for ref in found:
        key = (ref.license_name, ref.repository)
        if key not in best or (-ref.lexemes, ref.tier) < (-best[key].lexemes, best[key].tier):
            best[key] = ref
    return sorted(best.values(), key=lambda r: (-r.lexemes, r.tier, r.license_name))[:MAX_REFERENCES]
