"""The speed levers, each on or off by name; the replay benchmark turns them on and off to measure
what each buys (docs/SPEED.md). `CODEWHISPERER_SPEED_LEVERS` (comma-separated) overrides the default.

- regions: a window start that stays put while the cursor moves within a region (completion/prompt.py)
- quick: a short window on a cold region (completion/service.py)
- warm: prefill while the user reads (completion/warmup.py)
- shift: cached chunks reused at other positions, their keys rotated (model/rotary.py)

None of them: the window follows the cursor and every prompt is computed from its first changed token.
"""

from __future__ import annotations

import os

LEVERS = ("regions", "quick", "warm", "shift")
DEFAULT_LEVERS = ("regions", "warm")


def levers() -> frozenset[str]:
    raw = os.environ.get("CODEWHISPERER_SPEED_LEVERS")
    return frozenset(DEFAULT_LEVERS if raw is None else (name.strip() for name in raw.split(",") if name.strip()))
