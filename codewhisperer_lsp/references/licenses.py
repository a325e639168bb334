"""Resolve the license of an installed distribution, a vendored copy or a single file.

A reference is only useful with the right license, and package metadata is messy:
``License`` often holds prose or the whole license text, classifiers can be vague
("BSD License") and vendored copies carry no metadata at all. Each step below is
tried in order and the first unambiguous answer wins; "NOASSERTION" (the SPDX word
for "not known") is returned rather than a guess.
"""

from __future__ import annotations

import logging
import re
from importlib.metadata import Distribution
from pathlib import Path

log = logging.getLogger(__name__)

UNKNOWN = "NOASSERTION"

try:  # packaging >= 24.2 validates SPDX expressions
    from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression
except ImportError:  # pragma: no cover - depends on the environment
    canonicalize_license_expression = None
    InvalidLicenseExpression = ValueError

_SPDX_LINE = re.compile(r"SPDX-License-Identifier:\s*([A-Za-z0-9.+()\- ]+?)\s*(?:\*/|-->|$)", re.M)

ALIASES = {
    "apache 2.0": "Apache-2.0", "apache 2": "Apache-2.0", "apache-2": "Apache-2.0",
    "apache license 2.0": "Apache-2.0", "apache license, version 2.0": "Apache-2.0",
    "apache software license": "Apache-2.0", "apache license version 2.0": "Apache-2.0",
    "mit license": "MIT", "the mit license": "MIT", "mit/expat": "MIT", "expat": "MIT",
    "bsd": "BSD-3-Clause", "bsd license": "BSD-3-Clause", "new bsd license": "BSD-3-Clause",
    "3-clause bsd license": "BSD-3-Clause", "bsd 3-clause": "BSD-3-Clause",
    "modified bsd license": "BSD-3-Clause", "simplified bsd license": "BSD-2-Clause",
    "bsd 2-clause": "BSD-2-Clause", "2-clause bsd license": "BSD-2-Clause",
    "psf": "PSF-2.0", "psf license": "PSF-2.0", "python software foundation license": "PSF-2.0",
    "mpl 2.0": "MPL-2.0", "mozilla public license 2.0": "MPL-2.0", "mpl-2.0 license": "MPL-2.0",
    "gplv2+": "GPL-2.0-or-later", "gpl-2.0+": "GPL-2.0-or-later", "gplv3": "GPL-3.0-only",
    "gplv3+": "GPL-3.0-or-later", "lgpl": "LGPL-2.1-or-later", "isc license": "ISC",
    "isc license (iscl)": "ISC", "unlicense": "Unlicense", "zlib": "Zlib", "hpnd": "HPND",
}

# "BSD License" and "GNU General Public License (GPL)" name a family, not a license.
CLASSIFIERS = {
    "License :: OSI Approved :: MIT License": "MIT",
    "License :: OSI Approved :: MIT No Attribution License (MIT-0)": "MIT-0",
    "License :: OSI Approved :: Apache Software License": "Apache-2.0",
    "License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
    "License :: OSI Approved :: ISC License (ISCL)": "ISC",
    "License :: OSI Approved :: Python Software Foundation License": "PSF-2.0",
    "License :: OSI Approved :: GNU General Public License v2 (GPLv2)": "GPL-2.0-only",
    "License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)": "GPL-2.0-or-later",
    "License :: OSI Approved :: GNU General Public License v3 (GPLv3)": "GPL-3.0-only",
    "License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)": "GPL-3.0-or-later",
    "License :: OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)": "LGPL-2.0-or-later",
    "License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0-only",
    "License :: OSI Approved :: The Unlicense (Unlicense)": "Unlicense",
    "License :: OSI Approved :: zlib/libpng License": "Zlib",
    "License :: OSI Approved :: Historical Permission Notice and Disclaimer (HPND)": "HPND",
    "License :: OSI Approved :: Universal Permissive License (UPL)": "UPL-1.0",
    "License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication": "CC0-1.0",
}

# Ordered: the first signature found in a license file decides.
TEXT_SIGNATURES = [
    (("apache license", "version 2.0"), "Apache-2.0"),
    (("mozilla public license version 2.0",), "MPL-2.0"),
    (("gnu lesser general public license", "version 3"), "LGPL-3.0-only"),
    (("gnu lesser general public license", "version 2.1"), "LGPL-2.1-only"),
    (("gnu general public license", "version 3"), "GPL-3.0-only"),
    (("gnu general public license", "version 2"), "GPL-2.0-only"),
    (("python software foundation license",), "PSF-2.0"),
    (("permission is hereby granted, free of charge",), "MIT"),
    (("redistribution and use in source and binary forms", "neither the name"), "BSD-3-Clause"),
    (("redistribution and use in source and binary forms",), "BSD-2-Clause"),
    (("permission to use, copy, modify, and/or distribute",), "ISC"),
    (("this is free and unencumbered software released into the public domain",), "Unlicense"),
]

