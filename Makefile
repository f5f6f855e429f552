# Two commands on a fresh machine:
#   make run    -> creates .venv, installs everything, analyses a bundled sample session
#   make test   -> the same set-up, then lint + the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SAMPLE ?= sample_sessions/matched.flac

.PHONY: run test app bench system-deps clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

system-deps:
	bash scripts/system-deps.sh

run: $(BIN)/.installed
	$(BIN)/rapport transcribe $(SAMPLE) --out rapport-out/sample

app: $(BIN)/.installed
	$(BIN)/streamlit run app.py

test: system-deps $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

bench: $(BIN)/.installed
	$(BIN)/python bench/asr.py

clean:
	rm -rf rapport-out .pytest_cache
