"""What the client returns: collections, search results, rows, workers and snapshots."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

import numpy as np

from . import _codec
from .v1 import vecshard_pb2 as pb

__all__ = [
    "CollectionInfo",
    "ShardInfo",
    "ReplicaInfo",
    "SearchResult",
    "Rows",
    "WorkerInfo",
    "ClusterStatus",
    "SnapshotInfo",
]

_STATES = {
    pb.COLLECTION_STATE_CREATED: "created",
    pb.COLLECTION_STATE_READY: "ready",
    pb.COLLECTION_STATE_LOADING: "loading",
}
_REPLICA_STATES = {
    pb.REPLICA_STATE_READY: "ready",
    pb.REPLICA_STATE_CATCHING_UP: "catching-up",
    pb.REPLICA_STATE_DOWN: "down",
}


@dataclass(frozen=True)
class ReplicaInfo:
    """One copy of a shard: the worker holding it and whether it serves searches."""

    worker_id: str
    address: str
    state: str  # "ready", "catching-up" or "down"


@dataclass(frozen=True)
class ShardInfo:
    """One shard of a collection: its inverted lists and its copies."""

    shard: int
    worker_id: str
    address: str
    lists: List[int]
    expected_vectors: int
    replicas: List[ReplicaInfo]


@dataclass(frozen=True)
class CollectionInfo:
    """A collection as the coordinator describes it.

    Example::

        info = client.get_collection("docs")
        print(info.dim, info.state, info.vectors, info.fields)  # 128 ready 60000 {'price': 'double'}
    """

    name: str
    dim: int
    metric: str  # "l2", "ip" or "cosine"
    index: str
    nprobe: int
    nlist: int
    state: str  # "created", "ready" or "loading"
    vectors: int
    fields: Dict[str, str]
    partition_key: Optional[str]
    replication_factor: int
    shards: int
    routing: str  # "lists" or "scatter"
    placement_policy: str  # "locality" or "balanced"
    placement: List[ShardInfo]
    created_at_ms: int
    loading_job: Optional[str] = None

    @classmethod
    def from_wire(cls, info: "pb.CollectionInfo") -> "CollectionInfo":
        return cls(
            name=info.name,
            dim=info.dim,
            metric=_codec.METRIC_NAMES.get(info.metric, "l2"),
            index=info.index,
            nprobe=info.nprobe,
            nlist=info.nlist,
            state=_STATES.get(info.state, "created"),
            vectors=info.vectors,
            fields={f.name: _codec.FIELD_TYPE_NAMES[f.type] for f in info.fields if f.type in _codec.FIELD_TYPE_NAMES},
            partition_key=info.partition_key or None,
            replication_factor=info.replication_factor or 1,
            shards=info.shards,
            routing="scatter" if info.routing == pb.ROUTING_SCATTER else "lists",
            placement_policy="balanced" if info.placement_policy == pb.PLACEMENT_POLICY_BALANCED else "locality",
            placement=[
                ShardInfo(
                    shard=s.shard,
                    worker_id=s.worker_id,
                    address=s.address,
                    lists=list(s.lists),
                    expected_vectors=s.expected_vectors,
                    replicas=[
                        ReplicaInfo(r.worker_id, r.address, _REPLICA_STATES.get(r.state, "down")) for r in s.replicas
                    ],
                )
                for s in info.placement
            ],
            created_at_ms=info.created_at_ms,
            loading_job=info.loading_job or None,
        )


@dataclass(frozen=True)
class SearchResult:
    """The k nearest neighbours of each query.

    ``ids`` is an int64 array of shape (nq, k) (-1 where fewer than k rows
    matched), ``distances`` a float32 array of the same shape (squared L2
    ascending, or inner product / cosine similarity descending), ``fields``
    the requested output fields, each an object array of shape (nq, k) with
    None where a hit has no value. ``ids`` and ``distances`` are read-only
    views over the response (``.copy()`` for writable ones).

    Example::

        result = client.search("docs", queries, k=10, output_fields=["price"])
        best = result.ids[:, 0]
        prices = result.fields["price"]  # shape (nq, 10)
    """

    ids: np.ndarray
    distances: np.ndarray
    fields: Dict[str, np.ndarray]
    k: int
    shards_queried: int = 0
    partial: bool = False
    missing_shards: List[int] = field(default_factory=list)

    def __len__(self) -> int:
        return int(self.ids.shape[0])


@dataclass(frozen=True)
class Rows:
    """Rows from :meth:`~vecshard.Client.get` or a page of :meth:`~vecshard.Client.query`.

    ``ids`` is an int64 array (n,), ``vectors`` a float32 array (n, dim) when
    asked for (else None), ``fields`` the output fields, each an object array
    (n,) with None where a row has no value. ``next_cursor`` is set on a query
    page that has more after it.

    Example::

        rows = client.get("docs", [1, 2], output_fields=["price"], with_vectors=True)
        for id_, price in zip(rows.ids, rows.fields["price"]):
            print(id_, price)
    """

    ids: np.ndarray
    vectors: Optional[np.ndarray]
    fields: Dict[str, np.ndarray]
    next_cursor: Optional[str] = None

    def __len__(self) -> int:
        return int(self.ids.shape[0])


@dataclass(frozen=True)
class WorkerInfo:
    """A shard worker as the coordinator sees it."""

    id: str
    address: str
    device: str
    alive: bool
    vectors: int
    lists: int
    memory_bytes: int
    started_at_ms: int
    faiss_build: str


@dataclass(frozen=True)
class ClusterStatus:
    """The workers the coordinator knows and the collections it serves."""

    workers: List[WorkerInfo]
    collections: List[CollectionInfo]


@dataclass(frozen=True)
class SnapshotInfo:
    """One snapshot in the cluster's object store."""

    id: str
    collection: str
    created_at_ms: int
    vectors: int
    bytes: int


def worker_from_wire(w: Any) -> WorkerInfo:
    return WorkerInfo(
        id=w.id,
        address=w.address,
        device=w.device,
        alive=w.alive,
        vectors=w.vectors,
        lists=w.lists,
        memory_bytes=w.memory_bytes,
        started_at_ms=w.started_at_ms,
        faiss_build=w.faiss_build,
    )
