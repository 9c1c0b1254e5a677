"""brat's ``annotation.conf``: what an export uses, merged into the corpus's own conf.

A corpus imported from brat keeps its ``annotation.conf`` in the project (hierarchies, macros,
argument rules, attribute values, comments); the export writes it back and adds only the types
the exported annotations use that it does not declare yet, at the end of their section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from annotator.model import CUE, QUOTE, SPEAKER

SECTIONS = ("entities", "relations", "events", "attributes")
#: brat reads ``[spans]`` as another name of ``[entities]``.
ALIASES = {"spans": "entities"}
_HEADER = re.compile(r"\s*\[(\w+)\]\s*")


@dataclass
class Used:
    """The types an export wrote, per section, with what a new declaration needs."""

    entities: set[str] = field(default_factory=set)
    #: relation type -> (head types, child types)
    relations: dict[str, tuple[set[str], set[str]]] = field(default_factory=dict)
    #: event type -> role -> argument types
    events: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    #: attribute name -> (values, whether it was on an event)
    attributes: dict[str, tuple[set[str], bool]] = field(default_factory=dict)

    def relation(self, name: str, head: str, child: str) -> None:
        heads, children = self.relations.setdefault(name, (set(), set()))
        heads.add(head)
        children.add(child)

    def role(self, event: str, role: str, arg: str) -> None:
        self.events.setdefault(event, {}).setdefault(role, set()).add(arg)

    def attribute(self, name: str, value: object, on_event: bool) -> None:
        values, event = self.attributes.setdefault(name, (set(), on_event))
        if value is not True:
            values.add(str(value))
        self.attributes[name] = (values, event or on_event)


def declared(conf: str) -> dict[str, set[str]]:
    """The names each section of a conf declares (hierarchy marks and aliases stripped)."""
    names: dict[str, set[str]] = {s: set() for s in SECTIONS}
    section = ""
    for line in conf.split("\n"):
        if match := _HEADER.fullmatch(line):
            section = ALIASES.get(match[1], match[1])
            continue
        stripped = line.strip()
        if section not in names or not stripped or stripped.startswith(("#", "<", "-")):
            continue
        name = re.split(r"[\s|]", stripped.lstrip("!"), maxsplit=1)[0]
        names[section].add(name)
    return names


def _lines(used: Used, known: dict[str, set[str]]) -> dict[str, list[str]]:
    everything = set().union(*known.values())
    new: dict[str, list[str]] = {s: [] for s in SECTIONS}
    for name in sorted(used.entities - everything - set(used.events)):
        new["entities"].append(name)
    for name, (heads, children) in sorted(used.relations.items()):
        if name not in known["relations"]:
            new["relations"].append(
                f"{name}\tArg1:{'|'.join(sorted(heads))}, Arg2:{'|'.join(sorted(children))}"
            )
    for name, roles in sorted(used.events.items()):
        if name not in known["events"]:
            args = ", ".join(f"{role}*:{'|'.join(sorted(t))}" for role, t in sorted(roles.items()))
            new["events"].append(f"{name}\t{args}".rstrip())
    for name, (values, on_event) in sorted(used.attributes.items()):
        if name not in known["attributes"]:
            target = "<EVENT>" if on_event else "<ENTITY>"
            value = f", Value:{'|'.join(sorted(values))}" if values else ""
            new["attributes"].append(f"{name}\tArg:{target}{value}")
    return new


def merged_conf(conf: str | None, used: Used) -> str:
    """``conf`` (the corpus's own, or a fresh one) with the used types it lacks added."""
    if not conf:
        conf = (
            "# brat configuration written by annotator: the types of this export.\n"
            "[entities]\n\n[relations]\n"
            "# quotes, speakers and cues overlap entities\n"
            "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n"
            "[events]\n\n[attributes]\n"
        )
        if used.relations.keys() & {SPEAKER, CUE}:
            used.relations.setdefault(SPEAKER, ({QUOTE}, {SPEAKER}))
            used.relations.setdefault(CUE, ({QUOTE}, {CUE}))
    new = _lines(used, declared(conf))
    out: list[str] = []
    section = ""

    def flush() -> None:
        if new.get(section):
            while out and not out[-1].strip():
                out.pop()
            out.extend([*new.pop(section), ""])

    for line in conf.split("\n"):
        if match := _HEADER.fullmatch(line):
            flush()
            section = ALIASES.get(match[1], match[1])
        out.append(line)
    flush()
    for name in SECTIONS:  # sections the conf lacks
        if new.get(name):
            out.extend([f"[{name}]", *new[name], ""])
    text = "\n".join(out)
    return text if text.endswith("\n") else text + "\n"
