"""Retries, metadata and status mapping against a scripted in-process gRPC server (no cluster)."""

from __future__ import annotations

import asyncio
from concurrent import futures
from typing import Dict, Iterator, List

import grpc
import pytest

import vecshard
from vecshard.v1 import vecshard_pb2 as pb
from vecshard.v1 import vecshard_pb2_grpc as pb_grpc


class Scripted(pb_grpc.VecshardServicer):
    """Fails each method's first `failures[method]` calls with UNAVAILABLE; records the metadata of every call."""

    def __init__(self) -> None:
        self.failures: Dict[str, int] = {}
        self.calls: Dict[str, List[Dict[str, str]]] = {}
        self.requests: List[tuple] = []

    def _enter(self, method: str, context: grpc.ServicerContext) -> None:
        self.calls.setdefault(method, []).append(dict(context.invocation_metadata()))
        if self.failures.get(method, 0) > 0:
            self.failures[method] -= 1
            context.abort(grpc.StatusCode.UNAVAILABLE, "worker-1 is down")

    def ListCollections(self, request, context):  # type: ignore[no-untyped-def]
        self._enter("ListCollections", context)
        return pb.ListCollectionsResponse(collections=[pb.CollectionInfo(name="a", dim=4)])

    def DropCollection(self, request, context):  # type: ignore[no-untyped-def]
        self._enter("DropCollection", context)
        return pb.DropCollectionResponse()

    def Count(self, request, context):  # type: ignore[no-untyped-def]
        self._enter("Count", context)
        if request.collection == "quota":
            context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "too many requests in flight")
        return pb.CountResponse(count=42)

    def _queued(self, method: str, kind: str, request, context):  # type: ignore[no-untyped-def]
        self._enter(method, context)
        self.requests.append((method, request))
        return pb.Job(id=str(len(self.requests)), state=pb.JOB_STATE_QUEUED, kind=kind)

    def Import(self, request, context):  # type: ignore[no-untyped-def]
        return self._queued("Import", "import", request, context)

    def TrainFromFile(self, request, context):  # type: ignore[no-untyped-def]
        return self._queued("TrainFromFile", "train", request, context)

    def Snapshot(self, request, context):  # type: ignore[no-untyped-def]
        return self._queued("Snapshot", "snapshot", request, context)

    def Restore(self, request, context):  # type: ignore[no-untyped-def]
        return self._queued("Restore", "restore", request, context)

    def Rebalance(self, request, context):  # type: ignore[no-untyped-def]
        return self._queued("Rebalance", "rebalance", request, context)

    def DrainWorker(self, request, context):  # type: ignore[no-untyped-def]
        return self._queued("DrainWorker", "drain", request, context)

    def GetJob(self, request, context):  # type: ignore[no-untyped-def]
        self._enter("GetJob", context)
        return pb.Job(id=request.id, state=pb.JOB_STATE_RUNNING, progress=50, kind="import", collection="a")

    def WatchJob(self, request, context) -> Iterator[pb.Job]:  # type: ignore[no-untyped-def]
        self._enter("WatchJob", context)
        for progress in (60.0, 80.0):
            yield pb.Job(id=request.id, state=pb.JOB_STATE_RUNNING, progress=progress, kind="import", collection="a")
        if request.id == "bad":
            yield pb.Job(id="bad", state=pb.JOB_STATE_FAILED, progress=80, error="file is truncated", kind="import")
        else:
            yield pb.Job(
                id=request.id,
                state=pb.JOB_STATE_COMPLETED,
                progress=100,
                result='{"vectors": 7}',
                kind="import",
                collection="a",
            )


