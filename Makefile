# Two commands on a fresh machine:
#   make run    -> creates .venv, installs everything, analyses a bundled sample session
#   make test   -> the same set-up, then lint + the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SAMPLE ?= sample_sessions/matched.flac

.PHONY: run test test-newest test-data app bench audit system-deps clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

system-deps:
	bash scripts/system-deps.sh

run: $(BIN)/.installed
	$(BIN)/rapport analyze $(SAMPLE) --out rapport-out/$(notdir $(basename $(SAMPLE)))

app: $(BIN)/.installed
	$(BIN)/streamlit run app.py

test: system-deps $(BIN)/.installed test-data
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache > .lint-imports.log || { cat .lint-imports.log; exit 1; }
	$(BIN)/python -m pytest

# Real two-person speech with a reference RTTM for the diarization tests (MIT, 30 s): the sample inside
# pyannote-audio's wheel. Only the wheel is downloaded (pyannote is not installed). Tests skip, saying why,
# when this cannot be fetched (offline machine).
PYANNOTE_WHEEL := .cache/pyannote_audio-4.0.7-py3-none-any.whl
test-data: tests/data/pyannote/sample.wav

tests/data/pyannote/sample.wav: | $(BIN)/.installed
	mkdir -p .cache tests/data/pyannote
	test -f $(PYANNOTE_WHEEL) || $(BIN)/python -m pip download --quiet --no-deps pyannote-audio==4.0.7 -d .cache \
		|| echo "test-data: could not download pyannote-audio 4.0.7; the DER tests on its sample will be skipped"
	test ! -f $(PYANNOTE_WHEEL) || $(BIN)/python -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); \
		[open('tests/data/pyannote/'+n.rsplit('/',1)[1],'wb').write(z.read(n)) for n in \
		('pyannote/audio/sample/sample.wav','pyannote/audio/sample/sample.rttm')]" $(PYANNOTE_WHEEL)

# The suite again on the newest Python here (3.12 or later), where pip picks other releases (CI runs it too).
test-newest: system-deps test-data
	bash scripts/test_newest_python.sh

audit: $(BIN)/.installed
	$(BIN)/python scripts/audit_deps.py

bench: $(BIN)/.installed
	$(BIN)/python bench/asr.py

clean:
	rm -rf rapport-out .pytest_cache
