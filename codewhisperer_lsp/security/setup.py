"""Set-up step for the optional semgrep engine: `python -m codewhisperer_lsp.security.setup`.

semgrep and its rule packs (njsscan for JavaScript/TypeScript, mobsfscan for Java/Kotlin) live in
a virtual environment of their own in the cache folder, because semgrep pins versions that the
server's own packages disagree with. This is the only step that reaches the package registry;
scans never do. Idempotent: a second run only checks that the environment is there.
"""

from __future__ import annotations

import subprocess
import sys

from codewhisperer_lsp.security.engines.semgrep_engine import SEMGREP_PACKAGES, ensure_semgrep_env, semgrep_env_dir

STAMP = ".installed"


def main() -> int:
    env_dir = semgrep_env_dir()
    want = " ".join(SEMGREP_PACKAGES)
    stamp = env_dir / STAMP
    if stamp.is_file() and stamp.read_text().strip() == want and (env_dir / "bin" / "semgrep").exists():
        return 0
    print(f"[security setup] installing {want} into {env_dir} (once)", file=sys.stderr)
    try:
        ensure_semgrep_env()
    except subprocess.CalledProcessError as exc:
        detail = (exc.stderr or b"")[-400:].decode(errors="replace")
        print(f"[security setup] semgrep could not be installed; scans still run with the other engines.\n{detail}",
              file=sys.stderr)
        return 1
    stamp.write_text(want + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
