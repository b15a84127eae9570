"""The FastAPI app: /api/chat, an OpenAI-compatible /v1, /health, /metrics and the web page.

Requests are decoded together by the scheduler (tools/serve/batching.py) on one worker thread, so
the event loop stays free. Limits, from the environment unless create_app is given them:
SERVE_MAX_BATCH rows decoded together; SERVE_MAX_QUEUE requests waiting, beyond which a request
gets 503 with `Retry-After` (in the route's error shape); SERVE_TIMEOUT_S, a deadline per request
counted from its arrival (default: the recipe's serve.timeout_s), after which the answer so far
ends with finish_reason "length", or, with nothing generated yet, a 504. A client that hangs up,
streaming or not, cancels its generation before the next decoding step. Errors keep the shapes of
tools/serve/shapes.py. With SERVE_API_KEY set, /api and /v1 need `Authorization: Bearer <key>`;
/, /health and /metrics stay open. tools/serve/metrics.py writes /metrics and the access log.
"""
from __future__ import annotations

import asyncio
import json
import os
import secrets
import time
import uuid
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles

from tools.serve.batching import Scheduler, limits_from_env
from tools.serve.engine import ROLES, Engine, Job, RequestError, Result, Served
from tools.serve.metrics import AccessLog, Metrics, resident_memory_bytes
from tools.serve.shapes import (API_ERRORS, V1_ERRORS, ChatRequest, ChatResponse, Completion, CompletionRequest,
                                Message, error_response, install_error_handlers)

STATIC = Path(__file__).with_name("static")
_UNSET = object()


