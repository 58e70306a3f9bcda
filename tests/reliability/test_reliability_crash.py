"""Crash safety, CI subset: SIGKILL at random moments of an import, a Save As and a burst
of edits (see crash.py); the full run of ≥ 500 cycles is scripts/reliability/crash.py."""

from __future__ import annotations

import crash
import pytest
from evidence import count

CYCLES = count(10, 170)
# Killed saves leave their temporary file and its journal beside the target, and the next
# start does not remove them (issue 9, not merged). strict: the marker goes once fixed.
LITTER_PENDING: set[str] = set()


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, crash.CrashFigures]:
    out = {}
    for i, kind in enumerate(crash.KINDS):
        out[kind] = crash.run(CYCLES, tmp_path_factory.mktemp(kind), seed=i + 1, kinds=(kind,))
    return out


@pytest.mark.parametrize("kind", crash.KINDS)
def test_sigkill_leaves_a_complete_file_and_every_committed_edit(
        kind: str, results: dict[str, crash.CrashFigures]) -> None:
    fig = results[kind]
    assert fig.cycles == CYCLES
    # The kills must land inside the operation, or the test proves nothing.
    assert fig.killed_mid_way >= fig.cycles // 2
    assert (fig.unreadable, fig.lost_edits, fig.not_recovered) == (0, 0, 0), \
        "\n".join(fig.details)
    if kind == "edits":
        assert fig.recovered >= fig.cycles // 2


@pytest.mark.parametrize("kind", [
    pytest.param(k, marks=pytest.mark.xfail(strict=True, reason="issue 9, not merged"))
    if k in LITTER_PENDING else k for k in crash.KINDS])
def test_nothing_is_left_over_after_the_next_start(
        kind: str, results: dict[str, crash.CrashFigures]) -> None:
    fig = results[kind]
    assert fig.litter == 0, "\n".join(fig.details)
