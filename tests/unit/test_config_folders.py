"""referenceFolders: the user's setting and the organization's policy key."""

import json

from codewhisperer_lsp.config import load_policy, parse_settings


def test_user_folders_are_parsed_and_bad_ones_reported():
    settings, errors = parse_settings({"referenceFolders": [{"path": "/src/lib", "license": "MIT"}]})
    assert settings.referenceFolders == ({"path": "/src/lib", "license": "MIT", "url": ""},) and not errors
    settings, errors = parse_settings({"referenceFolders": [{"path": "/src/lib"}]})
    assert settings.referenceFolders == () and "license" in errors[0]
    settings, errors = parse_settings({"referenceFolders": "/src/lib"})
    assert settings.referenceFolders == () and "list" in errors[0]


def test_policy_folders(tmp_path):
    path = tmp_path / "policy.json"
    path.write_text(json.dumps({"referenceFolders": [{"path": "/opt/corp", "license": "Apache-2.0",
                                                      "url": "https://git.example.com/corp/{path}"}]}))
    policy = load_policy(path)
    assert policy.referenceFolders[0]["license"] == "Apache-2.0" and not policy.error
    path.write_text(json.dumps({"referenceFolders": [{"url": "x"}]}))
    assert "referenceFolders" in load_policy(path).error


def test_a_wrong_typed_or_unknown_policy_key_is_reported_not_silently_ignored(tmp_path):
    path = tmp_path / "policy.json"
    path.write_text(json.dumps({"includeSuggestionsWithCodeReferences": "false", "collectMetrics": False,
                                "includeSuggestionWithCodeReferences": False}))
    policy = load_policy(path)
    assert policy.collectMetrics is False  # what is valid still applies
    assert policy.includeSuggestionsWithCodeReferences is None
    assert 'includeSuggestionsWithCodeReferences must be true or false, not "false"' in policy.error
    assert "unknown key 'includeSuggestionWithCodeReferences'" in policy.error and str(path) in policy.error
    path.write_text(json.dumps({"includeSuggestionsWithCodeReferences": False}))
    assert load_policy(path).error == ""
