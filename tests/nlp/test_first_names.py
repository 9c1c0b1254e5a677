"""resources/first_names.tsv is what nomquamgender says, and the lookups read it right."""

from __future__ import annotations

from annotator.nlp.first_names import (
    TABLE,
    _table,
    build,
    first_name_gender,
    is_first_name,
)
from annotator.resources import resource_path


def test_the_table_is_what_the_library_gives_today() -> None:
    # the bundled table is made from the library, never edited by hand: regenerating it
    # gives the same rows (`python -m annotator.nlp.first_names` when the library changes)
    assert sorted(_table().items()) == build()
    header = [ln for ln in resource_path(TABLE).read_text(encoding="utf-8").splitlines()[:6]]
    assert any("MIT" in ln for ln in header) and resource_path("first_names.LICENSE").is_file()


def test_lookups_fold_case_accents_and_double_names() -> None:
    assert first_name_gender("JULIA") == first_name_gender("Julia") == "f"
    assert first_name_gender("José") == first_name_gender("jose") == "m"
    assert first_name_gender("Anne-Marie") == "f" and first_name_gender("Jean-Philippe") is None
    assert first_name_gender("O'Brien") is None and not is_first_name("")
