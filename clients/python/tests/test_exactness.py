"""With nprobe = nlist an IVF-Flat collection is exact: the client's answers equal numpy's brute force."""

from __future__ import annotations

import numpy as np
import pytest

import vecshard

DIM = 24
N = 3000
NLIST = 16


def brute_force(base: np.ndarray, queries: np.ndarray, k: int, metric: str) -> tuple:
    if metric == "l2":
        scores = (queries**2).sum(1)[:, None] - 2 * queries @ base.T + (base**2).sum(1)[None, :]
        order = np.argsort(scores, axis=1, kind="stable")[:, :k]
    else:
        if metric == "cosine":
            base = base / np.linalg.norm(base, axis=1, keepdims=True)
            queries = queries / np.linalg.norm(queries, axis=1, keepdims=True)
        scores = queries @ base.T
        order = np.argsort(-scores, axis=1, kind="stable")[:, :k]
    return order, np.take_along_axis(scores, order, axis=1)


@pytest.mark.parametrize("metric", ["l2", "ip", "cosine"])
def test_search_with_every_list_probed_equals_brute_force(client: vecshard.Client, name: str, metric: str) -> None:
    rng = np.random.default_rng(11)
    base = rng.normal(size=(N, DIM)).astype(np.float32)
    queries = rng.normal(size=(40, DIM)).astype(np.float32)
    labels = rng.integers(0, 4, N)
    client.create_collection(
        name, dim=DIM, metric=metric, index=f"IVF{NLIST},Flat", nprobe=1, fields={"label": "int64"}
    )
    client.train(name, base)
    ids = rng.permutation(N).astype(np.int64) + 10_000  # ids unrelated to positions
    client.upsert(name, ids, base, fields={"label": labels}, batch_size=700)

    result = client.search(name, queries, k=10, nprobe=NLIST)
    order, scores = brute_force(base.astype(np.float64), queries.astype(np.float64), 10, metric)
    np.testing.assert_array_equal(result.ids, ids[order])
    np.testing.assert_allclose(result.distances, scores, rtol=1e-4, atol=1e-3)

    # filtered: exact over the matching rows
    mask = labels == 2
    filtered = client.search(name, queries, k=10, nprobe=NLIST, filter="label == 2")
    order, scores = brute_force(base[mask].astype(np.float64), queries.astype(np.float64), 10, metric)
    np.testing.assert_array_equal(filtered.ids, ids[mask][order])
    np.testing.assert_allclose(filtered.distances, scores, rtol=1e-4, atol=1e-3)
