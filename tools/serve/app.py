"""The FastAPI app: /api/chat, an OpenAI-compatible /v1, /health and the web page.

Errors never surface as FastAPI's default 422 or a 500 page: /api/* answers
`{"ok": false, "error": "..."}` and /v1/* the OpenAI shape `{"error": {"message", "type", "code"}}`.
Generation runs in one worker thread (requests queue up; the event loop stays free), each bounded
by the recipe's `serve.timeout_s`. With SERVE_API_KEY set, /api and /v1 need
`Authorization: Bearer <key>`; / and /health stay open.
"""
from __future__ import annotations

import asyncio
import json
import os
import secrets
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from tools.serve.engine import ROLES, Engine, RequestError, Result, Served

STATIC = Path(__file__).with_name("static")
_UNSET = object()


# ---------------------------------------------------------------- request and response shapes
class ChatRequest(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")
    message: str = Field(min_length=1, description="The user's message.")
    model: str | None = Field(None, description="Recipe name (see /v1/models); default: the first served.")
    max_tokens: int | None = Field(None, ge=1, description="At most this many new tokens (limited per recipe).")


class ChatResponse(BaseModel):
    ok: Literal[True]
    answer: str
    model: str
    finish_reason: Literal["stop", "length"]


class ApiError(BaseModel):
    ok: Literal[False]
    error: str


class TextPart(BaseModel):
    model_config = ConfigDict(strict=True)
    type: Literal["text"]
    text: str


class Message(BaseModel):
    model_config = ConfigDict(strict=True)
    role: Literal["system", "developer", "user", "assistant"]
    content: str | list[TextPart]
    name: str | None = None


class StreamOptions(BaseModel):
    include_usage: bool = False


class CompletionRequest(BaseModel):
    # Fields OpenAI clients may send that do not apply here (user, seed, penalties...) are ignored.
    model_config = ConfigDict(strict=True, extra="ignore")
    model: str | None = Field(None, description="Recipe name (see /v1/models); default: the first served.")
    messages: list[Message] = Field(min_length=1, max_length=256)
    temperature: float | None = Field(None, ge=0, le=2)
    top_p: float | None = Field(None, gt=0, le=1)
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    stream: bool = False
    stream_options: StreamOptions | None = None
    stop: str | list[str] | None = Field(None, description="Up to 4 extra stop strings.")
    n: int | None = Field(None, ge=1, le=1, description="Only 1 choice is supported.")


class ErrorBody(BaseModel):
    message: str
    type: str
    param: str | None = None
    code: str | None = None


class OpenAIError(BaseModel):
    error: ErrorBody


class CompletionMessage(BaseModel):
    role: Literal["assistant"]
    content: str


class Choice(BaseModel):
    index: int
    message: CompletionMessage
    finish_reason: Literal["stop", "length"]


class Usage(BaseModel):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class Completion(BaseModel):
    id: str
    object: Literal["chat.completion"]
    created: int
    model: str
    choices: list[Choice]
    usage: Usage


API_ERRORS = {400: {"model": ApiError, "description": "Bad input"}, 401: {"model": ApiError, "description": "API key"},
              404: {"model": ApiError, "description": "Unknown model"}, 504: {"model": ApiError, "description": "Timeout"}}
V1_ERRORS = {400: {"model": OpenAIError, "description": "Bad input"}, 401: {"model": OpenAIError, "description": "API key"},
             404: {"model": OpenAIError, "description": "Unknown model"},
             504: {"model": OpenAIError, "description": "Timeout"}}


# ---------------------------------------------------------------- errors
def _is_v1(request: Request) -> bool:
    return request.url.path.startswith("/v1")


def error_response(request: Request, status: int, message: str, code: str) -> JSONResponse:
    if _is_v1(request):
        kind = {401: "authentication_error", 404: "invalid_request_error", 504: "timeout"}.get(status, "invalid_request_error")
        return JSONResponse({"error": {"message": message, "type": kind, "param": None, "code": code}}, status_code=status)
    return JSONResponse({"ok": False, "error": message}, status_code=status)


def _validation_message(exc: RequestValidationError) -> tuple[str, str]:
    parts = []
    for error in exc.errors():
        if error.get("type") == "json_invalid":
            detail = (error.get("ctx") or {}).get("error", "")
            return f"malformed JSON body: {detail}".rstrip(": "), "invalid_json"
        loc = [str(p) for p in error.get("loc", ()) if p != "body"]
        where = ".".join(loc) or "body"
        if error.get("type") == "missing" and where == "body":
            return "the request needs a JSON body", "missing_body"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(dict.fromkeys(parts)) or "invalid request", "invalid_request"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        message, code = _validation_message(exc)
        return error_response(request, 400, message, code)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return error_response(request, exc.status_code, str(exc.detail), code)

    @app.exception_handler(RequestError)
    async def _request(request: Request, exc: RequestError) -> JSONResponse:
        return error_response(request, exc.status, str(exc), exc.code)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        return error_response(request, 500, f"internal error: {type(exc).__name__}: {exc}", "internal_error")


# ---------------------------------------------------------------- the app
def create_app(engine: Engine, api_key: str | None | object = _UNSET) -> FastAPI:
    """The app over a loaded engine; api_key defaults to the SERVE_API_KEY environment variable."""
    key = (os.environ.get("SERVE_API_KEY") or None) if api_key is _UNSET else api_key
    app = FastAPI(title="llm-recipes chat server", version="1", docs_url=None, redoc_url=None)
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="generate")
    started = int(time.time())
    app.state.engine = engine
    _install_error_handlers(app)

    @app.middleware("http")
    async def _auth(request: Request, call_next):
        path = request.url.path
        if key and (path.startswith("/api/") or path.startswith("/v1/")):
            scheme, _, token = request.headers.get("authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not secrets.compare_digest(token.strip().encode(), key.encode()):
                return error_response(request, 401, "missing or wrong API key: send `Authorization: Bearer <key>` "
                                      "(the key is the server's SERVE_API_KEY)", "invalid_api_key")
        return await call_next(request)

    async def run(served: Served, message: str, history: list[dict[str, str]], settings, **kwargs) -> Result:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(executor, partial(engine.run, served, message, history, settings, **kwargs))

    def headers(served: Served) -> dict[str, str]:
        return {"X-Recipe": served.name, "X-Adapter": served.peft_name or "none"}

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/health")
    async def health() -> dict[str, Any]:
        return {"ok": True, "recipes": list(engine.recipes), "base_model": engine.base}

    @app.get("/v1/models", responses={401: V1_ERRORS[401]})
    async def models() -> dict[str, Any]:
        return {"object": "list", "data": [_model_entry(s, started) for s in engine.recipes.values()]}

    @app.get("/v1/models/{model_id}", responses={k: V1_ERRORS[k] for k in (401, 404)})
    async def model(model_id: str) -> dict[str, Any]:
        return _model_entry(engine.get(model_id), started)

    @app.post("/api/chat", response_model=ChatResponse, responses=API_ERRORS)
    async def api_chat(body: ChatRequest) -> JSONResponse:
        served = engine.get(body.model)
        engine.check_message(served, body.message)
        settings = engine.settings(served, max_tokens=body.max_tokens)
        result = await run(served, body.message, [], settings)
        if result.timed_out and not result.text:
            raise RequestError(f"no answer within {served.timeout_s:g} s (serve.timeout_s)", "timeout", 504)
        return JSONResponse({"ok": True, "answer": result.text, "model": served.name,
                             "finish_reason": result.finish_reason}, headers=headers(served))

    @app.post("/v1/chat/completions", response_model=Completion, responses={
        **V1_ERRORS, 200: {"content": {"text/event-stream": {"schema": {"type": "string"}}},
                           "description": "A completion, or server-sent events when stream is true"}})
    async def completions(body: CompletionRequest):
        served = engine.get(body.model)
        message, history = _conversation(engine, served, body.messages)
        stops = [body.stop] if isinstance(body.stop, str) else list(body.stop or [])
        if len(stops) > 4:
            raise RequestError("stop: at most 4 stop strings", "invalid_stop")
        max_tokens = body.max_completion_tokens if body.max_completion_tokens is not None else body.max_tokens
        settings = engine.settings(served, max_tokens=max_tokens, temperature=body.temperature, top_p=body.top_p,
                                   stop=stops)
        completion_id, created = f"chatcmpl-{uuid.uuid4().hex[:24]}", int(time.time())
        if not body.stream:
            result = await run(served, message, history, settings, extra_stops=stops)
            if result.timed_out and not result.text:
                raise RequestError(f"no answer within {served.timeout_s:g} s (serve.timeout_s)", "timeout", 504)
            return JSONResponse({
                "id": completion_id, "object": "chat.completion", "created": created, "model": served.name,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": result.text},
                             "finish_reason": result.finish_reason}],
                "usage": _usage(result)}, headers=headers(served))
        return await _stream(run, served, message, history, settings, stops, completion_id, created,
                             bool(body.stream_options and body.stream_options.include_usage), headers(served))

    return app


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


