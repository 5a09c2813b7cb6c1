"""Jobs: import_file, snapshot, restore, rebalance and drain_worker, each a Job with wait(progress=...) and progress."""

from __future__ import annotations

import json
from typing import List

import numpy as np
import pytest

import vecshard

DIM = 8


def test_import_file_with_fields_and_progress(cluster, client: vecshard.Client, name: str) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(8)
    vectors = rng.normal(size=(3000, DIM)).astype(np.float32)
    folder = cluster.data_dir / "imports"
    folder.mkdir(exist_ok=True)
    np.save(folder / f"{name}.npy", vectors)
    (folder / f"{name}.jsonl").write_text("".join(json.dumps({"n": i}) + "\n" for i in range(3000)))
    client.create_collection(name, dim=DIM, index="IVF8,Flat", nprobe=8, fields={"n": "int64"})
    job = client.import_file(
        name, str(folder / f"{name}.npy"), fields_path=str(folder / f"{name}.jsonl"), first_id=100, batch_size=500
    )
    assert isinstance(job, vecshard.Job) and job.kind == "import" and job.collection == name
    seen: List[float] = []
    assert job.wait(progress=lambda j: seen.append(j.progress), timeout=120) is job
    assert job.state == "completed" and job.progress == 100 and seen[-1] == 100
    assert seen == sorted(seen)
    assert job.result is not None and job.finished_at_ms >= job.created_at_ms
    assert client.count(name) == 3000
    rows = client.get(name, [100, 3099], output_fields=["n"], with_vectors=True)
    assert rows.fields["n"].tolist() == [0, 2999]
    np.testing.assert_array_equal(rows.vectors, vectors[[0, 2999]])
    again = client.get_job(job.id)
    assert again.id == job.id and again.state == "completed" and again.progress == 100


def test_snapshot_and_restore(client: vecshard.Client, name: str, capsys: pytest.CaptureFixture) -> None:
    rng = np.random.default_rng(9)
    vectors = rng.normal(size=(500, DIM)).astype(np.float32)
    client.create_collection(name, dim=DIM, index="IVF4,Flat")
    client.train(name, vectors)
    client.upsert(name, np.arange(500), vectors)
    snapshot = client.snapshot(name).wait(progress=True, timeout=120)  # a bar (tqdm or a line on stderr)
    assert snapshot.state == "completed" and snapshot.kind == "snapshot"
    snapshot_id = snapshot.result["snapshotId"]
    assert [s.id for s in client.list_snapshots(name)] == [snapshot_id]
    assert client.delete(name, np.arange(100)) == 100
    assert client.count(name) == 400
    restore = client.restore(name, snapshot_id)
    assert restore.kind == "restore"
    restore.wait(timeout=120)
    assert client.count(name) == 500
    assert "snapshot" in capsys.readouterr().err


def test_progress_is_read_while_a_job_runs(client: vecshard.Client, name: str) -> None:
    vectors = np.random.default_rng(10).normal(size=(300, DIM)).astype(np.float32)
    client.create_collection(name, dim=DIM, index="IVF4,Flat")
    client.train(name, vectors)
    client.upsert(name, np.arange(300), vectors)
    job = client.snapshot(name)
    progress = job.progress
    assert 0 <= progress <= 100 and job.state in ("queued", "running", "completed")
    job.wait(timeout=120)
    assert job.progress == 100


def test_rebalance_and_drain_worker(client: vecshard.Client, name: str) -> None:
    vectors = np.random.default_rng(12).normal(size=(800, DIM)).astype(np.float32)
    client.create_collection(name, dim=DIM, index="IVF8,Flat", nprobe=8)
    client.train(name, vectors)
    client.upsert(name, np.arange(800), vectors)
    before = client.search(name, vectors[:20], k=5)

    rebalance = client.rebalance(name)
    assert rebalance.kind == "rebalance"
    rebalance.wait(timeout=120)
    assert rebalance.state == "completed"
    everything = client.rebalance()
    everything.wait(timeout=120)

    holder = client.get_collection(name).placement[-1].worker_id
    drain = client.drain_worker(holder)
    assert drain.kind == "drain"
    updates: List[str] = []
    drain.wait(progress=lambda j: updates.append(j.state), timeout=120)
    assert updates[-1] == "completed"
    assert all(shard.worker_id != holder for shard in client.get_collection(name).placement)
    after = client.search(name, vectors[:20], k=5)
    np.testing.assert_array_equal(after.ids, before.ids)


def test_train_from_file(cluster, client: vecshard.Client, name: str) -> None:  # type: ignore[no-untyped-def]
    sample = np.random.default_rng(13).normal(size=(400, DIM)).astype(np.float32)
    path = cluster.data_dir / "imports" / f"{name}.npy"
    path.parent.mkdir(exist_ok=True)
    np.save(path, sample)
    client.create_collection(name, dim=DIM, index="IVF4,Flat")
    job = client.train_from_file(name, str(path), limit=300)
    assert job.kind == "train"
    job.wait(timeout=120)
    assert client.get_collection(name).state == "ready"
    assert client.upsert(name, np.arange(400), sample) == 400
