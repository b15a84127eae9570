"""The server's scheduler: a bounded queue in front of one worker thread that decodes jobs together.

    SERVE_MAX_BATCH   rows decoded together (default: 16 per CPU core, at most 64; 64 on a GPU)
    SERVE_MAX_QUEUE   jobs waiting for a row (default: 2 x SERVE_MAX_BATCH); beyond it, `submit`
                      raises `Overloaded` with a Retry-After estimate (the app answers 503)

Continuous batching at token level: between two decoding steps the worker drops the rows that are
done (end of sequence, max_tokens, a stop string, the visible answer complete, the deadline, a
cancelled request) and prefills waiting jobs into the free rows, at most `PREFILL_TOKENS` prompt
tokens at a time so the running rows keep streaming; a prefill is always followed by a step of
the whole batch. Jobs of every served recipe and every generation setting share the batch
(tools/serve/decoding.py: per-row settings, PEFT's per-row adapters). A cancelled or expired job
leaves before the next step, so it costs at most the step under way (`tokens_after_cancel` <= 1).

Streaming is per job: each new token goes through the same incremental detokeniser `generate_ids`
streams with (transformers' TextStreamer) into the job's VisibleStream, which calls the app's
`on_delta`. SERVE_MAX_BATCH=1 decodes one request at a time: the one-at-a-time server that
`make loadtest COMPARE=1` measures side by side.
"""
from __future__ import annotations

import collections
import math
import os
import threading
import time
from concurrent.futures import Future
from typing import Any, Callable

from tools.serve.decoding import Batch, Row
from tools.serve.engine import Engine, Job, Result

PREFILL_TOKENS = 512  # prompt tokens prefilled between two steps (~1-2 s on one busy CPU core): the longest stall
MAX_DEFAULT_BATCH = 64
TRIM_EVERY_S = 5.0  # hand freed heap pages back to the OS this often (glibc keeps them otherwise; bench/notes.md)


def default_max_batch() -> int:
    """16 rows per CPU core (on 2 cores, 32 rows still gained 1.2x tokens/s over 16, bench/notes.md), 64 on a GPU."""
    import torch

    if torch.cuda.is_available():
        return MAX_DEFAULT_BATCH
    return max(1, min(MAX_DEFAULT_BATCH, 16 * (os.cpu_count() or 1)))


def limits_from_env(environ: dict[str, str] | None = None) -> tuple[int, int]:
    """(max_batch, max_queue) from SERVE_MAX_BATCH / SERVE_MAX_QUEUE, else the machine's defaults."""
    environ = os.environ if environ is None else environ
    max_batch = _positive(environ, "SERVE_MAX_BATCH") or default_max_batch()
    max_queue = _positive(environ, "SERVE_MAX_QUEUE", zero_ok=True)
    return max_batch, (2 * max_batch if max_queue is None else max_queue)


def _positive(environ, name: str, zero_ok: bool = False) -> int | None:
    value = environ.get(name, "").strip()
    if not value:
        return None
    try:
        number = int(value)
    except ValueError:
        raise ValueError(f"{name}={value!r}: expected a whole number") from None
    if number < (0 if zero_ok else 1):
        raise ValueError(f"{name}={value}: expected a number >= {0 if zero_ok else 1}")
    return number


class Overloaded(Exception):
    """The queue is full; `retry_after` is a whole number of seconds to wait."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after


class _Pieces:
    """Incremental detokenising of one job's tokens, as generate_ids streams them (TextStreamer)."""

    def __init__(self, tokenizer, on_text: Callable[[str], None]):
        from transformers import TextStreamer

        class _Callback(TextStreamer):
            def on_finalized_text(self, text: str, stream_end: bool = False) -> None:
                if text:
                    on_text(text)

        self.streamer = _Callback(tokenizer, skip_prompt=False, skip_special_tokens=True)

    def put(self, token: int) -> None:
        import torch

        self.streamer.put(torch.tensor([token]))

    def end(self) -> None:
        self.streamer.end()


