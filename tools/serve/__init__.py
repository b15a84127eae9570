"""Chat server for trained recipes: an OpenAI-compatible API, a small JSON API and a web page.

    make serve RECIPE=qwen-personal-qa MODEL=smollm2-135m-instruct
    make serve RECIPES="qwen-personal-qa deepseek8b-ts-tutor" MODEL=smollm2-135m-instruct PORT=8000
    python -m tools.serve qwen-personal-qa --model smollm2-135m-instruct --port 8000

engine.py loads the recipes (one base model, one PEFT adapter per recipe) and turns requests into
jobs; batching.py queues them (bounded) and decodes them together on one thread with decoding.py
(continuous batching, per-row settings and adapters); app.py builds the FastAPI app (shapes.py: its
request, response and error shapes; metrics.py: /metrics and the JSON access log); server.py runs
it with uvicorn; static/ holds the page served at /.
"""
