"""Library tests run against a real PostgreSQL 15 server (no mocks of the database):
a throwaway cluster for the session (benchmarks/pg_cluster.py). A server that cannot
start fails the tests loudly; nothing is skipped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from benchmarks.pg_cluster import Cluster, ClusterError, throwaway_cluster


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    try:
        with throwaway_cluster() as cluster:
            yield cluster
    except ClusterError as e:
        pytest.fail(str(e))


@pytest.fixture
def library_url(pg_cluster: Cluster, request: pytest.FixtureRequest) -> str:
    """A fresh, initialised library database; the URL of its superuser."""
    from journeymap.model.library.projects import Library

    name = pg_cluster.fresh_db("lib_" + request.node.name.lower()[:40].replace("[", "_")
                               .replace("]", "").replace("-", "_"))
    url = pg_cluster.url(db=name)
    Library.init(url)
    pg_cluster.psql("GRANT journeymap_editor TO alice, bob; GRANT journeymap_viewer TO victor")
    return url


@pytest.fixture
def user_url(pg_cluster: Cluster, library_url: str):
    """``user_url('alice')``: the library URL for a login role."""
    db = library_url.rsplit("/", 1)[1]
    return lambda user: pg_cluster.url(user, db)
