"""What the sync and asyncio clients share: connection settings, requests and answers."""

from __future__ import annotations

import os
import random
import uuid
from dataclasses import dataclass
from typing import Any, List, Mapping, Optional, Sequence, Tuple, Union

import grpc
import numpy as np

from . import _codec
from .errors import InvalidArgument, Internal
from .types import CollectionInfo, Rows, SearchResult
from .v1 import vecshard_pb2 as pb

DEFAULT_TIMEOUT_S = 30.0
DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024 * 1024
DEFAULT_BATCH_BYTES = 16 * 1024 * 1024
DEFAULT_PAGE_SIZE = 1000
REQUEST_ID_HEADER = "x-request-id"

# Statuses an idempotent call is retried on: the server may not have seen it, or was briefly away.
RETRYABLE = frozenset({"UNAVAILABLE"})
# Errors after which a cached collection description may be out of date.
STALE_SCHEMA = frozenset({"NOT_FOUND", "FAILED_PRECONDITION", "INVALID_ARGUMENT"})

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class RetryPolicy:
    """Retries of idempotent calls on UNAVAILABLE: ``retries`` extra attempts, backoff doubling from
    ``base_delay`` up to ``max_delay`` seconds, with ±50 % jitter, within the call's timeout."""

    retries: int = 3
    base_delay: float = 0.1
    max_delay: float = 2.0

    def delay(self, attempt: int) -> float:
        return min(self.max_delay, self.base_delay * 2**attempt) * (0.5 + random.random())


def read_pem(ca: Union[bytes, str, "os.PathLike[str]"]) -> bytes:
    """The CA certificate: PEM bytes or text as given, or read from a file path."""
    if isinstance(ca, bytes):
        return ca
    if isinstance(ca, str) and "-----BEGIN" in ca:
        return ca.encode()
    try:
        with open(ca, "rb") as file:
            return file.read()
    except OSError as error:
        raise InvalidArgument(f"cannot read the CA certificate {os.fspath(ca)!r}: {error.strerror}") from None


class Settings:
    """Where and how a client connects, from its arguments and the environment.

    ``api_key`` defaults to $VECSHARD_API_KEY and ``ca`` to $VECSHARD_TLS_CA
    (a file; it turns TLS on), as in the TypeScript SDK and the CLI; the
    address defaults to $VECSHARD_ADDRESS, then 127.0.0.1:50051.
    """

    def __init__(
        self,
        address: Optional[str],
        *,
        api_key: Optional[str],
        ca: Union[bytes, str, "os.PathLike[str]", None],
        tls: Optional[bool],
        timeout: Optional[float],
        retries: int,
        max_message_bytes: int,
        options: Optional[Sequence[Tuple[str, Any]]],
        env: Optional[Mapping[str, str]],
    ) -> None:
        env = os.environ if env is None else env
        self.address = address or env.get("VECSHARD_ADDRESS") or "127.0.0.1:50051"
        self.api_key = api_key if api_key is not None else (env.get("VECSHARD_API_KEY") or None)
        if ca is None and tls is None and env.get("VECSHARD_TLS_CA"):
            ca = env["VECSHARD_TLS_CA"]
        self.root_certificates = None if ca is None else read_pem(ca)
        self.tls = bool(tls) or self.root_certificates is not None
        self.timeout = timeout
        self.retry = RetryPolicy(retries=max(0, int(retries)))
        self.options: List[Tuple[str, Any]] = [
            ("grpc.max_send_message_length", int(max_message_bytes)),
            ("grpc.max_receive_message_length", int(max_message_bytes)),
            # Our own retries decide what is repeated; keepalives notice a dead coordinator.
            ("grpc.keepalive_time_ms", 30_000),
            ("grpc.keepalive_timeout_ms", 10_000),
            ("grpc.primary_user_agent", "vecshard-python"),
        ]
        self.options.extend(options or [])
        self.max_message_bytes = int(max_message_bytes)

    def credentials(self) -> Optional[grpc.ChannelCredentials]:
        return grpc.ssl_channel_credentials(root_certificates=self.root_certificates) if self.tls else None

    def metadata(self) -> Tuple[Tuple[str, str], ...]:
        """A call's metadata: its request id and, with a key, ``authorization: Bearer <key>``."""
        request_id = str(uuid.uuid4())
        if self.api_key:
            return ((REQUEST_ID_HEADER, request_id), ("authorization", f"Bearer {self.api_key}"))
        return ((REQUEST_ID_HEADER, request_id),)


