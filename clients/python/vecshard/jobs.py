"""Long-running operations (imports, snapshots, restores, rebalances, drains) as :class:`Job` objects."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any, AsyncIterator, Dict, Iterator, Optional

from .errors import DeadlineExceeded, JobFailed, VecshardError
from .progress import JobReporter, Progress
from .v1 import vecshard_pb2 as pb

__all__ = ["Job", "AsyncJob"]

_STATES = {
    pb.JOB_STATE_QUEUED: "queued",
    pb.JOB_STATE_RUNNING: "running",
    pb.JOB_STATE_COMPLETED: "completed",
    pb.JOB_STATE_FAILED: "failed",
}
# Statuses after which watching again may work: the coordinator restarted or was briefly away.
_RECONNECTABLE = {"UNAVAILABLE", "INTERNAL", "UNKNOWN"}
_RECONNECT_DELAY_S = 0.25
# How old the sync Job's progress and state may be before reading them asks the coordinator.
_STALE_S = 0.2


class Job:
    """A job queued on the cluster: an import, a snapshot, a restore, a rebalance or a drain.

    Attributes (as of the last update): ``id``, ``kind``, ``collection``,
    ``state`` ("queued", "running", "completed" or "failed"), ``progress``
    (0 to 100), ``done`` and ``total`` (units of work: vectors, lists, …),
    ``error``, ``result`` (the job's JSON result as a dict, once completed),
    ``attempts``, ``created_at_ms`` and ``finished_at_ms``. On a :class:`Job`
    from the sync :class:`~vecshard.Client`, reading ``progress`` or
    ``state`` of an unfinished job asks the coordinator when the value is
    older than 0.2 s.

    Example::

        job = client.snapshot("docs")
        job.wait(progress=True)               # a tqdm bar when tqdm is installed
        print(job.state, job.result)          # completed {'snapshotId': '…', …}

        job = client.import_file("docs", "/data/base.fvecs")
        job.wait(progress=lambda j: print(f"{j.progress:.0f} %"), timeout=600)
    """

    id: str
    kind: str
    collection: str
    done: int
    total: int
    error: str
    result: Optional[Dict[str, Any]]
    attempts: int
    created_at_ms: int
    finished_at_ms: int

    def __init__(self, message: "pb.Job", client: Any) -> None:
        self._client = client
        self._waiting = False
        self._seen_at = 0.0
        self._state = "queued"
        self._progress = 0.0
        self._apply(message)

    def _apply(self, message: "pb.Job") -> bool:
        """Takes a newer description of the job; True when its state or progress changed."""
        before = (self._state, self._progress)
        self.id = message.id
        self.kind = message.kind
        self.collection = message.collection
        self._state = _STATES.get(message.state, "queued")
        self._progress = float(message.progress)
        self.done = message.done
        self.total = message.total
        self.error = message.error
        self.attempts = message.attempts
        self.created_at_ms = message.created_at_ms
        self.finished_at_ms = message.finished_at_ms
        self.result = None
        if message.result:
            try:
                parsed = json.loads(message.result)
                self.result = parsed if isinstance(parsed, dict) else {"value": parsed}
            except ValueError:
                self.result = {"text": message.result}
        self._seen_at = time.monotonic()
        return before != (self._state, self._progress)

    def _fresh(self) -> None:
        if not self._waiting and not self.finished and time.monotonic() - self._seen_at > _STALE_S:
            self.refresh()

    @property
    def state(self) -> str:
        """ "queued", "running", "completed" or "failed"."""
        self._fresh()
        return self._state

    @property
    def progress(self) -> float:
        """Progress from 0 to 100."""
        self._fresh()
        return self._progress

    @property
    def finished(self) -> bool:
        """Whether the job completed or failed (as of the last update)."""
        return self._state in ("completed", "failed")

    def refresh(self) -> "Job":
        """Asks the coordinator for the job's state now (GetJob); returns the job.

        Example::

            print(job.refresh().progress)
        """
        self._apply(self._client._get_job_message(self.id))
        return self

    def _watch(self, timeout: Optional[float]) -> Iterator["pb.Job"]:
        return self._client._watch_job(self.id, timeout)

    def wait(self, progress: Progress = None, *, timeout: Optional[float] = None) -> "Job":
        """Follows the job (WatchJob) until it completes; returns the job.

        ``progress``: None (silent), True (a tqdm bar in %, or a line on
        stderr without tqdm), a callable called with the job whenever its
        state or progress changes, or a tqdm bar. Reconnects when the stream
        breaks (a job outlives the coordinator that runs it). Raises
        :class:`~vecshard.JobFailed` when the job fails, and
        :class:`~vecshard.DeadlineExceeded` after ``timeout`` seconds.

        Example::

            job = client.restore("docs").wait(progress=True, timeout=300)
        """
        report = JobReporter(progress, f"{self.kind} {self.collection}".strip())
        deadline = None if timeout is None else time.monotonic() + timeout
        self._waiting = True
        try:
            report(self)
            while not self.finished:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    raise self._timed_out()
                try:
                    for message in self._watch(left):
                        if self._apply(message):
                            report(self)
                        if self.finished:
                            break
                except VecshardError as error:
                    if error.code == "DEADLINE_EXCEEDED":
                        raise self._timed_out() from None
                    if error.code not in _RECONNECTABLE:
                        raise
                if not self.finished:
                    pause = (
                        _RECONNECT_DELAY_S if deadline is None else min(_RECONNECT_DELAY_S, deadline - time.monotonic())
                    )
                    if pause > 0:
                        time.sleep(pause)
        finally:
            self._waiting = False
            report.close()
        if self._state == "failed":
            raise JobFailed(self)
        return self

    def _timed_out(self) -> DeadlineExceeded:
        return DeadlineExceeded(
            f"gave up waiting for job {self.id} ({self._state}, {self._progress:.0f} %)", method="WatchJob"
        )

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(id={self.id!r}, kind={self.kind!r}, collection={self.collection!r}, "
            f"state={self._state!r}, progress={self._progress:.1f})"
        )


class AsyncJob(Job):
    """A :class:`Job` of the :class:`~vecshard.AsyncClient`: ``wait`` and ``refresh`` are coroutines.

    ``progress`` and ``state`` are as of the last update (``await job.refresh()``).

    Example::

        job = await client.snapshot("docs")
        await job.wait(progress=lambda j: print(j.progress))
    """

    def _fresh(self) -> None:
        pass

    async def refresh(self) -> "AsyncJob":  # type: ignore[override]
        """Asks the coordinator for the job's state now (GetJob); returns the job.

        Example::

            job = await job.refresh()
        """
        self._apply(await self._client._get_job_message(self.id))
        return self

    async def wait(  # type: ignore[override]
        self, progress: Progress = None, *, timeout: Optional[float] = None
    ) -> "AsyncJob":
        """Follows the job until it completes; as :meth:`Job.wait`, awaited."""
        report = JobReporter(progress, f"{self.kind} {self.collection}".strip())
        loop = asyncio.get_running_loop()
        deadline = None if timeout is None else loop.time() + timeout
        try:
            report(self)
            while not self.finished:
                left = None if deadline is None else deadline - loop.time()
                if left is not None and left <= 0:
                    raise self._timed_out()
                try:
                    stream: AsyncIterator[pb.Job] = self._client._watch_job(self.id, left)
                    async for message in stream:
                        if self._apply(message):
                            report(self)
                        if self.finished:
                            break
                except VecshardError as error:
                    if error.code == "DEADLINE_EXCEEDED":
                        raise self._timed_out() from None
                    if error.code not in _RECONNECTABLE:
                        raise
                if not self.finished:
                    pause = _RECONNECT_DELAY_S if deadline is None else min(_RECONNECT_DELAY_S, deadline - loop.time())
                    if pause > 0:
                        await asyncio.sleep(pause)
        finally:
            report.close()
        if self._state == "failed":
            raise JobFailed(self)
        return self
