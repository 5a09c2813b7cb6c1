"""Every error type, raised by a real cluster (or by the client before sending), with its status name and message."""

from __future__ import annotations

import socket
import tempfile
from pathlib import Path

import numpy as np
import pytest

import vecshard

DIM = 8


@pytest.fixture(scope="module")
def trained(cluster) -> str:  # type: ignore[no-untyped-def]
    with vecshard.Client(cluster.address, timeout=120, env={}) as client:
        client.create_collection("errors", dim=DIM, index="IVF4,Flat", fields={"price": "double"})
        vectors = np.random.default_rng(3).normal(size=(400, DIM)).astype(np.float32)
        client.train("errors", vectors)
        client.upsert("errors", np.arange(400), vectors)
    return "errors"


def test_not_found(client: vecshard.Client) -> None:
    with pytest.raises(vecshard.NotFound) as caught:
        client.get_collection("no_such_collection")
    assert caught.value.code == "NOT_FOUND" and "no_such_collection" in caught.value.message
    assert str(caught.value).startswith("GetCollection: NOT_FOUND: ")
    with pytest.raises(vecshard.NotFound):
        client.search("no_such_collection", np.zeros(DIM), k=1)
    with pytest.raises(vecshard.NotFound):
        client.drop_collection("no_such_collection")
    with pytest.raises(vecshard.NotFound):
        client.get_job("424242")


def test_already_exists(client: vecshard.Client, trained: str) -> None:
    with pytest.raises(vecshard.AlreadyExists) as caught:
        client.create_collection(trained, dim=DIM, index="IVF4,Flat")
    assert caught.value.code == "ALREADY_EXISTS"


def test_invalid_argument_from_the_client_before_sending(client: vecshard.Client, trained: str) -> None:
    with pytest.raises(vecshard.InvalidArgument, match=r"dimension 5, but the collection \"errors\" has dim 8"):
        client.search(trained, np.zeros((2, 5), dtype=np.float32))
    with pytest.raises(vecshard.InvalidArgument, match="must be real numbers"):
        client.upsert(trained, [1], [["a"] * DIM])
    with pytest.raises(vecshard.InvalidArgument, match="2 ids but 3 vectors"):
        client.upsert(trained, [1, 2], np.zeros((3, DIM)))
    with pytest.raises(vecshard.InvalidArgument, match="unique"):
        client.upsert(trained, [1, 1], np.zeros((2, DIM)))
    with pytest.raises(vecshard.InvalidArgument, match='no field "colour"'):
        client.upsert(trained, [1], np.zeros((1, DIM)), fields={"colour": ["red"]})
    with pytest.raises(vecshard.InvalidArgument, match=r'field "price" \(double\), row 1: expected a number'):
        client.upsert(trained, [1, 2], np.zeros((2, DIM)), fields={"price": [1.0, "2"]})
    with pytest.raises(vecshard.InvalidArgument, match="unknown metric"):
        client.create_collection("x", dim=4, metric="hamming", index="IVF4,Flat")
    with pytest.raises(vecshard.InvalidArgument, match="unknown type 'text'"):
        client.create_collection("x", dim=4, index="IVF4,Flat", fields={"body": "text"})
    assert client.count(trained) == 400  # nothing was sent


def test_invalid_argument_from_the_server(client: vecshard.Client, trained: str) -> None:
    with pytest.raises(vecshard.InvalidArgument) as caught:
        client.search(trained, np.zeros(DIM), k=5000)
    assert caught.value.code == "INVALID_ARGUMENT" and "k must be between 1 and" in caught.value.message
    with pytest.raises(vecshard.InvalidArgument):
        client.search(trained, np.zeros(DIM), filter="price <<< 3")
    with pytest.raises(vecshard.InvalidArgument):
        client.create_collection("bad name!", dim=4, index="IVF4,Flat")


def test_failed_precondition(client: vecshard.Client, name: str) -> None:
    client.create_collection(name, dim=DIM, index="IVF4,Flat")
    with pytest.raises(vecshard.FailedPrecondition) as caught:
        client.upsert(name, [1], np.zeros((1, DIM)))
    assert caught.value.code == "FAILED_PRECONDITION" and caught.value.message
    with pytest.raises(vecshard.FailedPrecondition):
        client.search(name, np.zeros(DIM))


def test_permission_denied_for_a_path_outside_the_import_roots(client: vecshard.Client, trained: str) -> None:
    with tempfile.TemporaryDirectory(prefix="outside-") as outside:
        path = Path(outside) / "base.npy"
        np.save(path, np.zeros((4, DIM), dtype=np.float32))
        with pytest.raises(vecshard.PermissionDenied) as caught:
            client.import_file(trained, str(path))
    assert caught.value.code == "PERMISSION_DENIED" and str(path) in caught.value.message


def test_resource_exhausted_for_a_message_over_the_limit(address: str, trained: str) -> None:
    with vecshard.Client(address, max_message_bytes=8192, env={}) as small:
        small.get_collection(trained)
        with pytest.raises(vecshard.ResourceExhausted) as caught:
            small.search(trained, np.zeros((1000, DIM), dtype=np.float32), k=1)  # 32 kB of queries
    assert caught.value.code == "RESOURCE_EXHAUSTED"


def test_deadline_exceeded(address: str, trained: str) -> None:
    with vecshard.Client(address, timeout=1e-6, env={}) as hasty, pytest.raises(vecshard.DeadlineExceeded) as caught:
        hasty.list_collections()
    assert caught.value.code == "DEADLINE_EXCEEDED"


def test_unavailable_when_nothing_listens() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with vecshard.Client(f"127.0.0.1:{port}", retries=1, timeout=10, env={}) as client:
        with pytest.raises(vecshard.Unavailable) as caught:
            client.list_collections()
    assert caught.value.code == "UNAVAILABLE"


def test_every_error_is_a_vecshard_error() -> None:
    for cls in (
        vecshard.NotFound,
        vecshard.InvalidArgument,
        vecshard.FailedPrecondition,
        vecshard.Unavailable,
        vecshard.PermissionDenied,
        vecshard.Unauthenticated,
        vecshard.ResourceExhausted,
        vecshard.DeadlineExceeded,
        vecshard.AlreadyExists,
        vecshard.JobFailed,
    ):
        assert issubclass(cls, vecshard.VecshardError)
