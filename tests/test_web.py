"""The chat page in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Types a question and presses Enter: the streamed answer must match the API's; an empty message
and a too-long one show errors in the chat; light, dark and mobile screenshots are written to
test-artifacts/ (gitignored). CI needs `apt-get install -y chromium` and `pip install playwright`
(no `playwright install`: the system Chromium is used).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.serve_support import make_adapter

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
EMBEDDED = "smollm2-135m-instruct"
SHORT = "generation.max_new_tokens=6"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="/usr/bin/chromium is missing: `apt-get install -y chromium` to run the page test")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    import torch

    from tools.serve.app import create_app
    from tools.serve.engine import load_engine
    from tools.serve.server import load_recipes, running

    root = tmp_path_factory.mktemp("web") / "runs"
    make_adapter(root, "qwen-personal-qa", seed=0)
    previous, threads = os.environ.get("LLM_RECIPES_RUNS"), torch.get_num_threads()
    os.environ["LLM_RECIPES_RUNS"] = str(root)
    torch.set_num_threads(1)  # shared CI cores: one thread is much faster than two fighting
    try:
        recipes = load_recipes(["qwen-personal-qa", "deepseek8b-ts-tutor"], model=EMBEDDED, overrides=[SHORT])
        with running(create_app(load_engine(recipes), api_key=None)) as url:
            yield url
    finally:
        torch.set_num_threads(threads)
        if previous is None:
            os.environ.pop("LLM_RECIPES_RUNS", None)
        else:
            os.environ["LLM_RECIPES_RUNS"] = previous


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (see requirements.txt)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


def _open(browser, base_url, **context):
    page = browser.new_context(**context).new_page()
    page.set_default_timeout(90_000)
    page.goto(base_url)
    page.wait_for_function("document.querySelectorAll('#model option').length === 2")
    return page


def _ask(page, text: str) -> None:
    page.fill("#input", text)
    page.press("#input", "Enter")


def test_page_streams_an_answer_and_shows_errors(browser, base_url):
    import httpx

    ARTIFACTS.mkdir(exist_ok=True)
    page = _open(browser, base_url, viewport={"width": 1000, "height": 700}, color_scheme="light")
    options = page.eval_on_selector_all("#model option", "nodes => nodes.map(n => n.value)")
    assert options == ["qwen-personal-qa", "deepseek8b-ts-tutor"]
    assert page.is_visible("#note") and "independiente" in page.inner_text("#note")
    assert page.inner_text("#note").count("Aviso") == 0  # qwen has its adapter

    question = "¿Dónde vive Inés?"
    _ask(page, question)
    assert page.is_disabled("#send")  # disabled while waiting
    page.wait_for_selector("#send:not([disabled])")
    bubbles = page.locator(".msg.assistant:not(.typing)")
    assert bubbles.count() == 1
    shown = bubbles.first.inner_text().strip()
    expected = httpx.post(f"{base_url}/v1/chat/completions", timeout=120, json={
        "model": "qwen-personal-qa", "messages": [{"role": "user", "content": question}]}).json()
    assert shown and shown == expected["choices"][0]["message"]["content"].strip()
    assert page.locator(".msg.user").first.inner_text() == question
    assert page.is_hidden("#typing")

    _ask(page, "")
    page.wait_for_selector(".msg.error")
    assert "Escribe un mensaje" in page.locator(".msg.error").last.inner_text()
    page.screenshot(path=str(ARTIFACTS / "web-light.png"))

    _ask(page, "a" * 4001)  # over serve.max_message_chars: the server's 400 is shown in the chat
    page.wait_for_function("document.querySelectorAll('.msg.error').length === 2")
    assert "at most 4000" in page.locator(".msg.error").last.inner_text()

    page.select_option("#model", "deepseek8b-ts-tutor")  # switching recipe starts a new conversation
    assert page.locator(".msg").count() == 1 and "sin adaptador" in page.inner_text("#model")
    assert "Aviso" in page.inner_text("#note")
    _ask(page, "¿Qué es un tipo genérico?")
    page.wait_for_selector("#send:not([disabled])")
    page.locator(".msg.assistant:not(.typing)").first.wait_for()
    light_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.screenshot(path=str(ARTIFACTS / "web-light-other-recipe.png"))

    dark = _open(browser, base_url, viewport={"width": 1000, "height": 700}, color_scheme="dark")
    _ask(dark, question)
    dark.wait_for_selector("#send:not([disabled])")
    _ask(dark, "")
    dark.wait_for_selector(".msg.error")
    assert dark.evaluate("getComputedStyle(document.body).backgroundColor") != light_bg
    dark.screenshot(path=str(ARTIFACTS / "web-dark.png"))

    mobile = _open(browser, base_url, viewport={"width": 390, "height": 760}, color_scheme="dark",
                   is_mobile=True, has_touch=True)
    _ask(mobile, question)
    mobile.wait_for_selector("#send:not([disabled])")
    assert mobile.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    box = mobile.locator("#send").bounding_box()
    assert box["x"] + box["width"] <= 390
    mobile.screenshot(path=str(ARTIFACTS / "web-mobile-dark.png"))