class ApiKey:
    """ASGI middleware: with a key, /api/* and /v1/* need `Authorization: Bearer <key>`."""

    def __init__(self, app, key: str | None):
        self.app, self.key = app, key

    async def __call__(self, scope, receive, send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if self.key and (path.startswith("/api/") or path.startswith("/v1/")):
            request = Request(scope, receive)
            scheme, _, token = request.headers.get("authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not secrets.compare_digest(token.strip().encode(), self.key.encode()):
                response = error_response(request, 401, "missing or wrong API key: send `Authorization: Bearer <key>` "
                                          "(the key is the server's SERVE_API_KEY)", "invalid_api_key")
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def timeout_from_env() -> float | None:
    value = os.environ.get("SERVE_TIMEOUT_S", "").strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        raise ValueError(f"SERVE_TIMEOUT_S={value!r}: expected a number of seconds") from None
    if seconds <= 0:
        raise ValueError(f"SERVE_TIMEOUT_S={value}: expected a positive number of seconds")
    return seconds


# ---------------------------------------------------------------- the app
def create_app(engine: Engine, api_key: str | None | object = _UNSET, max_batch: int | None = None,
               max_queue: int | None = None, timeout_s: float | None | object = _UNSET,
               log_content: bool | None = None) -> FastAPI:
    """The app over a loaded engine. Unset arguments come from SERVE_API_KEY, SERVE_MAX_BATCH,
    SERVE_MAX_QUEUE, SERVE_TIMEOUT_S and SERVE_LOG_CONTENT."""
    key = (os.environ.get("SERVE_API_KEY") or None) if api_key is _UNSET else api_key
    env_batch, env_queue = limits_from_env()
    deadline_s = timeout_from_env() if timeout_s is _UNSET else timeout_s
    if log_content is None:
        log_content = os.environ.get("SERVE_LOG_CONTENT", "") == "1"
    metrics = Metrics()
    scheduler = Scheduler(engine, max_batch or env_batch, env_queue if max_queue is None else max_queue, observe=metrics)
    for name, help_text, read in (
            ("serve_queue_depth", "Requests waiting for a row.", lambda: scheduler.waiting),
            ("serve_batch_rows", "Rows being decoded now.", lambda: scheduler.running),
            ("serve_queue_limit", "SERVE_MAX_QUEUE.", lambda: scheduler.max_queue),
            ("serve_batch_limit", "SERVE_MAX_BATCH.", lambda: scheduler.max_batch),
            ("serve_worker_up", "1 while the decoding thread runs.", lambda: int(scheduler.alive)),
            ("process_resident_memory_bytes", "Resident memory of the server.", resident_memory_bytes)):
        metrics.gauge(name, help_text, read)
    app = FastAPI(title="llm-recipes chat server", version="1", docs_url=None, redoc_url=None)
    started = int(time.time())
    app.state.engine, app.state.scheduler, app.state.metrics = engine, scheduler, metrics
    install_error_handlers(app)
    app.add_middleware(ApiKey, key=key)
    app.add_middleware(AccessLog, metrics=metrics, log_content=log_content)  # added last: outermost

    def submit(request: Request, served: Served, message: str, history, settings, stops=(), on_delta=None):
        job = engine.prepare(served, message, history, settings, on_delta, extra_stops=stops, timeout_s=deadline_s)
        record = request.state.access
        record.update(model=served.name, messages=history + [{"role": "user", "content": message}])
        future = asyncio.wrap_future(scheduler.submit(job))  # Overloaded -> 503 (tools/serve/shapes.py)
        record["result"] = future
        return job, future

    async def answer(request: Request, served: Served, message: str, history, settings, stops=()) -> Result:
        job, future = submit(request, served, message, history, settings, stops)
        watcher = asyncio.ensure_future(_hang_up(request))
        try:
            await asyncio.wait({future, watcher}, return_when=asyncio.FIRST_COMPLETED)
            if not future.done():  # the client went away: stop generating for it
                job.cancel.set()
                request.state.access["disconnected"] = True
            result = await future
        finally:
            watcher.cancel()
        _check_timeout(job, result)
        return result

    def headers(served: Served) -> dict[str, str]:
        return {"X-Recipe": served.name, "X-Adapter": served.peft_name or "none"}

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/health")
    async def health() -> JSONResponse:
        body = {"ok": scheduler.alive, "recipes": list(engine.recipes), "base_model": engine.base,
                "queue": scheduler.waiting, "running": scheduler.running, "max_queue": scheduler.max_queue,
                "max_batch": scheduler.max_batch}
        if scheduler.error:
            body["last_error"] = scheduler.error
        return JSONResponse(body, status_code=200 if scheduler.alive else 503)

    @app.get("/metrics", include_in_schema=False)
    async def prometheus() -> PlainTextResponse:
        return PlainTextResponse(metrics.render(), media_type="text/plain; version=0.0.4; charset=utf-8")

    @app.get("/v1/models", responses={401: V1_ERRORS[401]})
    async def models() -> dict[str, Any]:
        return {"object": "list", "data": [_model_entry(s, started) for s in engine.recipes.values()]}

    @app.get("/v1/models/{model_id}", responses={k: V1_ERRORS[k] for k in (401, 404)})
    async def model(model_id: str) -> dict[str, Any]:
        return _model_entry(engine.get(model_id), started)

    @app.post("/api/chat", response_model=ChatResponse, responses=API_ERRORS)
    async def api_chat(request: Request, body: ChatRequest) -> JSONResponse:
        served = engine.get(body.model)
        engine.check_message(served, body.message)
        settings = engine.settings(served, max_tokens=body.max_tokens)
        request.state.access["stream"] = False
        result = await answer(request, served, body.message, [], settings)
        return JSONResponse({"ok": True, "answer": result.text, "model": served.name,
                             "finish_reason": result.finish_reason}, headers=headers(served))

    @app.post("/v1/chat/completions", response_model=Completion, responses={
        **V1_ERRORS, 200: {"content": {"text/event-stream": {"schema": {"type": "string"}}},
                           "description": "A completion, or server-sent events when stream is true"}})
    async def completions(request: Request, body: CompletionRequest):
        served = engine.get(body.model)
        message, history = _conversation(engine, served, body.messages)
        stops = [body.stop] if isinstance(body.stop, str) else list(body.stop or [])
        if len(stops) > 4:
            raise RequestError("stop: at most 4 stop strings", "invalid_stop")
        max_tokens = body.max_completion_tokens if body.max_completion_tokens is not None else body.max_tokens
        settings = engine.settings(served, max_tokens=max_tokens, temperature=body.temperature, top_p=body.top_p,
                                   stop=stops, response_format=body.response_format)
        completion_id, created = f"chatcmpl-{uuid.uuid4().hex[:24]}", int(time.time())
        request.state.access.update(id=completion_id, stream=body.stream)
        if not body.stream:
            result = await answer(request, served, message, history, settings, stops)
            return JSONResponse({
                "id": completion_id, "object": "chat.completion", "created": created, "model": served.name,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": result.text},
                             "finish_reason": result.finish_reason}],
                "usage": _usage(result)}, headers=headers(served))
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue = asyncio.Queue()
        job, future = submit(request, served, message, history, settings, stops,
                             on_delta=lambda text: loop.call_soon_threadsafe(queue.put_nowait, ("delta", text)))
        future.add_done_callback(lambda f: queue.put_nowait(("end", f)))
        return await _stream(request, job, queue, served, completion_id, created,
                             bool(body.stream_options and body.stream_options.include_usage), headers(served))

    return app