class Scheduler:
    """Accepts jobs (`submit`, from any thread) and decodes them on its own worker thread."""

    def __init__(self, engine: Engine, max_batch: int, max_queue: int, observe: Any = None,
                 prefill_tokens: int = PREFILL_TOKENS):
        self.engine, self.max_batch, self.max_queue = engine, max(1, max_batch), max(0, max_queue)
        self.prefill_tokens = prefill_tokens
        self.observe = observe  # tools.serve.metrics.Metrics or None
        self._cv = threading.Condition()
        self._waiting: collections.deque[Job] = collections.deque()
        self._running: dict[int, tuple[Job, Row, Future, _Pieces]] = {}
        self._futures: dict[int, Future] = {}
        self._done_times: collections.deque[float] = collections.deque(maxlen=256)
        self._closed = False
        tokenizer = engine.recipes[engine.default].loaded.tokenizer
        self._pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else (tokenizer.eos_token_id or 0)
        self._batch = self._new_batch()
        self.error: str | None = None  # the last unexpected error of the worker, for /health
        self._thread = threading.Thread(target=self._loop, name="batcher", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------ the app's side
    @property
    def waiting(self) -> int:
        return len(self._waiting)

    @property
    def running(self) -> int:
        return len(self._running)

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def submit(self, job: Job) -> Future:
        """Queue a job; its Future gets the Result. Raises Overloaded when the queue is full."""
        future: Future = Future()
        with self._cv:
            if self._closed:
                raise Overloaded("the server is shutting down", 5)
            free_rows = max(0, self.max_batch - len(self._running))
            if len(self._waiting) >= self.max_queue + free_rows:
                raise Overloaded(f"the server is at capacity ({len(self._running)} requests generating, "
                                 f"{len(self._waiting)} waiting; SERVE_MAX_BATCH={self.max_batch}, "
                                 f"SERVE_MAX_QUEUE={self.max_queue}); retry later", self.retry_after())
            self._futures[id(job)] = future
            self._waiting.append(job)
            self._cv.notify()
        return future

    def retry_after(self) -> int:
        """Seconds until a place in the queue is likely free, from the recent completion rate."""
        now = time.monotonic()
        recent = [t for t in self._done_times if now - t < 60]
        rate = (len(recent) - 1) / max(1e-3, recent[-1] - recent[0]) if len(recent) > 1 else 0.0
        return int(min(60, max(1, math.ceil(1 / rate) if rate else 5)))

    def close(self) -> None:
        with self._cv:
            self._closed = True
            self._cv.notify()
        self._thread.join(timeout=30)

    # ------------------------------------------------------------ the worker
    def _new_batch(self) -> Batch:
        return Batch(self.engine.model, mixed_adapters=self.engine.mixed_adapters, pad_token_id=self._pad)

    def _loop(self) -> None:
        prefilled, trimmed = False, time.monotonic()
        while True:
            with self._cv:
                if not self._closed and not self._waiting and not self._running:
                    _release_free_memory()  # idle: give back what the last batch used
                    trimmed = time.monotonic()
                while not self._closed and not self._waiting and not self._running:
                    self._cv.wait()
                if self._closed:
                    break
            admitted: list[Job] = []
            try:
                if time.monotonic() - trimmed > TRIM_EVERY_S:
                    _release_free_memory()
                    trimmed = time.monotonic()
                with self._cv:
                    self._sweep()
                    admitted = [] if (prefilled and self._running) else self._admit()
                if admitted:
                    self._prefill(admitted)
                elif self._running:
                    self._step()
                prefilled = bool(admitted)
            except Exception as error:  # noqa: BLE001 - the jobs in flight get the error; the server goes on
                import traceback

                traceback.print_exc()
                self.error = f"{type(error).__name__}: {error}"
                failed = [future for _, _, future, _ in self._running.values()]
                failed += [self._futures.pop(id(job)) for job in admitted if id(job) in self._futures]
                for future in failed:
                    if not future.done():
                        future.set_exception(error)
                self._running.clear()
                self._batch, prefilled = self._new_batch(), False
        with self._cv:
            for job in list(self._waiting):
                self._finish_waiting(job, timed_out=False)
            self._waiting.clear()
        self._end({key: False for key in self._running})

    def _sweep(self) -> None:
        """Before a step: end the waiting and running jobs that were cancelled or are past their deadline."""
        for job in [j for j in self._waiting if j.cancel.is_set() or j.expired]:
            self._waiting.remove(job)
            self._finish_waiting(job, timed_out=not job.cancel.is_set())
        self._end({key: not job.cancel.is_set() for key, (job, _, _, _) in self._running.items()
                   if job.cancel.is_set() or job.expired})

    def _admit(self) -> list[Job]:
        """Waiting jobs for the free rows, first come first served, within the prefill budget."""
        if self._running and not self._batch.can_join:
            return []
        free, budget, taken = self.max_batch - len(self._running), self.prefill_tokens, []
        while self._waiting and free > 0:
            job = self._waiting[0]
            if taken and len(job.prompt_ids) > budget:
                break
            taken.append(self._waiting.popleft())
            free, budget = free - 1, budget - len(job.prompt_ids)
        return taken

    def _prefill(self, jobs: list[Job]) -> None:
        now = time.monotonic()
        rows = []
        for job in jobs:
            job.started = now
            row = Row(job.prompt_ids, job.settings, adapter=job.served.peft_name if self.engine.mixed_adapters else None,
                      constraint=_constraint(job))
            rows.append(row)
            pieces = _Pieces(job.served.loaded.tokenizer, job.stream)
            self._running[id(job)] = (job, row, self._futures.pop(id(job)), pieces)
        with self.engine.lock:
            self._batch.add(rows)
        self._after_tokens([id(job) for job in jobs])

    def _step(self) -> None:
        with self.engine.lock:
            self._batch.step()
        self._after_tokens(list(self._running))

    def _after_tokens(self, keys: list[int]) -> None:
        """Stream each row's new token and end the rows that are done."""
        now = time.monotonic()
        if self.observe is not None:
            self.observe.step(len(self._batch), len(keys))
        done = {}
        for key in keys:
            job, row, _, pieces = self._running[key]
            token, tokenizer = row.last, job.served.loaded.tokenizer
            if job.first_token is None:
                job.first_token = now
                if self.observe is not None:
                    self.observe.first_token(now - job.arrived)
            if job.cancel.is_set():
                job.tokens_after_cancel += 1
            if token != tokenizer.eos_token_id:
                pieces.put(token)
            if (token == tokenizer.eos_token_id or len(row.tokens) >= job.settings.max_new_tokens
                    or job.stream.complete or (job.settings.stop and _has_stop(tokenizer, row.tokens, job.settings.stop))):
                done[key] = False
        self._end(done)

    def _end(self, keys: dict[int, bool]) -> None:
        """Take the rows of `keys` (key -> timed out) out of the batch and give their jobs a Result."""
        if not keys:
            return
        ended = [self._running.pop(key) + (timed_out,) for key, timed_out in keys.items()]
        self._batch.keep([row for _, row, _, _ in self._running.values()])
        for job, row, future, pieces, timed_out in ended:
            pieces.end()
            stopped = bool(row.tokens) and row.tokens[-1] == job.served.loaded.tokenizer.eos_token_id
            self._resolve(future, lambda: self.engine.result(job, row.tokens, stopped, timed_out))

    def _finish_waiting(self, job: Job, timed_out: bool) -> None:
        future = self._futures.pop(id(job), None)
        if future is not None:
            self._resolve(future, lambda: self.engine.result(job, [], False, timed_out))

    def _resolve(self, future: Future, make: Callable[[], Result]) -> None:
        try:
            result = make()
        except Exception as error:  # noqa: BLE001 - post-processing failed: that request gets the error
            future.set_exception(error)
            return
        with self._cv:  # read by retry_after() on the event loop's thread
            self._done_times.append(time.monotonic())
        if not future.done():
            future.set_result(result)


def _release_free_memory() -> None:
    """glibc's malloc_trim: return the free pages of every heap to the OS. The KV cache grows by one
    position per step, so each step frees tensors one position too small to reuse; without this
    the resident size climbs ~25% above what is live before it levels off."""
    global _TRIM
    if _TRIM is None:
        try:
            import ctypes

            _TRIM = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _TRIM = False
    if _TRIM:
        _TRIM(0)


_TRIM = None


def _has_stop(tokenizer, tokens: list[int], stops: list[str]) -> bool:
    """A stop string appears in the text generated so far (the tail is enough: it ends with the new token)."""
    longest = max(len(s) for s in stops)
    tail = tokenizer.decode(tokens[-(longest + 8):], skip_special_tokens=True)
    return any(s and s in tail for s in stops)


def _constraint(job: Job):
    """The JSON Schema constraint of a job's answer (the recipe's generation.json_schema, or the
    request's response_format), or None."""
    if job.settings.json_schema is None:
        return None
    from tools.structured import Constraint, compile_grammar

    return Constraint(job.served.loaded.tokenizer, compile_grammar(job.settings.json_schema))
