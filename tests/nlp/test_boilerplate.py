"""Boilerplate lines of the seed article and the corpus-repeat mechanism."""

from __future__ import annotations

from annotator.nlp.boilerplate import find_boilerplate, line_key, repeated_line_threshold


def lines_of(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_seed_boilerplate_lines(seed_text: str) -> None:
    found = lines_of(seed_text, find_boilerplate(seed_text))
    assert found.count("Please use Chrome browser for a more accessible video player") == 6
    for stamp in ("2:36", "1:31", "1:42", "3:40", "0:28", "10:47"):
        assert stamp in found
    # the title of the embedded video after its timestamp
    assert "Israeli airstrikes on Gaza’s south" in found
    assert "‘Is ceasefire issue tearing Labour apart?’" in found
    assert "Watch Trump and Zelenskyy clash" in found
    # photo lines
    assert any(line.startswith("Image: Sir Keir Starmer greets") for line in found)
    assert "Image: Mr Zelenskyy and Mr Trump clash. Pics: Reuters" in found
    # the cookie banner, from the lone "X" through "for this session only."
    start = found.index("X")
    assert found[start + 1].startswith("This content is provided by X")
    assert found[start + 6].endswith("allow X cookies for this session only.")
    # article text is not boilerplate
    assert not any(line.startswith("Shadow minister Imran Hussain") for line in found)
    assert "‘You’re gambling with World War Three’" not in found


def test_spans_are_lines_without_newline(seed_text: str) -> None:
    for start, end in find_boilerplate(seed_text):
        assert 0 <= start < end <= len(seed_text)
        assert "\n" not in seed_text[start:end]
        assert start == 0 or seed_text[start - 1] == "\n"


def test_line_key_normalises() -> None:
    assert line_key("  Please   use Chrome ") == line_key("please use chrome")
    assert line_key("2:36") == line_key("10:47".replace("10", "1")) == "0:00"


def test_repeated_lines_from_the_corpus_are_boilerplate() -> None:
    text = "Headline\nListen to the full interview on Five Live.\nArticle text."
    assert find_boilerplate(text) == []
    repeated = {line_key("Listen to the full interview on Five Live.")}
    assert lines_of(text, find_boilerplate(text, repeated)) == [
        "Listen to the full interview on Five Live."
    ]


def test_threshold() -> None:
    assert repeated_line_threshold(1) == 3
    assert repeated_line_threshold(100) == 3
    assert repeated_line_threshold(2225) == 23
