"""The catalog's words in other languages, one JSON file a language in catalog_i18n/.

Each file maps a practice's slug to its name, summary and script in that language:
`{"name": ..., "summary": ..., "steps": [{"text": ..., "cues": [line, ...]}, ...]}`, with
as many steps and cues, in the same order, as the English script in `practices.catalog`.
The timing (step lengths, when each cue is spoken) stays the English script's; the
silence after each translated cue is worked out again from its own words, and
`problems` names every cue whose words would not leave enough of it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any, TypedDict

from practices.script_types import Cue, Step, speaking_seconds

HERE = Path(__file__).resolve().parent / "catalog_i18n"
# Seconds of quiet a cue must leave before the next one, once its words are said.
MIN_SILENCE = 3


class TranslatedPractice(TypedDict):
    name: str
    summary: str
    steps: list[str]
    script: list[Step]


def languages() -> list[str]:
    """The language codes with a catalog file, as Django names them (`pt-br`)."""
    return sorted(p.stem.lower().replace("_", "-") for p in HERE.glob("*.json"))


@cache
def load(language: str) -> dict[str, Any]:
    path = HERE / f"{_file_stem(language)}.json"
    if not path.exists():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _file_stem(language: str) -> str:
    base, _, region = language.partition("-")
    return f"{base}_{region.upper()}" if region else base


def translate(item: Any, language: str) -> TranslatedPractice | None:
    """`item` (a catalog entry) in `language`, or None when that language lacks it."""
    words = load(language).get(item["slug"])
    if not words:
        return None
    script: list[Step] = []
    for english, local in zip(item["script"], words["steps"], strict=True):
        cues: list[Cue] = []
        ats = [cue["at"] for cue in english["cues"]]
        for i, (at, line) in enumerate(zip(ats, local["cues"], strict=True)):
            next_at = ats[i + 1] if i + 1 < len(ats) else english["seconds"]
            cues.append({"at": at, "text": line, "silence": next_at - at - speaking_seconds(line)})
        script.append({"text": local["text"], "seconds": english["seconds"], "cues": cues})
    return {
        "name": words["name"],
        "summary": words["summary"],
        "steps": [part["text"] for part in script],
        "script": script,
    }


def problems(language: str, catalog: list[Any]) -> list[str]:
    """Everything wrong with one language's file for `catalog` (practices.catalog.CATALOG);
    empty when it is complete and every cue fits."""
    found: list[str] = []
    data = load(language)
    for item in catalog:
        slug = item["slug"]
        words = data.get(slug)
        if not words:
            found.append(f"{slug}: missing")
            continue
        for key in ("name", "summary"):
            if not str(words.get(key, "")).strip():
                found.append(f"{slug}: no {key}")
        steps = words.get("steps", [])
        if len(steps) != len(item["script"]):
            found.append(f"{slug}: {len(steps)} steps, the English has {len(item['script'])}")
            continue
        for n, (english, local) in enumerate(zip(item["script"], steps, strict=True), 1):
            if not str(local.get("text", "")).strip():
                found.append(f"{slug} step {n}: no text")
            if len(local.get("cues", [])) != len(english["cues"]):
                found.append(
                    f"{slug} step {n}: {len(local.get('cues', []))} cues, "
                    f"the English has {len(english['cues'])}"
                )
        if any(p.startswith(f"{slug} step") for p in found):
            continue
        translated = translate(item, language)
        assert translated is not None  # noqa: S101 (the slug is there, checked above)
        for n, part in enumerate(translated["script"], 1):
            for cue in part["cues"]:
                if not cue["text"].strip():
                    found.append(f"{slug} step {n}: an empty cue")
                elif cue["silence"] < MIN_SILENCE:
                    found.append(
                        f"{slug} step {n}, cue at {cue['at']} s: {speaking_seconds(cue['text'])} s "
                        f"of words leave {cue['silence']} s of quiet (at least {MIN_SILENCE}); "
                        f"shorten: {cue['text']!r}"
                    )
    extra = set(data) - {item["slug"] for item in catalog}
    found.extend(f"{slug}: not in the catalog" for slug in sorted(extra))
    return found


def english_source(catalog: list[Any]) -> dict[str, Any]:
    """The English catalog in the files' shape: what a translator starts from."""
    return {
        item["slug"]: {
            "name": item["name"],
            "summary": item["summary"],
            "steps": [
                {"text": part["text"], "cues": [cue["text"] for cue in part["cues"]]}
                for part in item["script"]
            ],
        }
        for item in catalog
    }
