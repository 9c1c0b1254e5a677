"""The gender a first name reveals, from nomquamgender's name data.

nomquamgender (MIT) classifies a first name as gendered female or male from several
name-gender sources, and leaves a name unclassified unless the sources agree strongly (its
default threshold: at most one in ten the other way): "Fergus" is male, "Julia" female,
"Chris" and "Robin" neither. Its data is about 20 MB and takes a second or more to load, so
it is loaded once per process, when the quote component is made (:func:`load`), never per
document.
"""

from __future__ import annotations

import warnings
from functools import cache
from typing import Any

#: The classifier's labels, as the attribution code writes genders.
_LABELS = {"gm": "m", "gf": "f"}


@cache
def load() -> Any:
    """The classifier, made once; later calls return the same one."""
    with warnings.catch_warnings():  # it reads its data with a deprecated importlib call
        warnings.simplefilter("ignore", DeprecationWarning)
        import nomquamgender  # imported here: its name data loads on import

    return nomquamgender.NBGC()


@cache
def first_name_gender(word: str) -> str | None:
    """ "m", "f", or None when the name is unknown or used for both."""
    if not word.isalpha():
        word = word.split("-")[0]  # "Jean-Philippe": Jean
        if not word.isalpha():
            return None
    return _LABELS.get(load().classify([word])[0])


#: How common a first name must be in the classifier's sources to show that a body the model
#: typed ("Imogen Price" as an organisation) is a person: named by at least this many of its
#: sources and counted this often ("Julia": 34 sources; "Global", "Lion" or "Havana", which
#: some sources also list, fall short).
_MIN_SOURCES, _MIN_COUNT = 20, 5000


def is_first_name(word: str) -> bool:
    """A common first name of one gender: "Imogen", "Fergus"; not "Morgan" nor "Lion"."""
    if first_name_gender(word) is None:
        return False
    info = load().reference.get(word.lower())
    return info is not None and info[0] >= _MIN_SOURCES and info[1] >= _MIN_COUNT
