"""Which model pre-annotates a project: installed packages, trained folders, the remembered one."""

from __future__ import annotations

from pathlib import Path

from annotator.ops.statistics import MODEL_SETTING, current_model
from annotator.store import Store
from annotator.store.settings import get_setting, set_setting

TRAINED_SETTING = "trained_models"

__all__ = ["current_model", "model_choices", "remember_trained", "set_current_model"]


def installed_pipelines() -> list[str]:
    """spaCy pipeline packages installed here: the ``spacy_models`` entry points, which
    ``spacy.util.get_installed_models`` reads too (without importing spaCy on the GUI thread)."""
    from importlib.metadata import entry_points

    return sorted({ep.name for ep in entry_points(group="spacy_models")})


def model_choices(store: Store) -> list[str]:
    """Installed spaCy packages, then the project's trained model folders that still exist."""
    trained = [p for p in get_setting(store, TRAINED_SETTING, []) if Path(p).is_dir()]
    return installed_pipelines() + trained


def remember_trained(store: Store, folder: Path) -> None:
    known = [p for p in get_setting(store, TRAINED_SETTING, []) if p != str(folder.resolve())]
    set_setting(store, TRAINED_SETTING, [*known, str(folder.resolve())])


def set_current_model(store: Store, model: str | None) -> None:
    """Remember the pre-annotation model (None: the default pipeline)."""
    if model and Path(model).is_dir():
        model = str(Path(model).resolve())
    set_setting(store, MODEL_SETTING, model or None)
