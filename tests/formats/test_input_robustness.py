"""Bad and unusual input found by exploratory testing: every reader keeps docs/design.md §1
(newlines, offsets, decoding), reports bad input as one InputError naming file and line and goes
on, and exports neither crash on long documents nor overwrite a user's files."""

from __future__ import annotations

import codecs
import json
import zlib
from pathlib import Path

import pytest

from annotator.errors import ExportError, InputError
from annotator.formats import FORMATS, detect_format
from annotator.formats.decoding import decode_bytes, newline_shift
from annotator.model import DocumentRecord, SpanData

from .conftest import read_all, write

# "Hi\r\nBob Smith\r\nx": Bob Smith is 4..13 in the raw text, 3..12 once \r\n is \n; offsets
# 3 and 14 fall between a \r and its \n and land on the \n (2 and 12).
RAW = "Hi\r\nBob Smith\r\nx"
NORMAL = "Hi\nBob Smith\nx"


def _jsonl(path: Path, *objects: object) -> Path:
    path.write_text("".join(json.dumps(o) + "\n" for o in objects), encoding="utf-8")
    return path


# 1. Newlines of texts taken from records, with their spans' offsets.


def test_newline_shift_moves_offsets_after_removed_carriage_returns() -> None:
    shift = newline_shift(RAW)
    assert [shift(i) for i in (0, 2, 3, 4, 13, 14, 15, 16)] == [0, 2, 2, 3, 12, 12, 13, 14]
    assert NORMAL[shift(4) : shift(13)] == "Bob Smith"
    lone = newline_shift("a\rb")  # a lone \r becomes one \n: nothing moves
    assert [lone(i) for i in range(4)] == [0, 1, 2, 3]


def test_jsonl_plain_text_is_newline_normalised_like_a_text_file(tmp_path: Path) -> None:
    txt = tmp_path / "plain.txt"
    txt.write_bytes(b"Plain\r\nno spans")
    path = _jsonl(tmp_path / "a.jsonl", {"text": "Plain\r\nno spans"}, {"text": "Old\rMac\r"})
    back, errors = read_all("prodigy", path)
    [from_txt], _ = read_all("text", txt)
    assert errors == []
    assert [r.text for r in back] == ["Plain\nno spans", "Old\nMac\n"]
    assert back[0].text == from_txt.text


def test_prodigy_and_doccano_spans_move_with_the_newlines(tmp_path: Path) -> None:
    prodigy = {
        "text": RAW,
        "spans": [
            {"start": 4, "end": 13, "label": "PERSON"},
            {"start": 3, "end": 14, "label": "QUOTE"},
        ],
    }
    doccano = {"text": RAW, "label": [[4, 13, "PERSON"]]}
    relation_project = {
        "text": RAW,
        "entities": [{"id": 1, "start_offset": 4, "end_offset": 7, "label": "PERSON"}],
    }
    path = _jsonl(tmp_path / "crlf.jsonl", prodigy, doccano, relation_project)
    back, errors = read_all("prodigy", path)
    assert errors == []
    assert all(r.text == NORMAL for r in back)
    person, quote = back[0].spans
    assert (person.start, person.end, person.text_of(NORMAL)) == (3, 12, "Bob Smith")
    assert (quote.start, quote.end) == (2, 12)  # between \r and \n: on the \n
    assert [(s.start, s.end) for s in back[1].spans] == [(3, 12)]
    assert [s.text_of(NORMAL) for s in back[2].spans] == ["Bob"]


def test_hf_text_and_docbin_text_are_normalised(tmp_path: Path) -> None:
    hf = _jsonl(
        tmp_path / "hf.jsonl",
        {"id": "d", "tokens": ["Hi", "Bob", "Smith", "x"], "ner_tags": ["O", "B-PERSON",
         "I-PERSON", "O"], "text": RAW},
    )  # fmt: skip
    [record], errors = read_all("hf", hf)
    assert errors == [] and record.text == NORMAL
    assert [s.text_of(NORMAL) for s in record.spans] == ["Bob Smith"]

    import spacy
    from spacy.tokens import DocBin

    doc = spacy.blank("en").make_doc(RAW)
    doc.ents = [doc.char_span(4, 13, label="PERSON")]
    path = tmp_path / "crlf.spacy"
    DocBin(docs=[doc]).to_disk(path)
    [record], errors = read_all("spacy", path)
    assert errors == [] and record.text == NORMAL
    assert [(s.start, s.end, s.label) for s in record.spans] == [(3, 12, "PERSON")]


