"""Dot voting without Qt: remaining dots come from the store, refusals change nothing."""

from __future__ import annotations

import pytest

from journeymap.analysis.scoring import rank
from journeymap.model import edits
from journeymap.model.edits import EditError
from journeymap.model.templates import load_template
from journeymap.model.voting import (
    NoDotsLeft,
    TargetNotOpen,
    VoteOn,
    VotingRound,
    clear_votes,
    numbered_participants,
    parse_participants,
)


@pytest.fixture
def store():
    s = load_template("b2b-procurement", "en")
    s.apply(clear_votes(s).changes)  # the template ships example votes
    assert s.votes() == []
    return s


def test_parse_and_number_participants() -> None:
    assert parse_participants("Aiko\n Ben  \n\nChen、Dana, Eve") == [
        "Aiko", "Ben", "Chen", "Dana", "Eve"]
    with pytest.raises(ValueError):
        parse_participants("Aiko\nAiko")
    with pytest.raises(ValueError):
        parse_participants("  \n ")
    assert numbered_participants(3, "参加者 %1") == ["参加者 1", "参加者 2", "参加者 3"]
    with pytest.raises(ValueError):
        numbered_participants(0)


def test_round_validates() -> None:
    with pytest.raises(ValueError):
        VotingRound([])
    with pytest.raises(ValueError):
        VotingRound(["A", "A"])
    with pytest.raises(ValueError):
        VotingRound(["A"], dots=0)
    r = VotingRound(["A", "B"], vote_on="pains")
    assert r.vote_on is VoteOn.PAINS and r.dots == 5 and r.hide_totals


def test_remaining_dots_follow_the_store_and_undo(store) -> None:
    r = VotingRound(["A", "B"], dots=2)
    assert r.remaining(store) == 2
    e1 = r.vote(store, "p_ent_ack_slow")
    store.apply(e1.changes)
    e2 = r.vote(store, "p_ent_invoice_hold")
    store.apply(e2.changes)
    assert r.remaining(store) == 0 and r.remaining(store, "B") == 2
    before = store.snapshot()
    with pytest.raises(NoDotsLeft):
        r.vote(store, "p_ent_wear")
    assert store.snapshot() == before
    store.apply(e2.inverse().changes)          # undo gives the dot back
    assert r.remaining(store) == 1
    assert r.last_vote(store).target == "p_ent_ack_slow"
    take = r.take_back(store)
    store.apply(take.changes)
    assert r.remaining(store) == 2
    with pytest.raises(EditError):
        r.take_back(store)


def test_targets_open_by_kind(store) -> None:
    pains = VotingRound(["A"], vote_on=VoteOn.PAINS)
    actions = VotingRound(["A"], vote_on=VoteOn.ACTIONS)
    assert pains.is_open(store, "p_ent_ack_slow") and not pains.is_open(store, "a_order_ack")
    assert actions.is_open(store, "a_order_ack") and not actions.is_open(store, "p_ent_wear")
    with pytest.raises(TargetNotOpen):
        pains.vote(store, "a_order_ack")
    with pytest.raises(EditError):
        pains.vote(store, "nonexistent")
    journey = store.journeys()[0].id
    kinds = {k for k, _ in VotingRound(["A"]).targets(store, journey)}
    assert kinds == {"pain", "action"}
    assert all(k == "pain" for k, _ in pains.targets(store, journey))
    # A dropped action is not open.
    store.apply(edits.set_fields(store, "action", "a_order_ack", status="dropped").changes)
    assert not actions.is_open(store, "a_order_ack")
    assert ("action", "a_order_ack") not in actions.targets(store, journey)


def test_totals_and_progress(store) -> None:
    r = VotingRound(["A", "B", "C"], dots=3)
    for who, target in [("A", "p_ent_wear"), ("B", "p_ent_wear"), ("C", "a_order_ack"),
                        ("A", "a_order_ack"), ("B", "p_ent_wear")]:
        store.apply(r.vote(store, target, who).changes)
    totals = r.totals(store)
    assert [(t.target, t.votes) for t in totals] == [("p_ent_wear", 3), ("a_order_ack", 2)]
    assert totals[0].by_participant == (("A", 1), ("B", 2))
    assert totals[0].kind == "pain" and totals[1].kind == "action"
    assert r.progress(store) == [("A", 2), ("B", 2), ("C", 1)]
    assert r.next_participant() == "B" and r.previous_participant() == "A"
    assert r.previous_participant() == "C"


def test_votes_feed_the_ranking(store) -> None:
    journey = store.journeys()[0].id
    before = [(x.type, x.id) for x in rank(store, journey).rows]
    r = VotingRound(["A", "B", "C"], dots=5, vote_on=VoteOn.PAINS)
    # every dot on one low-ranked unaddressed pain point
    pains = rank(store, journey).pains
    target = pains[len(pains) // 2]
    for who in r.participants:
        for _ in range(5):
            store.apply(r.vote(store, target.id, who).changes)
    after = rank(store, journey)
    assert [(x.type, x.id) for x in after.rows] != before
    voted = next(x for x in after.pains if x.id == target.id)
    # the only voted pain: vote factor 1 + vote_weight × 15/15
    assert voted.votes == 15
    assert voted.priority == pytest.approx(target.priority * (1 + store.vote_weight))
    assert after.pains.index(voted) < len(pains) // 2


def test_delete_pain_removes_its_votes_and_undo_restores_them(store) -> None:
    r = VotingRound(["A", "B"])
    for who in ("A", "B"):
        store.apply(r.vote(store, "p_ent_ack_slow", who).changes)
    before = store.snapshot()
    d = edits.delete(store, "pain_point", ["p_ent_ack_slow"])
    store.apply(d.changes)
    assert store.vote_count("p_ent_ack_slow") == 0 and r.remaining(store, "A") == 5
    store.apply(d.inverse().changes)
    assert store.snapshot() == before and store.vote_count("p_ent_ack_slow") == 2


def test_clear_votes(store) -> None:
    r = VotingRound(["A", "B"])
    store.apply(r.vote(store, "p_ent_wear", "A").changes)
    store.apply(r.vote(store, "p_ent_wear", "B").changes)
    store.apply(clear_votes(store, ["A"]).changes)
    assert [v.participant for v in store.votes()] == ["B"]
    assert clear_votes(store, ["Z"]).empty
