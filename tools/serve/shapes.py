"""Request and response shapes of the chat server, and its two error shapes.

/api/* answers errors as `{"ok": false, "error": "..."}`, /v1/* in OpenAI's shape
`{"error": {"message", "type", "param", "code"}}`; FastAPI's default 422 and 500 pages never
surface (validation errors become 400s with a readable message).
"""
from __future__ import annotations

from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from tools.serve.batching import Overloaded
from tools.serve.engine import RequestError


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
    response_format: dict[str, Any] | None = Field(
        None, description="OpenAI's: {\"type\": \"json_schema\", \"json_schema\": {\"name\": ..., \"schema\": {...}}}, "
                          "{\"type\": \"json_object\"} or {\"type\": \"text\"}; the answer is generated constrained to it "
                          "(default: the recipe's generation.json_schema).")


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
              404: {"model": ApiError, "description": "Unknown model"},
              503: {"model": ApiError, "description": "Queue full: retry after the Retry-After header's seconds"},
              504: {"model": ApiError, "description": "Timeout"}}
V1_ERRORS = {400: {"model": OpenAIError, "description": "Bad input"}, 401: {"model": OpenAIError, "description": "API key"},
             404: {"model": OpenAIError, "description": "Unknown model"},
             503: {"model": OpenAIError, "description": "Queue full: retry after the Retry-After header's seconds"},
             504: {"model": OpenAIError, "description": "Timeout"}}
ERROR_TYPES = {401: "authentication_error", 404: "invalid_request_error", 503: "server_error", 504: "timeout"}


# ---------------------------------------------------------------- errors
def _is_v1(request: Request) -> bool:
    return request.url.path.startswith("/v1")


def error_response(request: Request, status: int, message: str, code: str,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    access = getattr(request.state, "access", None)
    if isinstance(access, dict):
        access["error"] = code  # for the access log line (tools/serve/metrics.py)
    if _is_v1(request):
        kind = ERROR_TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
        return JSONResponse({"error": {"message": message, "type": kind, "param": None, "code": code}},
                            status_code=status, headers=headers)
    return JSONResponse({"ok": False, "error": message}, status_code=status, headers=headers)


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


def install_error_handlers(app: FastAPI) -> None:
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

    @app.exception_handler(Overloaded)
    async def _overloaded(request: Request, exc: Overloaded) -> JSONResponse:
        return error_response(request, 503, str(exc), "server_overloaded", {"Retry-After": str(exc.retry_after)})

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        return error_response(request, 500, f"internal error: {type(exc).__name__}: {exc}", "internal_error")
