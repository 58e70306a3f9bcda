"""The room's rules without a server or Qt: identity, limits, rounds, persistence, edits."""

from __future__ import annotations

import json

import pytest

from journeymap.model.edits import EditError
from journeymap.room.journal import has_content, read_journal, write_journal
from journeymap.room.state import Limits, RoomRefused, RoomState, Suggestion
from journeymap.room.view import build_view, round_edit, suggestion_edit


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def room(store, events=None, **kw) -> RoomState:
    st = RoomState(events.append if events is not None else None, **kw)
    st.set_view(build_view(store, "soe", None, "Which pain hurts most?"))
    return st


def test_view_shows_the_stage_cards_per_role_and_the_targets(store) -> None:
    v = build_view(store, "soe", None, "Ask")
    assert v["stage"]["name"] == store.stages("soe")[0].name
    assert [c["id"] for c in v["cards"]] == ["t2", "t1"]        # lane order
    assert {p["id"] for c in v["cards"] for p in c["pains"]} == {"p1", "p2", "p3"}
    assert [t["id"] for t in v["targets"]] == ["p1", "p3", "p2", "a1", "a2"]
    assert [t["id"] for t in build_view(store, "soe", None, vote_on="actions")["targets"]] \
        == ["a1", "a2"]


def test_join_gives_a_key_and_rejoining_needs_it(store) -> None:
    events: list = []
    st = room(store, events)
    name, key = st.join("  Aiko   Tanaka ", None)
    assert name == "Aiko Tanaka"
    assert st.who(key) == "Aiko Tanaka"
    assert st.join("Aiko Tanaka", key) == (name, key)       # the phone slept: same person
    with pytest.raises(RoomRefused) as e:
        st.join("Aiko Tanaka", "guessed")                    # someone else, same name
    assert e.value.code == "name_taken" and e.value.status == 409
    with pytest.raises(RoomRefused):
        st.who("guessed")
    assert [ev.kind for ev in events] == ["join"]           # a rejoin is no new participant
    assert st.join(None, None)[0] == "P1" and st.join(None, None)[0] == "P2"


@pytest.mark.parametrize("bad", ["", "   ", "x" * 61, "a\x00b", "tab\x07", 42, None])
def test_bad_names_are_refused(store, bad) -> None:
    st = room(store)
    with pytest.raises(RoomRefused) as e:
        st.join(bad if bad is not None else [], None)
    assert e.value.code == "bad_name"
    assert st.participants() == []


def test_dots_up_to_the_limit_on_known_targets_only(store) -> None:
    st = room(store)
    me, _ = st.join("Ken", None)
    with pytest.raises(RoomRefused) as e:
        st.vote(me, "p1")
    assert e.value.code == "no_round"
    st.start_round(2)
    assert st.vote(me, "p1") == 1
    assert st.vote(me, "a2") == 0
    with pytest.raises(RoomRefused) as e:
        st.vote(me, "p2")
    assert e.value.code == "no_dots" and "2 dots" in e.value.message
    for bad in ("p99", "t1", "", None, ["p1"], {"id": "p1"}):
        with pytest.raises(RoomRefused) as e:
            st.vote(me, bad)
        assert e.value.code in ("unknown_target", "no_dots")
    assert st.unvote(me, "p1") == 1
    with pytest.raises(RoomRefused) as e:
        st.unvote(me, "p1")
    assert e.value.code == "no_dot_there"
    assert st.round_dots() == [("Ken", "a2")]
    state = st.state_for(me)
    assert state["round"]["mine"] == {"a2": 1} and state["round"]["totals"] is None
    st.set_show_totals(True)
    assert st.state_for(me)["round"]["totals"] == {"a2": 1}


def test_end_round_returns_every_dot_in_join_order_and_closes(store) -> None:
    st = room(store)
    a, _ = st.join("A", None)
    b, _ = st.join("B", None)
    st.start_round(3)
    st.vote(b, "p3")
    st.vote(a, "p1")
    st.vote(a, "p1")
    assert st.end_round() == [("A", "p1"), ("A", "p1"), ("B", "p3")]
    assert not st.round_open
    with pytest.raises(RoomRefused):
        st.vote(a, "p1")