def request_id_of(metadata: Sequence[Tuple[str, str]]) -> str:
    return metadata[0][1]


# ----------------------------------------------------------------------------- requests


def create_request(
    name: str,
    *,
    dim: int,
    metric: str,
    index: str,
    nprobe: int,
    replication_factor: int,
    fields: Optional[Mapping[str, str]],
    partition_key: Optional[str],
    shards: int,
    routing: str,
    placement_policy: Optional[str],
) -> "pb.CreateCollectionRequest":
    wire_metric = _codec.METRICS.get(str(metric).lower()) if isinstance(metric, str) else None
    if wire_metric is None:
        raise InvalidArgument(f'unknown metric {metric!r} (one of "l2", "ip", "cosine")', method="CreateCollection")
    if isinstance(dim, bool) or not isinstance(dim, (int, np.integer)) or dim <= 0:
        raise InvalidArgument(f"dim must be a positive integer, got {_codec.describe(dim)}", method="CreateCollection")
    if not isinstance(index, str) or not index:
        raise InvalidArgument(
            f'index must be a FAISS factory string such as "IVF256,Flat", got {_codec.describe(index)}',
            method="CreateCollection",
        )
    if routing not in ("lists", "scatter"):
        raise InvalidArgument(f'routing must be "lists" or "scatter", got {routing!r}', method="CreateCollection")
    if placement_policy not in (None, "locality", "balanced"):
        raise InvalidArgument(
            f'placement_policy must be "locality" or "balanced", got {placement_policy!r}', method="CreateCollection"
        )
    return pb.CreateCollectionRequest(
        name=name,
        dim=int(dim),
        metric=wire_metric,
        index=index,
        nprobe=int(nprobe or 0),
        shards=int(shards or 0),
        routing=pb.ROUTING_SCATTER if routing == "scatter" else pb.ROUTING_LISTS,
        replication_factor=int(replication_factor or 0),
        placement_policy={
            None: pb.PLACEMENT_POLICY_UNSPECIFIED,
            "locality": pb.PLACEMENT_POLICY_LOCALITY,
            "balanced": pb.PLACEMENT_POLICY_BALANCED,
        }[placement_policy],
        fields=_codec.schema_fields(fields),
        partition_key=partition_key or "",
    )


def search_request(
    name: str,
    info: CollectionInfo,
    queries: Any,
    *,
    k: int,
    nprobe: Optional[int],
    filter: _codec.FilterLike,
    output_fields: Optional[Sequence[str]],
    allow_partial: bool,
) -> Tuple["pb.SearchRequest", int]:
    """The Search request and the number of queries."""
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise InvalidArgument(f"k must be a positive integer, got {_codec.describe(k)}", method="Search")
    matrix = _codec.matrix(queries, info.dim, "queries", single=True, collection=name, method="Search")
    request = pb.SearchRequest(
        collection=name,
        queries=matrix.tobytes(),
        k=int(k),
        nprobe=int(nprobe or 0),
        allow_partial=bool(allow_partial),
        output_fields=_names(output_fields, "Search"),
        **_codec.filter_fields(filter, "Search"),
    )
    return request, int(matrix.shape[0])


