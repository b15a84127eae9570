"""The server under load, over real HTTP on the embedded model (tools/serve/batching.py, decoding.py,
metrics.py): requests that arrive together are decoded together and answer exactly as one-by-one
greedy generation (fp32, two recipes with their own adapters in one batch); a full queue answers
503 with Retry-After in both error shapes; the deadline ends an answer with finish_reason "length";
a client that hangs up, streaming or not, stops its generation within one decoding step; /metrics
is Prometheus text; the access log is one JSON line per request, without content unless asked.

The adapters are random LoRAs (tests/serve_support.py): their answers are long nonsense, so a
generation runs to max_tokens unless something stops it, which is what these tests need.
"""
from __future__ import annotations

import json
import logging
import os
import re
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.serve_support import make_adapter

EMBEDDED = "smollm2-135m-instruct"
QWEN, TUTOR = "qwen-personal-qa", "deepseek8b-ts-tutor"
# fp32: batched and one-by-one matmuls agree to the last bit that matters (in bf16, different batch
# shapes round differently and a near-tie can flip a token). Requests may ask for up to 4 x 64 tokens.
FP32 = "bf16=false generation.max_new_tokens=64"
QUESTIONS = ["¿Dónde vive Inés?", "¿Qué es un tipo genérico?", "Explica la búsqueda binaria en dos frases.", "hola",
             "¿Qué estudió Inés y en qué universidad?", "¿Cuál es la complejidad de ordenar por mezcla?"]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    import torch

    from tools.serve.engine import load_engine
    from tools.serve.server import load_recipes

    root = tmp_path_factory.mktemp("batching") / "runs"
    make_adapter(root, QWEN, seed=0)
    make_adapter(root, TUTOR, seed=1)
    previous, threads = os.environ.get("LLM_RECIPES_RUNS"), torch.get_num_threads()
    os.environ["LLM_RECIPES_RUNS"] = str(root)
    torch.set_num_threads(1)  # shared CI cores: one thread is much faster than two fighting
    try:
        yield load_engine(load_recipes([QWEN, TUTOR], model=EMBEDDED, overrides=[FP32]))
    finally:
        torch.set_num_threads(threads)
        if previous is None:
            os.environ.pop("LLM_RECIPES_RUNS", None)
        else:
            os.environ["LLM_RECIPES_RUNS"] = previous


def serve(engine, **limits):
    """A server over the shared engine with its own scheduler and limits; yields (app, base URL)."""
    import contextlib

    from tools.serve.app import create_app
    from tools.serve.server import running

    @contextlib.contextmanager
    def context():
        app = create_app(engine, api_key=None, **limits)
        try:
            with running(app) as url:
                yield app, url
        finally:
            app.state.scheduler.close()

    return context()


def chat(message: str, model: str = QWEN, **extra) -> dict:
    return {"model": model, "messages": [{"role": "user", "content": message}], **extra}


def access_lines(caplog, path: str | None = None) -> list[dict]:
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "tools.serve.access"]
    return [line for line in lines if path is None or line["path"] == path]


def wait_for(condition, seconds: float = 15.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"not within {seconds} s")


# ---------------------------------------------------------------- batching
@pytest.fixture(scope="module")
def one_by_one(engine):
    """Each recipe loaded alone (base + its own adapter), as `make chat` and `make eval` load it."""
    from tools import generation
    from tools.serve.server import load_recipes

    recipes = {name: load_recipes([name], model=EMBEDDED, overrides=[FP32])[0] for name in (QWEN, TUTOR)}
    return {name: (recipe, generation.load(recipe)) for name, recipe in recipes.items()}


def test_requests_decoded_together_answer_as_one_by_one_greedy(engine, one_by_one):
    """Eight requests of two recipes at once, streamed and not: every answer equals tools.generation's
    one-by-one greedy answer with that recipe alone (base + its adapter), and steps held several rows."""
    import httpx

    from tools import generation

    requests = [(QUESTIONS[i % len(QUESTIONS)], (QWEN, TUTOR)[i % 2], i % 3 == 0) for i in range(8)]
    with serve(engine) as (app, url):
        def ask(item):
            question, model, stream = item
            # Different max_tokens per request: rows with different settings share the batch.
            body = chat(question, model, max_tokens=12 + len(question) % 5, temperature=0, stream=stream)
            with httpx.Client(base_url=url, timeout=300) as client:
                if not stream:
                    response = client.post("/v1/chat/completions", json=body)
                    assert response.status_code == 200, response.text
                    return response.json()["choices"][0]["message"]["content"], body["max_tokens"]
                with client.stream("POST", "/v1/chat/completions", json=body) as response:
                    events = [json.loads(line[6:]) for line in response.iter_lines()
                              if line.startswith("data: {")]
                    assert response.status_code == 200
                return events[-1]["answer"], body["max_tokens"]

        with ThreadPoolExecutor(len(requests)) as pool:
            answers = list(pool.map(ask, requests))
        rows = app.state.metrics.batch_size
        assert sum(rows.counts[1:]) > 0, "no decoding step held more than one row"
    for (question, model, _), (answer, max_tokens) in zip(requests, answers):
        recipe, alone = one_by_one[model]
        settings = generation.Settings.from_recipe(recipe.config, max_new_tokens=max_tokens, do_sample=False)
        assert answer == generation.answer(alone, question, settings=settings).text, (model, question)


