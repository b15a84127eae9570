"""The chat server over real HTTP: /api/chat, the OpenAI API (with the real `openai` client),
bad input, API key, several recipes over one base model, timeouts, and a schemathesis fuzz. The
server under load (batching, the bounded queue, hang-ups, /metrics, the access log) is tested in
tests/test_batching.py, `make loadtest` in tests/test_loadtest.py.

Adapters are small random LoRAs on the embedded model (tests/serve_support.py); answers are a few
tokens long. Three recipes share the embedded base: qwen-personal-qa and deepseek8b-ts-tutor with
adapters, tinyllama-json-extractor without one (served as the base, with a tiny timeout).
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import pytest

from tests.serve_support import make_adapter

EMBEDDED = "smollm2-135m-instruct"
QWEN, TUTOR, BARE = "qwen-personal-qa", "deepseek8b-ts-tutor", "tinyllama-json-extractor"
SHORT = "generation.max_new_tokens=6"  # per-request limit becomes 4 x 6 = 24 tokens


@pytest.fixture(scope="module")
def runs_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve") / "runs"
    make_adapter(root, QWEN, seed=0)
    make_adapter(root, TUTOR, seed=1)
    previous = os.environ.get("LLM_RECIPES_RUNS")
    os.environ["LLM_RECIPES_RUNS"] = str(root)
    yield root
    if previous is None:
        os.environ.pop("LLM_RECIPES_RUNS", None)
    else:
        os.environ["LLM_RECIPES_RUNS"] = previous


@pytest.fixture(scope="module")
def one_thread():
    """Shared CI machines: one torch thread avoids oversubscribing busy cores (10x faster there)."""
    import torch

    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(previous)


@pytest.fixture(scope="module")
def engine(runs_root, one_thread):
    from tools.serve.engine import load_engine
    from tools.serve.server import load_recipes

    recipes = load_recipes([QWEN, TUTOR], model=EMBEDDED, overrides=[SHORT])
    recipes += load_recipes([BARE], model=EMBEDDED, overrides=[SHORT + " serve.timeout_s=0.001"])
    return load_engine(recipes)


@pytest.fixture(scope="module")
def app(engine):
    from tools.serve.app import create_app

    return create_app(engine, api_key=None)


@pytest.fixture(scope="module")
def base_url(app):
    from tools.serve.server import running

    with running(app) as url:
        yield url


@pytest.fixture(scope="module")
def http(base_url):
    import httpx

    with httpx.Client(base_url=base_url, timeout=120) as client:
        yield client


def chat(message: str, model: str = QWEN, **extra) -> dict:
    return {"model": model, "messages": [{"role": "user", "content": message}], **extra}


# ---------------------------------------------------------------- /api/chat
def test_api_chat_answers_with_the_recipe_adapter(http, engine):
    response = http.post("/api/chat", json={"message": "¿Dónde vive Inés?", "max_tokens": 6})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ok"] is True and body["model"] == QWEN
    assert isinstance(body["answer"], str) and body["answer"].strip()
    assert body["finish_reason"] in ("stop", "length")
    assert response.headers["x-recipe"] == QWEN and response.headers["x-adapter"] == QWEN


def test_health_and_models_list_every_recipe(http):
    health = http.get("/health").json()
    assert health["ok"] is True and health["recipes"] == [QWEN, TUTOR, BARE]
    assert health["queue"] == 0 and health["running"] == 0 and health["max_batch"] >= 1 and health["max_queue"] >= 0
    models = http.get("/v1/models").json()
    assert models["object"] == "list" and [m["id"] for m in models["data"]] == [QWEN, TUTOR, BARE]
    by_id = {m["id"]: m for m in models["data"]}
    assert by_id[QWEN]["adapter"].endswith(f"{QWEN}/adapter") and "warning" not in by_id[QWEN]
    assert by_id[BARE]["adapter"] is None and "no trained adapter" in by_id[BARE]["warning"]
    assert by_id[QWEN]["max_tokens"] == 24 and by_id[QWEN]["max_message_chars"] == 4000


API_BAD = [
    ("malformed JSON", b'{"message": "hola"', 400, "malformed JSON"),
    ("no body", None, 400, "JSON body"),
    ("not an object", [1, 2], 400, "body"),
    ("missing message", {}, 400, "message"),
    ("empty message", {"message": ""}, 400, "message"),
    ("blank message", {"message": "   \n "}, 400, "empty"),
    ("message not a string", {"message": 42}, 400, "message"),
    ("model not a string", {"message": "hola", "model": 7}, 400, "model"),
    ("max_tokens as a string", {"message": "hola", "max_tokens": "6"}, 400, "max_tokens"),
    ("max_tokens zero", {"message": "hola", "max_tokens": 0}, 400, "max_tokens"),
    ("too many tokens", {"message": "hola", "max_tokens": 25}, 400, "max_tokens 25"),
    ("unknown field", {"message": "hola", "mesage": "x"}, 400, "mesage"),
    ("message over the limit", {"message": "a" * 4001}, 400, "at most 4000"),
    ("unknown model", {"message": "hola", "model": "nope"}, 404, "unknown model 'nope'"),
]


@pytest.mark.parametrize("name,payload,status,words", API_BAD, ids=[case[0] for case in API_BAD])
def test_api_chat_rejects_bad_input(http, name, payload, status, words):
    if isinstance(payload, bytes):
        response = http.post("/api/chat", content=payload, headers={"content-type": "application/json"})
    elif payload is None:
        response = http.post("/api/chat")
    else:
        response = http.post("/api/chat", json=payload)
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"ok", "error"} and body["ok"] is False
    assert words in body["error"], body["error"]


V1_BAD = [
    ("malformed JSON", b'{"model": ', 400, "malformed JSON"),
    ("missing messages", {"model": QWEN}, 400, "messages"),
    ("empty messages", {"model": QWEN, "messages": []}, 400, "messages"),
    ("unknown role", chat("hola") | {"messages": [{"role": "robot", "content": "hola"}]}, 400, "role"),
    ("content wrong type", chat("hola") | {"messages": [{"role": "user", "content": 5}]}, 400, "content"),
    ("last message not from the user", chat("hola") | {"messages": [{"role": "assistant", "content": "hola"}]},
     400, "last message"),
    ("message over the limit", chat("a" * 4001), 400, "at most 4000"),
    ("blank message", chat("  "), 400, "empty"),
    ("too many tokens", chat("hola", max_tokens=25), 400, "max_tokens 25"),
    ("too many completion tokens", chat("hola", max_completion_tokens=1000), 400, "max_tokens 1000"),
    ("temperature out of range", chat("hola", temperature=3), 400, "temperature"),
    ("stream not a boolean", chat("hola", stream="yes"), 400, "stream"),
    ("several choices", chat("hola", n=2), 400, "n"),
    ("too many stops", chat("hola", stop=["a", "b", "c", "d", "e"]), 400, "stop"),
    ("unknown model", chat("hola", model="gpt-4o"), 404, "unknown model 'gpt-4o'"),
    ("schema that is not one", chat("hola", response_format={"type": "json_schema", "json_schema": {
        "name": "x", "schema": {"type": "nope"}}}), 400, "not a valid JSON Schema"),
    ("unknown response_format", chat("hola", response_format={"type": "xml"}), 400, "response_format.type 'xml'"),
    ("json_schema without a schema", chat("hola", response_format={"type": "json_schema"}), 400, "schema"),
]


@pytest.mark.parametrize("name,payload,status,words", V1_BAD, ids=[case[0] for case in V1_BAD])
def test_openai_endpoint_rejects_bad_input(http, name, payload, status, words):
    if isinstance(payload, bytes):
        response = http.post("/v1/chat/completions", content=payload, headers={"content-type": "application/json"})
    else:
        response = http.post("/v1/chat/completions", json=payload)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert set(error) >= {"message", "type", "code"} and error["type"] == "invalid_request_error"
    assert words in error["message"], error["message"]


def test_unknown_route_and_method_follow_the_error_shapes(http):
    assert http.get("/v1/nothing").json()["error"]["code"] == "not_found"
    response = http.get("/api/chat")
    assert response.status_code == 405 and response.json()["ok"] is False


# ---------------------------------------------------------------- the real openai client
def test_openai_client_plain_and_streamed(base_url):
    import openai

    client = openai.OpenAI(base_url=f"{base_url}/v1", api_key="unused", max_retries=0)
    assert [m.id for m in client.models.list()] == [QWEN, TUTOR, BARE]
    messages = [{"role": "system", "content": "ignored"}, {"role": "user", "content": "¿Qué estudió Inés?"}]
    completion = client.chat.completions.create(model=QWEN, messages=messages, max_tokens=6)
    content = completion.choices[0].message.content
    assert completion.model == QWEN and isinstance(content, str) and content
    assert completion.choices[0].finish_reason in ("stop", "length")
    assert 0 < completion.usage.completion_tokens <= 6 and completion.usage.prompt_tokens > 10

    pieces, finish, answer = [], None, None
    for chunk in client.chat.completions.create(model=QWEN, messages=messages, max_tokens=6, stream=True):
        assert chunk.object == "chat.completion.chunk"
        delta = chunk.choices[0].delta
        if delta.content:
            pieces.append(delta.content)
        if chunk.choices[0].finish_reason:
            finish, answer = chunk.choices[0].finish_reason, chunk.model_extra.get("answer")
    assert len(pieces) >= 1 and finish == completion.choices[0].finish_reason
    # Greedy decoding: the streamed answer is the non-streamed one.
    assert answer == content
    assert "".join(pieces) == content or content == "No tengo esa información."

    with pytest.raises(openai.NotFoundError, match="unknown model"):
        client.chat.completions.create(model="gpt-4o", messages=messages, max_tokens=6)
    with pytest.raises(openai.BadRequestError, match="max_tokens"):
        client.chat.completions.create(model=QWEN, messages=messages, max_tokens=500)


def test_raw_stream_is_server_sent_events(http):
    with http.stream("POST", "/v1/chat/completions", json=chat("hola", max_tokens=4, stream=True)) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        text = "".join(response.iter_text())
    events = [block for block in text.split("\n\n") if block]
    assert all(block.startswith("data: ") for block in events)
    assert events[-1] == "data: [DONE]"
    first = json.loads(events[0][6:])
    assert first["choices"][0]["delta"]["role"] == "assistant"
    last = json.loads(events[-2][6:])
    assert last["choices"][0]["finish_reason"] in ("stop", "length")


# ---------------------------------------------------------------- several recipes, one base
def test_model_field_picks_the_recipe_adapter_and_format(http, engine, runs_root):
    """Each recipe answers exactly as it does when loaded alone (its adapter, prompt and settings)."""
    from tools import generation
    from tools.prompting import generation_prompt
    from tools.serve.server import load_recipes

    question = "¿Qué es un tipo genérico?"
    answers = {}
    for name in (QWEN, TUTOR):
        response = http.post("/v1/chat/completions", json=chat(question, model=name, max_tokens=6, temperature=0))
        assert response.status_code == 200, response.text
        assert response.headers["x-adapter"] == name
        body = response.json()
        recipe = load_recipes([name], model=EMBEDDED, overrides=[SHORT])[0]
        alone = generation.load(recipe)  # base + this recipe's adapter only
        assert body["usage"]["prompt_tokens"] == len(generation_prompt(recipe.config, alone.tokenizer, question))
        settings = generation.Settings.from_recipe(recipe.config, max_new_tokens=6, do_sample=False)
        assert body["choices"][0]["message"]["content"] == generation.answer(alone, question, settings=settings).text
        answers[name] = body
    assert answers[QWEN]["usage"]["prompt_tokens"] != answers[TUTOR]["usage"]["prompt_tokens"]


def test_recipes_over_different_bases_are_refused(runs_root, embedded, tmp_path):
    import shutil

    from tools.serve.engine import ServeError, load_engine
    from tools.serve.server import load_recipes

    other = tmp_path / "other-model"
    other.mkdir()
    shutil.copy(embedded.path / "config.json", other / "config.json")  # a different local model folder
    recipes = load_recipes([QWEN], model=EMBEDDED) + load_recipes([TUTOR], model=str(other))
    with pytest.raises(ServeError, match="must share one base model.*deepseek8b-ts-tutor -> "):
        load_engine(recipes)


# ---------------------------------------------------------------- time limit
def test_slow_generation_stops_at_the_time_limit(http):
    """serve.timeout_s=0.001, counted from arrival: the deadline passes before any token, and an empty
    answer is a 504 (an answer cut after its first token would be a 200 with finish_reason length)."""
    response = http.post("/v1/chat/completions", json=chat("Informe: proyecto Atlas, en curso.", model=BARE))
    if response.status_code == 200:
        body = response.json()
        assert body["choices"][0]["finish_reason"] == "length" and body["usage"]["completion_tokens"] == 1
        assert response.headers["x-adapter"] == "none"  # no adapter trained: the base model answers
    else:
        assert response.status_code == 504, response.text
        assert response.json()["error"]["code"] == "timeout"
    api = http.post("/api/chat", json={"message": "Informe: proyecto Atlas, en curso.", "model": BARE})
    assert api.status_code in (200, 504)
    assert api.json()["ok"] is (api.status_code == 200)
    if api.status_code == 200:
        assert api.json()["finish_reason"] == "length"


# ---------------------------------------------------------------- API key, through the real command
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_cli_server_requires_the_api_key(runs_root):
    import httpx
    import openai

    port = _free_port()
    env = {**os.environ, "SERVE_API_KEY": "s3cret", "LLM_RECIPES_RUNS": str(runs_root), "OMP_NUM_THREADS": "1"}
    command = [sys.executable, "-m", "tools.serve", QWEN, "--model", EMBEDDED, "--set", SHORT, "--port", str(port),
               "--log-level", "warning"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        while True:
            assert process.poll() is None, process.stdout.read()
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.5)
        assert httpx.get(f"{url}/").status_code == 200  # the page and /health stay open
        denied = httpx.post(f"{url}/api/chat", json={"message": "hola"})
        assert denied.status_code == 401 and "API key" in denied.json()["error"]
        wrong = httpx.get(f"{url}/v1/models", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "invalid_api_key"
        with pytest.raises(openai.AuthenticationError):
            openai.OpenAI(base_url=f"{url}/v1", api_key="nope", max_retries=0).models.list()
        client = openai.OpenAI(base_url=f"{url}/v1", api_key="s3cret", max_retries=0)
        models = client.models.list()
        assert [m.id for m in models] == [QWEN] and models.data[0].model_extra["adapter"].endswith("adapter")
        completion = client.chat.completions.create(model=QWEN, messages=[{"role": "user", "content": "hola"}],
                                                    max_tokens=4)
        assert completion.choices[0].message.content
    finally:
        process.terminate()
        process.wait(timeout=30)


# ---------------------------------------------------------------- fuzzing the OpenAPI description
@pytest.fixture(scope="module")
def api_schema(app):
    import schemathesis

    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _fuzz_schema():
    try:
        import schemathesis
    except ImportError:  # pragma: no cover - listed in requirements.txt
        return None
    return schemathesis.pytest.from_fixture("api_schema")


_schema = _fuzz_schema()


if _schema is not None:
    from hypothesis import HealthCheck, settings

    @pytest.mark.slow
    @_schema.parametrize()
    @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    def test_fuzz_api_never_fails_with_a_server_error(case):
        from schemathesis import checks

        case.call_and_validate(checks=[checks.not_a_server_error, checks.status_code_conformance,
                                       checks.content_type_conformance, checks.response_schema_conformance])


# ---------------------------------------------------------------- structured output
SMALL_SCHEMA = {"type": "object", "properties": {"fecha": {"type": "boolean"}, "n": {"type": "integer", "minimum": 0,
                "maximum": 99}}, "required": ["fecha", "n"], "additionalProperties": False}


@pytest.mark.parametrize("response_format", [
    {"type": "json_schema", "json_schema": {"name": "small", "schema": SMALL_SCHEMA, "strict": True}},
    {"type": "json_object"},
], ids=["json_schema", "json_object"])
def test_response_format_constrains_the_answer(http, response_format):
    """OpenAI's response_format: the answer is generated inside the schema (a model never trained for it
    still gives valid JSON), streamed or not."""
    from jsonschema import Draft202012Validator

    schema = response_format.get("json_schema", {}).get("schema", {"type": "object"})
    for stream in (False, True):
        payload = chat("Dame un objeto.", response_format=response_format, max_tokens=24, stream=stream)
        response = http.post("/v1/chat/completions", json=payload)
        assert response.status_code == 200, response.text
        if stream:
            chunks = [json.loads(line[6:]) for line in response.text.splitlines() if line.startswith("data: {")]
            text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks if c["choices"])
            finish = [c["choices"][0]["finish_reason"] for c in chunks if c["choices"] and c["choices"][0]["finish_reason"]]
        else:
            choice = response.json()["choices"][0]
            text, finish = choice["message"]["content"], [choice["finish_reason"]]
        if finish == ["stop"]:  # complete: valid JSON in the schema
            assert list(Draft202012Validator(schema).iter_errors(json.loads(text))) == []
        else:  # cut by max_tokens: reported, never passed off as complete
            assert finish == ["length"]