def test_brat_crlf_offsets_use_the_same_shift(tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "annotation.conf").write_text("[entities]\nPERSON\n", encoding="utf-8")
    (folder / "d.txt").write_bytes(RAW.encode())
    (folder / "d.ann").write_text("T1\tPERSON 4 13\tBob Smith\n", encoding="utf-8")
    [record], errors = read_all("brat", folder)
    assert errors == [] and record.text == NORMAL
    assert [(s.start, s.end) for s in record.spans] == [(3, 12)]


# 2. JSONL lines that are not UTF-8: the text-file rule, recorded in meta.


def test_jsonl_line_not_utf8_is_decoded_like_a_text_file_and_recorded(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"text": "plain UTF-8 \xe2\x80\x93 fine"}\n'
        b'{"text": "\x93Smart\x94 quotes in cp1252"}\n'
        b'{"text": "undefined in cp1252: \x81"}\n'
        b'{"text": "binary \x81\x00\x01\x02"}\n'
        b'{"text": "after"}\n'
    )
    back, errors = read_all("prodigy", path)
    assert [r.text for r in back] == [
        "plain UTF-8 – fine",
        "“Smart” quotes in cp1252",
        "undefined in cp1252: \x81",
        "after",
    ]
    assert [r.meta.get("encoding") for r in back] == [None, "cp1252", "cp1252", None]
    assert "\ufffd" not in "".join(r.text for r in back)
    [error] = errors
    assert (error.path, error.line) == (str(path), 4) and "NUL" in str(error)


# 3. JSON nested too deeply, corrupt DocBin files: one InputError each, the import goes on.


def test_deeply_nested_json_is_one_error_and_the_rest_is_read(tmp_path: Path) -> None:
    deep = '{"text": "x", "a": ' + "[" * 100_000 + "]" * 100_000 + "}"
    for name in ("deep.jsonl", "deep.json"):
        path = tmp_path / name
        path.write_text(f'{{"text": "before"}}\n{deep}\n{{"text": "after"}}\n', encoding="utf-8")
        assert detect_format(path) is FORMATS["prodigy"]
        back, errors = read_all("prodigy", path)
        assert [r.text for r in back] == ["before", "after"]
        [error] = errors
        assert error.line == 2 and "not valid JSON (nested too deeply)" in str(error)
    hf = tmp_path / "deep-hf.jsonl"
    hf.write_text(f'{{"tokens": ["a"], "ner_tags": ["O"]}}\n{deep}\n', encoding="utf-8")
    back, errors = read_all("hf", hf)
    assert len(back) == 1 and [e.line for e in errors] == [2]
    array = tmp_path / "deep-array.json"
    array.write_text(f'[{{"text": "first"}}, {deep}]', encoding="utf-8")
    back, errors = read_all("prodigy", array)
    assert [r.text for r in back] == ["first"]
    assert len(errors) == 1 and "nested too deeply" in str(errors[0])


def _docbin_bytes() -> bytes:
    import spacy
    from spacy.tokens import DocBin

    return DocBin(docs=[spacy.blank("en").make_doc("Hello world here")]).to_bytes()


def test_docbin_with_an_emptied_strings_table_is_one_clear_error(tmp_path: Path) -> None:
    import srsly

    message = srsly.msgpack_loads(zlib.decompress(_docbin_bytes()))
    message["strings"] = []
    path = tmp_path / "emptied.spacy"
    path.write_bytes(zlib.compress(srsly.msgpack_dumps(message)))
    back, errors = read_all("spacy", path)
    assert back == [] and len(errors) == 1
    assert str(errors[0]).startswith(f"{path}: not a valid spaCy DocBin file: ")


def test_docbin_with_extra_data_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "extra.spacy"
    path.write_bytes(zlib.compress(zlib.decompress(_docbin_bytes()) + b"\x01\x02"))
    back, errors = read_all("spacy", path)
    assert back == [] and len(errors) == 1
    assert str(errors[0]).startswith(f"{path}: not a valid spaCy DocBin file: ")
    assert "extra data" in str(errors[0])


# 4. CSV quoting.


def test_csv_unterminated_quote_is_reported_not_swallowed(tmp_path: Path) -> None:
    path = tmp_path / "open.csv"
    path.write_text(
        'id,text\na,"First article."\nb,"Never closed.\nc,Third article.\nd,Fourth.\n',
        encoding="utf-8",
    )
    back, errors = read_all("csv", path)
    assert [r.name for r in back] == ["a"]
    [error] = errors
    assert error.line == 3
    assert "malformed CSV: unterminated quoted field starting at line 3" in str(error)


