"""CSV/TSV import: text column, delimiters, decodings, quoted newlines, bad rows."""

from __future__ import annotations

from pathlib import Path

from .conftest import DATA, read_all


def test_csv_with_quoted_newlines_and_a_named_text_column() -> None:
    back, errors = read_all("csv", DATA / "articles.csv", text_column="body", status="done")
    assert errors == []
    first, second = back
    assert first.name == "bbc-001"
    assert first.title == "Ad sales boost Time Warner profit"
    assert first.text.startswith("Ad sales boost Time Warner profit\n\nQuarterly profits")
    assert first.meta["category"] == "business"
    assert first.status == "done" and first.layer == "gold"
    assert second.name == "articles.csv:5"  # the record starts on line 5: line 2 to 4 is one row
    assert second.title is None
    assert second.text == "He said: “Nobody wants to see that,” and left; the BBC reported it, too."


def test_utf16_tsv_with_crlf() -> None:
    back, errors = read_all("csv", DATA / "articles.tsv", text_column="body")
    assert errors == []
    assert [r.name for r in back] == ["bbc-001", "articles.tsv:5"]
    assert "\r" not in back[0].text
    assert back[0].meta["encoding"] == "utf-16"


def test_missing_text_column_names_file_and_columns() -> None:
    back, errors = read_all("csv", DATA / "articles.csv")
    assert back == []
    [error] = errors
    assert error.path.endswith("articles.csv") and error.line == 1
    assert "'text'" in str(error) and "'id', 'title', 'body', 'category'" in str(error)


def test_semicolons_cp1252_bom_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "id;text;source\r\n"
        "a;Café society – “chic”;wire\r\n"
        "b;;wire\r\n"
        "c;one;two;three\r\n"
        'd;"Line one\r\nline two";paper\r\n'.encode("cp1252")
    )
    back, errors = read_all("csv", path)
    assert [r.name for r in back] == ["a", "d"]
    assert back[0].text == "Café society – “chic”" and back[0].meta["encoding"] == "cp1252"
    assert back[1].text == "Line one\nline two"
    assert [(e.line, e.path) for e in errors] == [(3, str(path)), (4, str(path))]
    assert "empty 'text' field" in str(errors[0]) and "4 fields" in str(errors[1])


def test_bom_utf8_header_and_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbftext,id\nHello there,x1\n")
    back, errors = read_all("csv", path)
    assert errors == [] and back[0].name == "x1" and back[0].text == "Hello there"
    empty = tmp_path / "empty.tsv"
    empty.write_bytes(b"")
    back, errors = read_all("csv", empty)
    assert back == [] and "empty file" in str(errors[0])
