"""The synchronous client."""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple, TypeVar, Union

import grpc

from . import _codec, _core
from ._codec import FilterLike
from .errors import VecshardError, error_from_rpc
from .jobs import Job
from .progress import Progress, RowsReporter
from .types import ClusterStatus, CollectionInfo, Rows, SearchResult, SnapshotInfo, worker_from_wire
from .v1 import vecshard_pb2 as pb
from .v1 import vecshard_pb2_grpc as pb_grpc

__all__ = ["Client"]

T = TypeVar("T")


class Client:
    """A vecshard client: numpy arrays in and out, over the coordinator's gRPC API.

    ``address`` is the coordinator's HOST:PORT. ``api_key`` is sent as
    ``authorization: Bearer <key>``; ``ca`` (a PEM file's path, or PEM bytes)
    turns TLS on and trusts that CA (``tls=True`` trusts the system's roots).
    Without them, $VECSHARD_API_KEY and $VECSHARD_TLS_CA are read, as the CLI
    and the TypeScript SDK do. ``timeout`` (seconds, default 30; None for
    none) bounds every call, retries included: idempotent calls (reads) are
    retried on UNAVAILABLE with exponential backoff, ``retries`` times.

    Every failure raises a :class:`~vecshard.VecshardError` subclass.

    Example::

        import numpy as np
        import vecshard

        with vecshard.Client("127.0.0.1:50051") as client:
            client.create_collection("docs", dim=128, index="IVF256,Flat", nprobe=16,
                                     fields={"price": "double", "tags": "keywords"})
            vectors = np.random.rand(10_000, 128).astype("float32")
            client.train("docs", vectors)
            client.upsert("docs", np.arange(10_000), vectors,
                          fields={"price": np.random.rand(10_000) * 100, "tags": [["new"]] * 10_000})
            result = client.search("docs", vectors[:5], k=10, filter="price < 50")
            print(result.ids, result.distances)
    """

    def __init__(
        self,
        address: Optional[str] = None,
        *,
        api_key: Optional[str] = None,
        ca: Union[bytes, str, "os.PathLike[str]", None] = None,
        tls: Optional[bool] = None,
        timeout: Optional[float] = _core.DEFAULT_TIMEOUT_S,
        retries: int = 3,
        max_message_bytes: int = _core.DEFAULT_MAX_MESSAGE_BYTES,
        options: Optional[Sequence[Tuple[str, Any]]] = None,
        env: Optional[Mapping[str, str]] = None,
    ) -> None:
        self._settings = _core.Settings(
            address,
            api_key=api_key,
            ca=ca,
            tls=tls,
            timeout=timeout,
            retries=retries,
            max_message_bytes=max_message_bytes,
            options=options,
            env=env,
        )
        credentials = self._settings.credentials()
        if credentials is None:
            self._channel = grpc.insecure_channel(self._settings.address, options=self._settings.options)
        else:
            self._channel = grpc.secure_channel(self._settings.address, credentials, options=self._settings.options)
        self.stub = pb_grpc.VecshardStub(self._channel)
        """The generated gRPC stub, for calls this class does not wrap."""
        self._schemas: Dict[str, CollectionInfo] = {}
        self._lock = threading.Lock()

    @property
    def address(self) -> str:
        """The coordinator's address."""
        return self._settings.address

    # ------------------------------------------------------------------ plumbing

    def _call(self, method: str, request: Any, *, idempotent: bool, timeout: Optional[float] = None) -> Any:
        rpc = getattr(self.stub, method)
        metadata = self._settings.metadata()
        budget = self._settings.timeout if timeout is None else timeout
        deadline = None if budget is None else time.monotonic() + budget
        retried: Optional[VecshardError] = None
        attempt = 0
        while True:
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                return rpc(request, timeout=left, metadata=metadata)
            except grpc.RpcError as raw:
                error = error_from_rpc(raw, method, _core.request_id_of(metadata))
            # A retry cut short by the deadline says less than the failure that caused it.
            if retried is not None and error.code == "DEADLINE_EXCEEDED":
                raise retried
            if not idempotent or attempt >= self._settings.retry.retries or error.code not in _core.RETRYABLE:
                raise error
            delay = self._settings.retry.delay(attempt)
            if deadline is not None and time.monotonic() + delay >= deadline:
                raise error
            retried = error
            attempt += 1
            time.sleep(delay)

    def _forgetting(self, name: str, fn: Callable[[], T]) -> T:
        """Runs ``fn``; an error that says the collection changed forgets its cached description."""
        try:
            return fn()
        except VecshardError as error:
            if error.code in _core.STALE_SCHEMA:
                self._schemas.pop(name, None)
            raise

    def _info(self, name: str, *, fresh: bool = False) -> CollectionInfo:
        """The collection's description, cached for dimension checks and field types."""
        info = None if fresh else self._schemas.get(name)
        return info if info is not None else self.get_collection(name)

    def _info_for(self, name: str, array: Any) -> CollectionInfo:
        """The collection's description for rows of ``array``: fetched again when their dimension
        differs from the cached one (perhaps dropped and created again since it was cached)."""
        cached = name in self._schemas
        info = self._info(name)
        if cached and _core.last_dim(array) not in (None, info.dim):
            info = self._info(name, fresh=True)
        return info

    def _remember(self, info: CollectionInfo) -> CollectionInfo:
        self._schemas[info.name] = info
        return info

    # ------------------------------------------------------------------ collections

    def create_collection(
        self,
        name: str,
        *,
        dim: int,
        metric: str = "l2",
        index: str,
        nprobe: int = 1,
        replication_factor: int = 1,
        fields: Optional[Mapping[str, str]] = None,
        partition_key: Optional[str] = None,
        shards: int = 0,
        routing: str = "lists",
        placement_policy: Optional[str] = None,
    ) -> CollectionInfo:
        """Creates an empty, untrained collection.

        ``metric`` is "l2", "ip" or "cosine"; ``index`` a FAISS IVF factory
        string; ``fields`` maps field names to "int64", "double", "keyword",
        "bool", "keywords" or "json"; ``partition_key`` names a keyword field
        that places rows (tenants) by value. ``shards`` (0 = every live
        worker), ``routing`` and ``placement_policy`` as in the proto.

        Example::

            client.create_collection("shop", dim=128, index="IVF1024,Flat", nprobe=16,
                                     fields={"category": "keyword", "price": "double"})
        """
        request = _core.create_request(
            name,
            dim=dim,
            metric=metric,
            index=index,
            nprobe=nprobe,
            replication_factor=replication_factor,
            fields=fields,
            partition_key=partition_key,
            shards=shards,
            routing=routing,
            placement_policy=placement_policy,
        )
        self._schemas.pop(name, None)
        return self._remember(_core.collection_of(self._call("CreateCollection", request, idempotent=False)))

    def drop_collection(self, name: str) -> None:
        """Drops a collection and everything stored in it.

        Example::

            client.drop_collection("shop")
        """
        self._schemas.pop(name, None)
        self._call("DropCollection", pb.DropCollectionRequest(name=name), idempotent=False)

    def list_collections(self) -> List[CollectionInfo]:
        """Every collection, sorted by name.

        Example::

            names = [info.name for info in client.list_collections()]
        """
        response = self._call("ListCollections", pb.ListCollectionsRequest(), idempotent=True)
        return [self._remember(CollectionInfo.from_wire(info)) for info in response.collections]

    def get_collection(self, name: str) -> CollectionInfo:
        """Describes one collection (raises :class:`~vecshard.NotFound` for an unknown name).

        Example::

            info = client.get_collection("shop")
            print(info.dim, info.state, info.vectors)
        """
        request = pb.GetCollectionRequest(name=name)
        return self._remember(
            _core.collection_of(self._forgetting(name, lambda: self._call("GetCollection", request, idempotent=True)))
        )

    def train(self, name: str, vectors: Any) -> CollectionInfo:
        """Trains the collection's index on a sample (a float32 (n, dim) array-like; n ≥ nlist) and places its lists.

        Example::

            client.train("shop", sample)  # e.g. 50 × nlist rows
        """
        vectors = _core.as_array(vectors)
        matrix = _codec.matrix(
            vectors, self._info_for(name, vectors).dim, "training vectors", collection=name, method="Train"
        )
        request = pb.TrainRequest(collection=name, vectors=matrix.tobytes())
        response = self._forgetting(name, lambda: self._call("Train", request, idempotent=False))
        return self._remember(_core.collection_of(response))

    # ------------------------------------------------------------------ rows

    def upsert(
        self,
        name: str,
        ids: Any,
        vectors: Any,
        *,
        fields: Optional[Mapping[str, Any]] = None,
        progress: Progress = None,
        batch_size: Optional[int] = None,
        batch_bytes: int = _core.DEFAULT_BATCH_BYTES,
        concurrency: int = 1,
    ) -> int:
        """Inserts or replaces rows (vector and fields); returns the number written.

        ``ids`` is an int64 array-like (ids ≥ 0, unique), ``vectors`` a
        float32 (n, dim) array-like, ``fields`` a dict of field name → n
        values (a list or array; None, or NaN in floats, = no value). Input
        is checked (dimension, dtype, finiteness, field types) before anything
        is sent, then sent in batches of at most ``batch_bytes`` (and
        ``batch_size`` rows), ``concurrency`` at a time. ``progress``: a
        callable ``(done_rows, total_rows)``, True for a tqdm bar (a line on
        stderr without tqdm), or a tqdm bar. Each batch is acknowledged once
        every shard stored it; on an error the batches before it stay written.

        Example::

            client.upsert("shop", np.arange(n), vectors,
                          fields={"category": ["shoe", "bag", None, ...], "price": prices},
                          progress=True)
        """
        vectors = _core.as_array(vectors)
        info = self._info_for(name, vectors)
        if _core.unknown_fields(info, fields) and name in self._schemas:
            info = self._info(name, fresh=True)  # perhaps created again with other fields since it was cached
        plan = _core.plan_upsert(name, info, ids, vectors, fields, batch_size=batch_size, batch_bytes=batch_bytes)
        report = RowsReporter(progress, plan.rows, f"upsert {name}")
        written = 0
        try:

            def send(batch: int) -> int:
                request = plan.request(batch)
                response = self._forgetting(name, lambda: self._call("Upsert", request, idempotent=False))
                return int(response.upserted)

            if concurrency <= 1 or len(plan.bounds) <= 1:
                for batch, (start, end) in enumerate(plan.bounds):
                    written += send(batch)
                    report(end - start)
            else:
                with ThreadPoolExecutor(max_workers=int(concurrency), thread_name_prefix="vecshard-upsert") as pool:
                    pending: Dict[Future[int], int] = {}
                    batches = iter(range(len(plan.bounds)))
                    for batch in batches:
                        pending[pool.submit(send, batch)] = batch
                        if len(pending) >= concurrency:
                            break
                    while pending:
                        done, _ = wait(list(pending), return_when=FIRST_EXCEPTION)
                        for future in done:
                            batch = pending.pop(future)
                            error = future.exception()
                            if error is not None:
                                for other in pending:
                                    other.cancel()
                                raise error
                            written += future.result()
                            start, end = plan.bounds[batch]
                            report(end - start)
                            following = next(batches, None)
                            if following is not None:
                                pending[pool.submit(send, following)] = following
        finally:
            report.close()
        return written

    def delete(self, name: str, ids: Any = None, *, filter: FilterLike = None) -> int:
        """Removes rows by id, or every row matching a filter; returns the number removed.

        Example::

            client.delete("shop", [1, 2, 3])
            client.delete("shop", filter="category == 'discontinued'")
        """
        request = _core.delete_request(name, ids, filter)
        return int(self._forgetting(name, lambda: self._call("Delete", request, idempotent=False)).deleted)

    def search(
        self,
        name: str,
        queries: Any,
        *,
        k: int = 10,
        nprobe: Optional[int] = None,
        filter: FilterLike = None,
        output_fields: Optional[Sequence[str]] = None,
        allow_partial: bool = False,
    ) -> SearchResult:
        """The k nearest neighbours of each query (a float32 (nq, dim) array-like; one vector is one query).

        ``nprobe`` defaults to the collection's; ``filter`` is an expression
        (``"price < 50 and tags in ['sale']"``) or a dict in the proto's shape
        (``{"must": [{"match": {"field": "color", "keywords": ["red"]}}]}``);
        ``output_fields`` returns those fields per hit. With
        ``allow_partial``, shards that do not answer are left out
        (``result.partial``) instead of failing the search.

        Example::

            result = client.search("shop", queries, k=10, filter={"must": [
                {"range": {"field": "price", "lt": 50}}]}, output_fields=["price"])
            result.ids        # int64 (nq, 10)
            result.distances  # float32 (nq, 10)
            result.fields["price"]
        """
        queries = _core.as_array(queries)
        request, nq = _core.search_request(
            name,
            self._info_for(name, queries),
            queries,
            k=k,
            nprobe=nprobe,
            filter=filter,
            output_fields=output_fields,
            allow_partial=allow_partial,
        )
        response = self._forgetting(name, lambda: self._call("Search", request, idempotent=True))
        return _core.search_result(response, nq)

    def get(
        self, name: str, ids: Any, *, output_fields: Optional[Sequence[str]] = None, with_vectors: bool = False
    ) -> Rows:
        """Rows by id, in request order (ids not stored are left out).

        Example::

            rows = client.get("shop", [7, 8], output_fields=["price"], with_vectors=True)
            rows.ids, rows.vectors, rows.fields["price"]
        """
        request = _core.get_request(name, ids, output_fields, with_vectors)
        response = self._forgetting(name, lambda: self._call("Get", request, idempotent=True))
        return _core.rows_of(response, with_vectors, self._schemas[name].dim if name in self._schemas else None)

    def query(
        self,
        name: str,
        filter: FilterLike = None,
        *,
        output_fields: Optional[Sequence[str]] = None,
        with_vectors: bool = False,
        page_size: int = _core.DEFAULT_PAGE_SIZE,
    ) -> Iterator[Rows]:
        """Every row matching a filter (every row with None), page by page by ascending id.

        Pages are fetched as the iterator is consumed; each is a
        :class:`~vecshard.Rows` of at most ``page_size`` rows (≤ 10000).

        Example::

            for page in client.query("shop", "price >= 100", output_fields=["category"]):
                print(page.ids, page.fields["category"])
        """
        cursor = ""
        while True:
            request = _core.query_request(name, filter, output_fields, with_vectors, page_size, cursor)
            response = self._forgetting(name, lambda: self._call("Query", request, idempotent=True))
            page = _core.rows_of(response, with_vectors, self._schemas[name].dim if name in self._schemas else None)
            yield page
            if not response.next_cursor:
                return
            if response.next_cursor == cursor:
                raise VecshardError(f'query "{name}": the cursor did not move on', code="INTERNAL", method="Query")
            cursor = response.next_cursor

    def count(self, name: str, filter: FilterLike = None) -> int:
        """The exact number of rows matching a filter (every row without one).

        Example::

            client.count("shop", "category == 'shoe'")
        """
        request = pb.CountRequest(collection=name, **_codec.filter_fields(filter, "Count"))
        return int(self._forgetting(name, lambda: self._call("Count", request, idempotent=True)).count)

    # ------------------------------------------------------------------ cluster

    def cluster_status(self) -> ClusterStatus:
        """The workers the coordinator knows and the collections it serves.

        Example::

            ids = [worker.id for worker in client.cluster_status().workers]
        """
        response = self._call("ClusterStatus", pb.ClusterStatusRequest(), idempotent=True)
        return ClusterStatus(
            workers=[worker_from_wire(w) for w in response.workers],
            collections=[CollectionInfo.from_wire(c) for c in response.collections],
        )

    def list_snapshots(self, name: str) -> List[SnapshotInfo]:
        """The collection's snapshots in the object store, newest first.

        Example::

            latest = client.list_snapshots("shop")[0].id
        """
        response = self._call("ListSnapshots", pb.ListSnapshotsRequest(collection=name), idempotent=True)
        return [SnapshotInfo(s.id, s.collection, s.created_at_ms, s.vectors, s.bytes) for s in response.snapshots]

    # ------------------------------------------------------------------ jobs

    def _job(self, method: str, request: Any) -> Job:
        return Job(self._call(method, request, idempotent=False), self)

    def import_file(
        self,
        name: str,
        path: str,
        *,
        fields_path: Optional[str] = None,
        first_id: int = 0,
        limit: int = 0,
        batch_size: int = 0,
        train_size: int = 0,
    ) -> Job:
        """Queues a bulk import of a file on the coordinator (.fvecs, .bvecs, .npy or IDX, maybe gzipped).

        ``path`` is absolute and under one of the coordinator's import roots,
        or "store:KEY"; ``fields_path`` a JSON Lines or Parquet file of the
        rows' fields. Row i gets id ``first_id + i``. An untrained collection
        is trained on the file's first ``train_size`` rows first.

        Example::

            client.import_file("shop", "/data/base.fvecs", fields_path="/data/fields.jsonl").wait(progress=True)
        """
        request = pb.ImportRequest(
            collection=name,
            path=os.fspath(path),
            fields_path=os.fspath(fields_path) if fields_path else "",
            first_id=first_id,
            limit=limit,
            batch_size=batch_size,
            train_size=train_size,
        )
        return self._job("Import", request)

    def train_from_file(self, name: str, path: str, *, limit: int = 0) -> Job:
        """Queues training on a file's leading rows (all when ``limit`` is 0), for samples too large for :meth:`train`.

        Example::

            client.train_from_file("shop", "/data/sample.fvecs", limit=100_000).wait()
        """
        return self._job("TrainFromFile", pb.TrainFromFileRequest(collection=name, path=os.fspath(path), limit=limit))

    def snapshot(self, name: str) -> Job:
        """Queues a snapshot of the collection to the cluster's object store.

        Example::

            job = client.snapshot("shop").wait()
            print(job.result["snapshotId"])
        """
        return self._job("Snapshot", pb.SnapshotRequest(collection=name))

    def restore(self, name: str, snapshot_id: Optional[str] = None) -> Job:
        """Queues a restore of the collection from a snapshot (default: the newest), replacing what it holds.

        Example::

            client.restore("shop").wait(progress=True)
        """
        self._schemas.pop(name, None)
        return self._job("Restore", pb.RestoreRequest(collection=name, snapshot_id=snapshot_id or ""))

    def rebalance(self, name: Optional[str] = None) -> Job:
        """Queues a rebalance of one collection (default: every one) over the live workers, while serving.

        Example::

            client.rebalance().wait()
        """
        return self._job("Rebalance", pb.RebalanceRequest(collection=name or ""))

    def drain_worker(self, worker_id: str) -> Job:
        """Queues moving every list off a worker, while serving.

        Example::

            client.drain_worker("worker-1").wait(progress=True)
        """
        return self._job("DrainWorker", pb.DrainWorkerRequest(worker_id=worker_id))

    def get_job(self, job_id: str) -> Job:
        """A job by id (raises :class:`~vecshard.NotFound` for an unknown one).

        Example::

            job = client.get_job("42"); print(job.state, job.progress)
        """
        return Job(self._get_job_message(job_id), self)

    def _get_job_message(self, job_id: str) -> "pb.Job":
        return self._call("GetJob", pb.GetJobRequest(id=job_id), idempotent=True)

    def _watch_job(self, job_id: str, timeout: Optional[float]) -> Iterator["pb.Job"]:
        metadata = self._settings.metadata()
        stream: Any = self.stub.WatchJob(pb.GetJobRequest(id=job_id), timeout=timeout, metadata=metadata)
        try:
            for message in stream:
                yield message
        except grpc.RpcError as raw:
            raise error_from_rpc(raw, "WatchJob", _core.request_id_of(metadata)) from None
        finally:
            stream.cancel()

    # ------------------------------------------------------------------ lifetime

    def close(self) -> None:
        """Closes the channel.

        Example::

            client.close()  # or use the client as a context manager
        """
        self._channel.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Client({self._settings.address!r}{', tls' if self._settings.tls else ''})"
