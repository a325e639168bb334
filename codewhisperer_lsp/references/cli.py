"""``codewhisperer-lsp references build|status|query FILE``: the index from a terminal.

Lets an administrator pre-build the index (e.g. in an image) and check what a file
would be reported as, without an editor. The only module here that prints.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from pathlib import Path

from .. import paths
from . import pg_url
from .index import ReferenceIndex

log = logging.getLogger(__name__)


def _options(parser: argparse.ArgumentParser, suppress: bool = False) -> None:
    """The shared options; accepted before or after the command (``references build --database URL``)."""
    def default(value):
        return argparse.SUPPRESS if suppress else value

    parser.add_argument("--cache-dir", type=Path, default=default(None), help="index folder (default: the cache folder)")
    parser.add_argument("--folder", action="append", default=default([]), metavar="PATH:LICENSE[:URL]",
                        help="also index this folder under this SPDX license (repeatable)")
    parser.add_argument("--folders-only", action="store_true", default=default(False),
                        help="index only --folder paths, not the stdlib and installed packages")
    parser.add_argument("--database", default=default(""), metavar="URL",
                        help="a team's shared index on PostgreSQL (postgresql://user@host/db; the password from "
                             "PGPASSWORD or a pgpass file) instead of the local file; build writes it")
    parser.add_argument("--prune", action="store_true", default=default(False),
                        help="with --database: also remove stored sources that are not in this build's corpus")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="codewhisperer-lsp references",
                                     description="Build and query the licensed-code reference index.")
    _options(parser)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (("build", "build or update the index and wait for it"),
                       ("status", "show the index state and size"),
                       ("query", "show references for the text of FILE ('-' for stdin)")):
        command = sub.add_parser(name, help=text)
        _options(command, suppress=True)
        if name == "query":
            command.add_argument("file")
    return parser


def _folders(specs: list[str]) -> list[dict]:
    out = []
    for spec in specs:
        path, _, rest = spec.partition(":")
        license_, _, url = rest.partition(":")
        out.append({"path": path, "license": license_ or "NOASSERTION", "url": url})
    return out


def _build(index: ReferenceIndex) -> int:
    def progress(p: dict) -> None:
        print(f"\r{p['done']}/{p['total']} files  {p['source'][:50]:<50}", end="", file=sys.stderr, flush=True)

    index.build(progress=progress, stop_event=threading.Event(), wait_for_lock=True).join()
    print(file=sys.stderr)
    return _status(index)


def _status(index: ReferenceIndex) -> int:
    status = index.status()
    print(f"state: {status['state']}\nsources: {status['sources']}\nfiles: {status['files']}\n"
          f"fingerprints: {status['fingerprints']}")
    if index.database:
        print(f"database: {pg_url.redact(index.database)}")
    else:
        size = sum(p.stat().st_size for p in index.cache_dir.glob("references.sqlite*") if p.is_file())
        print(f"size: {size / 1e6:.1f} MB ({index.cache_dir})")
    if status["error"]:
        print(f"error: {status['error']}")
    return 1 if status["state"] == "failed" else 0


def _query(index: ReferenceIndex, file: str) -> int:
    text = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8", errors="replace")
    references = index.find_references(text)
    if not references:
        print("no reference: nothing in the local corpus matches")
        return 0
    for ref in references:
        line = text.count("\n", 0, ref.start) + 1
        print(f"{ref.license_name}  {ref.url}\n  repository: {ref.repository}\n"
              f"  text [{ref.start}, {ref.end}) from line {line}: {ref.information}")
    return 0


def _open(args: argparse.Namespace) -> ReferenceIndex:
    if args.database:
        if problem := pg_url.problem(args.database):
            raise ValueError(problem)
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise ImportError("--database needs the postgres extra: pip install 'codewhisperer-lsp[postgres]'") from None
    index = ReferenceIndex(args.cache_dir or paths.cache_dir(), extra_folders=_folders(args.folder),
                           include_stdlib=not args.folders_only, include_installed=not args.folders_only,
                           database=args.database, database_writer=bool(args.database) and args.command == "build",
                           prune=None if not args.database else args.prune)
    if index.read_only:
        index.store.wait_available(10)  # status and query read the shared index: let it connect first
    return index


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit status."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    try:
        index = _open(args)
    except (ValueError, ConnectionError, ImportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        if args.command == "build":
            return _build(index)
        if args.command == "status":
            return _status(index)
        return _query(index, args.file)
    except ConnectionError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        index.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
