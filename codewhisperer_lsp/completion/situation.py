"""Everything the pipeline knows about one cursor: the text around it, what the user is writing
there (from the syntax tree) and the plan for it. Built once per request; read by the prompt,
the stop rules and every post-processing filter.
"""

from __future__ import annotations

from dataclasses import dataclass

import tree_sitter

from codewhisperer_lsp.completion.kinds import Plan, Stop, plan_for
from codewhisperer_lsp.context.cursor import CompletionKind, CursorContext, analyze
from codewhisperer_lsp.context.languages import Language, resolve
from codewhisperer_lsp.context.positions import LineIndex
from codewhisperer_lsp.context.syntax import parse


CLOSER_WORDS = ("}", ")", "]", "end", "fi", "done", "esac")


@dataclass(frozen=True)
class _Document:
    text: str
    language_id: str
    language: Language | None
    tree: tree_sitter.Tree | None
    lines: LineIndex


@dataclass(frozen=True)
class Situation:
    language_id: str  # canonical id when the language is known, else as the client sent it
    prefix: str
    suffix: str
    cursor: CursorContext
    plan: Plan | None
    comment: str | None = None  # the language's line-comment marker

    @property
    def kind(self) -> CompletionKind:
        return self.plan.kind if self.plan else CompletionKind.NONE

    @property
    def stop(self) -> Stop | None:
        return self.plan.stop if self.plan else None

    @property
    def line_prefix(self) -> str:
        return self.prefix.rsplit("\n", 1)[-1]

    @property
    def line_suffix(self) -> str:
        return self.suffix.split("\n", 1)[0]

    @property
    def indent_unit(self) -> str:
        return self.cursor.indent.unit

    @property
    def block_indent(self) -> str:
        return self.cursor.block_indent

    @property
    def following_lines(self) -> list[str]:
        """Non-blank lines after the cursor's line (the text the suggestion must not repeat)."""
        return [row for row in self.suffix.split("\n")[1:] if row.strip()]

    @property
    def suffix_closes(self) -> bool:
        """The first code after the cursor's line closes a block (`}`, `end`...): the editor or the
        user already wrote the closer."""
        rows = self.following_lines
        return bool(rows) and rows[0].strip().startswith(CLOSER_WORDS) and not self.line_suffix.strip()


def situate(language_id: str, text: str, offset: int, uri: str = "") -> Situation:
    """Classify the cursor at str index `offset` of `text` (parses the text once)."""
    language = resolve(language_id, uri)
    canonical = language.id if language else language_id
    lines = LineIndex(text)
    tree = parse(canonical, text) if language else None
    line, character = lines.position(offset)
    cursor = analyze(_Document(text, canonical, language, tree, lines), line, character)
    return Situation(canonical, text[:offset], text[offset:], cursor, plan_for(cursor.kind, canonical),
                     language.line_comment if language else None)


def situate_marked(language_id: str, marked: str, marker: str = "<|>") -> Situation:
    """For golden tests: the cursor is where `marker` is in `marked`."""
    offset = marked.index(marker)
    return situate(language_id, marked.replace(marker, "", 1), offset)