def search_result(response: "pb.SearchResponse", nq: int) -> SearchResult:
    k = response.k
    ids = _codec.ids_from_bytes(response.ids)
    distances = _codec.floats_from_bytes(response.distances, "distances")
    if ids.size != nq * k or distances.size != nq * k:
        raise Internal(f"the answer has {ids.size} ids and {distances.size} distances for {nq} queries of k = {k}")
    return SearchResult(
        ids=ids.reshape(nq, k),
        distances=distances.reshape(nq, k),
        fields=_codec.decode_columns(response.fields, nq * k, (nq, k)),
        k=k,
        shards_queried=response.shards_queried,
        partial=response.partial,
        missing_shards=list(response.missing_shards),
    )


def rows_of(response: Any, with_vectors: bool, dim: Optional[int]) -> Rows:
    """Rows of a Get or Query answer."""
    ids = _codec.ids_from_bytes(response.ids)
    n = int(ids.size)
    vectors = None
    if with_vectors:
        flat = _codec.floats_from_bytes(response.vectors, "vectors")
        if n:
            if flat.size % n:
                raise Internal(f"the answer has {flat.size} floats for {n} rows")
            vectors = flat.reshape(n, flat.size // n)
        else:
            vectors = flat.reshape(0, dim or 0)
    next_cursor = getattr(response, "next_cursor", "") or None
    return Rows(
        ids=ids, vectors=vectors, fields=_codec.decode_columns(response.fields, n, (n,)), next_cursor=next_cursor
    )


def get_request(name: str, ids: Any, output_fields: Optional[Sequence[str]], with_vectors: bool) -> "pb.GetRequest":
    return pb.GetRequest(
        collection=name,
        ids=_codec.id_array(ids).tobytes(),
        output_fields=_names(output_fields, "Get"),
        with_vectors=bool(with_vectors),
    )


def query_request(
    name: str,
    filter: _codec.FilterLike,
    output_fields: Optional[Sequence[str]],
    with_vectors: bool,
    page_size: int,
    cursor: str,
) -> "pb.QueryRequest":
    if isinstance(page_size, bool) or not isinstance(page_size, (int, np.integer)) or page_size < 1:
        raise InvalidArgument(f"page_size must be a positive integer, got {_codec.describe(page_size)}", method="Query")
    return pb.QueryRequest(
        collection=name,
        limit=int(page_size),
        cursor=cursor,
        output_fields=_names(output_fields, "Query"),
        with_vectors=bool(with_vectors),
        **_codec.filter_fields(filter, "Query"),
    )


def delete_request(name: str, ids: Any, filter: _codec.FilterLike) -> "pb.DeleteRequest":
    if ids is not None and filter is not None:
        raise InvalidArgument("give ids or a filter, not both", method="Delete")
    if ids is None and filter is None:
        raise InvalidArgument("give the ids to delete, or a filter", method="Delete")
    if ids is not None:
        return pb.DeleteRequest(collection=name, ids=_codec.id_array(ids).tobytes())
    fields = _codec.filter_fields(filter, "Delete")
    if not fields:
        raise InvalidArgument(
            f'delete "{name}": the filter has no condition, so it would remove every row; use drop_collection for that',
            method="Delete",
        )
    return pb.DeleteRequest(collection=name, **fields)


def _names(names: Optional[Sequence[str]], method: str) -> List[str]:
    if names is None:
        return []
    if isinstance(names, str):
        return [names]
    out = list(names)
    for name in out:
        if not isinstance(name, str):
            raise InvalidArgument(f"output_fields must be field names, got {_codec.describe(name)}", method=method)
    return out


# ----------------------------------------------------------------------------- upserts


@dataclass
class UpsertPlan:
    """An upsert split into batches, checked before anything is sent."""

    name: str
    ids: np.ndarray
    vectors: np.ndarray
    bounds: List[Tuple[int, int]]
    columns: List[List["pb.FieldColumn"]]

    def request(self, batch: int) -> "pb.UpsertRequest":
        start, end = self.bounds[batch]
        return pb.UpsertRequest(
            collection=self.name,
            ids=self.ids[start:end].tobytes(),
            vectors=self.vectors[start:end].tobytes(),
            fields=self.columns[batch],
        )

    @property
    def rows(self) -> int:
        return int(self.ids.size)


def unknown_fields(info: CollectionInfo, fields: Optional[Mapping[str, Any]]) -> List[str]:
    return [name for name in (fields or {}) if name not in info.fields]


def plan_upsert(
    name: str,
    info: CollectionInfo,
    ids: Any,
    vectors: Any,
    fields: Optional[Mapping[str, Any]],
    *,
    batch_size: Optional[int],
    batch_bytes: int,
) -> UpsertPlan:
    id_values = _codec.id_array(ids, non_negative=True)
    n = int(id_values.size)
    if n == 0 and (not hasattr(vectors, "__len__") or len(vectors) == 0):
        return UpsertPlan(name, id_values, np.empty((0, info.dim), dtype="<f4"), [], [])
    matrix = _codec.matrix(vectors, info.dim, "vectors", collection=name, method="Upsert")
    if matrix.shape[0] != n:
        raise InvalidArgument(f'upsert "{name}": {n} ids but {matrix.shape[0]} vectors', method="Upsert")
    if np.unique(id_values).size != n:
        raise InvalidArgument(f'upsert "{name}": ids must be unique within an upsert', method="Upsert")
    unknown = unknown_fields(info, fields)
    if unknown:
        known = ", ".join(f'"{f}"' for f in info.fields) or "none"
        raise InvalidArgument(
            f'upsert "{name}": no field "{unknown[0]}" in the collection (its fields: {known})', method="Upsert"
        )
    given = [
        (field, info.fields[field], values.to_numpy() if hasattr(values, "to_numpy") else values)
        for field, values in (fields or {}).items()
        if values is not None
    ]
    for field, _type, values in given:
        if isinstance(values, (str, bytes)) or not hasattr(values, "__len__") or len(values) != n:
            got = len(values) if hasattr(values, "__len__") and not isinstance(values, (str, bytes)) else None
            raise InvalidArgument(
                f'upsert "{name}": field "{field}" '
                + (
                    f"has {got} values, but the upsert has {n} ids"
                    if got is not None
                    else f"must be a list or array of {n} values"
                )
                + ": give one value per id (None for none)",
                method="Upsert",
            )
    row_bytes = 8 + 4 * info.dim + 8 + sum(_codec.column_bytes(type_name, values) for _f, type_name, values in given)
    per_batch = max(1, int(batch_bytes // row_bytes))
    if batch_size is not None:
        if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)) or batch_size < 1:
            raise InvalidArgument(
                f"batch_size must be a positive integer, got {_codec.describe(batch_size)}", method="Upsert"
            )
        per_batch = min(per_batch, int(batch_size))
    bounds = [(start, min(n, start + per_batch)) for start in range(0, n, per_batch)]
    columns: List[List[pb.FieldColumn]] = []
    for start, end in bounds:
        batch = []
        for field, type_name, values in given:
            try:
                batch.append(_codec.encode_column(name, field, type_name, values[start:end], end - start))
            except InvalidArgument as error:
                raise InvalidArgument(_shift_row(error.message, start), method="Upsert") from None
        columns.append(batch)
    return UpsertPlan(name, id_values, matrix, bounds, columns)


def _shift_row(message: str, offset: int) -> str:
    """An encoding error's row number within its batch, made the row number within the whole upsert."""
    import re

    if offset == 0:
        return message
    return re.sub(r", row (\d+):", lambda m: f", row {int(m.group(1)) + offset}:", message, count=1)


def as_array(values: Any) -> np.ndarray:
    """An array-like as an ndarray (an ndarray as is), converted once for checks and encoding."""
    if isinstance(values, np.ndarray):
        return values
    try:
        return np.asarray(values)
    except (ValueError, TypeError) as error:
        raise InvalidArgument(f"expected an array of numbers: {error}") from None


def last_dim(array: np.ndarray) -> Optional[int]:
    return int(array.shape[-1]) if array.ndim >= 1 else None


def collection_of(response: Any) -> CollectionInfo:
    return CollectionInfo.from_wire(response.collection)
