"""The cleaning step of the completion path: each raw candidate through the post-processing chain
(postprocess/), import lines taken out of its body, empty and repeated ones dropped."""

from __future__ import annotations

from dataclasses import dataclass, field

from codewhisperer_lsp.completion.auto_imports import strip_body_imports
from codewhisperer_lsp.completion.postprocess import postprocess
from codewhisperer_lsp.completion.situation import Situation


@dataclass
class Cleaned:
    items: list[str] = field(default_factory=list)  # distinct, in the order of the attempts that gave them
    origins: dict[str, list[str]] = field(default_factory=dict)  # item -> labels of the attempts that gave it
    imports: dict[str, tuple[str, ...]] = field(default_factory=dict)  # item -> import lines taken out of it


def clean(situation: Situation, language_id: str, before: str, candidates: list[tuple[str, str]]) -> Cleaned:
    """`candidates`: (attempt label, raw text) pairs; `before`: the document up to the cursor;
    `language_id`: as the client sent it."""
    out = Cleaned()
    for label, body in candidates:
        cleaned = postprocess(situation, body)
        cleaned, taken = strip_body_imports(language_id, before, cleaned) if cleaned else ("", ())
        if not cleaned:
            continue
        out.origins.setdefault(cleaned, []).append(label)
        if cleaned not in out.items:
            out.items.append(cleaned)
            if taken:
                out.imports[cleaned] = taken
    return out
