"""The `codewhisperer-lsp` command: the server (stdio by default, or TCP), and the tools around it."""

from __future__ import annotations

import argparse
import logging
import os
import sys


def _serve(args: argparse.Namespace) -> int:
    from codewhisperer_lsp.lsp.log_forwarding import install as forward_logs
    from codewhisperer_lsp.memory import limit_arenas
    from codewhisperer_lsp.server import create_server

    limit_arenas(2)  # before any thread starts: per-thread malloc arenas made the RSS creep over long sessions

    server = create_server()
    forward_logs(server)
    if args.tcp:
        if args.host not in ("127.0.0.1", "localhost", "::1"):
            logging.getLogger(__name__).warning(
                "listening on %s: anyone who can reach this address can read the code sent to the server", args.host)
        server.start_tcp(args.host, args.port)
    else:
        server.start_io()
    return 0


def _doctor(args: argparse.Namespace) -> int:
    from codewhisperer_lsp.doctor import run

    return run()


def _demo(args: argparse.Namespace) -> int:
    from codewhisperer_lsp.demo import run

    return run()


def _model(args: argparse.Namespace) -> int:
    from codewhisperer_lsp import choose_model
    from codewhisperer_lsp.model import build, choice_file, registry

    if args.action == "list":
        default = registry.default_model()
        here = choice_file.resolve_default(args.device)
        for name in registry.model_names():
            spec = registry.get_model(name)
            marks = [m for m, on in (("registry default", name == default),
                                     ("chosen for this machine", here.chosen and name == here.model)) if on]
            print(f"{name}{' (' + ', '.join(marks) + ')' if marks else ''}: {spec.display_name}; "
                  f"builds: {', '.join(spec.builds)}")
        print(f"an empty `model` setting loads {here.model}: {here.note}")
        return 0
    if args.action == "choose":
        return 0 if choose_model.choose(args.device) is not None else 1
    try:
        build.build(args.name or registry.default_model(), args.target, force=args.force)
    except build.BuildError as exc:
        print(f"model build failed: {exc}", file=sys.stderr)
        return 1
    # with two models built, the default for this machine is measured (once; again after a rebuild)
    choose_model.ensure(args.device, report=lambda line: print(f"[model choose] {line}", file=sys.stderr, flush=True))
    return 0


def _references(args: argparse.Namespace) -> int:
    from codewhisperer_lsp.references.cli import main

    return main(args.rest)


def _stats(args: argparse.Namespace) -> int:
    from codewhisperer_lsp.interaction.stats import run

    return run(as_json=args.json)


def _scan(args: argparse.Namespace) -> int:
    from codewhisperer_lsp.security.cli_scan import run

    return run(args)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="codewhisperer-lsp", description=__doc__)
    root.add_argument("--stdio", action="store_true", help="serve over stdin/stdout (the default)")
    root.add_argument("--tcp", action="store_true", help="serve over TCP instead of stdio")
    root.add_argument("--host", default="127.0.0.1", help="TCP address to listen on (default 127.0.0.1)")
    root.add_argument("--port", type=int, default=2087, help="TCP port (default 2087)")
    root.add_argument("--log-level", default=os.environ.get("CODEWHISPERER_LOG_LEVEL", "INFO"))
    root.set_defaults(func=_serve)
    sub = root.add_subparsers(dest="command")
    sub.add_parser("doctor", help="check the installation and the model").set_defaults(func=_doctor)
    sub.add_parser("demo", help="drive the server like an editor and print the suggestions").set_defaults(func=_demo)
    model = sub.add_parser("model", help="build, list or choose models (choose: measure the built models "
                                          "and make the best that is fast enough here the default)")
    model.add_argument("action", choices=["build", "list", "choose"])
    model.add_argument("--name", default="", help="registered model (default: the registry's default)")
    model.add_argument("--target", default="cpu", choices=["cpu", "cuda"])
    model.add_argument("--force", action="store_true", help="rebuild even if a verified build exists")
    model.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"],
                       help="the device the choice is for: measured by choose (and after a build), "
                            "shown by list (default auto, as the `device` setting)")
    model.set_defaults(func=_model)
    refs = sub.add_parser("references", help="the licensed-code reference index: build | status | query FILE")
    refs.add_argument("rest", nargs=argparse.REMAINDER)
    refs.set_defaults(func=_references)
    stats = sub.add_parser("stats", help="local usage metrics: invocations, acceptance rate, latency (never sent anywhere)")
    stats.add_argument("--json", action="store_true", help="print the metrics object as JSON")
    stats.set_defaults(func=_stats)
    scan = sub.add_parser("scan", help="security-scan files and folders with the editor's engines "
                                       "(text, JSON or SARIF; exit 1 on findings, for CI and pre-commit)")
    from codewhisperer_lsp.security.cli_scan import add_arguments

    add_arguments(scan)
    scan.set_defaults(func=_scan)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    os.umask(0o077)  # caches, state and logs are the user's alone
    logging.basicConfig(stream=sys.stderr, level=args.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # pygls logs every message body at INFO: that would copy the user's code into logs.
    logging.getLogger("pygls").setLevel(max(logging.WARNING, logging.getLogger().level))
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
