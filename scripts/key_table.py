"""Write the README's key table from the bindings (annotator/gui/bindings.py).

    python scripts/key_table.py

The table sits between the ``<!-- keys -->`` and ``<!-- /keys -->`` marks; a test checks the
README holds what this writes.
"""

from __future__ import annotations

from pathlib import Path

from annotator.gui.bindings import key_table_markdown
from annotator.resources import default_labels

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- keys -->", "<!-- /keys -->"


def render(readme: str) -> str:
    head, rest = readme.split(START, 1)
    _old, tail = rest.split(END, 1)
    return f"{head}{START}\n{key_table_markdown(default_labels())}\n{END}{tail}"


if __name__ == "__main__":
    README.write_text(render(README.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote the key table into {README}")
