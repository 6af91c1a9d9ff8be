"""The shape of a guidance script, and the estimate of how long a cue takes to say."""

from __future__ import annotations

import math
from typing import TypedDict

# A calm voice at the app's default rate says about two words a second.
WORDS_PER_SECOND = 2.0


class Cue(TypedDict):
    at: int
    text: str
    silence: int


class Step(TypedDict):
    text: str
    seconds: int
    cues: list[Cue]


def speaking_seconds(text: str) -> int:
    return math.ceil(len(text.split()) / WORDS_PER_SECOND)


def step(seconds: int, text: str, *cues: tuple[int, str]) -> Step:
    """A step of `seconds`; each cue spoken `at` seconds into it.

    The silence after a cue is what is left before the next cue (or the step's end)
    once the words are said; the catalog's tests keep it from ever running short.
    """
    ordered = sorted(cues)
    timed: list[Cue] = []
    for i, (at, line) in enumerate(ordered):
        next_at = ordered[i + 1][0] if i + 1 < len(ordered) else seconds
        timed.append({"at": at, "text": line, "silence": next_at - at - speaking_seconds(line)})
    return {"text": text, "seconds": seconds, "cues": timed}
