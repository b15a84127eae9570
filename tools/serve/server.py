"""Run the chat server with uvicorn: load the recipes once, then serve / , /api/chat and /v1.

    make serve RECIPE=qwen-personal-qa MODEL=smollm2-135m-instruct
    make serve RECIPES="qwen-personal-qa deepseek8b-ts-tutor" MODEL=smollm2-135m-instruct PORT=8001
    SERVE_API_KEY=secret python -m tools.serve qwen-personal-qa --model smollm2-135m-instruct

Binds to 127.0.0.1 unless --host says otherwise; set SERVE_API_KEY before exposing it further.
Any OpenAI client works: base_url=http://127.0.0.1:8000/v1, model=<recipe name>. Under load:
SERVE_MAX_BATCH, SERVE_MAX_QUEUE, SERVE_TIMEOUT_S and SERVE_LOG_CONTENT (tools/serve/app.py).
"""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
import threading
import time
from typing import Iterator


def load_recipes(names: list[str], model: str | None = None, overrides: list[str] | None = None,
                 profile: str | None = None) -> list:
    """Resolve the recipes as the run of each was trained (MODEL, PROFILE and SET from its manifest
    unless given again); dataset files need not exist to serve."""
    from tools.recipe import load_run_recipe

    return [load_run_recipe(name, model=model, overrides=overrides, profile=profile, check_paths=False) for name in names]


@contextlib.contextmanager
def running(app, host: str = "127.0.0.1", port: int = 0, log_level: str = "warning") -> Iterator[str]:
    """Serve `app` from a background thread (port 0: a free one); yields the base URL."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level=log_level, lifespan="off"))
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the server did not start on {host}:{port}")
        time.sleep(0.02)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def main(argv: list[str] | None = None) -> int:
    from tools.models import ModelNotAvailable
    from tools.recipe import RecipeError, add_recipe_arguments

    parser = argparse.ArgumentParser(prog="python -m tools.serve", description=__doc__.splitlines()[0])
    add_recipe_arguments(parser)
    parser.add_argument("more", nargs="*", metavar="recipe", help="more recipes over the same base model")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--log-level", default="info")
    args = parser.parse_args(argv)
    try:
        recipes = load_recipes([args.recipe, *args.more], args.model or None, args.overrides, args.profile or None)
    except RecipeError as error:
        print("\n".join(error.errors), file=sys.stderr)
        return 1
    import uvicorn

    from tools.serve.app import create_app
    from tools.serve.engine import ServeError, load_engine

    try:
        engine = load_engine(recipes)
    except (ServeError, ModelNotAvailable) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for served in engine.recipes.values():
        print(f"{served.name}: {served.source}", file=sys.stderr)
        if served.warning:
            print(f"warning: {served.name}: {served.warning}", file=sys.stderr)
    if args.host not in ("127.0.0.1", "localhost", "::1") and not os.environ.get("SERVE_API_KEY"):
        print(f"warning: listening on {args.host} without SERVE_API_KEY: anyone who can reach it can use it",
              file=sys.stderr)
    try:
        app = create_app(engine)
    except ValueError as error:  # SERVE_MAX_BATCH, SERVE_MAX_QUEUE or SERVE_TIMEOUT_S is not a number
        print(f"error: {error}", file=sys.stderr)
        return 1
    scheduler = app.state.scheduler
    print(f"Serving {', '.join(engine.recipes)} on http://{args.host}:{args.port}/ "
          f"(OpenAI API: http://{args.host}:{args.port}/v1; metrics: /metrics)", file=sys.stderr)
    deadline = (f"{float(os.environ['SERVE_TIMEOUT_S']):g} s (SERVE_TIMEOUT_S)" if os.environ.get("SERVE_TIMEOUT_S")
                else ", ".join(sorted({f"{s.timeout_s:g} s" for s in engine.recipes.values()})) + " (serve.timeout_s)")
    print(f"Limits: {scheduler.max_batch} requests decoded together (SERVE_MAX_BATCH), {scheduler.max_queue} more "
          f"waiting (SERVE_MAX_QUEUE; beyond: 503 + Retry-After), deadline per request {deadline}", file=sys.stderr)
    # uvicorn's own access log is off: tools/serve/metrics.py writes one JSON line per request.
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