def test_rate_limits_per_participant(store) -> None:
    clock = Clock()
    st = room(store, limits=Limits(act=(3, 1.0), suggest=(2, 0.5), join=(2, 1.0)), clock=clock)
    st.join("A", None, "10.0.0.5")
    st.join("B", None, "10.0.0.5")
    with pytest.raises(RoomRefused) as e:
        st.join("C", None, "10.0.0.5")
    assert e.value.status == 429
    st.join("C", None, "10.0.0.6")                      # another phone is not slowed down
    st.start_round(10)
    for _ in range(3):
        st.vote("A", "p1")
    with pytest.raises(RoomRefused) as e:
        st.vote("A", "p1")
    assert e.value.code == "slow_down"
    st.vote("B", "p1")                                  # B has a bucket of their own
    clock.now += 1.0
    st.vote("A", "p1")                                  # refilled
    for _ in range(2):
        st.suggest("A", "t1", "comment", "hello")
    with pytest.raises(RoomRefused):
        st.suggest("A", "t1", "comment", "hello")
    assert len(st.pending()) == 2


@pytest.mark.parametrize("card,kind,title,severity,code", [
    ("t1", "pain", "", 3, "bad_title"),
    ("t1", "pain", "x" * 201, 3, "bad_title"),
    ("t1", "pain", "ok", 0, "bad_severity"),
    ("t1", "pain", "ok", 6, "bad_severity"),
    ("t1", "pain", "ok", "3", "bad_severity"),
    ("t1", "pain", "ok", True, "bad_severity"),
    ("t1", "pain", ["x"], 3, "bad_title"),
    ("t1", "idea", "ok", 3, "bad_kind"),
    ("t9", "pain", "ok", 3, "unknown_card"),
    (["t1"], "pain", "ok", 3, "unknown_card"),
    ("t1", "comment", "y" * 1001, None, "bad_title"),
])
def test_bad_suggestions_are_refused_and_nothing_is_kept(store, card, kind, title, severity,
                                                         code) -> None:
    events: list = []
    st = room(store, events)
    st.join("A", None)
    with pytest.raises(RoomRefused) as e:
        st.suggest("A", card, kind, title, severity)
    assert e.value.code == code
    assert st.pending() == [] and [ev.kind for ev in events] == ["join"]


def test_xss_text_is_kept_as_text(store) -> None:
    st = room(store)
    probe = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    name, _ = st.join(probe, None)
    s = st.suggest(name, "t1", "pain", probe, 4)
    assert s.title == probe and s.participant == probe
    text = json.dumps(st.state_for(name))
    assert json.loads(text)["pending"][0]["title"] == probe


def test_dump_and_restore_keep_people_pending_and_dots(store, tmp_path) -> None:
    st = room(store)
    a, key = st.join("A", None)
    st.suggest(a, "t1", "pain", "Too many forms", 4)
    st.start_round(5)
    st.vote(a, "p1")
    write_journal(tmp_path, st.dump())
    data = read_journal(tmp_path)
    assert has_content(data)
    again = room(store)
    again.restore(data)
    assert again.join("A", key)[0] == "A"               # the old key still works
    assert [s.title for s in again.pending()] == ["Too many forms"]
    assert again.round_dots() == [("A", "p1")]
    assert again.suggest("A", "t1", "comment", "new").id == "s2"   # ids do not repeat
    with pytest.raises(ValueError):
        again.restore({"participants": [{"nom": 1}]})
    assert not list(tmp_path.glob("*.tmp"))


def test_round_edit_is_one_step_of_vote_rows(store) -> None:
    before = len(store.votes())
    edit, skipped = round_edit(store, [("A", "p1"), ("B", "p1"), ("B", "a2"), ("C", "gone")])
    assert skipped == 1
    store.apply(list(edit.changes))
    new = store.votes()[before:]
    assert [(v.participant, v.target) for v in new] == [("A", "p1"), ("B", "p1"), ("B", "a2")]
    assert len({v.id for v in store.votes()}) == len(store.votes())
    store.apply(list(edit.inverse().changes))
    assert len(store.votes()) == before


def test_accepted_suggestion_names_the_participant(store) -> None:
    edit = suggestion_edit(store, Suggestion("s1", "Aiko", "t1", "pain", "Slow reply", 4))
    store.apply(list(edit.changes))
    pain = store.get("pain_point", edit.subject)
    assert (pain.title, pain.severity, pain.touchpoint) == ("Slow reply", 4, "t1")
    assert "Aiko" in pain.evidence
    edit = suggestion_edit(store, Suggestion("s2", "Ken", "t1", "comment", "Call first"))
    store.apply(list(edit.changes))
    assert store.get("touchpoint", "t1").description.endswith("Ken: Call first")
    with pytest.raises(EditError):
        suggestion_edit(store, Suggestion("s3", "Ken", "t404", "pain", "x", 3))