# ---------------------------------------------------------------- the bounded queue
def test_a_full_queue_answers_503_with_retry_after(engine):
    import httpx

    with serve(engine, max_batch=1, max_queue=1) as (app, url):
        def ask(index: int) -> httpx.Response:
            with httpx.Client(base_url=url, timeout=300) as client:
                if index % 2:
                    return client.post("/api/chat", json={"message": "hola", "model": TUTOR, "max_tokens": 16})
                return client.post("/v1/chat/completions", json=chat("hola", TUTOR, max_tokens=16))

        with ThreadPoolExecutor(6) as pool:
            responses = list(pool.map(ask, range(6)))
        statuses = sorted(r.status_code for r in responses)
        assert statuses.count(503) >= 3 and statuses.count(200) >= 1, statuses  # 1 row + 1 waiting
        for response in responses:
            if response.status_code != 503:
                continue
            assert int(response.headers["retry-after"]) >= 1
            if "error" in response.json() and isinstance(response.json()["error"], dict):
                error = response.json()["error"]
                assert error["type"] == "server_error" and error["code"] == "server_overloaded"
                assert "SERVE_MAX_QUEUE=1" in error["message"]
            else:
                assert response.json()["ok"] is False and "capacity" in response.json()["error"]
        metrics = app.state.metrics.render()
        assert re.search(r'serve_requests_total\{path="/(v1/chat/completions|api/chat)",status="503"\} [1-9]', metrics)
        assert app.state.scheduler.waiting == 0 and app.state.scheduler.running == 0


# ---------------------------------------------------------------- the deadline
def test_the_deadline_ends_answers_with_length(engine):
    """SERVE_TIMEOUT_S (here create_app's timeout_s): counted from arrival, streamed or not."""
    import httpx

    with serve(engine, timeout_s=1.5) as (app, url), httpx.Client(base_url=url, timeout=300) as client:
        start = time.monotonic()
        response = client.post("/v1/chat/completions", json=chat("¿Qué es un tipo genérico?", TUTOR, max_tokens=256))
        assert time.monotonic() - start < 15
        body = response.json()
        assert response.status_code == 200 and body["choices"][0]["finish_reason"] == "length"
        assert 0 < body["usage"]["completion_tokens"] < 256
        with client.stream("POST", "/v1/chat/completions", json=chat("hola", TUTOR, max_tokens=256, stream=True)) as r:
            events = [json.loads(line[6:]) for line in r.iter_lines() if line.startswith("data: {")]
        assert events[-1]["choices"][0]["finish_reason"] == "length"


# ---------------------------------------------------------------- hang-ups
def test_a_client_that_hangs_up_mid_stream_stops_its_generation(engine, caplog):
    import httpx

    caplog.set_level(logging.INFO, logger="tools.serve.access")
    with serve(engine) as (app, url), httpx.Client(base_url=url, timeout=300) as client:
        body = chat("¿Qué es un tipo genérico?", TUTOR, max_tokens=256, stream=True)
        with client.stream("POST", "/v1/chat/completions", json=body) as response:
            for line in response.iter_lines():
                if line.startswith("data: {") and json.loads(line[6:])["choices"][0]["delta"].get("content"):
                    break  # the first piece of the answer: hang up
        line = wait_for(lambda: next(iter(access_lines(caplog, "/v1/chat/completions")), None))
        assert line["status"] == 499 and line["cancelled"] is True
        assert line["tokens_after_cancel"] <= 1 and line["completion_tokens"] < 100
        assert wait_for(lambda: app.state.scheduler.running == 0)
        metrics = app.state.metrics
        assert metrics.after_cancel.counts[0] + metrics.after_cancel.counts[1] == sum(metrics.after_cancel.counts) == 1


