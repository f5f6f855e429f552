"""Redact names and places from transcript text with spaCy's named entities."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from pipeline.types import RedactOptions


def redact_text(text: str, *, nlp, options: RedactOptions = RedactOptions(), known_names: Sequence[str] = ()) -> str:
    """Replace people's names and places in ``text``.

    Parameters
    ----------
    text : str
        Any text (a turn, a quote). Empty text gives empty text.
    nlp : spacy.language.Language
        A pipeline with an ``ner`` component (:func:`models.load_nlp`).
    options : RedactOptions
        Which entity labels count as names and places, and their replacements.
    known_names : sequence of str
        Names known to be in the session (the participants'); each of their
        words is replaced too, whatever its case, since Whisper's lower-case
        output often hides names from the entity recogniser.

    Returns
    -------
    str
        ``text`` with each entity span of a listed label replaced by
        ``options.name_token`` or ``options.place_token``; everything else unchanged.
    """
    if not text.strip():
        return text
    doc = nlp(text)
    out, pos = [], 0
    for ent in doc.ents:
        if ent.label_ in options.name_labels:
            token = options.name_token
        elif ent.label_ in options.place_labels:
            token = options.place_token
        else:
            continue
        # A possessive 's stays outside the replacement ("Sam's" -> "[NAME]'s").
        end = ent.end_char
        if ent.text.endswith("'s") or ent.text.endswith("\u2019s"):
            end -= 2
        out.append(text[pos:ent.start_char])
        out.append(token)
        pos = end
    out.append(text[pos:])
    return _known(("".join(out)), known_names, options.name_token)


def _known(text: str, names: Sequence[str], token: str) -> str:
    parts = sorted({w for n in names for w in re.findall(r"[^\W\d_][\w'-]*", n) if len(w) > 1}, key=len, reverse=True)
    if not parts:
        return text
    return re.sub(r"\b(?:" + "|".join(map(re.escape, parts)) + r")\b", token, text, flags=re.IGNORECASE)


def redactor(nlp, options: RedactOptions = RedactOptions(), known_names: Sequence[str] = ()) -> Callable[[str], str]:
    """``redact_text`` bound to a model, options and known names, for :meth:`pipeline.library.store.Store.export`."""
    return lambda text: redact_text(text, nlp=nlp, options=options, known_names=known_names)
