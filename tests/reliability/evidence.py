"""Run sizes of the evidence suites: small counts in the normal test run, the full counts with
``JOURNEYMAP_RELIABILITY=full`` (what scripts/reliability/run_all.py sets).

Hypothesis profiles: ``ci`` (a few hundred examples) and ``full`` (10,000 examples per
property, 10,000 state-machine steps)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings

FULL = os.environ.get("JOURNEYMAP_RELIABILITY") == "full"

# The CI profile does not shrink: a failure shows its first example at once.
settings.register_profile("reliability-ci", max_examples=300, deadline=None, derandomize=True,
                          suppress_health_check=list(HealthCheck), database=None,
                          phases=[Phase.explicit, Phase.reuse, Phase.generate])
settings.register_profile("reliability-full", max_examples=10_000, deadline=None,
                          suppress_health_check=list(HealthCheck), database=None)


def profile() -> settings:
    return settings.get_profile("reliability-full" if FULL else "reliability-ci")


def count(ci: int, full: int) -> int:
    """A size for this run: ``ci`` in the normal test run, ``full`` in the full one
    (``JOURNEYMAP_RELIABILITY_SCALE`` multiplies the CI count for a middle run)."""
    if FULL:
        return full
    return int(ci * float(os.environ.get("JOURNEYMAP_RELIABILITY_SCALE", "1")))
