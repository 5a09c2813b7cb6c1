"""The asyncio client: the same methods as :class:`vecshard.Client`, awaited."""

from __future__ import annotations

import asyncio
import os
from typing import Any, AsyncIterator, Awaitable, Dict, List, Mapping, Optional, Sequence, Set, Tuple, TypeVar, Union

import grpc
import grpc.aio

from . import _codec, _core
from ._codec import FilterLike
from .errors import VecshardError, error_from_rpc
from .jobs import AsyncJob
from .progress import Progress, RowsReporter
from .types import ClusterStatus, CollectionInfo, Rows, SearchResult, SnapshotInfo, worker_from_wire
from .v1 import vecshard_pb2 as pb
from .v1 import vecshard_pb2_grpc as pb_grpc

__all__ = ["AsyncClient"]

T = TypeVar("T")


class AsyncClient:
    """The asyncio vecshard client (``grpc.aio``): the methods of :class:`~vecshard.Client`, as coroutines.

    Takes the same arguments as :class:`~vecshard.Client`. Use it as an async
    context manager (or ``await client.close()``); the channel opens on the
    first call, in the running event loop. Many calls may be in flight at
    once over its one channel. :meth:`query` is an async iterator, and the
    job methods return :class:`~vecshard.AsyncJob` objects whose ``wait`` is
    awaited.

    Example::

        import asyncio
        import vecshard

        async def main(queries):
            async with vecshard.AsyncClient("127.0.0.1:50051") as client:
                results = await asyncio.gather(*(client.search("docs", q, k=10) for q in queries))
                async for page in client.query("docs", "price < 10"):
                    print(page.ids)
                await (await client.snapshot("docs")).wait(progress=True)
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
        self._channel: Optional[grpc.aio.Channel] = None
        self._stub: Optional[pb_grpc.VecshardStub] = None
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._schemas: Dict[str, CollectionInfo] = {}

    @property
    def address(self) -> str:
        """The coordinator's address."""
        return self._settings.address

    @property
    def stub(self) -> pb_grpc.VecshardStub:
        """The generated gRPC stub over the asyncio channel, for calls this class does not wrap.

        Opens the channel on first use, in the running event loop (so read it inside a coroutine).
        """
        loop = asyncio.get_running_loop()
        if self._stub is None or self._loop is not loop:
            # A grpc.aio channel belongs to the event loop it was made in: a client used from
            # another loop (a second asyncio.run) gets a channel of its own there.
            self._loop = loop
            credentials = self._settings.credentials()
            if credentials is None:
                self._channel = grpc.aio.insecure_channel(self._settings.address, options=self._settings.options)
            else:
                self._channel = grpc.aio.secure_channel(
                    self._settings.address, credentials, options=self._settings.options
                )
            self._stub = pb_grpc.VecshardStub(self._channel)
        return self._stub

    # ------------------------------------------------------------------ plumbing

    async def _call(self, method: str, request: Any, *, idempotent: bool, timeout: Optional[float] = None) -> Any:
        rpc = getattr(self.stub, method)
        metadata = self._settings.metadata()
        loop = asyncio.get_running_loop()
        budget = self._settings.timeout if timeout is None else timeout
        deadline = None if budget is None else loop.time() + budget
        retried: Optional[VecshardError] = None
        attempt = 0
        while True:
            left = None if deadline is None else max(0.0, deadline - loop.time())
            try:
                return await rpc(request, timeout=left, metadata=metadata)
            except grpc.RpcError as raw:
                error = error_from_rpc(raw, method, _core.request_id_of(metadata))
            if retried is not None and error.code == "DEADLINE_EXCEEDED":
                raise retried
            if not idempotent or attempt >= self._settings.retry.retries or error.code not in _core.RETRYABLE:
                raise error
            delay = self._settings.retry.delay(attempt)
            if deadline is not None and loop.time() + delay >= deadline:
                raise error
            retried = error
            attempt += 1
            await asyncio.sleep(delay)

    async def _forgetting(self, name: str, call: Awaitable[T]) -> T:
        try:
            return await call
        except VecshardError as error:
            if error.code in _core.STALE_SCHEMA:
                self._schemas.pop(name, None)
            raise

    async def _info(self, name: str, *, fresh: bool = False) -> CollectionInfo:
        info = None if fresh else self._schemas.get(name)
        return info if info is not None else await self.get_collection(name)

    async def _info_for(self, name: str, array: Any) -> CollectionInfo:
        cached = name in self._schemas
        info = await self._info(name)
        if cached and _core.last_dim(array) not in (None, info.dim):
            info = await self._info(name, fresh=True)
        return info

    def _remember(self, info: CollectionInfo) -> CollectionInfo:
        self._schemas[info.name] = info
        return info

    # ------------------------------------------------------------------ collections

    async def create_collection(
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
        """Creates an empty, untrained collection (see :meth:`vecshard.Client.create_collection`).

        Example::

            await client.create_collection("docs", dim=128, index="IVF256,Flat", fields={"price": "double"})
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
        return self._remember(_core.collection_of(await self._call("CreateCollection", request, idempotent=False)))

    async def drop_collection(self, name: str) -> None:
        """Drops a collection and everything stored in it.

        Example::

            await client.drop_collection("docs")
        """
        self._schemas.pop(name, None)
        await self._call("DropCollection", pb.DropCollectionRequest(name=name), idempotent=False)

    async def list_collections(self) -> List[CollectionInfo]:
        """Every collection, sorted by name.

        Example::

            names = [info.name for info in await client.list_collections()]
        """
        response = await self._call("ListCollections", pb.ListCollectionsRequest(), idempotent=True)
        return [self._remember(CollectionInfo.from_wire(info)) for info in response.collections]

    async def get_collection(self, name: str) -> CollectionInfo:
        """Describes one collection (raises :class:`~vecshard.NotFound` for an unknown name).

        Example::

            info = await client.get_collection("docs")
        """
        request = pb.GetCollectionRequest(name=name)
        response = await self._forgetting(name, self._call("GetCollection", request, idempotent=True))
        return self._remember(_core.collection_of(response))

    async def train(self, name: str, vectors: Any) -> CollectionInfo:
        """Trains the collection's index on a sample and places its lists (see :meth:`vecshard.Client.train`).

        Example::

            await client.train("docs", sample)
        """
        vectors = _core.as_array(vectors)
        info = await self._info_for(name, vectors)
        matrix = _codec.matrix(vectors, info.dim, "training vectors", collection=name, method="Train")
        request = pb.TrainRequest(collection=name, vectors=matrix.tobytes())
        response = await self._forgetting(name, self._call("Train", request, idempotent=False))
        return self._remember(_core.collection_of(response))

    # ------------------------------------------------------------------ rows

    async def upsert(
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
        """Inserts or replaces rows in batches; returns the number written (see :meth:`vecshard.Client.upsert`).

        Example::

            await client.upsert("docs", ids, vectors, fields={"price": prices}, progress=True, concurrency=2)
        """
        vectors = _core.as_array(vectors)
        info = await self._info_for(name, vectors)
        if _core.unknown_fields(info, fields) and name in self._schemas:
            info = await self._info(name, fresh=True)
        plan = _core.plan_upsert(name, info, ids, vectors, fields, batch_size=batch_size, batch_bytes=batch_bytes)
        report = RowsReporter(progress, plan.rows, f"upsert {name}")
        written = 0

        async def send(batch: int) -> Tuple[int, int]:
            request = plan.request(batch)
            response = await self._forgetting(name, self._call("Upsert", request, idempotent=False))
            return batch, int(response.upserted)

        try:
            pending: Set[asyncio.Future[Tuple[int, int]]] = set()
            batches = iter(range(len(plan.bounds)))
            for batch in batches:
                pending.add(asyncio.ensure_future(send(batch)))
                if len(pending) >= max(1, int(concurrency)):
                    break
            while pending:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_EXCEPTION)
                for task in done:
                    error = task.exception()
                    if error is not None:
                        for other in pending:
                            other.cancel()
                        if pending:
                            await asyncio.wait(pending)
                        raise error
                    batch, upserted = task.result()
                    written += upserted
                    start, end = plan.bounds[batch]
                    report(end - start)
                    following = next(batches, None)
                    if following is not None:
                        pending.add(asyncio.ensure_future(send(following)))
        finally:
            report.close()
        return written

    async def delete(self, name: str, ids: Any = None, *, filter: FilterLike = None) -> int:
        """Removes rows by id, or every row matching a filter; returns the number removed.

        Example::

            removed = await client.delete("docs", filter="price > 100")
        """
        request = _core.delete_request(name, ids, filter)
        return int((await self._forgetting(name, self._call("Delete", request, idempotent=False))).deleted)

    async def search(
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
        """The k nearest neighbours of each query (see :meth:`vecshard.Client.search`).

        Example::

            result = await client.search("docs", query_vector, k=5, filter="price < 10")
        """
        queries = _core.as_array(queries)
        request, nq = _core.search_request(
            name,
            await self._info_for(name, queries),
            queries,
            k=k,
            nprobe=nprobe,
            filter=filter,
            output_fields=output_fields,
            allow_partial=allow_partial,
        )
        response = await self._forgetting(name, self._call("Search", request, idempotent=True))
        return _core.search_result(response, nq)

    async def get(
        self, name: str, ids: Any, *, output_fields: Optional[Sequence[str]] = None, with_vectors: bool = False
    ) -> Rows:
        """Rows by id, in request order (ids not stored are left out).

        Example::

            rows = await client.get("docs", [1, 2], output_fields=["price"], with_vectors=True)
        """
        request = _core.get_request(name, ids, output_fields, with_vectors)
        response = await self._forgetting(name, self._call("Get", request, idempotent=True))
        return _core.rows_of(response, with_vectors, self._schemas[name].dim if name in self._schemas else None)

    async def query(
        self,
        name: str,
        filter: FilterLike = None,
        *,
        output_fields: Optional[Sequence[str]] = None,
        with_vectors: bool = False,
        page_size: int = _core.DEFAULT_PAGE_SIZE,
    ) -> AsyncIterator[Rows]:
        """Every row matching a filter, page by page by ascending id: ``async for page in client.query(...)``.

        Example::

            async for page in client.query("docs", "price < 10", page_size=500):
                print(page.ids)
        """
        cursor = ""
        while True:
            request = _core.query_request(name, filter, output_fields, with_vectors, page_size, cursor)
            response = await self._forgetting(name, self._call("Query", request, idempotent=True))
            yield _core.rows_of(response, with_vectors, self._schemas[name].dim if name in self._schemas else None)
            if not response.next_cursor:
                return
            if response.next_cursor == cursor:
                raise VecshardError(f'query "{name}": the cursor did not move on', code="INTERNAL", method="Query")
            cursor = response.next_cursor

    async def count(self, name: str, filter: FilterLike = None) -> int:
        """The exact number of rows matching a filter (every row without one).

        Example::

            n = await client.count("docs", {"must": [{"range": {"field": "price", "lt": 10}}]})
        """
        request = pb.CountRequest(collection=name, **_codec.filter_fields(filter, "Count"))
        return int((await self._forgetting(name, self._call("Count", request, idempotent=True))).count)

    # ------------------------------------------------------------------ cluster

    async def cluster_status(self) -> ClusterStatus:
        """The workers the coordinator knows and the collections it serves.

        Example::

            workers = (await client.cluster_status()).workers
        """
        response = await self._call("ClusterStatus", pb.ClusterStatusRequest(), idempotent=True)
        return ClusterStatus(
            workers=[worker_from_wire(w) for w in response.workers],
            collections=[CollectionInfo.from_wire(c) for c in response.collections],
        )

    async def list_snapshots(self, name: str) -> List[SnapshotInfo]:
        """The collection's snapshots in the object store, newest first.

        Example::

            snapshots = await client.list_snapshots("docs")
        """
        response = await self._call("ListSnapshots", pb.ListSnapshotsRequest(collection=name), idempotent=True)
        return [SnapshotInfo(s.id, s.collection, s.created_at_ms, s.vectors, s.bytes) for s in response.snapshots]

    # ------------------------------------------------------------------ jobs

    async def _job(self, method: str, request: Any) -> AsyncJob:
        return AsyncJob(await self._call(method, request, idempotent=False), self)

    async def import_file(
        self,
        name: str,
        path: str,
        *,
        fields_path: Optional[str] = None,
        first_id: int = 0,
        limit: int = 0,
        batch_size: int = 0,
        train_size: int = 0,
    ) -> AsyncJob:
        """Queues a bulk import of a file on the coordinator (see :meth:`vecshard.Client.import_file`).

        Example::

            job = await client.import_file("docs", "/data/base.fvecs")
            await job.wait(progress=True)
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
        return await self._job("Import", request)

    async def train_from_file(self, name: str, path: str, *, limit: int = 0) -> AsyncJob:
        """Queues training on a file's leading rows.

        Example::

            await (await client.train_from_file("docs", "/data/sample.fvecs")).wait()
        """
        return await self._job(
            "TrainFromFile", pb.TrainFromFileRequest(collection=name, path=os.fspath(path), limit=limit)
        )

    async def snapshot(self, name: str) -> AsyncJob:
        """Queues a snapshot of the collection to the cluster's object store.

        Example::

            job = await (await client.snapshot("docs")).wait(progress=True)
        """
        return await self._job("Snapshot", pb.SnapshotRequest(collection=name))

    async def restore(self, name: str, snapshot_id: Optional[str] = None) -> AsyncJob:
        """Queues a restore of the collection from a snapshot (default: the newest).

        Example::

            await (await client.restore("docs")).wait()
        """
        self._schemas.pop(name, None)
        return await self._job("Restore", pb.RestoreRequest(collection=name, snapshot_id=snapshot_id or ""))

    async def rebalance(self, name: Optional[str] = None) -> AsyncJob:
        """Queues a rebalance of one collection (default: every one).

        Example::

            await (await client.rebalance()).wait()
        """
        return await self._job("Rebalance", pb.RebalanceRequest(collection=name or ""))

    async def drain_worker(self, worker_id: str) -> AsyncJob:
        """Queues moving every list off a worker.

        Example::

            await (await client.drain_worker("worker-1")).wait(timeout=600)
        """
        return await self._job("DrainWorker", pb.DrainWorkerRequest(worker_id=worker_id))

    async def get_job(self, job_id: str) -> AsyncJob:
        """A job by id.

        Example::

            job = await client.get_job("42")
        """
        return AsyncJob(await self._get_job_message(job_id), self)

    async def _get_job_message(self, job_id: str) -> "pb.Job":
        return await self._call("GetJob", pb.GetJobRequest(id=job_id), idempotent=True)

    async def _watch_job(self, job_id: str, timeout: Optional[float]) -> AsyncIterator["pb.Job"]:
        metadata = self._settings.metadata()
        stream: Any = self.stub.WatchJob(pb.GetJobRequest(id=job_id), timeout=timeout, metadata=metadata)
        try:
            async for message in stream:
                yield message
        except grpc.RpcError as raw:
            raise error_from_rpc(raw, "WatchJob", _core.request_id_of(metadata)) from None
        finally:
            stream.cancel()

    # ------------------------------------------------------------------ lifetime

    async def close(self) -> None:
        """Closes the channel (calls in flight are cancelled).

        Example::

            await client.close()  # or: async with vecshard.AsyncClient(...) as client
        """
        if self._channel is not None:
            channel, self._channel, self._stub, self._loop = self._channel, None, None, None
            await channel.close()

    async def __aenter__(self) -> "AsyncClient":
        self.stub  # opens the channel in the running loop
        return self

    async def __aexit__(self, *exc: Any) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"AsyncClient({self._settings.address!r}{', tls' if self._settings.tls else ''})"
