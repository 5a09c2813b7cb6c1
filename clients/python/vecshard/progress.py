"""Progress reporting for upserts and jobs: a callback, a tqdm bar, or a plain line on stderr."""

from __future__ import annotations

import sys
import time
from typing import Any, Callable, Optional, Union

__all__ = ["Progress", "RowsReporter", "JobReporter"]

#: What ``progress=`` takes: None or False (silent), True (a tqdm bar when tqdm
#: can be imported, else a line on stderr), a callable, or a tqdm-like object
#: with ``update(n)``.
Progress = Union[None, bool, Callable[..., Any], Any]


def _tqdm() -> Optional[Any]:
    try:
        from tqdm.auto import tqdm  # type: ignore[import-not-found]
    except Exception:  # noqa: BLE001 - tqdm is optional
        return None
    return tqdm


class _Line:
    """A minimal stand-in for tqdm: one line on stderr, rewritten at most 5 times a second."""

    def __init__(self, desc: str, total: float, unit: str) -> None:
        self.desc, self.total, self.unit, self.n = desc, total, unit, 0.0
        self._shown = 0.0

    def update(self, delta: float) -> None:
        self.n += delta
        now = time.monotonic()
        if now - self._shown >= 0.2 or self.n >= self.total:
            self._shown = now
            if self.unit == "%":
                text = f"{self.n:.0f} %"
            else:
                percent = 100.0 * self.n / self.total if self.total else 100.0
                text = f"{self.n:,.0f}/{self.total:,.0f} {self.unit} ({percent:.0f} %)"
            sys.stderr.write(f"\r{self.desc}: {text}")
            sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\n")
        sys.stderr.flush()


def _bar(desc: str, total: float, unit: str) -> Any:
    tqdm = _tqdm()
    if tqdm is not None:
        return tqdm(total=total, desc=desc, unit=unit, unit_scale=unit != "%")
    return _Line(desc, total, unit)


class RowsReporter:
    """Reports rows written by an upsert: ``callback(done, total)``, a bar's ``update(rows)``, or nothing."""

    def __init__(self, progress: Progress, total: int, desc: str) -> None:
        self.total, self.done = total, 0
        self._callback: Optional[Callable[[int, int], Any]] = None
        self._bar: Any = None
        self._own = False
        if progress is None or progress is False:
            return
        if progress is True:
            self._bar, self._own = _bar(desc, total, "rows"), True
        elif hasattr(progress, "update") and not callable(progress):
            self._bar = progress
        elif callable(progress):
            self._callback = progress
        else:
            raise TypeError(f"progress must be None, a bool, a callable or a tqdm bar, got {type(progress).__name__}")

    def __call__(self, rows: int) -> None:
        self.done += rows
        if self._callback is not None:
            self._callback(self.done, self.total)
        elif self._bar is not None:
            self._bar.update(rows)

    def close(self) -> None:
        if self._own and self._bar is not None:
            self._bar.close()


class JobReporter:
    """Reports a job's state and progress whenever either changes: ``callback(job)``, a bar in %, or nothing."""

    def __init__(self, progress: Progress, desc: str) -> None:
        self._callback: Optional[Callable[[Any], Any]] = None
        self._bar: Any = None
        self._own = False
        self._last: Any = None
        self._shown = 0.0
        if progress is None or progress is False:
            return
        if progress is True:
            self._bar, self._own = _bar(desc, 100.0, "%"), True
        elif hasattr(progress, "update") and not callable(progress):
            self._bar = progress
        elif callable(progress):
            self._callback = progress
        else:
            raise TypeError(f"progress must be None, a bool, a callable or a tqdm bar, got {type(progress).__name__}")

    def __call__(self, job: Any) -> None:
        key = (job.state, job.progress)
        if key == self._last:
            return
        self._last = key
        if self._callback is not None:
            self._callback(job)
        elif self._bar is not None:
            value = min(100.0, float(job.progress))
            if value > self._shown:
                self._bar.update(value - self._shown)
                self._shown = value

    def close(self) -> None:
        if self._own and self._bar is not None:
            self._bar.close()