# Licenses of projects vendored by pip and setuptools, which ship no metadata for them.
# Keys are normalised project names; the value is the SPDX expression of that project.
VENDORED = {
    "cachecontrol": "Apache-2.0", "colorama": "BSD-3-Clause", "distlib": "PSF-2.0",
    "distro": "Apache-2.0", "msgpack": "Apache-2.0", "packaging": "Apache-2.0 OR BSD-2-Clause",
    "platformdirs": "MIT", "pyparsing": "MIT", "pyproject-hooks": "MIT", "requests": "Apache-2.0",
    "certifi": "MPL-2.0", "chardet": "LGPL-2.1-or-later", "idna": "BSD-3-Clause",
    "urllib3": "MIT", "rich": "MIT", "pygments": "BSD-2-Clause", "typing-extensions": "PSF-2.0",
    "resolvelib": "ISC", "setuptools": "MIT", "six": "MIT", "tenacity": "Apache-2.0",
    "tomli": "MIT", "webencodings": "BSD-3-Clause", "truststore": "MIT",
    "importlib-metadata": "Apache-2.0", "importlib-resources": "Apache-2.0", "jaraco": "MIT",
    "jaraco-text": "MIT", "jaraco-functools": "MIT", "jaraco-context": "MIT",
    "more-itertools": "MIT", "ordered-set": "MIT", "appdirs": "MIT", "zipp": "MIT",
    "wheel": "MIT", "autocommand": "LGPL-3.0-only", "inflect": "MIT", "backports": "MIT",
    "typeguard": "MIT", "pretty": "BSD-3-Clause",  # hypothesis vendors IPython's pretty
}


def normalise_name(name: str) -> str:
    """PEP 503 name normalisation."""
    return re.sub(r"[-_.]+", "-", name).lower()


def canonical_expression(text: str | None) -> str | None:
    """A valid SPDX expression for ``text`` (aliases allowed), or None."""
    if not text:
        return None
    text = text.strip()
    if not text or "\n" in text or len(text) > 120:
        return None
    alias = ALIASES.get(text.lower().rstrip("."))
    if alias:
        return alias
    if canonicalize_license_expression is None:
        return text if re.fullmatch(r"[A-Za-z0-9.+\-]+( (AND|OR|WITH) [A-Za-z0-9.+\-]+)*", text) else None
    try:
        return canonicalize_license_expression(text)
    except InvalidLicenseExpression:
        return None


def from_classifiers(classifiers: list[str]) -> str | None:
    """An expression from license classifiers when every one of them is unambiguous."""
    found = [c for c in classifiers if c.startswith("License ::")]
    mapped = {CLASSIFIERS.get(c) for c in found if c != "License :: DFSG approved"}
    if not mapped or None in mapped:
        return None
    return " OR ".join(sorted(mapped))


def from_license_text(text: str) -> str | None:
    """Recognise a license by distinctive sentences of its text."""
    flat = " ".join(text.lower().split())
    for needles, spdx in TEXT_SIGNATURES:
        if all(n in flat for n in needles):
            return spdx
    return None


def spdx_identifier(text: str) -> str | None:
    """The ``SPDX-License-Identifier`` a file declares in its first lines, if valid."""
    head = "\n".join(text.split("\n", 40)[:40])
    match = _SPDX_LINE.search(head)
    return canonical_expression(match.group(1)) if match else None


def license_files(dist: Distribution) -> list[Path]:
    """License files of a distribution: License-File entries, then conventional names."""
    names = dist.metadata.get_all("License-File") or []
    candidates = []
    for file in dist.files or []:
        base = file.name.upper()
        if file.name in names or base.startswith(("LICENSE", "LICENCE", "COPYING")):
            candidates.append(Path(str(dist.locate_file(file))))
    return candidates


def distribution_license(dist: Distribution) -> str:
    """SPDX license of an installed distribution (see the module docstring for the order)."""
    meta = dist.metadata
    found = canonical_expression(meta.get("License-Expression"))
    found = found or canonical_expression(meta.get("License"))
    found = found or from_classifiers(meta.get_all("Classifier") or [])
    if found:
        return found
    for path in license_files(dist):
        found = license_file_text(path)
        if found:
            return found
    log.debug("no license found for %s", meta.get("Name"))
    return UNKNOWN


def license_file_text(path: Path) -> str | None:
    """License recognised from one license file, None when unreadable or unknown."""
    try:
        return from_license_text(path.read_text(encoding="utf-8", errors="replace")[:20000])
    except OSError:
        return None


def vendored_license(name: str, folder: Path | None = None) -> str:
    """License of a vendored project: its own license file, else the curated table."""
    if folder is not None and folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.name.upper().startswith(("LICENSE", "LICENCE", "COPYING")):
                found = license_file_text(path)
                if found:
                    return found
    return VENDORED.get(normalise_name(name), UNKNOWN)