async def _stream(run, served: Served, message: str, history, settings, stops, completion_id: str, created: int,
                  include_usage: bool, headers: dict[str, str]):
    """Server-sent events; waits for the first piece so a timeout with nothing can still be a 504."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue = asyncio.Queue()
    cancel = threading.Event()

    def on_delta(text: str) -> None:
        loop.call_soon_threadsafe(queue.put_nowait, ("delta", text))

    task = asyncio.ensure_future(run(served, message, history, settings, on_delta=on_delta, cancel=cancel,
                                     extra_stops=stops))
    task.add_done_callback(lambda t: queue.put_nowait(("end", t)))
    try:
        first = await queue.get()
    except asyncio.CancelledError:
        cancel.set()
        raise
    if first[0] == "end":
        result = first[1].result()
        if result.timed_out and not result.text:
            raise RequestError(f"no answer within {served.timeout_s:g} s (serve.timeout_s)", "timeout", 504)

    def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> dict[str, Any]:
        return {"id": completion_id, "object": "chat.completion.chunk", "created": created, "model": served.name,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}], **extra}

    async def events():
        try:
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
                        return
                    # `answer`: the exact post-processed answer (same as the non-streamed one); it differs
                    # from the joined deltas only when the recipe's fallback sentence replaced the text.
                    yield _sse(chunk({}, result.finish_reason, answer=result.text))
                    if include_usage:
                        yield _sse({"id": completion_id, "object": "chat.completion.chunk", "created": created,
                                    "model": served.name, "choices": [], "usage": _usage(result)})
                    yield _sse("[DONE]")
                    return
                item = await queue.get()
        finally:
            cancel.set()  # the client went away, or we are done: stop generating

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no", **headers})
