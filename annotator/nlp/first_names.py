"""The gender a first name reveals: a table drawn from nomquamgender's name data.

nomquamgender (MIT) gathers name-gender data from many sources (about 720,000 names). Loading
all of it takes a second and a half, twice the model's own load, for a few thousand names that
matter; so ``resources/first_names.tsv`` keeps only the common names of one gender, made by
this module's :func:`main` with nomquamgender's own classifier (default threshold: at most one
in ten the other way) over the names at least 20 of its sources list, counted 5,000 times or
more ("Julia", "Fergus", "Imogen"; not "Lee", "Robin" or "Chris", used for both, nor "Global",
"Lion" or "Havana", which a few sources also list). ``tests/nlp/test_first_names.py`` checks
the table against the library, so it cannot drift from it. Regenerate with::

    python -m annotator.nlp.first_names
"""

from __future__ import annotations

import unicodedata
from functools import cache

from annotator.resources import resource_path

TABLE = "first_names.tsv"
#: How common a name must be in nomquamgender's sources to be in the table.
MIN_SOURCES, MIN_COUNT = 13, 800
#: nomquamgender's labels, as the attribution code writes genders.
_LABELS = {"gm": "m", "gf": "f"}


def _plain(word: str) -> str:
    """Lowercased, accents dropped ("José": jose), as nomquamgender looks names up."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _table() -> dict[str, str]:
    out: dict[str, str] = {}
    with resource_path(TABLE).open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, gender = line.rstrip("\n").split("\t")
            out[name] = gender
    return out


def first_name_gender(word: str) -> str | None:
    """ "m" or "f" for a common first name of one gender ("Anne-Marie": by "Anne"), else
    None."""
    plain = _plain(word)
    if not plain.isalpha():
        plain = plain.split("-")[0]
    return _table().get(plain)


def is_first_name(word: str) -> bool:
    """A common first name of one gender: "Imogen", "Fergus"; not "Morgan" nor "Lion"."""
    return first_name_gender(word) is not None


def build() -> list[tuple[str, str]]:
    """The table's rows, from nomquamgender (needed only here and in the tests)."""
    import warnings

    with warnings.catch_warnings():  # it reads its data with a deprecated importlib call
        warnings.simplefilter("ignore", DeprecationWarning)
        import nomquamgender

    from spacy.lang.en.stop_words import STOP_WORDS

    common = sorted(
        name
        for name, info in nomquamgender.name_data.items()
        if name.isalpha() and info[0] >= MIN_SOURCES and info[1] >= MIN_COUNT
        if name not in STOP_WORDS  # "are", "will": words first, never names here
    )
    labels = nomquamgender.NBGC().classify(common)
    return [(name, _LABELS[label]) for name, label in zip(common, labels) if label in _LABELS]


def main() -> None:
    import importlib.metadata

    version = importlib.metadata.version("nomquamgender")
    rows = build()
    with resource_path(TABLE).open("w", encoding="utf-8") as f:
        f.write(
            f"# First names of one gender (m, f), from nomquamgender {version} (MIT licence,\n"
            "# https://github.com/ianvanbuskirk/nomquamgender): names at least "
            f"{MIN_SOURCES} of its sources list,\n# counted {MIN_COUNT} times or more, that its "
            "classifier genders at its default threshold.\n"
            "# Its licence and copyright notice: first_names.LICENSE, beside this file.\n"
            "# Made by `python -m annotator.nlp.first_names`; do not edit by hand.\n"
        )
        for name, gender in rows:
            f.write(f"{name}\t{gender}\n")
    print(f"{len(rows)} names written to {resource_path(TABLE)}")


if __name__ == "__main__":
    main()
