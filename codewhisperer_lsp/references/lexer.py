"""Split source text into lexemes and give each a stable 64-bit hash.

Reference tracking compares code as a sequence of lexemes so that layout (indentation,
line breaks, spacing) never hides a copy. A lexeme is a run of word characters or one
punctuation/symbol character. Hashes must be stable across processes and runs because
they are stored in the index, so Python's salted ``hash()`` cannot be used.

The normalised tier replaces every identifier by one placeholder (keywords kept) so
that a copy with renamed variables still lines up with its origin.
"""

from __future__ import annotations

import hashlib
import keyword
import re
from typing import NamedTuple

LEXEME_RE = re.compile(r"\w+|[^\w\s]")
IDENTIFIER = "\x00id"

# Keywords survive normalisation: they carry the structure of the code. A union over
# the languages we index is good enough; a keyword of one language used as an
# identifier in another only makes the normalised tier slightly stricter.
_OTHER_KEYWORDS = """
self cls abstract auto boolean break byte case catch char class const continue default
delete do double else enum export extends extern final finally float for func function
go goto if implements import instanceof int interface let long match mod mut namespace
new null nil package private protected pub public return short signed sizeof static
struct super switch synchronized this throw throws try typedef typeof union unsigned
use var void volatile when where while yield fn impl trait begin end elif fi then done
esac unless until module def lambda and or not in is None True False true false
""".split()
KEYWORDS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | frozenset(_OTHER_KEYWORDS)

_HASH_CACHE: dict[str, int] = {}
_HASH_CACHE_LIMIT = 1_000_000


class Lexeme(NamedTuple):
    """One lexeme and its end-exclusive character span in the text it came from."""

    text: str
    start: int
    end: int


def lex(text: str) -> list[Lexeme]:
    """Lexemes of ``text`` with their character offsets (used for query spans)."""
    return [Lexeme(m.group(), m.start(), m.end()) for m in LEXEME_RE.finditer(text)]


def lex_lines(lines: list[str], first_line: int = 1) -> tuple[list[str], list[int]]:
    """Lexemes of a list of lines and the 1-based line of each (fast path for indexing)."""
    tokens: list[str] = []
    token_lines: list[int] = []
    findall = LEXEME_RE.findall
    for number, line in enumerate(lines, first_line):
        found = findall(line)
        if found:
            tokens.extend(found)
            token_lines.extend([number] * len(found))
    return tokens, token_lines


def is_identifier(token: str) -> bool:
    """True for a word that names something (not a keyword, not a number)."""
    return (token[0].isalpha() or token[0] == "_") and token not in KEYWORDS


def normalise(tokens: list[str]) -> list[str]:
    """The normalised tier: every identifier becomes one placeholder."""
    return [IDENTIFIER if is_identifier(t) else t for t in tokens]


def lexeme_hash(token: str) -> int:
    """Stable unsigned 64-bit hash of one lexeme (memoised: vocabularies are small)."""
    value = _HASH_CACHE.get(token)
    if value is None:
        digest = hashlib.blake2b(token.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        value = int.from_bytes(digest, "little")
        if len(_HASH_CACHE) >= _HASH_CACHE_LIMIT:
            _HASH_CACHE.clear()
        _HASH_CACHE[token] = value
    return value


def hash_tokens(tokens: list[str]) -> list[int]:
    """Stable hashes of a lexeme sequence."""
    cache_get = _HASH_CACHE.get
    out = []
    for token in tokens:
        value = cache_get(token)
        out.append(value if value is not None else lexeme_hash(token))
    return out
