"""The speed levers, each on or off by name; the replay benchmark turns them on and off to measure
what each buys (docs/SPEED.md). `CODEWHISPERER_SPEED_LEVERS` (comma-separated) overrides the default.

- regions: a window start that stays put while the cursor moves within a region (completion/prompt.py)
- quick: a short window on a cold region (completion/service.py)
- warm: prefill while the user reads (completion/warmup.py)
- shift: cached chunks reused at other positions, their keys rotated (model/rotary.py), for every
  prompt and warm-up
- shift-manual: the same for a manual trigger's prompts and ranking only

None of them: the window follows the cursor and every prompt is computed from its first changed token.
"""

from __future__ import annotations

import os

LEVERS = ("regions", "quick", "warm", "shift", "shift-manual")
DEFAULT_LEVERS = ("regions", "warm", "shift-manual")


def levers() -> frozenset[str]:
    raw = os.environ.get("CODEWHISPERER_SPEED_LEVERS")
    return frozenset(DEFAULT_LEVERS if raw is None else (name.strip() for name in raw.split(",") if name.strip()))


def shift_mode(on: frozenset[str]) -> str:
    """The runtime's `shift` for these levers: 'all', 'requests' (manual triggers) or 'off'."""
    return "all" if "shift" in on else "requests" if "shift-manual" in on else "off"
