"""Enumerate the corpus: what code a suggestion may have been copied from, and its license.

Three kinds of source: the running interpreter's standard library (PSF-2.0, linked to
the matching cpython tag), every installed distribution of the environment the server
runs in, and folders an administrator or user configured. Vendored copies inside a
distribution (``pip/_vendor``) are split off as sources of their own so they carry their
original project's license, not the host's. Each source has a ``signature`` that
changes when its files change, which is what makes incremental updates cheap.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import sysconfig
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Iterable, Iterator

from . import licenses

log = logging.getLogger(__name__)

SOURCE_EXTENSIONS = frozenset({
    ".py", ".pyi", ".pyx", ".c", ".h", ".cc", ".cpp", ".hpp", ".js", ".mjs", ".ts",
    ".java", ".go", ".rs", ".rb", ".sh", ".kt", ".scala", ".cs", ".php", ".sql",
})
MAX_FILE_BYTES = 1_000_000
VENDOR_DIRS = frozenset({"_vendor", "vendor", "_vendored", "vendored"})
STDLIB_SKIP = frozenset({"site-packages", "dist-packages", "__pycache__", "test", "tests", "idle_test"})
STDLIB_REPOSITORY = "https://github.com/python/cpython"
# pip vendors setuptools' pkg_resources under the module name, not the project name.
_MODULE_PROJECTS = {"pkg_resources": "setuptools", "typing_extensions": "typing-extensions"}


@dataclass(frozen=True)
class SourceFile:
    """One indexable file: where it is, how users see its path, and where it links to."""

    path: str
    rel_path: str
    url: str


@dataclass
class Source:
    """A unit of indexing that is added, updated or removed as a whole."""

    key: str
    name: str
    version: str
    license: str
    repository: str
    signature: str
    files: list[SourceFile] = field(default_factory=list)


@dataclass(frozen=True)
class FolderConfig:
    """A user/admin folder to index: ``url`` may contain ``{path}``, else paths are appended."""

    path: str
    license: str
    url: str = ""

    @classmethod
    def from_dict(cls, data: dict) -> "FolderConfig":
        return cls(str(data["path"]), str(data.get("license") or licenses.UNKNOWN), str(data.get("url") or ""))


def is_source_file(path: Path) -> bool:
    """Source extension and not absurdly large (generated tables, minified bundles)."""
    if path.suffix not in SOURCE_EXTENSIONS:
        return False
    try:
        return path.stat().st_size <= MAX_FILE_BYTES
    except OSError:
        return False


def walk(root: Path, skip: frozenset[str] = frozenset({"__pycache__"})) -> Iterator[Path]:
    """Source files under ``root`` in a stable order."""
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in skip and not d.startswith("."))
        for name in sorted(names):
            path = Path(folder, name)
            if is_source_file(path):
                yield path


def stat_signature(paths: Iterable[Path]) -> str:
    """Digest of (path, size, mtime) of every file: changes when any file does."""
    digest = hashlib.blake2b(digest_size=16)
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            continue
        digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def stdlib_source() -> Source | None:
    """The running interpreter's standard library (its tests are skipped: rarely copied)."""
    root = Path(sysconfig.get_paths()["stdlib"])
    if not root.is_dir():
        return None
    version = ".".join(str(v) for v in sys.version_info[:3])
    base = f"{STDLIB_REPOSITORY}/blob/v{version}/Lib/"
    files = [SourceFile(str(p), p.relative_to(root).as_posix(), base + p.relative_to(root).as_posix())
             for p in walk(root, STDLIB_SKIP)]
    return Source("stdlib", "python-stdlib", version, "PSF-2.0", STDLIB_REPOSITORY,
                  f"{sys.version}|{root}", files)


def repository_url(dist: metadata.Distribution) -> str:
    """Project-URL labelled source/repository/homepage, else Home-page, else PyPI."""
    urls = {}
    for entry in dist.metadata.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        urls[licenses.normalise_name(label.strip()).replace("-", "")] = url.strip()
    for label in ("source", "repository", "sourcecode", "code", "github", "homepage", "home"):
        if urls.get(label):
            return urls[label]
    home = dist.metadata.get("Home-page")
    if home and home.strip().upper() != "UNKNOWN":
        return home.strip()
    return f"https://pypi.org/project/{dist.metadata['Name']}/"


def _dist_signature(dist: metadata.Distribution) -> str:
    path = getattr(dist, "_path", None)
    mtime = 0
    if path is not None:
        try:
            mtime = max(Path(path, n).stat().st_mtime_ns for n in ("METADATA", "RECORD") if Path(path, n).exists())
        except (OSError, ValueError):
            mtime = 0
    return f"{dist.version}|{path}|{mtime}"


def _dist_files(dist: metadata.Distribution) -> list[tuple[Path, str]]:
    out = []
    for file in dist.files or []:
        rel = file.as_posix() if hasattr(file, "as_posix") else str(file)
        if rel.startswith("..") or Path(rel).suffix not in SOURCE_EXTENSIONS:
            continue
        path = Path(os.path.abspath(str(dist.locate_file(file))))
        if is_source_file(path):
            out.append((path, rel))
    return out


