"""Survey CSV import: encodings, CSV dialects, skipped rows, matching, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeymap.analysis.survey import (
    SurveyError,
    match_scores,
    normalise,
    read_survey,
    survey_edit,
)
from journeymap.model.store import Store

CSV = "タッチポイント,スコア,コメント\r\nウェブサイトで製品検索,9,\"良い, とても\"\r\n見積依頼,3,\"遅い\r\n二行目\"\r\n"


def test_utf8_with_bom_and_crlf_and_quoted_fields() -> None:
    t = read_survey(CSV.encode("utf-8-sig"))
    assert t.encoding == "utf-8-sig" and t.delimiter == ","
    assert t.columns == ["タッチポイント", "スコア", "コメント"]
    assert t.rows == [["ウェブサイトで製品検索", "9", "良い, とても"],
                      ["見積依頼", "3", "遅い\r\n二行目"]]


def test_utf8_without_bom(tmp_path: Path) -> None:
    p = tmp_path / "s.csv"
    p.write_bytes(CSV.encode("utf-8"))
    t = read_survey(p)
    assert t.encoding == "utf-8" and t.columns[0] == "タッチポイント"


def test_cp932() -> None:
    t = read_survey(CSV.encode("cp932"))
    assert t.encoding == "cp932"
    assert t.rows[0][0] == "ウェブサイトで製品検索"


@pytest.mark.parametrize("delim", [";", "\t"])
def test_other_delimiters(delim: str) -> None:
    text = f"tp{delim}score\nWebsite{delim}9\nQuote{delim}7\n"
    t = read_survey(text.encode())
    assert t.delimiter == delim and t.rows == [["Website", "9"], ["Quote", "7"]]


def test_single_column_falls_back_to_comma() -> None:
    t = read_survey(b"score\n9\n10\n")
    assert t.delimiter == "," and t.columns == ["score"]


def test_match_and_skip(ja_store: Store) -> None:
    text = ("tp,score\n"
            "ウェブサイトで製品検索,9\n"
            " ｳｪﾌﾞｻｲﾄで製品検索 ,１０\n"   # half-width kana and full-width digits: NFKC
            "s3,4\n"                       # by id
            "見積依頼,\n"                  # blank score
            "見積依頼,good\n"              # non-numeric
            "見積依頼,11\n"                # out of range
            "見積依頼,-1\n"
            "見積依頼,7.5\n"               # not a whole number
            "見積依頼,8.0\n"               # whole number written as float: kept
            ",5\n"                         # blank touchpoint
            "存在しないタッチポイント,5\n"
            "存在しないタッチポイント,6\n"
            "ウェブサイトで製品検,5\n")     # near miss: never fuzzy
    t = read_survey(text.encode())
    r = match_scores(ja_store, "soe", t, "tp", "score")
    assert r.scores == {"s1": [9, 10], "s3": [4, 8]}
    assert r.skipped == {"blank": 1, "non-numeric": 1, "out of range": 2,
                         "not a whole number": 1, "blank touchpoint": 1,
                         "unmatched touchpoint": 3}
    assert r.unmatched == {"存在しないタッチポイント": 2, "ウェブサイトで製品検": 1}
    assert r.rows == 13 and r.matched_rows == 4 and r.skipped_count == 9
    assert [s.line for s in r.skipped_rows][:2] == [4, 5]


def test_columns_by_index(ja_store: Store) -> None:
    t = read_survey("a,b\n技術相談,10\n".encode())
    assert match_scores(ja_store, "soe", t, 0, 1).scores == {"s2": [10]}


def test_ambiguous_titles_skipped(ja_store: Store, ja_data: dict) -> None:
    from journeymap.model.jsonio import parse_project

    ja_data["journeys"][0]["touchpoints"][1]["title"] = "見積依頼"
    store = parse_project(ja_data)
    t = read_survey("tp,score\n見積依頼,5\n".encode())
    r = match_scores(store, "soe", t, "tp", "score")
    assert r.scores == {}
    assert r.ambiguous == {"見積依頼": ["s2", "s3"]}


def test_not_csv_binary() -> None:
    with pytest.raises(SurveyError, match="binary"):
        read_survey(b"PK\x03\x04\x00\x00binary zip")


def test_not_text() -> None:
    with pytest.raises(SurveyError, match="not a text file"):
        read_survey(bytes([0x81, 0x20, 0xff, 0xfe, 0x80]) * 10)


@pytest.mark.parametrize("raw", [b"", b"   \r\n\r\n", "\ufeff".encode()])
def test_empty(raw: bytes) -> None:
    with pytest.raises(SurveyError, match="empty"):
        read_survey(raw)


def test_header_only() -> None:
    with pytest.raises(SurveyError, match="no data rows"):
        read_survey(b"tp,score\r\n")


def test_no_usable_score_column(ja_store: Store) -> None:
    t = read_survey("tp,comment\nウェブサイトで製品検索,良い\n見積依頼,\n".encode())
    with pytest.raises(SurveyError, match="no usable score"):
        match_scores(ja_store, "soe", t, "tp", "comment")
    with pytest.raises(SurveyError, match="no column 'score'"):
        match_scores(ja_store, "soe", t, "tp", "score")
    with pytest.raises(SurveyError, match="must differ"):
        match_scores(ja_store, "soe", t, "tp", "tp")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SurveyError, match="cannot read"):
        read_survey(tmp_path / "none.csv")


def test_pipes_folders_and_huge_files_are_refused_before_reading(tmp_path: Path) -> None:
    import os

    from journeymap.analysis import survey

    pipe = tmp_path / "scores.csv"
    os.mkfifo(pipe)  # reading it would wait for a writer forever
    with pytest.raises(SurveyError, match="not a regular file"):
        read_survey(pipe)
    with pytest.raises(SurveyError, match="not a regular file"):
        read_survey(tmp_path)
    big = tmp_path / "big.csv"
    with open(big, "wb") as f:
        f.truncate(survey.MAX_BYTES + 1)
    with pytest.raises(SurveyError, match="too large.*the limit is 52,428,800"):
        read_survey(big)


def test_normalise() -> None:
    assert normalise("  ＡＢＣ１ ") == "ABC1"


def test_survey_edit_append_and_replace(ja_store: Store) -> None:
    from journeymap.model import edits

    t = read_survey("tp,score\nウェブサイトで製品検索,1\n見積依頼,2\n".encode())
    r = match_scores(ja_store, "soe", t, "tp", "score")
    edit = survey_edit(ja_store, r, "append")
    assert isinstance(edit, edits.Edit)
    store = ja_store.copy()
    store.apply(edit.changes)
    assert store.touchpoint("s1").scores == (9, 10, 7, 6, 1)
    assert store.touchpoint("s3").scores == (2,)
    store.apply(edit.inverse().changes)
    assert store == ja_store
    edit = survey_edit(ja_store, r, "replace")
    store = ja_store.copy()
    store.apply(edit.changes)
    assert store.touchpoint("s1").scores == (1,)
    with pytest.raises(ValueError):
        survey_edit(ja_store, r, "merge")


# -- mapping labels that differ from card titles -------------------------------------------------

def test_mapping_pairs_labels_and_drops_entries_for_deleted_touchpoints() -> None:
    from journeymap.analysis.survey import (
        match_scores,
        parse_mapping,
        read_survey,
        suggest_touchpoints,
    )
    from journeymap.model.templates import load_template

    store = load_template("b2b-procurement", "en")
    table = read_survey(b"label,score\nDelivery to plant store,3\nTender scoring,9\n")
    # suggestions ranked by similarity; a person confirms
    assert suggest_touchpoints(store, "enterprise", "Delivery to plant store")[0][0] == \
        "t_ent_delivery"
    mapping = parse_mapping(store, "enterprise", ["Delivery to plant store=t_ent_delivery",
                                                  "Tender scoring=Tender bid and scoring"])
    res = match_scores(store, "enterprise", table, "label", "score", mapping)
    assert res.scores == {"t_ent_delivery": [3], "t_ent_tender": [9]}
    assert res.mapped == {"Delivery to plant store": "t_ent_delivery",
                          "Tender scoring": "t_ent_tender"}
    # the card was deleted since: the entry is dropped with a notice, its rows unmatched
    res = match_scores(store, "enterprise", table, "label", "score",
                       {**mapping, "Delivery to plant store": "t_gone"})
    assert res.dropped_mappings == {"Delivery to plant store": "t_gone"}
    assert res.unmatched == {"Delivery to plant store": 1}
