"""The references.database setting: a postgresql:// URL or nothing; anything else is refused
with a clear message and the local index is kept."""

from codewhisperer_lsp.config import parse_settings


def test_a_postgresql_url_is_taken():
    settings, errors = parse_settings({"references": {"database": "postgresql://reader@db.example/refs"}})
    assert errors == [] and settings.references.database == "postgresql://reader@db.example/refs"


def test_default_is_the_local_index():
    assert parse_settings({})[0].references.database == ""


def test_other_values_fall_back_with_one_error_each():
    for value, fragment in (("mysql://u@h/db", "postgresql://"), (3, "must be a str"), ("", None)):
        settings, errors = parse_settings({"references": {"database": value}})
        assert settings.references.database == ""
        assert (fragment is None and errors == []) or (len(errors) == 1 and fragment in errors[0])
