"""Find the bundled data (resources/ and seeds/) in a checkout or in an installed wheel."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from annotator.model import Label

_PACKAGE = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def resources_dir() -> Path:
    """The folder of label scheme, cue verbs and boilerplate patterns."""
    return _data_dir("resources")


def seeds_dir() -> Path:
    """The folder of bundled sample articles."""
    return _data_dir("seeds")


def resource_path(name: str) -> Path:
    return resources_dir() / name


@cache
def load_json(name: str) -> Any:
    with resource_path(name).open(encoding="utf-8") as f:
        return json.load(f)


def default_labels() -> list[Label]:
    """The default label scheme from resources/labels.json."""
    return [Label.from_dict(entry) for entry in load_json("labels.json")["labels"]]