def _vendor_dir(rel: str) -> str | None:
    """``pip/_vendor`` for ``pip/_vendor/requests/api.py``; None outside vendor folders."""
    parts = rel.split("/")
    if parts[-1] == "__init__.py" and len(parts) >= 2 and parts[-2] in VENDOR_DIRS:
        return None  # the host's own import shim
    for i, part in enumerate(parts[:-1]):
        if part in VENDOR_DIRS and i > 0:
            return "/".join(parts[: i + 1])
    return None


def _vendor_manifest(folder: Path) -> dict[str, str]:
    """Project name -> version from ``vendor.txt``/``vendored.txt`` (pip's convention)."""
    out = {}
    for name in ("vendor.txt", "vendored.txt"):
        try:
            lines = (folder / name).read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for line in lines:
            spec = line.split("#", 1)[0].strip()
            if "==" in spec:
                project, _, version = spec.partition("==")
                out[licenses.normalise_name(project)] = version.strip()
    return out


def _vendored_project(module: str) -> str:
    return licenses.normalise_name(_MODULE_PROJECTS.get(module, module))


def distribution_sources(dist: metadata.Distribution, installed: dict[str, metadata.Distribution]) -> list[Source]:
    """One source for the distribution and one per vendored project inside it."""
    name = dist.metadata["Name"]
    own: list[SourceFile] = []
    vendored: dict[tuple[str, str], list[SourceFile]] = {}
    for path, rel in _dist_files(dist):
        folder = _vendor_dir(rel)
        entry = SourceFile(str(path), rel, path.as_uri())
        if folder is None:
            own.append(entry)
        else:
            module = rel[len(folder) + 1:].split("/")[0].removesuffix(".py")
            vendored.setdefault((folder, module), []).append(entry)
    signature = _dist_signature(dist)
    out = [Source(f"dist:{licenses.normalise_name(name)}", name, dist.version,
                  licenses.distribution_license(dist), repository_url(dist), signature, own)]
    for (folder, module), files in sorted(vendored.items()):
        out.append(_vendored_source(dist, folder, module, files, installed, signature))
    return out


def _vendored_source(dist, folder, module, files, installed, signature) -> Source:
    """A vendored project: license from its own files or the table, never the host's."""
    root = Path(os.path.abspath(str(dist.locate_file(folder))))
    manifest = _vendor_manifest(root)
    project = _vendored_project(module)
    license_ = licenses.vendored_license(project, root / module)
    twin = installed.get(project)
    if license_ == licenses.UNKNOWN and twin is not None:
        license_ = licenses.distribution_license(twin)
    version = manifest.get(project, "")
    repository = repository_url(twin) if twin is not None else f"https://pypi.org/project/{project}/{version}"
    return Source(f"vendor:{folder}/{module}", project, version, license_, repository, signature, files)


def installed_distributions() -> dict[str, metadata.Distribution]:
    """Distributions visible to this interpreter, first on sys.path wins (as for imports)."""
    out: dict[str, metadata.Distribution] = {}
    for dist in metadata.distributions():
        try:
            name = dist.metadata["Name"]
        except (KeyError, TypeError):
            continue
        if name:
            out.setdefault(licenses.normalise_name(name), dist)
    return out


def folder_source(config: FolderConfig) -> Source | None:
    """A configured folder, signed by the stat of its files."""
    root = Path(config.path).expanduser()
    if not root.is_dir():
        log.warning("configured reference folder %s does not exist", root)
        return None
    paths = list(walk(root))
    files = [SourceFile(str(p), p.relative_to(root).as_posix(), _folder_url(config, root, p)) for p in paths]
    repository = config.url.split("{path}")[0].rstrip("/") if config.url else root.resolve().as_uri()
    return Source(f"folder:{root.resolve()}", root.name, "", config.license, repository, stat_signature(paths) + "|" + config.license, files)


def _folder_url(config: FolderConfig, root: Path, path: Path) -> str:
    rel = path.relative_to(root).as_posix()
    if not config.url:
        return path.resolve().as_uri()
    if "{path}" in config.url:
        return config.url.replace("{path}", rel)
    return config.url.rstrip("/") + "/" + rel


def enumerate_sources(extra_folders: Iterable[FolderConfig | dict] = (), include_stdlib: bool = True,
                      include_installed: bool = True) -> list[Source]:
    """Every source of the corpus, stdlib first (the most copied)."""
    out: list[Source] = []
    if include_stdlib:
        stdlib = stdlib_source()
        if stdlib is not None:
            out.append(stdlib)
    if include_installed:
        installed = installed_distributions()
        for key in sorted(installed):
            try:
                out.extend(distribution_sources(installed[key], installed))
            except Exception:  # one broken dist-info must not stop the corpus
                log.exception("skipping distribution %s", key)
    for folder in extra_folders:
        config = folder if isinstance(folder, FolderConfig) else FolderConfig.from_dict(folder)
        source = folder_source(config)
        if source is not None:
            out.append(source)
    return [s for s in out if s.files]