def test_a_client_that_hangs_up_before_its_answer_cancels_it(engine, caplog):
    """Not streamed: the server notices the closed connection while the answer is being generated."""
    caplog.set_level(logging.INFO, logger="tools.serve.access")
    with serve(engine) as (app, url):
        host, port = url.removeprefix("http://").split(":")
        payload = json.dumps(chat("Explica la búsqueda binaria.", TUTOR, max_tokens=256)).encode()
        with socket.create_connection((host, int(port))) as sock:
            sock.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         + f"Content-Length: {len(payload)}\r\n\r\n".encode() + payload)
            wait_for(lambda: app.state.scheduler.running == 1)
            time.sleep(0.3)
        line = wait_for(lambda: next(iter(access_lines(caplog, "/v1/chat/completions")), None))
        assert line["status"] == 499 and line["cancelled"] is True and line["tokens_after_cancel"] <= 1
        assert 0 < line["completion_tokens"] < 100
        assert app.state.scheduler.running == 0


# ---------------------------------------------------------------- observability
METRIC_LINE = re.compile(r'^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="[^"]*"(,[a-zA-Z_][a-zA-Z0-9_]*="[^"]*")*\})? '
                         r'-?[0-9.eE+-]+$')


def test_metrics_are_prometheus_text_and_the_log_has_no_content(engine, caplog):
    import httpx

    caplog.set_level(logging.INFO, logger="tools.serve.access")
    with serve(engine) as (app, url), httpx.Client(base_url=url, timeout=300) as client:
        secret = "mi número secreto es 4321"
        assert client.post("/v1/chat/completions", json=chat(secret, max_tokens=4)).status_code == 200
        assert client.post("/api/chat", json={"message": "   "}).status_code == 400
        response = client.get("/metrics")
        lines = wait_for(lambda: access_lines(caplog) if len(access_lines(caplog)) >= 2 else None)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    families, values = set(), {}
    for line in response.text.splitlines():
        if line.startswith("# TYPE "):
            families.add(line.split()[2])
        elif not line.startswith("#"):
            assert METRIC_LINE.match(line), line
            key, value = line.rsplit(" ", 1)
            values[key] = float(value)
    assert {"serve_requests_total", "serve_request_duration_seconds", "serve_time_to_first_token_seconds",
            "serve_generated_tokens_total", "serve_tokens_per_second", "serve_queue_depth", "serve_batch_rows",
            "serve_queue_limit", "serve_batch_limit", "serve_batch_size", "serve_tokens_after_cancel",
            "serve_worker_up", "process_resident_memory_bytes"} <= families
    assert values['serve_requests_total{path="/v1/chat/completions",status="200"}'] == 1
    assert values['serve_requests_total{path="/api/chat",status="400"}'] == 1
    assert values["serve_time_to_first_token_seconds_count"] == 1
    assert values['serve_time_to_first_token_seconds_bucket{le="+Inf"}'] == 1
    assert values["serve_generated_tokens_total"] >= 1 and values["process_resident_memory_bytes"] > 1e8
    good = next(line for line in lines if line["path"] == "/v1/chat/completions")
    assert good["status"] == 200 and good["model"] == QWEN and good["stream"] is False
    assert good["completion_tokens"] >= 1 and good["ttft_s"] > 0 and good["prompt_tokens"] > 10
    bad = next(line for line in lines if line["path"] == "/api/chat")
    assert bad["status"] == 400 and bad["error"] == "empty_message"
    assert all("messages" not in line and "answer" not in line and secret not in json.dumps(line) for line in lines)


def test_the_log_has_the_conversation_with_serve_log_content(engine, caplog):
    import httpx

    caplog.set_level(logging.INFO, logger="tools.serve.access")
    with serve(engine, log_content=True) as (app, url), httpx.Client(base_url=url, timeout=300) as client:
        answer = client.post("/api/chat", json={"message": "¿Dónde vive Inés?", "max_tokens": 4}).json()["answer"]
        line = wait_for(lambda: next(iter(access_lines(caplog, "/api/chat")), None))
    assert line["messages"] == [{"role": "user", "content": "¿Dónde vive Inés?"}] and line["answer"] == answer


def test_limits_from_the_environment_are_checked():
    from tools.serve.batching import limits_from_env

    assert limits_from_env({"SERVE_MAX_BATCH": "4"}) == (4, 8)
    assert limits_from_env({"SERVE_MAX_BATCH": "4", "SERVE_MAX_QUEUE": "0"}) == (4, 0)
    batch, queue = limits_from_env({})
    assert 1 <= batch <= 64 and queue == 2 * batch
    for bad in ({"SERVE_MAX_BATCH": "0"}, {"SERVE_MAX_BATCH": "many"}, {"SERVE_MAX_QUEUE": "-1"}):
        with pytest.raises(ValueError, match="SERVE_MAX"):
            limits_from_env(bad)
