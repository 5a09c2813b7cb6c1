"""The asyncio client: the same methods, and many calls in flight answering as the sync client does."""

from __future__ import annotations

import asyncio
import inspect

import numpy as np
import pytest

import vecshard

DIM = 12


def test_the_async_client_has_every_method_of_the_sync_one() -> None:
    public = lambda cls: {n for n, v in vars(cls).items() if not n.startswith("_") and callable(v)}  # noqa: E731
    assert public(vecshard.Client) == public(vecshard.AsyncClient)
    for method in public(vecshard.Client) - {"close", "query"}:
        sync = inspect.signature(getattr(vecshard.Client, method))
        asynchronous = inspect.signature(getattr(vecshard.AsyncClient, method))
        assert list(sync.parameters) == list(asynchronous.parameters), method
        assert inspect.iscoroutinefunction(getattr(vecshard.AsyncClient, method)), method
    assert inspect.isasyncgenfunction(vecshard.AsyncClient.query)


def test_every_method_and_concurrent_searches_equal_sync(address: str, name: str) -> None:
    rng = np.random.default_rng(5)
    vectors = rng.normal(size=(2000, DIM)).astype(np.float32)
    queries = rng.normal(size=(32, DIM)).astype(np.float32)
    colors = np.array(["red", "blue"])[rng.integers(0, 2, 2000)]

    async def main() -> tuple:
        async with vecshard.AsyncClient(address, timeout=120, env={}) as client:
            info = await client.create_collection(
                name, dim=DIM, index="IVF8,Flat", nprobe=3, fields={"color": "keyword"}
            )
            assert info.state == "created"
            assert (await client.train(name, vectors)).state == "ready"
            seen = []
            assert (
                await client.upsert(
                    name,
                    np.arange(2000),
                    vectors,
                    fields={"color": colors},
                    batch_size=500,
                    concurrency=2,
                    progress=lambda d, t: seen.append(d),
                )
                == 2000
            )
            assert sorted(seen) == [500, 1000, 1500, 2000]
            assert (await client.get_collection(name)).vectors == 2000
            assert name in [c.name for c in await client.list_collections()]
            assert await client.count(name, "color == 'red'") == int((colors == "red").sum())
            rows = await client.get(name, [3, 4], output_fields=["color"], with_vectors=True)
            np.testing.assert_array_equal(rows.vectors, vectors[3:5])
            pages = [page async for page in client.query(name, "color == 'blue'", page_size=300)]
            assert np.concatenate([p.ids for p in pages]).tolist() == np.flatnonzero(colors == "blue").tolist()
            # many searches in flight at once over the one channel
            many = await asyncio.gather(
                *(client.search(name, q, k=7, filter="color == 'red'", output_fields=["color"]) for q in queries)
            )
            batch = await client.search(name, queries, k=7, filter="color == 'red'")
            status = await client.cluster_status()
            assert len(status.workers) == 2
            job = await client.snapshot(name)
            assert isinstance(job, vecshard.AsyncJob)
            await job.wait(timeout=120)
            assert job.state == "completed" and job.progress == 100
            assert len(await client.list_snapshots(name)) == 1
            assert await client.delete(name, [0, 1]) == 2
            assert await client.delete(name, filter="color == 'red'") == int((colors[2:] == "red").sum())
            with pytest.raises(vecshard.NotFound):
                await client.get_collection(name + "_missing")
            return many, batch

    many, batch = asyncio.run(main())
    # one query at a time against the whole batch in one call: the same neighbours (distances
    # within float rounding: FAISS computes a batch with BLAS)
    np.testing.assert_array_equal(np.vstack([result.ids for result in many]), batch.ids)
    np.testing.assert_allclose(np.vstack([result.distances for result in many]), batch.distances, rtol=1e-5)
    assert all(set(r.fields["color"].ravel().tolist()) == {"red"} for r in many)


def test_concurrent_async_searches_equal_the_sync_client(address: str, name: str) -> None:
    rng = np.random.default_rng(6)
    vectors = rng.normal(size=(1500, DIM)).astype(np.float32)
    queries = rng.normal(size=(48, DIM)).astype(np.float32)
    with vecshard.Client(address, timeout=120, env={}) as client:
        client.create_collection(name, dim=DIM, index="IVF8,Flat", nprobe=2)
        client.train(name, vectors)
        client.upsert(name, np.arange(1500), vectors)
        expected = [client.search(name, q, k=10) for q in queries]

    async def main() -> list:
        async with vecshard.AsyncClient(address, timeout=120, env={}) as client:
            return await asyncio.gather(*(client.search(name, q, k=10) for q in queries))

    got = asyncio.run(main())
    for want, have in zip(expected, got):
        np.testing.assert_array_equal(have.ids, want.ids)
        np.testing.assert_array_equal(have.distances, want.distances)
