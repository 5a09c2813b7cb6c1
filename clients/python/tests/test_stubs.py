"""The committed stubs match proto/, and were made by the protoc the runtime supports."""

from __future__ import annotations

import subprocess
from pathlib import Path

PYTHON_DIR = Path(__file__).resolve().parent.parent


def test_committed_stubs_match_the_proto() -> None:
    check = subprocess.run(
        ["bash", str(PYTHON_DIR / "scripts/generate-stubs.sh"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_stubs_were_generated_by_protoc_3_21_and_load_on_this_runtime() -> None:
    source = (PYTHON_DIR / "vecshard/v1/vecshard_pb2.py").read_text()
    assert "from google.protobuf.internal import builder" in source  # protoc ≥ 3.20's layout
    from google.protobuf import __version__ as runtime

    from vecshard.v1 import PROTOC_VERSION, vecshard_pb2, vecshard_pb2_grpc

    assert PROTOC_VERSION.startswith("3.21.")
    assert tuple(int(part) for part in runtime.split(".")[:2]) >= (4, 21)
    # proto3 `optional` (refused by python3-grpc-tools' protoc 3.5) works.
    bounds = vecshard_pb2.Range(field="price", lt=5)
    assert bounds.HasField("lt") and not bounds.HasField("gt")
    assert hasattr(vecshard_pb2_grpc, "VecshardStub")
    for stub in ("vecshard_pb2.pyi", "vecshard_pb2_grpc.pyi"):
        assert (PYTHON_DIR / "vecshard/v1" / stub).stat().st_size > 0


def test_only_the_public_proto_is_generated() -> None:
    generated = sorted(p.name for p in (PYTHON_DIR / "vecshard/v1").iterdir() if p.suffix in (".py", ".pyi"))
    assert generated == [
        "__init__.py",
        "vecshard_pb2.py",
        "vecshard_pb2.pyi",
        "vecshard_pb2_grpc.py",
        "vecshard_pb2_grpc.pyi",
    ]
