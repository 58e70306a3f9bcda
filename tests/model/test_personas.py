"""Personas (with photos) and to-be journeys in the model: edits, undo, the .jmap file
(version 3, upgrades from 1 and 2) and the JSON interchange format version 2."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from journeymap.model import edits as E
from journeymap.model.document import Document, DocumentError, check_file, load_store
from journeymap.model.jsonio import (
    JsonFormatError,
    dump_project,
    dumps_project,
    loads_project,
    parse_project,
)
from journeymap.model.rows import Persona
from journeymap.model.sqlrows import SCHEMA_VERSION
from journeymap.model.validation import MAX_PHOTO_BYTES, ValidationError

DATA = Path(__file__).parent.parent / "data"


def png(width: int = 8, height: int = 6, color: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buf, "PNG")
    return buf.getvalue()


def jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (10, 10), (0, 90, 200)).save(buf, "JPEG")
    return buf.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def bomb_png(side: int = 50_000) -> bytes:
    """A small file whose header claims side × side pixels (2.5 gigapixels): decoding it
    would need gigabytes. Rows of zeros compress to almost nothing."""
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)  # 8-bit greyscale
    comp = zlib.compressobj(9)
    row = b"\x00" * (side + 1)
    data = b"".join(comp.compress(row) for _ in range(200)) + comp.flush()
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", data) + _chunk(
        b"IEND", b"")


def apply(store, edit):
    store.apply(edit.changes)
    return edit


# -- personas -------------------------------------------------------------------------------
def test_persona_is_set_edited_and_undone_exactly(small_store):
    before = small_store.copy()
    edit = apply(small_store, E.set_persona(
        small_store, "engineer", profile="Runs the plant's maintenance team",
        goals=["No unplanned stops", "  ", "Parts on the shelf"], criteria=["Delivery on time"],
        worries=["Being blamed for downtime"], quote="If the line stops, I get the call.",
        headcount=4))
    p = small_store.get("persona", "engineer")
    assert isinstance(p, Persona)
    assert p.goals == ("No unplanned stops", "Parts on the shelf")  # blank items dropped
    assert p.headcount == 4
    assert edit.label == "Edit persona"
    small_store.apply(edit.inverse().changes)  # undo removes the persona it created
    assert small_store.get("persona", "engineer") is None
    assert small_store == before


def test_persona_edits_undo_in_reverse_order_to_the_original(small_store):
    before = small_store.copy()
    done = []
    for values in ({"profile": "x"}, {"photo": png()}, {"goals": ["a", "b"]},
                   {"headcount": None}, {"photo": jpeg()}):
        done.append(apply(small_store, E.set_persona(small_store, "purchasing", **values)))
    assert small_store.get("persona", "purchasing").photo == jpeg()
    for edit in reversed(done):
        small_store.apply(edit.inverse().changes)
    assert small_store == before


@pytest.mark.parametrize("values, code", [
    ({"headcount": -1}, "out_of_range"),
    ({"headcount": 2.5}, "not_int"),
    ({"goals": ["two\nlines"]}, "invalid"),
    ({"goals": "not a list"}, "not_list"),
    ({"photo": b"\x89PNG\r\n\x1a\n" + b"garbage" * 50}, "not_image"),  # a fake PNG
    ({"photo": b"GIF89a" + b"\x00" * 40}, "not_image"),
    ({"photo": b"hello, I am text"}, "not_image"),
    ({"photo": png()[:40]}, "not_image"),  # truncated
    ({"photo": b"\x89PNG\r\n\x1a\n" + b"\x00" * (MAX_PHOTO_BYTES + 1)}, "image_too_large"),
])
def test_bad_persona_values_are_refused_and_change_nothing(small_store, values, code):
    before = small_store.copy()
    with pytest.raises(ValidationError) as err:
        E.set_persona(small_store, "engineer", **values)
    assert err.value.code == code
    assert small_store == before


def test_a_decompression_bomb_is_refused_before_decoding(small_store):
    data = bomb_png()
    assert len(data) < 200_000  # small on disk, 2.5 gigapixels in memory
    with pytest.raises(ValidationError) as err:
        E.set_persona(small_store, "engineer", photo=data)
    assert err.value.code == "image_too_large"
    assert err.value.params["unit"] == "pixels"
    assert "too large" in str(err.value)
    # Just over the limit of 16 megapixels is refused too, by the same header check.
    with pytest.raises(ValidationError, match="pixels"):
        E.set_persona(small_store, "engineer", photo=bomb_png(4001))
    assert small_store.get("persona", "engineer") is None


def test_deleting_a_role_takes_its_persona_and_undo_brings_it_back(small_store):
    apply(small_store, E.set_persona(small_store, "engineer", profile="p", photo=png()))
    before = small_store.copy()
    edit = apply(small_store, E.delete(small_store, "role", ["engineer"]))
    assert small_store.get("persona", "engineer") is None
    small_store.apply(edit.inverse().changes)
    assert small_store == before


# -- to-be journeys -------------------------------------------------------------------------
def test_make_to_be_copies_the_journey_with_links_and_undoes(small_store):
    before = small_store.copy()
    edit = apply(small_store, E.make_to_be(small_store, "soe"))
    tobe = small_store.journey(edit.subject)
    assert tobe.variant_of == "soe"
    assert tobe.name == "大企業向け (to-be)"
    assert [lane.role for lane in small_store.lanes(tobe.id)] == ["purchasing", "engineer"]
    assert [s.variant_of for s in small_store.stages(tobe.id)] == [
        s.id for s in small_store.stages("soe")]
    assert len(small_store.touchpoints(tobe.id)) == len(small_store.touchpoints("soe"))
    assert len(small_store.journey_pain_points(tobe.id)) == 1
    assert len(small_store.handoffs(tobe.id)) == 1
    assert small_store.influence_at(tobe.id, "purchasing",
                                    small_store.stages(tobe.id)[0].id) == 5
    from journeymap.model.consistency import find_problems
    assert find_problems(small_store) == []
    small_store.apply(edit.inverse().changes)
    assert small_store == before


def test_deleting_the_as_is_leaves_the_to_be_as_a_plain_journey(small_store):
    tobe = apply(small_store, E.make_to_be(small_store, "soe")).subject
    before = small_store.copy()
    edit = apply(small_store, E.delete(small_store, "journey", ["soe"]))
    j = small_store.journey(tobe)
    assert j.variant_of is None
    assert all(s.variant_of is None for s in small_store.stages(tobe))
    assert len(small_store.touchpoints(tobe)) == 2  # the to-be keeps its content
    small_store.apply(edit.inverse().changes)
    assert small_store == before


def test_deleting_an_as_is_stage_unlinks_its_to_be_stage(small_store):
    tobe = apply(small_store, E.make_to_be(small_store, "soe")).subject
    as_is_stage = small_store.stages("soe")[0].id
    apply(small_store, E.delete(small_store, "stage", [as_is_stage]))
    assert small_store.stages(tobe)[0].variant_of is None


# -- the file -------------------------------------------------------------------------------
def _rich(small_store):
    apply(small_store, E.set_persona(
        small_store, "engineer", profile="保全課の係長", goals=["止まらないライン"],
        criteria=["納期どおり", "説明できる価格"], worries=["部品の欠品"], quote="「また遅れた」",
        headcount=12, photo=png()))
    apply(small_store, E.make_to_be(small_store, "soe", "大企業向け（あるべき姿）"))
    return small_store


def test_personas_and_to_be_round_trip_through_the_file(small_store, tmp_path):
    store = _rich(small_store)
    doc = Document.new(store)
    doc.save(tmp_path / "p.jmap")
    doc.close()
    assert check_file(tmp_path / "p.jmap").version == SCHEMA_VERSION == 4
    assert load_store(tmp_path / "p.jmap") == store


def test_personas_and_to_be_round_trip_through_json_version_2(small_store):
    store = _rich(small_store)
    text = dumps_project(store)
    data = json.loads(text)
    assert data["version"] == 2
    persona = data["roles"][1]["persona"]
    assert persona["photo"].startswith("data:image/png;base64,")
    assert persona["headcount"] == 12
    tobe = data["journeys"][1]
    assert tobe["variant_of"] == "soe"
    assert tobe["stages"][0]["variant_of"] == "research"
    back = loads_project(text)
    for table in ("persona", "journey", "stage", "touchpoint", "pain_point"):
        assert back.tables[table] == store.tables[table]
    assert dumps_project(back) == text


@pytest.mark.parametrize("mutate, path, words", [
    (lambda d: d["roles"][1]["persona"].update(photo="data:image/gif;base64,R0lG"),
     "$.roles[1].persona.photo", "data URL"),
    (lambda d: d["roles"][1]["persona"].update(photo="data:image/png;base64,!!!"),
     "$.roles[1].persona.photo", "base64"),
    (lambda d: d["roles"][1]["persona"].update(
        photo="data:image/jpeg;base64," + __import__("base64").b64encode(png()).decode()),
     "$.roles[1].persona.photo", "not that kind of picture"),
    (lambda d: d["roles"][1]["persona"].update(
        photo="data:image/png;base64," + "A" * (3 * MAX_PHOTO_BYTES)),
     "$.roles[1].persona.photo", "too large"),
    (lambda d: d["roles"][1]["persona"].update(
        photo="data:image/png;base64," + __import__("base64").b64encode(bomb_png()).decode()),
     "$.roles[1].persona.photo", "too large"),
    (lambda d: d["roles"][1]["persona"].update(mood="grumpy"),
     "$.roles[1].persona.mood", "unknown field"),
    (lambda d: d["roles"][1]["persona"].update(goals=[1]),
     "$.roles[1].persona.goals[0]", "must be text"),
    (lambda d: d["journeys"][1].update(variant_of="nowhere"),
     "$.journeys[1].variant_of", "another journey"),
    (lambda d: d["journeys"][1].update(variant_of=d["journeys"][1]["id"]),
     "$.journeys[1].variant_of", "another journey"),
    (lambda d: d["journeys"][1]["stages"][0].update(variant_of="t1"),
     "$.journeys[1].stages[0].variant_of", "as-is"),
    (lambda d: d.update(version=1), "$.roles[1].persona", "unknown field"),
])
def test_bad_version_2_json_is_refused_with_its_path(small_store, mutate, path, words):
    data = dump_project(_rich(small_store))
    mutate(data)
    with pytest.raises(JsonFormatError) as err:
        parse_project(data)
    assert err.value.path == path, str(err.value)
    assert words in str(err.value)


def test_version_1_json_still_imports(small_json):
    data = json.loads(small_json.read_text("utf-8"))
    assert data["version"] == 1
    store = parse_project(data)
    assert not store.tables["persona"]
    assert all(j.variant_of is None for j in store.journeys())


@pytest.mark.parametrize("sample, version", [("v1-sample.jmap", 1), ("v2-sample.jmap", 2),
                                             ("v3-sample.jmap", 3)])
def test_older_files_upgrade_to_the_current_version(tmp_path, sample, version):
    path = tmp_path / sample
    shutil.copy(DATA / sample, path)
    assert check_file(path).version == version
    doc = Document.open(path)
    assert not doc.store.tables["persona"]
    assert not doc.store.tables["survey_label"]
    doc.apply(E.set_persona(doc.store, "engineer", quote="q", photo=png()))
    doc.apply(E.make_to_be(doc.store, "soe"))
    tp = doc.store.touchpoints("soe")[0].id
    doc.apply(E.remember_survey_labels(doc.store, "soe", {"Quote speed": tp}))
    doc.save()
    store = doc.store.copy()
    doc.close()
    assert check_file(path).version == 4
    assert [(r.label, r.touchpoint) for r in store.tables["survey_label"].values()] == [
        ("Quote speed", tp)]
    assert load_store(path) == store
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT value FROM meta WHERE key='upgraded_from'").fetchone() == (
        str(version),)
    conn.close()


def _poke(path: Path, sql: str, *params) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(sql, params)
    conn.close()


@pytest.mark.parametrize("sql, params, words", [
    ("UPDATE persona SET photo = ?", (b"\x89PNG\r\n\x1a\nnot really",), "persona 'engineer': photo"),
    ("UPDATE persona SET photo = ?", (None,), None),
    ("UPDATE persona SET goals = ?", ("{not json",), "persona 'engineer'"),
    ("UPDATE persona SET goals = ?", ('[1, 2]',), "goals[0]: must be text"),
    ("UPDATE persona SET id = 'ghost'", (), "persona 'ghost': id"),
    ("UPDATE journey SET variant_of = 'nowhere' WHERE variant_of IS NOT NULL", (),
     "variant_of"),
    ("UPDATE stage SET variant_of = 'nowhere' WHERE variant_of IS NOT NULL", (),
     "variant_of"),
])
def test_a_file_with_bad_persona_or_link_rows_is_refused(small_store, tmp_path, sql, params,
                                                         words):
    path = tmp_path / "p.jmap"
    doc = Document.new(_rich(small_store))
    doc.save(path)
    doc.close()
    if sql.startswith("UPDATE persona SET photo") and params == (None,):
        _poke(path, sql, *params)
        assert load_store(path).get("persona", "engineer").photo is None
        return
    _poke(path, sql, *params)
    before = path.read_bytes()
    with pytest.raises(DocumentError, match="damaged") as err:
        load_store(path)
    assert words in str(err.value)
    assert path.read_bytes() == before


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_procurement_template_has_a_persona_for_every_role(lang):
    from journeymap.model.templates import load_template

    store = load_template("b2b-procurement", lang)
    roles = [r.id for r in store.roles()]
    assert roles == ["purchasing", "engineer", "user", "finance", "management", "compliance"]
    for role in roles:
        p = store.get("persona", role)
        assert isinstance(p, Persona)
        assert p.profile and p.goals and p.criteria and p.worries and p.quote
        assert p.headcount is not None and p.photo is None
        if lang == "ja":
            assert any(ord(ch) > 0x3000 for ch in p.profile + p.quote)