async def _hang_up(request: Request) -> None:
    """Returns when the client disconnects (the body has been read; the next message is the disconnect)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            return


def _check_timeout(job: Job, result: Result) -> None:
    if result.timed_out and not result.text:
        source = "SERVE_TIMEOUT_S" if os.environ.get("SERVE_TIMEOUT_S") else "serve.timeout_s"
        raise RequestError(f"no answer within {job.timeout_s:g} s ({source})", "timeout", 504)


def _model_entry(served: Served, created: int) -> dict[str, Any]:
    entry = {"id": served.name, "object": "model", "created": created, "owned_by": "llm-recipes",
             "adapter": served.adapter, "source": served.source, "single_turn": served.single_turn,
             "max_message_chars": served.max_message_chars, "max_tokens": served.max_tokens}
    if served.warning:
        entry["warning"] = served.warning
    return entry


def _usage(result: Result) -> dict[str, int]:
    return {"prompt_tokens": result.prompt_tokens, "completion_tokens": result.completion_tokens,
            "total_tokens": result.prompt_tokens + result.completion_tokens}


def _text(message: Message) -> str:
    if isinstance(message.content, str):
        return message.content
    return "".join(part.text for part in message.content)


def _conversation(engine: Engine, served: Served, messages: list[Message]) -> tuple[str, list[dict[str, str]]]:
    """(last user message, earlier user/assistant turns). The recipe's own system prompt is used;
    system messages from the client are accepted and ignored (the model was trained with its own)."""
    turns = [(m.role, _text(m)) for m in messages if m.role in ROLES and m.role not in ("system", "developer")]
    if not turns or turns[-1][0] != "user":
        raise RequestError("messages: the last message must have role 'user'", "invalid_messages")
    total = 0
    for index, (_, text) in enumerate(turns):
        if len(text) > served.max_message_chars:
            raise RequestError(f"messages[{index}]: {len(text)} characters; '{served.name}' accepts at most "
                               f"{served.max_message_chars} per message (serve.max_message_chars)", "message_too_long")
        total += len(text)
    if total > 4 * served.max_message_chars:
        raise RequestError(f"the conversation has {total} characters; at most {4 * served.max_message_chars}",
                           "conversation_too_long")
    engine.check_message(served, turns[-1][1])
    return turns[-1][1], [{"role": role, "content": text} for role, text in turns[:-1]]


def _sse(data: dict[str, Any] | str) -> str:
    return f"data: {data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)}\n\n"


class _EventStream(StreamingResponse):
    """A StreamingResponse that calls `on_close` once it is over, finished or cut by a hang-up."""

    def __init__(self, content, on_close, **kwargs):
        super().__init__(content, **kwargs)
        self.on_close = on_close

    async def __call__(self, scope, receive, send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self.on_close()


async def _stream(request: Request, job: Job, queue: asyncio.Queue, served: Served, completion_id: str, created: int,
                  include_usage: bool, headers: dict[str, str]):
    """Server-sent events; waits for the first piece so a timeout with nothing can still be a 504."""
    record = request.state.access
    first_item = asyncio.ensure_future(queue.get())
    watcher = asyncio.ensure_future(_hang_up(request))
    try:
        await asyncio.wait({first_item, watcher}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        watcher.cancel()
    if not first_item.done():  # hung up while waiting: nobody reads what we would answer
        first_item.cancel()
        job.cancel.set()
        record["disconnected"] = True
        return Response(status_code=204)
    first = first_item.result()
    if first[0] == "end":
        _check_timeout(job, first[1].result())
    finished = []

    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> dict[str, Any]:
        return {"id": completion_id, "object": "chat.completion.chunk", "created": created, "model": served.name,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}

    async def events():
        yield _sse(chunk({"role": "assistant", "content": ""}))
        item = first
        while True:
            kind, value = item
            if kind == "delta":
                yield _sse(chunk({"content": value}))
            else:
                try:
                    result = value.result()
                except Exception as error:  # noqa: BLE001 - reported to the client, stream closed cleanly
                    yield _sse({"error": {"message": f"generation failed: {error}", "type": "server_error",
                                          "param": None, "code": "internal_error"}})
                    yield _sse("[DONE]")
                    finished.append(True)
                    return
                # `answer`: the exact post-processed answer (same as the non-streamed one); it differs
                # from the joined deltas only when the recipe's fallback sentence replaced the text.
                yield _sse(chunk({}, result.finish_reason, answer=result.text))
                if include_usage:
                    yield _sse({"id": completion_id, "object": "chat.completion.chunk", "created": created,
                                "model": served.name, "choices": [], "usage": _usage(result)})
                yield _sse("[DONE]")
                finished.append(True)
                return
            item = await queue.get()

    def on_close() -> None:
        if not finished:  # the client went away mid-stream: stop generating for it
            job.cancel.set()
            record["disconnected"] = True

    return _EventStream(events(), on_close, media_type="text/event-stream",
                        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no", **headers})
