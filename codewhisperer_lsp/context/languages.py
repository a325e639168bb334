"""The 15 supported languages: LSP language ids, their aliases, file extensions and tree-sitter grammars.

Grammars come from the individual `tree-sitter-<lang>` wheels, which ship compiled parsers and
need no network at run time.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass

import tree_sitter


@dataclass(frozen=True)
class Language:
    id: str  # canonical LSP language id
    name: str  # human name, as the model sees it in the prompt
    module: str  # grammar module
    function: str  # function in the module that returns the language pointer
    extensions: tuple[str, ...]
    line_comment: str | None


LANGUAGES: dict[str, Language] = {
    lang.id: lang
    for lang in (
        Language("python", "Python", "tree_sitter_python", "language", (".py", ".pyi"), "#"),
        Language("java", "Java", "tree_sitter_java", "language", (".java",), "//"),
        Language("javascript", "JavaScript", "tree_sitter_javascript", "language", (".js", ".mjs", ".cjs", ".jsx"), "//"),
        Language("typescript", "TypeScript", "tree_sitter_typescript", "language_typescript", (".ts", ".mts", ".cts"), "//"),
        Language("typescriptreact", "TypeScript", "tree_sitter_typescript", "language_tsx", (".tsx",), "//"),
        Language("csharp", "C#", "tree_sitter_c_sharp", "language", (".cs",), "//"),
        Language("ruby", "Ruby", "tree_sitter_ruby", "language", (".rb",), "#"),
        Language("go", "Go", "tree_sitter_go", "language", (".go",), "//"),
        Language("php", "PHP", "tree_sitter_php", "language_php", (".php",), "//"),
        Language("cpp", "C++", "tree_sitter_cpp", "language", (".cpp", ".cc", ".cxx", ".hpp", ".hh", ".hxx"), "//"),
        Language("c", "C", "tree_sitter_c", "language", (".c", ".h"), "//"),
        Language("shellscript", "Shell", "tree_sitter_bash", "language", (".sh", ".bash", ".zsh"), "#"),
        Language("scala", "Scala", "tree_sitter_scala", "language", (".scala", ".sc"), "//"),
        Language("rust", "Rust", "tree_sitter_rust", "language", (".rs",), "//"),
        Language("kotlin", "Kotlin", "tree_sitter_kotlin", "language", (".kt", ".kts"), "//"),
        Language("sql", "SQL", "tree_sitter_sql", "language", (".sql",), "--"),
    )
}

ALIASES: dict[str, str] = {
    "py": "python",
    "python3": "python",
    "js": "javascript",
    "javascriptreact": "javascript",
    "jsx": "javascript",
    "ts": "typescript",
    "tsx": "typescriptreact",
    "cs": "csharp",
    "c#": "csharp",
    "rb": "ruby",
    "golang": "go",
    "c++": "cpp",
    "cuda-cpp": "cpp",
    "objective-c": "c",
    "sh": "shellscript",
    "bash": "shellscript",
    "zsh": "shellscript",
    "shell": "shellscript",
    "rs": "rust",
    "kt": "kotlin",
    "mysql": "sql",
    "postgres": "sql",
    "plsql": "sql",
}


def resolve(language_id: str | None, uri: str | None = None) -> Language | None:
    """The language for an LSP language id (or alias), else guessed from the file extension."""
    if language_id:
        key = language_id.lower()
        key = ALIASES.get(key, key)
        if key in LANGUAGES:
            return LANGUAGES[key]
    if uri:
        lower = uri.lower()
        for lang in LANGUAGES.values():
            if lower.endswith(lang.extensions):
                return lang
    return None


@functools.cache
def ts_language(language_id: str) -> tree_sitter.Language:
    lang = LANGUAGES[language_id]
    module = importlib.import_module(lang.module)
    return tree_sitter.Language(getattr(module, lang.function)())


def new_parser(language_id: str) -> tree_sitter.Parser:
    return tree_sitter.Parser(ts_language(language_id))
