#!/usr/bin/python3
"""Write the MD5s that DVC records for a few file contents, for DvcPointerTest.

DVC 3 records `hash: md5`, the MD5 of the bytes as they are. DVC 2 (and DVC 3 for files it
tracked before) records `md5-dos2unix`: when the first 512 bytes of the file look like text,
every CRLF in each 1 MiB chunk read is replaced by LF before hashing. This file follows
dvc-data's hashfile/hash.py (HashStreamFile, fobj_md5 with chunk_size 2**20, dos2unix) and
istextfile.py (istextblock) line by line; DVC itself is not packaged in Debian.

Writes modeltest-core/src/test/resources/golden/dvc-md5.csv: case,md5,md5_dos2unix.
The contents are rebuilt by the same recipes in DvcPointerTest.

  /usr/bin/python3 scripts/golden/make_dvc_md5_golden.py
"""

import hashlib
import io
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUT = REPO / "modeltest-core" / "src" / "test" / "resources" / "golden" / "dvc-md5.csv"

TEXT_CHARS = bytes(range(32, 127)) + b"\n\r\t\f\b"
DEFAULT_CHUNK_SIZE = 512


def istextblock(block):
    if not block:
        return True
    if b"\x00" in block:
        return False
    nontext = block.translate(None, TEXT_CHARS)
    return float(len(nontext)) / len(block) <= 0.30


def dvc_md5(data, dos2unix):
    stream = io.BytesIO(data)
    hasher = hashlib.md5()
    is_text = None if dos2unix else False
    while True:
        chunk = stream.read(2**20)
        if not chunk:
            break
        if is_text is None:
            is_text = istextblock(chunk[:DEFAULT_CHUNK_SIZE])
        hasher.update(chunk.replace(b"\r\n", b"\n") if is_text else chunk)
    return hasher.hexdigest()


CASES = {
    "crlf-text": b"sepal_length,species\r\n5.1,setosa\r\n4.9,setosa\r\n",
    "lf-text": b"a,b\n1,2\n",
    "binary-with-nul": bytes(range(256)) * 4 + b"\r\n",
    "mostly-high-bytes": b"\xe9" * 200 + b"\r\n" * 10,
    "chunk-boundary": b"x" * (2**20 - 1) + b"\r\n" + b"y\r\n",
    "empty": b"",
}


def main():
    lines = ["case,md5,md5_dos2unix"]
    for name, data in CASES.items():
        lines.append(f"{name},{dvc_md5(data, False)},{dvc_md5(data, True)}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(REPO)}: {len(CASES)} cases")


if __name__ == "__main__":
    main()
