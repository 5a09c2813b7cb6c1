"""vecshard: the Python client of the vecshard vector-search cluster.

numpy arrays in and out, a sync :class:`Client` and an asyncio
:class:`AsyncClient` with the same methods, errors as :class:`VecshardError`
subclasses, and long work as :class:`Job` objects.

Example::

    import numpy as np
    import vecshard

    client = vecshard.Client("127.0.0.1:50051")
    client.create_collection("docs", dim=64, index="IVF64,Flat", nprobe=8, fields={"color": "keyword"})
    vectors = np.random.default_rng(0).random((5000, 64), dtype=np.float32)
    client.train("docs", vectors)
    client.upsert("docs", np.arange(5000), vectors, fields={"color": ["red", "blue"] * 2500})
    hits = client.search("docs", vectors[:3], k=5, filter="color == 'red'", output_fields=["color"])
    print(hits.ids, hits.distances, hits.fields["color"])
"""

from .aio import AsyncClient
from .client import Client
from .errors import (
    Aborted,
    AlreadyExists,
    Cancelled,
    DataLoss,
    DeadlineExceeded,
    FailedPrecondition,
    Internal,
    InvalidArgument,
    JobFailed,
    NotFound,
    OutOfRange,
    PermissionDenied,
    ResourceExhausted,
    Unauthenticated,
    Unavailable,
    Unimplemented,
    Unknown,
    VecshardError,
)
from .jobs import AsyncJob, Job
from .types import ClusterStatus, CollectionInfo, ReplicaInfo, Rows, SearchResult, ShardInfo, SnapshotInfo, WorkerInfo

__version__ = "0.1.0"

__all__ = [
    "Client",
    "AsyncClient",
    "Job",
    "AsyncJob",
    "CollectionInfo",
    "ShardInfo",
    "ReplicaInfo",
    "SearchResult",
    "Rows",
    "WorkerInfo",
    "ClusterStatus",
    "SnapshotInfo",
    "VecshardError",
    "Aborted",
    "AlreadyExists",
    "Cancelled",
    "DataLoss",
    "DeadlineExceeded",
    "FailedPrecondition",
    "Internal",
    "InvalidArgument",
    "JobFailed",
    "NotFound",
    "OutOfRange",
    "PermissionDenied",
    "ResourceExhausted",
    "Unauthenticated",
    "Unavailable",
    "Unimplemented",
    "Unknown",
    "__version__",
]
