"""docs/SECURITY.md lists every engine and rule the scanner really has."""

from pathlib import Path

from codewhisperer_lsp.context.languages import LANGUAGES
from codewhisperer_lsp.security.catalog import engines_for, markdown
from codewhisperer_lsp.security.rules import rules_for

DOC = Path(__file__).resolve().parents[3] / "docs" / "SECURITY.md"


def test_the_documented_catalog_is_current():
    text = DOC.read_text()
    embedded = text.split("<!-- catalog:start -->\n", 1)[1].split("<!-- catalog:end -->", 1)[0]
    assert embedded == markdown(), "regenerate with: python -m codewhisperer_lsp.security.catalog"


def test_every_language_has_a_real_engine_beyond_secrets():
    for language in LANGUAGES.values():
        engines = engines_for(language.id)
        assert set(engines) - {"detect-secrets"}, language.id
        assert rules_for(language.id), f"no rules for {language.id}"
