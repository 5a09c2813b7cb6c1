"""Every method of the sync client against a real cluster."""

from __future__ import annotations

from typing import Dict, List

import numpy as np
import pytest

import vecshard

DIM = 16
N = 1200
FIELDS = {
    "color": "keyword",
    "price": "double",
    "year": "int64",
    "sale": "bool",
    "tags": "keywords",
    "meta": "json",
}


def data(n: int = N, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(8, DIM)).astype(np.float32) * 4
    return centres[rng.integers(0, 8, n)] + rng.normal(size=(n, DIM)).astype(np.float32)


def field_values(n: int = N) -> Dict[str, list]:
    i = np.arange(n)
    return {
        "color": np.where(i % 3 == 0, "red", np.where(i % 3 == 1, "green", "blue")).tolist(),
        "price": [None if j % 10 == 9 else float(j % 100) for j in range(n)],
        "year": (2000 + i % 25).tolist(),
        "sale": [bool(j % 2) for j in range(n)],
        "tags": [["even"] if j % 2 == 0 else ["odd", "x"] for j in range(n)],
        "meta": [{"row": j} if j % 5 == 0 else None for j in range(n)],
    }


@pytest.fixture(scope="module")
def shop(cluster) -> str:  # type: ignore[no-untyped-def]
    """A trained collection of N rows with every field type."""
    with vecshard.Client(cluster.address, timeout=120, env={}) as client:
        info = client.create_collection("client_shop", dim=DIM, index="IVF8,Flat", nprobe=8, fields=FIELDS)
        assert info.state == "created" and info.fields == FIELDS
        vectors = data()
        assert client.train("client_shop", vectors).state == "ready"
        assert client.upsert("client_shop", np.arange(N), vectors, fields=field_values()) == N
    return "client_shop"


def test_create_get_list_and_drop(client: vecshard.Client, name: str) -> None:
    info = client.create_collection(
        name,
        dim=8,
        metric="cosine",
        index="IVF4,Flat",
        nprobe=2,
        replication_factor=2,
        fields={"tenant": "keyword", "n": "int64"},
        partition_key="tenant",
    )
    assert isinstance(info, vecshard.CollectionInfo)
    assert (info.name, info.dim, info.metric, info.index, info.nprobe) == (name, 8, "cosine", "IVF4,Flat", 2)
    assert info.partition_key == "tenant" and info.replication_factor == 2
    assert info.fields == {"tenant": "keyword", "n": "int64"}
    assert client.get_collection(name) == info
    assert name in [c.name for c in client.list_collections()]
    client.drop_collection(name)
    assert name not in [c.name for c in client.list_collections()]
    with pytest.raises(vecshard.NotFound):
        client.get_collection(name)


