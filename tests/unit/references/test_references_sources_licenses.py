"""Corpus enumeration and license resolution on the real installed environment."""

from __future__ import annotations

import sys
from importlib import metadata

import pytest

from codewhisperer_lsp.references import licenses, sources


def _dist(name):
    try:
        return metadata.distribution(name)
    except metadata.PackageNotFoundError:
        pytest.skip(f"{name} not installed")


def test_license_expression_field_wins():
    assert licenses.distribution_license(_dist("pygls")) == "Apache-2.0"  # License-Expression


def test_classifier_resolves_when_license_field_is_empty():
    dist = _dist("tree-sitter")
    assert not licenses.canonical_expression(dist.metadata.get("License"))
    assert licenses.distribution_license(dist) == "MIT"


def test_compound_expression_is_kept():
    found = licenses.distribution_license(_dist("numpy"))
    assert "BSD-3-Clause" in found and " AND " in found


def test_aliases_and_prose():
    assert licenses.canonical_expression("Apache 2.0") == "Apache-2.0"
    assert licenses.canonical_expression("MIT license") == "MIT"
    assert licenses.canonical_expression("mit OR apache-2.0") == "MIT OR Apache-2.0"
    assert licenses.canonical_expression("Copyright (c) me\nPermission is hereby granted") is None
    assert licenses.canonical_expression("see LICENSE file") is None


def test_ambiguous_classifier_is_not_guessed():
    assert licenses.from_classifiers(["License :: OSI Approved :: BSD License"]) is None
    both = ["License :: OSI Approved :: MIT License", "License :: OSI Approved :: Apache Software License"]
    assert licenses.from_classifiers(both) == "Apache-2.0 OR MIT"


def test_license_text_signatures():
    mit = "Permission is hereby granted, free of charge, to any person obtaining a copy"
    bsd3 = "Redistribution and use in source and binary forms ... Neither the name of the copyright holder"
    assert licenses.from_license_text(mit) == "MIT"
    assert licenses.from_license_text(bsd3) == "BSD-3-Clause"
    assert licenses.from_license_text("All rights reserved.") is None


def test_file_spdx_identifier_only_in_header():
    assert licenses.spdx_identifier("// SPDX-License-Identifier: Apache-2.0\nint x;") == "Apache-2.0"
    assert licenses.spdx_identifier("x = 1\n" * 50 + "# SPDX-License-Identifier: MIT\n") is None


def test_pip_vendored_code_gets_its_own_license():
    pip = _dist("pip")
    found = sources.distribution_sources(pip, sources.installed_distributions())
    by_key = {s.key: s for s in found}
    requests = by_key.get("vendor:pip/_vendor/requests")
    if requests is None:
        pytest.skip("this pip vendors no requests")
    assert requests.license == "Apache-2.0" and requests.files
    host = by_key["dist:pip"]
    assert host.license == "MIT"
    assert not any("/_vendor/requests/" in f.rel_path for f in host.files)
    assert all("/_vendor/requests/" in f.rel_path for f in requests.files)


def test_stdlib_source_links_to_the_cpython_tag():
    stdlib = sources.stdlib_source()
    version = ".".join(map(str, sys.version_info[:3]))
    assert stdlib.license == "PSF-2.0"
    heapq = next(f for f in stdlib.files if f.rel_path == "heapq.py")
    assert heapq.url == f"https://github.com/python/cpython/blob/v{version}/Lib/heapq.py"
    assert not any(f.rel_path.startswith("site-packages/") for f in stdlib.files)


def test_repository_prefers_source_project_url():
    dist = _dist("pip")
    assert sources.repository_url(dist).startswith("https://")


def test_folder_signature_changes_with_content(tmp_path):
    (tmp_path / "a.py").write_text("x = 1\n")
    config = sources.FolderConfig(str(tmp_path), "MIT", "https://example.org/{path}")
    before = sources.folder_source(config)
    (tmp_path / "a.py").write_text("x = 22\n")
    after = sources.folder_source(config)
    assert before.signature != after.signature
    assert after.files[0].url == "https://example.org/a.py"