def test_csv_text_after_a_closing_quote_costs_its_row_only(tmp_path: Path) -> None:
    path = tmp_path / "stray.csv"
    path.write_text('id,text\na,"ok"\nb,"quoted"tail\nc,fine\n', encoding="utf-8")
    back, errors = read_all("csv", path)
    assert [r.name for r in back] == ["a", "c"]
    assert [(e.line, "malformed CSV" in str(e)) for e in errors] == [(3, True)]


# 5. Token formats on long documents.


@pytest.mark.parametrize("fmt", ["spacy", "prodigy", "conll", "hf"])
def test_token_formats_export_a_long_document(fmt: str, tmp_path: Path) -> None:
    sentence = "Imran Hussain spoke in Bradford on Thursday. "
    text = sentence * (1_500_000 // len(sentence) + 1)
    assert len(text) > 1_000_000  # over spaCy's default max_length
    start = text.rindex("Bradford")
    record = DocumentRecord(
        name="long.txt", text=text, spans=[SpanData(start, start + 8, "GPE")], layer="gold"
    )
    out = tmp_path / f"long{FORMATS[fmt].out_suffix or '.jsonl'}"
    report = write(fmt, [record], out)
    assert report.documents == 1
    if fmt in ("spacy", "prodigy"):  # a Prodigy task of 1.5 M characters is over 20 MB
        [back], errors = read_all(fmt, out, max_bytes=200 * 1024 * 1024)
        assert errors == [] and back.text == text
        assert [(s.start, s.label) for s in back.spans] == [(start, "GPE")]


# 6. brat export into an existing folder.


def _doc(name: str, text: str) -> DocumentRecord:
    return DocumentRecord(name=name, text=text, spans=[SpanData(0, 3, "ORG")], layer="gold")


def test_brat_export_refuses_a_folder_of_the_users_own_files(tmp_path: Path) -> None:
    folder = tmp_path / "mydata"
    folder.mkdir()
    (folder / "001.txt").write_text("my own notes", encoding="utf-8")
    with pytest.raises(ExportError, match="not empty and is not an earlier brat export"):
        write("brat", [_doc("001.txt", "BBC news")], folder)
    assert (folder / "001.txt").read_text(encoding="utf-8") == "my own notes"
    assert sorted(p.name for p in folder.iterdir()) == ["001.txt"]


def test_brat_export_into_an_empty_folder_or_one_with_hidden_files(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / ".DS_Store").write_bytes(b"\0")
    report = write("brat", [_doc("a.txt", "BBC news")], folder)
    assert report.documents == 1 and not report.warnings


def test_brat_export_replaces_an_earlier_export_of_ours(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    write("brat", [_doc("a.txt", "BBC one"), _doc("b.txt", "ITV two")], folder)
    (folder / "README.md").write_text("mine", encoding="utf-8")  # not listed: left alone
    report = write("brat", [_doc("c.txt", "CNN three")], folder)
    assert report.warnings == {"brat: replaced an earlier export: 2 documents removed": 1}
    assert not (folder / "a.txt").exists() and not (folder / "b.ann").exists()
    assert (folder / "README.md").exists()
    back, errors = read_all("brat", folder)
    assert errors == [] and [r.name for r in back] == ["c.txt"]


def test_brat_export_refuses_a_manifest_naming_files_outside_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (folder / "annotator-documents.jsonl").write_text(
        json.dumps({"file": "../victim"}) + "\n", encoding="utf-8"
    )
    with pytest.raises(ExportError, match="outside the folder"):
        write("brat", [_doc("a.txt", "BBC one")], folder)
    assert victim.exists()


# 7. Decoding messages and the cp1252 fallback's undefined bytes.


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_named_as_such(codec: str, tmp_path: Path) -> None:
    path = tmp_path / "no-bom.txt"
    path.write_bytes("Shadow minister Imran Hussain has quit.\n".encode(codec))
    [error] = list(FORMATS["text"].reader(path, _options()))
    assert isinstance(error, InputError)
    assert "looks like UTF-16 without a byte-order mark" in str(error)
    assert "save it as UTF-8 or UTF-16 with a BOM" in str(error)
    with_bom = tmp_path / "bom.txt"
    with_bom.write_bytes(codecs.BOM_UTF16_LE + "Fine.".encode("utf-16-le"))
    [record], _ = read_all("text", with_bom)
    assert record.text == "Fine." and record.meta["encoding"] == "utf-16"


def test_bytes_undefined_in_cp1252_map_to_their_own_code_points(tmp_path: Path) -> None:
    # Like browsers: the five undefined bytes map to U+0081 etc.; curly quotes stay curly.
    path = tmp_path / "odd.txt"
    path.write_bytes(b"\x93Caf\xe9\x94 \x81\x8d\x8f\x90\x9d\r\nend")
    [record], errors = read_all("text", path)
    assert errors == [] and record.meta["encoding"] == "cp1252"
    assert record.text == "“Café” \x81\x8d\x8f\x90\x9d\nend"
    assert decode_bytes(b"caf\xe9", path="x") == ("café", "cp1252")
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(b"\x81\x01\x02\x03\x04\x05\x06", path="x")
    with pytest.raises(InputError, match=r"binary file \(contains NUL"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xff\x00\x10", path="x")


def _options():
    from annotator.formats import ReadOptions

    return ReadOptions()


# 8. JSON arrays: names by position, and the size limit said plainly.


def test_json_array_records_on_one_line_get_distinct_names(tmp_path: Path) -> None:
    path = tmp_path / "arr.json"
    path.write_text('[{"text": "One."}, {"text": "Two."}, {"text": "Three."}]', encoding="utf-8")
    back, errors = read_all("prodigy", path)
    assert errors == [] and [r.name for r in back] == ["arr.json:1", "arr.json:2", "arr.json:3"]


def test_json_array_over_the_size_limit_says_to_use_json_lines(tmp_path: Path) -> None:
    array = tmp_path / "big.json"
    array.write_text(json.dumps([{"text": "x" * 200}] * 10), encoding="utf-8")
    back, errors = read_all("prodigy", array, max_bytes=1000)
    assert back == [] and len(errors) == 1
    assert "JSON arrays are read whole; use JSON Lines" in str(errors[0])
    lines = tmp_path / "big-lines.json"  # JSON Lines in a .json file streams like .jsonl
    _jsonl(lines, *[{"text": "x" * 200}] * 10)
    back, errors = read_all("prodigy", lines, max_bytes=1000)
    assert errors == [] and len(back) == 10


# 9. Relations between the wrong kinds of span.


def test_relations_with_the_wrong_kinds_are_rejected_naming_file_and_line(tmp_path: Path) -> None:
    text = "“Go,” Bob said."
    quote, bob, said = (0, 5, "QUOTE"), (6, 9, "PERSON"), (10, 14, "CUE")

    def task(head: tuple, child: tuple, label: str, *spans: tuple) -> dict:
        return {
            "text": text,
            "spans": [{"start": s, "end": e, "label": lab} for s, e, lab in spans],
            "relations": [{"head": 0, "child": 0, "label": label,
                           "head_span": {"start": head[0], "end": head[1]},
                           "child_span": {"start": child[0], "end": child[1]}}],
        }  # fmt: skip

    path = _jsonl(
        tmp_path / "rel.jsonl",
        task(quote, quote, "SPEAKER", quote),  # a quote to itself
        task(quote, bob, "SPEAKER", quote, bob),  # child not a SPEAKER span
        task(bob, quote, "SPEAKER", quote, bob),  # head not a QUOTE
        task(quote, bob, "CUE", quote, bob),  # CUE child not a CUE span
        task(quote, said, "CUE", quote, said),  # fine
    )
    back, errors = read_all("prodigy", path)
    assert len(back) == 1
    assert [e.line for e in errors] == [1, 2, 3, 4]
    assert "relation SPEAKER must link a QUOTE to a SPEAKER span" in str(errors[0])
    assert "relation CUE must link a QUOTE to a CUE span" in str(errors[3])
    assert all(e.path == str(path) for e in errors)


def test_brat_and_doccano_relations_with_the_wrong_kinds_are_rejected(tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "annotation.conf").write_text("[entities]\n", encoding="utf-8")
    (folder / "d.txt").write_text("“Go,” Bob said.", encoding="utf-8")
    (folder / "d.ann").write_text(
        "T1\tQUOTE 0 5\t“Go,”\nT2\tPERSON 6 9\tBob\nR1\tSPEAKER Arg1:T1 Arg2:T2\n",
        encoding="utf-8",
    )
    back, errors = read_all("brat", folder)
    assert back == [] and "relation SPEAKER must link a QUOTE to a SPEAKER span" in str(errors[0])
    doccano = _jsonl(
        tmp_path / "doccano.jsonl",
        {"text": "“Go,” Bob said.",
         "entities": [{"id": 1, "start_offset": 0, "end_offset": 5, "label": "QUOTE"}],
         "relations": [{"id": 1, "from_id": 1, "to_id": 1, "type": "SPEAKER"}]},
    )  # fmt: skip
    back, errors = read_all("prodigy", doccano)
    assert back == [] and errors[0].line == 1 and "must link a QUOTE" in str(errors[0])
