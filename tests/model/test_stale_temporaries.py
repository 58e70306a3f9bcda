"""A killed writer's temporary file is removed by the next write of the same target; a
live writer's is left alone (it holds a lock on it while it fills it)."""

from __future__ import annotations

import subprocess
import sys

from journeymap.model.document import atomic_path


def test_a_killed_writers_temporary_file_goes_with_the_next_write(tmp_path):
    target = tmp_path / "project.jmap"
    target.write_bytes(b"old")
    left = tmp_path / ".project.jmap.abc123.tmp"     # as a SIGKILLed save leaves it
    left.write_bytes(b"half")
    (tmp_path / ".project.jmap.abc123.tmp-journal").write_bytes(b"j")
    with atomic_path(target) as tmp:
        tmp.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project.jmap"]


def test_a_live_writers_temporary_file_is_kept(tmp_path):
    target = tmp_path / "project.jmap"
    target.write_bytes(b"old")
    busy = tmp_path / ".project.jmap.live42.tmp"
    busy.write_bytes(b"being written")
    # Another process holds the writer's lock, as a save in progress does.
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import fcntl, os, sys, time; fd = os.open(sys.argv[1], os.O_RDWR); "
         "fcntl.flock(fd, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(30)",
         str(busy)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with atomic_path(target) as tmp:
            tmp.write_bytes(b"new")
        assert busy.read_bytes() == b"being written"
        assert target.read_bytes() == b"new"
    finally:
        holder.kill()
        holder.wait()