def test_train_and_upsert_in_batches_with_progress(client: vecshard.Client, name: str) -> None:
    client.create_collection(name, dim=DIM, metric="ip", index="IVF4,Flat", fields={"n": "int64"})
    vectors = data(1000, seed=2)
    info = client.train(name, vectors.astype(np.float64))  # converted to float32
    assert info.state == "ready" and info.nlist == 4 and len(info.placement) >= 1
    seen: List[tuple] = []
    written = client.upsert(
        name,
        list(range(1000)),
        vectors,
        fields={"n": np.arange(1000)},
        batch_size=300,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert written == 1000
    assert seen == [(300, 1000), (600, 1000), (900, 1000), (1000, 1000)]
    # by size: 1000 rows of 16 floats are ~100 kB, so 20 kB batches make several
    seen.clear()
    assert (
        client.upsert(
            name,
            np.arange(1000, 2000),
            vectors,
            batch_bytes=20_000,
            concurrency=3,
            progress=lambda done, total: seen.append((done, total)),
        )
        == 1000
    )
    assert len(seen) > 3 and seen[-1] == (1000, 1000) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert client.count(name) == 2000
    assert client.get_collection(name).vectors == 2000
    assert client.upsert(name, [], np.empty((0, DIM), dtype=np.float32)) == 0


def test_upsert_replaces_rows(client: vecshard.Client, name: str) -> None:
    client.create_collection(name, dim=DIM, index="IVF2,Flat", nprobe=2, fields={"color": "keyword"})
    vectors = data(100, seed=3)
    client.train(name, vectors)
    client.upsert(name, np.arange(100), vectors, fields={"color": ["red"] * 100})
    moved = vectors[:10] + 100
    client.upsert(name, np.arange(10), moved)  # no fields: the row's fields are gone
    rows = client.get(name, np.arange(12), output_fields=["color"], with_vectors=True)
    np.testing.assert_allclose(rows.vectors[:10], moved)
    assert rows.fields["color"].tolist() == [None] * 10 + ["red", "red"]
    assert client.count(name) == 100


def test_search_shapes_dtypes_and_output_fields(client: vecshard.Client, shop: str) -> None:
    vectors = data()
    result = client.search(shop, vectors[:4], k=5, output_fields=["color", "price", "tags", "meta"])
    assert isinstance(result, vecshard.SearchResult)
    assert result.ids.shape == (4, 5) and result.ids.dtype == np.int64
    assert result.distances.shape == (4, 5) and result.distances.dtype == np.float32
    assert result.ids[:, 0].tolist() == [0, 1, 2, 3]  # each query is a stored vector
    assert np.all(np.diff(result.distances, axis=1) >= 0)  # L2 ascends
    values = field_values()
    for q in range(4):
        for slot in range(5):
            row = int(result.ids[q, slot])
            for field in ("color", "price", "tags", "meta"):
                assert result.fields[field][q, slot] == values[field][row], (field, row)
    assert result.fields["color"].shape == (4, 5) and len(result) == 4
    single = client.search(shop, vectors[7], k=3)
    assert single.ids.shape == (1, 3) and single.ids[0, 0] == 7
    assert single.fields == {}


def test_filtered_search_by_expression_and_dict(client: vecshard.Client, shop: str) -> None:
    vectors = data()
    expression = client.search(
        shop, vectors[:6], k=10, filter="color == 'red' and year >= 2010", output_fields=["color", "year"]
    )
    as_dict = client.search(
        shop,
        vectors[:6],
        k=10,
        filter={
            "must": [{"match": {"field": "color", "keywords": ["red"]}}, {"range": {"field": "year", "gte": 2010}}]
        },
        output_fields=["color", "year"],
    )
    np.testing.assert_array_equal(expression.ids, as_dict.ids)
    hits = expression.ids >= 0
    assert hits.all()
    assert set(expression.fields["color"][hits].tolist()) == {"red"}
    assert min(expression.fields["year"][hits].tolist()) >= 2010
    # fewer matches than k: the rest is -1, its fields None
    few = client.search(shop, vectors[0], k=8, filter={"must": [{"has_id": [3, 6, 9]}]}, output_fields=["year"])
    assert sorted(few.ids[0, :3].tolist()) == [3, 6, 9] and few.ids[0, 3:].tolist() == [-1] * 5
    assert few.fields["year"][0, 3:].tolist() == [None] * 5
    missing = client.search(
        shop, vectors[0], k=200, filter={"must": [{"is_missing": "price"}]}, output_fields=["price"]
    )
    found = missing.ids[0][missing.ids[0] >= 0]
    assert len(found) == N // 10 and all(int(i) % 10 == 9 for i in found)


def test_get_rows_by_id(client: vecshard.Client, shop: str) -> None:
    rows = client.get(shop, [9, 2, 123456], output_fields=["price", "tags"], with_vectors=True)
    assert isinstance(rows, vecshard.Rows)
    assert rows.ids.tolist() == [9, 2]  # request order, unknown ids left out
    assert rows.vectors.shape == (2, DIM) and rows.vectors.dtype == np.float32
    np.testing.assert_array_equal(rows.vectors, data()[[9, 2]])
    assert rows.fields["price"].tolist() == [None, 2.0]
    assert rows.fields["tags"].tolist() == [["odd", "x"], ["even"]]
    bare = client.get(shop, np.array([5]))
    assert bare.vectors is None and bare.fields == {} and bare.ids.tolist() == [5]


def test_query_iterates_every_page(client: vecshard.Client, shop: str) -> None:
    pages = list(client.query(shop, "sale == true and year < 2005", output_fields=["year"], page_size=50))
    assert len(pages) > 1 and all(len(page) <= 50 for page in pages)
    assert all(page.next_cursor for page in pages[:-1]) and pages[-1].next_cursor is None
    ids = np.concatenate([page.ids for page in pages])
    expected = [i for i in range(N) if i % 2 == 1 and 2000 + i % 25 < 2005]
    assert ids.tolist() == expected
    assert all(y < 2005 for page in pages for y in page.fields["year"])
    everything = list(client.query(shop, with_vectors=True, page_size=10_000))
    assert len(everything) == 1 and len(everything[0]) == N
    np.testing.assert_array_equal(everything[0].vectors, data())


def test_count(client: vecshard.Client, shop: str) -> None:
    assert client.count(shop) == N
    assert client.count(shop, "color == 'green'") == N // 3
    assert client.count(shop, {"must_not": [{"match": {"field": "tags", "keywords": ["even"]}}]}) == N // 2
    assert client.count(shop, {"should": [{"match": {"field": "year", "int64s": [2000, 2001]}}]}) == 2 * N // 25


def test_delete_by_id_and_by_filter(client: vecshard.Client, name: str) -> None:
    client.create_collection(name, dim=DIM, index="IVF2,Flat", fields={"n": "int64"})
    vectors = data(200, seed=4)
    client.train(name, vectors)
    client.upsert(name, np.arange(200), vectors, fields={"n": np.arange(200)})
    assert client.delete(name, [0, 1, 2, 999]) == 3
    assert client.delete(name, filter="n >= 150") == 50
    assert client.delete(name, filter={"must": [{"range": {"field": "n", "lt": 10}}]}) == 7
    assert client.count(name) == 140
    with pytest.raises(vecshard.InvalidArgument, match="would remove every row"):
        client.delete(name, filter={})
    with pytest.raises(vecshard.InvalidArgument, match="not both"):
        client.delete(name, [1], filter="n > 1")


def test_cluster_status(client: vecshard.Client, shop: str) -> None:
    status = client.cluster_status()
    assert len(status.workers) == 2 and all(w.alive for w in status.workers)
    assert shop in [c.name for c in status.collections]
