"""Mermaid export: whatever the titles and role names, Mermaid's journey grammar reads
the diagram as meant (checked with the grammar's own token rules, see
mermaid_journey_grammar.py): one section per stage, one task per touchpoint, one actor
per task, and the texts readable."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mermaid_journey_grammar import MermaidSyntaxError, parse, tokens

from journeymap.export.mermaid import (
    ZWSP,
    emotion_score,
    is_markdown,
    markdown_blocks,
    project_mermaid,
)
from journeymap.model.jsonio import parse_project
from journeymap.model.rows import Touchpoint
from journeymap.model.store import Store

BASE = {
    "format": "journeymap", "version": 1, "project": {"title": "Project"},
    "roles": [{"id": "r1", "name": "Buyer"}, {"id": "r2", "name": "IT"}],
    "journeys": [{
        "id": "j", "name": "Journey", "stages": [{"id": "s1", "name": "One"},
                                                {"id": "s2", "name": "Two"}],
        "lanes": ["r1", "r2"],
        "touchpoints": [
            {"id": "t1", "role": "r1", "stage": "s1", "title": "a", "emotion": -2},
            {"id": "t2", "role": "r2", "stage": "s1", "title": "b", "emotion": 2},
            {"id": "t3", "role": "r1", "stage": "s2", "title": "c"},
            {"id": "t4", "role": "r2", "stage": "s2", "title": "d", "emotion": 0}]}],
}


def store_with(texts: dict[str, str]) -> Store:
    """The base project with some names replaced (rows built directly, so any text can
    be tried, as a received file could hold it)."""
    rows = []
    for row in parse_project(BASE).all_rows():
        key = f"{row.table}:{row.id}"
        if key in texts:
            attr = "title" if isinstance(row, Touchpoint) else "name"
            row = replace(row, **{attr: texts[key]})
        rows.append(row)
    return Store(rows)


def check(store: Store) -> None:
    """The export parses, and says what the project says."""
    text = project_mermaid(store)
    assert text.startswith("journey\n")
    d = parse(text)
    j = store.journeys()[0]
    assert d.title and d.title.strip()
    stages = store.stages(j.id)
    assert len(d.sections) == len(stages)
    tps = [tp for st_ in stages for role in store.lane_roles(j.id)
           for tp in store.touchpoints_in_cell(j.id, role.id, st_.id)]
    assert len(d.tasks) == len(tps)
    actors = {role.id: None for role in store.roles()}
    for task, tp in zip(d.tasks, tps, strict=True):
        assert task.name.strip()
        assert task.score == emotion_score(tp.emotion)
        assert len(task.people) == 1 and task.people[0]
        known = actors[tp.role]
        assert known is None or known == task.people[0]  # a role is always the same actor
        actors[tp.role] = task.people[0]


@pytest.mark.parametrize("title", [
    "Section review with IT", "section", "SECTION two", "Title check", "title: x",
    "journey mapping", "Journeyman", "accTitle: hidden", "accTitle", "accDescr: x",
    "accDescr { multi", "50%% done", "%%{init: {}}%%", "a %% b", "%", "%%", "x: 5: y",
    "#1 priority", "fix;now", "&#59; entity", "line\nbreak", "soft\vbreak", "cr\rreturn",
    "tab\there", "\u2028sep", "   ", "\u3000\u3000", "\ufeffjourney", "-", "{}", "}%%",
])
def test_any_task_title_stays_one_task(title):
    store = store_with({"touchpoint:t1": title, "touchpoint:t4": title})
    check(store)
    task = parse(project_mermaid(store)).tasks[0]
    visible = task.name.replace(ZWSP, "")
    # keywords and words stay readable
    for word in ("review", "check", "mapping", "priority", "done", "break"):
        if word in title:
            assert word in visible


@pytest.mark.parametrize("name", ["Procurement, IT", "a,b,c", ",", "Buyer: lead",
                                  "%%comment", "#tag", "x;y", "section", "title Boss"])
def test_role_names_are_one_actor_each(name):
    store = store_with({"role:r1": name})
    check(store)
    d = parse(project_mermaid(store))
    assert len({t.people[0] for t in d.tasks}) == 2


@pytest.mark.parametrize("name", ["section", "title", "journey", "accTitle: x",
                                  "accDescr { y", "%% c", "a;b#c", "x: y", "\n", ""])
def test_journey_and_stage_names(name):
    store = store_with({"journey:j": name, "stage:s1": name, "stage:s2": "ok " + name})
    check(store)


def test_commas_and_keywords_read_as_written():
    store = store_with({"role:r1": "Procurement, IT", "touchpoint:t1": "Section review"})
    text = project_mermaid(store)
    assert "Procurement\u201a IT" in text
    d = parse(text)
    assert d.tasks[0].name == ZWSP + "Section review"
    assert d.tasks[0].people == ["Procurement\u201a IT"]


def test_several_journeys_make_one_valid_diagram_each():
    data = {**BASE, "journeys": [BASE["journeys"][0],
                                 {**BASE["journeys"][0], "id": "k", "name": "Other",
                                  "stages": [{"id": "k1", "name": "Only"}],
                                  "touchpoints": [{"id": "u1", "role": "r1", "stage": "k1",
                                                   "title": "e"}]}]}
    store = parse_project(data)
    assert is_markdown(store) and not is_markdown(store, "k")
    text = project_mermaid(store)
    # Markdown: a heading per journey and one complete, valid diagram per fenced block
    assert text.startswith("# Project\n") and "## Journey\n" in text and "## Other\n" in text
    blocks = markdown_blocks(text)
    assert len(blocks) == 2 and text.count("```mermaid") == 2
    first, second = (parse(b) for b in blocks)
    assert (first.title, first.sections) == ("Journey", ["One", "Two"])
    assert [t.name for t in first.tasks] == ["a", "b", "c", "d"]
    assert (second.title, second.sections) == ("Other", ["Only"])
    assert [t.name for t in second.tasks] == ["e"]
    # one journey asked for: that journey's own diagram
    assert parse(project_mermaid(store, "k")).title == "Other"


def test_the_checker_rejects_what_mermaid_rejects():
    # The checker would catch the old output: a keyword task, a %% title, two diagrams.
    with pytest.raises(MermaidSyntaxError):
        parse("journey\n    title x\n    section s\n      journey planning: 3: a\n")
    with pytest.raises(MermaidSyntaxError):
        parse("journey\n    title x\njourney\n    title y\n")
    d = parse("journey\n    title x\n    section s\n      Title check: 3: a\n")
    assert d.title == "check: 3: a" and d.tasks == []  # a task silently became the title
    d = parse("journey\n    section s\n      a%%b: 3: x\n")
    assert d.tasks == []  # the whole line became a comment
    assert parse("journey\n    section s\n      %x: 3: a\n").tasks == []  # so did this
    d = parse("journey\n    section s\n      t: 3: Procurement, IT\n")
    assert d.tasks[0].people == ["Procurement", "IT"]
    assert ("INVALID", ":") not in tokens("journey\n  a: 1: b\n")


# Text made of the pieces that matter to the grammar (and some that do not).
TEXT = st.lists(st.sampled_from(
    list("aZ %:;#,{}\n\r\t\v\x00\x1b-&") + ["section ", "title ", "journey", "accTitle",
                                            "accDescr", "%%", "\u2028", "\u3000", "\ufeff",
                                            "\ud800", "é", "調達"]), max_size=10).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["touchpoint:t1", "touchpoint:t2", "touchpoint:t3",
                                        "role:r1", "role:r2", "stage:s1", "journey:j"]),
                       TEXT))
def test_any_text_gives_a_valid_diagram(texts):
    store = store_with(texts)
    check(store)
    assert not math.isnan(parse(project_mermaid(store)).tasks[0].score)
