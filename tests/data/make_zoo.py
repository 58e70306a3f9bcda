"""Regenerate the damaged-file zoo and the schema-version-1, -2 and -3 samples in tests/data/.

Run from the repository root: ``python tests/data/make_zoo.py``. The files are
committed; this script documents how each was made."""

from __future__ import annotations

import sqlite3
import struct
import zlib
from pathlib import Path

from journeymap.model.document import write_store_file
from journeymap.model.jsonio import read_json_file

HERE = Path(__file__).parent


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = b"\x00\xff\x00\x00" * 1
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def main() -> None:
    store = read_json_file(HERE / "small.json")
    (HERE / "zoo").mkdir(exist_ok=True)
    zoo = HERE / "zoo"
    (zoo / "empty.jmap").write_bytes(b"")
    (zoo / "random.jmap").write_bytes(bytes((i * 7919 + 13) % 256 for i in range(4096)))
    (zoo / "picture.jmap").write_bytes(png_bytes())
    other = zoo / "other-app.jmap"
    other.unlink(missing_ok=True)
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    conn.execute("INSERT INTO notes (text) VALUES ('not a journey map')")
    conn.commit()
    conn.close()
    good = HERE / "good.jmap"
    write_store_file(store, good)
    data = good.read_bytes()
    (zoo / "truncated.jmap").write_bytes(data[: len(data) // 3])
    newer = zoo / "newer.jmap"
    newer.write_bytes(data)
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    # Schema version 3: without version 4's survey_label table.
    # Schema version 2: also without version 3's persona table and variant_of columns.
    # Schema version 1: as the first release wrote it (also no meta table).
    for version in (3, 2, 1):
        sample = HERE / f"v{version}-sample.jmap"
        sample.write_bytes(data)
        conn = sqlite3.connect(sample)
        conn.execute("DROP TABLE survey_label")
        if version <= 2:
            conn.execute("DROP TABLE persona")
            conn.execute("ALTER TABLE journey DROP COLUMN variant_of")
            conn.execute("ALTER TABLE stage DROP COLUMN variant_of")
        if version == 1:
            conn.execute("DROP TABLE meta")
        conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()
        conn.execute("VACUUM")
        conn.close()
    good.unlink()


if __name__ == "__main__":
    main()