@pytest.fixture(scope="module")
def scripted() -> Iterator[tuple]:
    servicer = Scripted()
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    pb_grpc.add_VecshardServicer_to_server(servicer, server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    yield servicer, f"127.0.0.1:{port}"
    server.stop(None)


def test_idempotent_calls_are_retried_on_unavailable_with_the_same_request_id(scripted: tuple) -> None:
    servicer, address = scripted
    servicer.calls.clear()
    servicer.failures["ListCollections"] = 2
    with vecshard.Client(address, api_key="secret", env={}) as client:
        assert [c.name for c in client.list_collections()] == ["a"]
    calls = servicer.calls["ListCollections"]
    assert len(calls) == 3
    assert len({call["x-request-id"] for call in calls}) == 1
    assert all(call["authorization"] == "Bearer secret" for call in calls)  # over plaintext too


def test_calls_that_are_not_idempotent_are_not_retried(scripted: tuple) -> None:
    servicer, address = scripted
    servicer.calls.clear()
    servicer.failures["DropCollection"] = 1
    with vecshard.Client(address, env={}) as client, pytest.raises(vecshard.Unavailable) as caught:
        client.drop_collection("a")
    assert len(servicer.calls["DropCollection"]) == 1
    assert caught.value.code == "UNAVAILABLE" and caught.value.message == "worker-1 is down"
    assert caught.value.method == "DropCollection" and caught.value.request_id


def test_retries_give_up_after_the_limit(scripted: tuple) -> None:
    servicer, address = scripted
    servicer.calls.clear()
    servicer.failures["Count"] = 10
    with vecshard.Client(address, retries=2, env={}) as client, pytest.raises(vecshard.Unavailable):
        client.count("a")
    assert len(servicer.calls["Count"]) == 3
    servicer.failures["Count"] = 0


def test_other_statuses_are_not_retried(scripted: tuple) -> None:
    servicer, address = scripted
    servicer.calls.clear()
    with vecshard.Client(address, env={}) as client, pytest.raises(vecshard.ResourceExhausted) as caught:
        client.count("quota")
    assert len(servicer.calls["Count"]) == 1
    assert caught.value.message == "too many requests in flight"


def test_async_client_retries_the_same_way(scripted: tuple) -> None:
    servicer, address = scripted
    servicer.calls.clear()
    servicer.failures["ListCollections"] = 1
    servicer.failures["DropCollection"] = 1

    async def main() -> None:
        async with vecshard.AsyncClient(address, api_key="k", env={}) as client:
            assert [c.name for c in await client.list_collections()] == ["a"]
            with pytest.raises(vecshard.Unavailable):
                await client.drop_collection("a")

    asyncio.run(main())
    assert len(servicer.calls["ListCollections"]) == 2
    assert len(servicer.calls["DropCollection"]) == 1
    assert servicer.calls["ListCollections"][0]["authorization"] == "Bearer k"


def test_job_wait_reports_progress_and_raises_job_failed(scripted: tuple) -> None:
    _servicer, address = scripted
    with vecshard.Client(address, env={}) as client:
        job = client.get_job("7")
        assert isinstance(job, vecshard.Job) and job.state == "running" and job.progress == 50
        seen: List[float] = []
        assert job.wait(progress=lambda j: seen.append(j.progress)) is job
        assert seen == [50.0, 60.0, 80.0, 100.0]
        assert job.state == "completed" and job.result == {"vectors": 7}
        with pytest.raises(vecshard.JobFailed) as caught:
            client.get_job("bad").wait()
        assert caught.value.job.state == "failed" and caught.value.message == "file is truncated"
        assert isinstance(caught.value, vecshard.VecshardError)
        running = client.get_job("8")
        with pytest.raises(vecshard.DeadlineExceeded, match="gave up waiting for job 8"):
            running.wait(timeout=0)

    async def main() -> None:
        async with vecshard.AsyncClient(address, env={}) as client:
            job = await client.get_job("9")
            assert isinstance(job, vecshard.AsyncJob) and isinstance(job, vecshard.Job)
            seen: List[float] = []
            await job.wait(progress=lambda j: seen.append(j.progress))
            assert seen == [50.0, 60.0, 80.0, 100.0]
            with pytest.raises(vecshard.JobFailed):
                await (await client.get_job("bad")).wait()

    asyncio.run(main())


def test_every_job_method_sends_its_request_and_returns_a_job(scripted: tuple) -> None:
    servicer, address = scripted

    def check(jobs: list) -> None:
        sent = {method: request for method, request in servicer.requests}
        assert [job.kind for job in jobs] == [
            "import",
            "train",
            "snapshot",
            "restore",
            "rebalance",
            "rebalance",
            "drain",
        ]
        assert sent["Import"].collection == "a" and sent["Import"].path == "/data/x.npy"
        assert sent["Import"].fields_path == "/data/x.jsonl" and sent["Import"].first_id == 5
        assert sent["Import"].limit == 10 and sent["Import"].batch_size == 3 and sent["Import"].train_size == 7
        assert sent["TrainFromFile"].path == "/data/t.npy" and sent["TrainFromFile"].limit == 100
        assert sent["Snapshot"].collection == "a"
        assert sent["Restore"].collection == "a" and sent["Restore"].snapshot_id == "s1"
        assert [r.collection for m, r in servicer.requests if m == "Rebalance"] == ["a", ""]
        assert sent["DrainWorker"].worker_id == "worker-1"
        assert all(job.state == "queued" for job in jobs)

    servicer.requests.clear()
    with vecshard.Client(address, env={}) as client:
        jobs = [
            client.import_file(
                "a", "/data/x.npy", fields_path="/data/x.jsonl", first_id=5, limit=10, batch_size=3, train_size=7
            ),
            client.train_from_file("a", "/data/t.npy", limit=100),
            client.snapshot("a"),
            client.restore("a", "s1"),
            client.rebalance("a"),
            client.rebalance(),
            client.drain_worker("worker-1"),
        ]
        assert all(type(job) is vecshard.Job for job in jobs)
    check(jobs)

    async def main() -> list:
        async with vecshard.AsyncClient(address, env={}) as client:
            return [
                await client.import_file(
                    "a", "/data/x.npy", fields_path="/data/x.jsonl", first_id=5, limit=10, batch_size=3, train_size=7
                ),
                await client.train_from_file("a", "/data/t.npy", limit=100),
                await client.snapshot("a"),
                await client.restore("a", "s1"),
                await client.rebalance("a"),
                await client.rebalance(),
                await client.drain_worker("worker-1"),
            ]

    servicer.requests.clear()
    jobs = asyncio.run(main())
    assert all(type(job) is vecshard.AsyncJob for job in jobs)
    check(jobs)
