"""An independent reading of brat ``.ann`` files for tests: each line as its content with ids
replaced by what they point at, so two files compare equal whatever their ids and order."""

from __future__ import annotations

from collections import Counter
from pathlib import Path


def canonical(ann: str) -> Counter[str]:
    """Multiset of the file's annotations, ids resolved to content (``M`` counted as ``A``)."""
    lines = [line.split("\t") for line in ann.split("\n") if line.strip()]
    content: dict[str, str] = {}
    for parts in lines:
        if parts[0].startswith("T"):
            content[parts[0]] = f"T[{parts[1]}]"

    def resolve(ident: str, seen: frozenset[str] = frozenset()) -> str:
        if ident in content:
            return content[ident]
        for parts in lines:
            if parts[0] == ident and ident not in seen:
                head, *args = parts[1].split()
                etype, _, trigger = head.partition(":")
                inner = seen | {ident}
                roles = sorted(
                    f"{a.split(':')[0].rstrip('0123456789')}={resolve(a.split(':')[1], inner)}"
                    for a in args
                )
                content[ident] = f"E[{etype} {resolve(trigger)} {' '.join(roles)}]"
                return content[ident]
        return f"?{ident}"

    out: Counter[str] = Counter()
    for parts in lines:
        kind = parts[0][:1]
        fields = parts[1].split()
        if kind == "T":
            out[content[parts[0]]] += 1
        elif kind == "E":
            out[resolve(parts[0])] += 1
        elif kind == "R":
            args = sorted(f"{a.split(':')[0]}={resolve(a.split(':')[1])}" for a in fields[1:])
            out[f"R[{fields[0]} {' '.join(args)}]"] += 1
        elif kind in "AM":
            out[f"A[{fields[0]} {resolve(fields[1])} {' '.join(fields[2:])}]"] += 1
        elif kind == "N":
            out[f"N[{fields[0]} {resolve(fields[1])} {fields[2]} {parts[2]}]"] += 1
        elif kind == "#":
            out[f"#[{fields[0]} {resolve(fields[1])} {parts[2] if len(parts) > 2 else ''}]"] += 1
        elif kind == "*":
            out[f"*[{fields[0]} {' '.join(sorted(resolve(i) for i in fields[1:]))}]"] += 1
    return out


def prefix_counts(folder: Path) -> Counter[str]:
    """How many lines of each kind (first character; ``M`` as ``A``) the folder's .ann hold."""
    counts: Counter[str] = Counter()
    for ann in folder.rglob("*.ann"):
        for line in ann.read_text(encoding="utf-8").split("\n"):
            if line.strip():
                counts["A" if line[0] == "M" else line[0]] += 1
    return counts


def without_bom(ann: str) -> str:
    """The ``.ann`` of a ``.txt`` that started with a BOM, as it reads once the BOM is gone:
    every T line's offsets one less (brat counts the BOM as a character)."""
    out = []
    for line in ann.split("\n"):
        if line.startswith("T"):
            ident, data, text = line.split("\t")
            label, offsets = data.split(" ", 1)
            moved = ";".join(
                " ".join(str(int(n) - 1) for n in part.split()) for part in offsets.split(";")
            )
            line = f"{ident}\t{label} {moved}\t{text}"
        out.append(line)
    return "\n".join(out)
