"""Errors raised by the vecshard client.

Every failed call raises a :class:`VecshardError` subclass chosen by the gRPC
status, so callers can catch what they expect and let the rest through::

    import vecshard

    try:
        client.get_collection("docs")
    except vecshard.NotFound as error:
        print(error.code, error.message)  # NOT_FOUND collection "docs" not found
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, Optional, Type

import grpc

if TYPE_CHECKING:  # pragma: no cover
    from .jobs import Job

__all__ = [
    "VecshardError",
    "Cancelled",
    "Unknown",
    "InvalidArgument",
    "DeadlineExceeded",
    "NotFound",
    "AlreadyExists",
    "PermissionDenied",
    "ResourceExhausted",
    "FailedPrecondition",
    "Aborted",
    "OutOfRange",
    "Unimplemented",
    "Internal",
    "Unavailable",
    "DataLoss",
    "Unauthenticated",
    "JobFailed",
    "error_from_rpc",
]


class VecshardError(Exception):
    """A failed vecshard call.

    Attributes:
        code: the gRPC status name, e.g. ``"NOT_FOUND"``.
        message: the server's message (or the client's, for input refused
            before anything was sent).
        method: the RPC that failed, e.g. ``"Search"`` (empty when unknown).
        request_id: the ``x-request-id`` the call was sent with; the
            coordinator's and workers' logs carry it.

    Example::

        try:
            client.search("docs", queries, k=10)
        except vecshard.VecshardError as error:
            print(f"{error.code}: {error.message}")
    """

    code: str = "UNKNOWN"

    def __init__(
        self,
        message: str,
        *,
        code: Optional[str] = None,
        method: str = "",
        request_id: Optional[str] = None,
    ) -> None:
        if code is not None:
            self.code = code
        self.message = message
        self.method = method
        self.request_id = request_id
        super().__init__(message)

    @property
    def details(self) -> str:
        """The server's message (an alias of :attr:`message`)."""
        return self.message

    def __str__(self) -> str:
        prefix = f"{self.method}: " if self.method else ""
        return f"{prefix}{self.code}: {self.message}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, message={self.message!r}, method={self.method!r})"


class Cancelled(VecshardError):
    """The call was cancelled (``CANCELLED``)."""

    code = "CANCELLED"


class Unknown(VecshardError):
    """An error without a more precise status (``UNKNOWN``)."""

    code = "UNKNOWN"


class InvalidArgument(VecshardError):
    """Malformed input: a wrong dimension, dtype, filter or name (``INVALID_ARGUMENT``)."""

    code = "INVALID_ARGUMENT"


class DeadlineExceeded(VecshardError):
    """The call (or a wait for a job) ran past its timeout (``DEADLINE_EXCEEDED``)."""

    code = "DEADLINE_EXCEEDED"


class NotFound(VecshardError):
    """An unknown collection or job (``NOT_FOUND``)."""

    code = "NOT_FOUND"


class AlreadyExists(VecshardError):
    """A collection of that name exists already (``ALREADY_EXISTS``)."""

    code = "ALREADY_EXISTS"


class PermissionDenied(VecshardError):
    """The API key's role may not make this call, or a path is outside the import roots (``PERMISSION_DENIED``)."""

    code = "PERMISSION_DENIED"


class ResourceExhausted(VecshardError):
    """A message over the size limit, or an overloaded coordinator (``RESOURCE_EXHAUSTED``)."""

    code = "RESOURCE_EXHAUSTED"


class FailedPrecondition(VecshardError):
    """The collection's state does not allow this yet, e.g. an upsert before training (``FAILED_PRECONDITION``)."""

    code = "FAILED_PRECONDITION"


class Aborted(VecshardError):
    """The operation was aborted (``ABORTED``)."""

    code = "ABORTED"


class OutOfRange(VecshardError):
    """``OUT_OF_RANGE``."""

    code = "OUT_OF_RANGE"


class Unimplemented(VecshardError):
    """The server does not implement this call (``UNIMPLEMENTED``)."""

    code = "UNIMPLEMENTED"


class Internal(VecshardError):
    """An internal error on the server, or an answer the client cannot read (``INTERNAL``)."""

    code = "INTERNAL"


class Unavailable(VecshardError):
    """The coordinator (or a shard worker the call needs) cannot be reached (``UNAVAILABLE``)."""

    code = "UNAVAILABLE"


class DataLoss(VecshardError):
    """``DATA_LOSS``."""

    code = "DATA_LOSS"


class Unauthenticated(VecshardError):
    """No API key, or an unknown one, on a cluster that requires keys (``UNAUTHENTICATED``)."""

    code = "UNAUTHENTICATED"


class JobFailed(Aborted):
    """Waiting for a job that failed: :attr:`job` is the failed job, :attr:`message` its error.

    Example::

        try:
            client.import_file("docs", "/data/base.fvecs").wait()
        except vecshard.JobFailed as error:
            print(error.job.id, error.message)
    """

    def __init__(self, job: "Job") -> None:
        super().__init__(
            job.error or "failed",
            method="WatchJob",
        )
        self.job = job

    def __str__(self) -> str:
        return f'job {self.job.id} ({self.job.kind} of "{self.job.collection}") failed: {self.message}'


_BY_CODE: Dict[str, Type[VecshardError]] = {
    cls.code: cls
    for cls in (
        Cancelled,
        Unknown,
        InvalidArgument,
        DeadlineExceeded,
        NotFound,
        AlreadyExists,
        PermissionDenied,
        ResourceExhausted,
        FailedPrecondition,
        Aborted,
        OutOfRange,
        Unimplemented,
        Internal,
        Unavailable,
        DataLoss,
        Unauthenticated,
    )
}


def error_class(code: str) -> Type[VecshardError]:
    """The :class:`VecshardError` subclass for a status name (``VecshardError`` for one it does not know)."""
    return _BY_CODE.get(code, VecshardError)


def make_error(code: str, message: str, *, method: str = "", request_id: Optional[str] = None) -> VecshardError:
    """An error of the class that ``code`` (a status name) maps to."""
    cls = error_class(code)
    if cls is VecshardError:
        return VecshardError(message, code=code, method=method, request_id=request_id)
    return cls(message, method=method, request_id=request_id)


def error_from_rpc(error: BaseException, method: str = "", request_id: Optional[str] = None) -> VecshardError:
    """Wraps what a gRPC call raised (sync or asyncio) in the matching :class:`VecshardError`."""
    if isinstance(error, VecshardError):
        return error
    code_of = getattr(error, "code", None)
    details_of = getattr(error, "details", None)
    if callable(code_of) and callable(details_of):
        status = code_of()
        name = status.name if isinstance(status, grpc.StatusCode) else "UNKNOWN"
        message = details_of() or str(error)
        return make_error(name, message, method=method, request_id=request_id)
    return Unknown(f"{type(error).__name__}: {error}", method=method, request_id=request_id)
