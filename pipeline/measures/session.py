"""All rapport and psychological-safety measures of a session, as indicators with evidence.

Entry point: :func:`measure_session`. Roles come from ``speakers``
(:func:`pipeline.measures.roles.assign_roles` gives the stated rule when nobody set them). It measures each turn
(timing, rates, loudness and pitch, question class), totals per speaker and the mentor's matching of the mentee,
gathers them in one :class:`pipeline.measures.context.SessionContext`, and builds from it every indicator of the
table :data:`pipeline.measures.indicators.INDICATORS`.
"""

from __future__ import annotations

import csv
import io
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import NamedTuple

import numpy as np

from pipeline.errors import InvalidParameterError
from pipeline.io.audio import release_pages
from pipeline.io.transcripts import ESTIMATED_WPM
from pipeline.measures import language as lang
from pipeline.measures import prosody, turntaking
from pipeline.measures.confidence import base_confidence, rank
from pipeline.measures.context import MatchedPair, Monologue, SessionContext
from pipeline.measures.entrainment import entrainment
from pipeline.measures.helping import code_turns
from pipeline.measures.indicator_spec import TIMES_GIVEN
from pipeline.measures.indicators import build_indicators
from pipeline.measures.stats import rounded
from pipeline.speech.events import find_events, turn_activity
from pipeline.types import (
    TURN_TIMES,
    EntrainmentResult,
    MeasureOptions,
    ProsodyFeatures,
    Recording,
    SessionMeasures,
    SpeakerInfo,
    SpeakerSummary,
    SpeechEvent,
    Turn,
    TurnMeasures,
)
from pipeline.types.base import Confidence

EDGE_SEARCH_S = 0.3  # how far outside Whisper's word edges the speech edges may lie, seconds
#: How far a stored turn measure's start and end may lie from its turn's (``turn_acoustics``), seconds.
STORED_TIMES_TOLERANCE_S = 0.01


class TurnAudio(NamedTuple):
    """What one turn's audio gives (without audio, its words alone): the per-turn values that can be stored.

    Attributes
    ----------
    n_words : int
    speech_s : float
        Speaking time, seconds (the speech edges found in the audio, else first word start to last word end).
    pace_wpm : float or None
        Words per minute over ``speech_s``.
    n_syllables : int
    articulation_sps : float or None
        Syllables per second, pauses left out.
    prosody : ProsodyFeatures
        Loudness and pitch; all None without audio.
    """

    n_words: int
    speech_s: float
    pace_wpm: float | None
    n_syllables: int
    articulation_sps: float | None
    prosody: ProsodyFeatures


def measure_session(
    turns: Sequence[Turn], speakers: Sequence[SpeakerInfo], *, recording: Recording | None = None, nlp,
    options: MeasureOptions = MeasureOptions(), syllable_table: Mapping[str, int] | None = None,
    attribution_confidence: Confidence = "high", overlaps_observable: bool = True, turn_times: str = "measured",
    turn_acoustics: Sequence[TurnMeasures] | None = None, events: Sequence[SpeechEvent] | None = None,
) -> SessionMeasures:
    """Measure turn-taking, questions, language, prosody and matching; build the indicators.

    Parameters
    ----------
    turns : sequence of Turn
        In time order. Turns with ``words`` give word-level timing (rates, pauses).
    speakers : sequence of SpeakerInfo
        Roles; the ``"mentor"`` and ``"mentee"`` entries are used.
    recording : Recording or None
        The audio; None (transcript input) makes loudness/pitch indicators
        ``available=False``, unless ``turn_acoustics`` gives them.
    nlp : spacy.language.Language
    options : MeasureOptions
    syllable_table : mapping or None
        Word -> syllables (:func:`models.load_syllable_table`); None uses the
        ``syllables`` heuristic only.
    attribution_confidence : {"low", "medium", "high"}
        Who-spoke-when quality (:func:`pipeline.measures.confidence.session_confidence`); caps every
        indicator's confidence.
    overlaps_observable : bool
        Whether the turns can show two people talking at once: True (default)
        for dual-channel audio and for transcripts (whose cues may overlap);
        False for one-channel audio, where attribution gives one speaker per
        moment, so turns never overlap and no interruption can be seen. False
        makes the interruption indicators ``available=False`` with the reason,
        instead of a count of 0 that would read as "never interrupts".
    turn_times : str
        Where the turns' times come from (:data:`pipeline.types.TURN_TIMES`):
        ``"measured"`` (default: audio, or transcript cues with start and end),
        ``"starts"`` or ``"none"`` (a transcript without end times, whose turn ends are
        estimated). Without measured ends, pace, pauses and interruptions are
        ``available=False`` with the reason, per-turn pace and gaps are None, the
        talk shares say they come from word counts (confidence at most medium),
        and with ``"none"`` the per-minute rates say their minutes are estimated.
    turn_acoustics : sequence of TurnMeasures or None
        Per-turn measures stored from an earlier run on the same turns (same length and order as ``turns``), to
        measure again without the audio (after a change of roles, say). When given and ``recording`` is None,
        each turn's ``speech_s``, ``pace_wpm``, ``n_syllables``, ``articulation_sps`` and ``prosody`` are taken
        from them, and the session counts as measured on its audio (loudness and pitch indicators available);
        everything that depends on the roles is measured again from ``speakers``. Ignored when ``recording``
        is given.
    events : sequence of SpeechEvent or None
        Interruptions and listening signals from who spoke when (:func:`pipeline.speech.events.find_events`);
        None finds them from the turns' spans (a transcript's cues are its speaker activity).

    Raises
    ------
    InvalidParameterError
        ``turn_times`` not one of :data:`pipeline.types.TURN_TIMES`; ``attribution_confidence`` not a level;
        ``turn_acoustics`` not one per turn, or with times other than the turns'.

    Returns
    -------
    SessionMeasures
        Empty ``turns`` gives no turn measures and indicators with value None.
    """
    if turn_times not in TURN_TIMES:
        raise InvalidParameterError(f"turn_times={turn_times!r} is not one of {TURN_TIMES}; say where the turn "
                                    "times come from")
    rank(attribution_confidence)  # an unknown level fails here, before the audio is read
    order = sorted(range(len(turns)), key=lambda i: turns[i].start_s)
    turns = [turns[i] for i in order]
    if recording is not None:
        per_turn = from_audio(turns, recording, table=syllable_table, options=options)
    elif turn_acoustics is not None:
        per_turn = from_stored(turns, reorder_stored(turn_acoustics, order))
    else:
        per_turn = from_words(turns, table=syllable_table, options=options)
    if events is None:
        events = find_events(turn_activity(turns), confidence=attribution_confidence, options=options.events)
    return _measure(turns, per_turn, speakers, nlp=nlp, options=options,
                    acoustic=recording is not None or turn_acoustics is not None,
                    attribution_confidence=attribution_confidence, overlaps_observable=overlaps_observable,
                    turn_times=turn_times, events=tuple(sorted(events, key=lambda e: (e.start_s, e.speaker))))


def _measure(turns: list[Turn], per_turn: list[TurnAudio], speakers: Sequence[SpeakerInfo], *, nlp,
             options: MeasureOptions, acoustic: bool, attribution_confidence: Confidence, overlaps_observable: bool,
             turn_times: str, events: tuple[SpeechEvent, ...]) -> SessionMeasures:
    """Everything after each turn's audio values: turn measures, speaker totals, matching, the indicators."""
    ends_known = turn_times == "measured"
    overlaps_observable = overlaps_observable and ends_known
    roles = {s.label: s.role for s in speakers}
    mentor = next((s.label for s in speakers if s.role == "mentor"), None)
    mentee = next((s.label for s in speakers if s.role == "mentee"), None)
    duration_s = (max(t.end_s for t in turns) - min(t.start_s for t in turns)) if turns else 0.0
    # NER is not used by any measure; leaving it out saves about a third of the spaCy time
    docs = list(nlp.pipe([t.text for t in turns], batch_size=256, disable=["ner"])) if turns else []
    if not overlaps_observable:  # two voices at once cannot be seen: no interruption is claimed either way
        events = tuple(e for e in events if e.kind != "interruption")
    tms, bc = turn_measures(turns, per_turn, docs, roles, options=options, ends_known=ends_known,
                            overlaps_observable=overlaps_observable, events=events)
    mono = tuple(turntaking.monologues(turns, bc))
    turn_keys = tuple(tuple(key for key, _ in lang.content_items(doc)) for doc in docs)
    summaries = speaker_summaries(turns, tms, roles, turn_keys, mono, duration_s=duration_s, options=options,
                                  overlaps_observable=overlaps_observable)
    ent, ent_pairs = matching(tms, mentor, mentee, options)
    ctx = SessionContext(
        turns=tuple(turns), turn_measures=tms, speakers={s.speaker: s for s in summaries}, mentor=mentor,
        mentee=mentee, turn_keys=turn_keys, shared_phrases=lang.shared_phrases(turns, turn_keys),
        entrainment={e.feature: e for e in ent}, entrainment_pairs=ent_pairs, monologues=mono,
        duration_s=duration_s, acoustic=acoustic,
        has_word_times=bool(turns) and all(t.words for t in turns if t.text.strip()), turn_times=turn_times,
        overlaps_observable=overlaps_observable, options=options,
        base_confidence=base_confidence(duration_s, attribution_confidence), events=events,
        detail_keys=lang.detail_keys(docs, turn_keys),
    )
    return SessionMeasures(
        indicators=build_indicators(ctx), turn_measures=tms, speakers=summaries, entrainment=ent,
        duration_s=round(duration_s, 3), acoustic=acoustic, options=options, overlaps_observable=overlaps_observable,
        shared_phrases=ctx.shared_phrases, turn_times=turn_times, events=events,
    )


# ------------------------------------------------------------------ per turn


def from_audio(turns: Sequence[Turn], recording: Recording, *, table: Mapping[str, int] | None,
               options: MeasureOptions) -> list[TurnAudio]:
    """Each turn's rates (over the speech edges found in the audio) and loudness and pitch.

    Parameters
    ----------
    turns : sequence of Turn
        In time order.
    recording : Recording
    table : mapping or None
        Word -> syllables.
    options : MeasureOptions

    Returns
    -------
    list of TurnAudio
        One per turn. A turn's speech edges are searched up to :data:`EDGE_SEARCH_S` seconds outside its
        first and last word, never into the neighbouring turns.
    """
    mono_y = recording.mono()
    power, phop = prosody.frame_power(mono_y, sr=recording.sr)
    noise_power = float(np.percentile(power, 10)) if power.size else 0.0
    out = []
    for i, t in enumerate(turns):
        a = t.words[0].start_s if t.words else t.start_s
        b = t.words[-1].end_s if t.words else t.end_s
        lo = max(turns[i - 1].end_s, a - EDGE_SEARCH_S) if i > 0 else max(0.0, a - EDGE_SEARCH_S)
        hi = min(turns[i + 1].start_s, b + EDGE_SEARCH_S) if i + 1 < len(turns) else b + EDGE_SEARCH_S
        span = prosody.speech_edges(power, a, b, power_hop_s=phop, lo_s=min(lo, a), hi_s=max(hi, b),
                                    noise_power=noise_power)
        n, speech_s, pace, n_syl, artic = prosody.rates(t, table=table, options=options, span_s=span)
        pros = prosody.turn_prosody(mono_y, a, b, power=power, power_hop_s=phop, sr=recording.sr, options=options)
        if i % 64 == 63:
            release_pages(mono_y)
        out.append(TurnAudio(n, speech_s, pace, n_syl, artic, pros))
    return out


def from_words(turns: Sequence[Turn], *, table: Mapping[str, int] | None, options: MeasureOptions) -> list[TurnAudio]:
    """Each turn's rates from its words alone (no audio: no loudness or pitch)."""
    return [TurnAudio(*prosody.rates(t, table=table, options=options), ProsodyFeatures()) for t in turns]


def reorder_stored(stored: Sequence[TurnMeasures], order: Sequence[int]) -> list[TurnMeasures]:
    """``stored`` put in the time order ``order`` gave the turns.

    Raises
    ------
    InvalidParameterError
        Not one stored measure per turn.
    """
    if len(stored) != len(order):
        raise InvalidParameterError(f"turn_acoustics has {len(stored)} turn measures for {len(order)} turns; pass "
                                    "the turn measures of an earlier run on the same turns")
    return [stored[i] for i in order]


def from_stored(turns: Sequence[Turn], stored: Sequence[TurnMeasures]) -> list[TurnAudio]:
    """Each turn's audio values as an earlier run on the same turns measured them (``stored``, same order).

    Raises
    ------
    InvalidParameterError
        A stored measure whose start or end is more than :data:`STORED_TIMES_TOLERANCE_S` from its turn's.
    """
    out = []
    for t, m in zip(turns, stored, strict=True):
        if abs(m.start_s - t.start_s) > STORED_TIMES_TOLERANCE_S or abs(m.end_s - t.end_s) > STORED_TIMES_TOLERANCE_S:
            raise InvalidParameterError(
                f"turn_acoustics: the turn measure at {m.start_s:.2f}-{m.end_s:.2f} s does not belong to the turn "
                f"at {t.start_s:.2f}-{t.end_s:.2f} s; pass the turn measures of an earlier run on the same turns")
        out.append(TurnAudio(len(prosody.turn_words(t)), m.speech_s, m.pace_wpm, m.n_syllables, m.articulation_sps,
                             m.prosody))
    return out


def turn_measures(turns: Sequence[Turn], per_turn: Sequence[TurnAudio], docs: Sequence, roles: Mapping[str, str], *,
                  options: MeasureOptions, ends_known: bool, overlaps_observable: bool,
                  events: Sequence[SpeechEvent] = ()) -> tuple[tuple[TurnMeasures, ...], tuple[bool, ...]]:
    """Every turn's measures, and which turns are listening signals (backchannels).

    Parameters
    ----------
    turns : sequence of Turn
        In time order.
    per_turn : sequence of TurnAudio
        Their audio values, same order.
    docs : sequence of spacy.tokens.Doc
        Their words parsed, same order.
    roles : mapping of str to str
        Speaker label -> role.
    options : MeasureOptions
    ends_known : bool
        False: pace, articulation rate and gaps are None (an estimated end would give the estimate back).
    overlaps_observable : bool
        False: ``is_interruption`` is None.
    events : sequence of SpeechEvent
        Interruptions and listening signals; a turn carrying one is one (:func:`turntaking.event_flags`), except
        a listening signal whose words a person typed and are not listening sounds, or whose words ask a
        question or answer one (:func:`pipeline.measures.helping.code_turns`).
    """
    bc, intr = turntaking.event_flags(turns, events, overlaps_observable=overlaps_observable)
    # words a person typed (a transcript: no word times) say what the short turn was: listening sounds or not
    bc = tuple(b and (bool(t.words) or not t.text.strip() or lang.is_backchannel_text(t.text))
               for b, t in zip(bc, turns, strict=True))
    gaps = turntaking.gaps_before(turns) if ends_known else [None] * len(turns)
    mentors = {t.speaker for t in turns if roles.get(t.speaker, t.role) == "mentor"}
    coded = code_turns(turns, docs, helpers=mentors, backchannel=bc,
                       final_rise_st=[a.prosody.final_rise_st for a in per_turn])
    bc = tuple(c.listening for c in coded)  # a short turn that asks, or answers a question, is none
    out = []
    for i, (t, a) in enumerate(zip(turns, per_turn, strict=True)):
        pace, artic = (a.pace_wpm, a.articulation_sps) if ends_known else (None, None)
        q, nq = coded[i].question, coded[i].n_questions
        out.append(TurnMeasures(
            index=t.index, speaker=t.speaker, role=roles.get(t.speaker, t.role), start_s=t.start_s, end_s=t.end_s,
            text=t.text, n_words=a.n_words, speech_s=round(a.speech_s, 3), pace_wpm=rounded(pace, 1),
            n_syllables=a.n_syllables, articulation_sps=rounded(artic, 2), prosody=a.prosody,
            gap_before_s=rounded(gaps[i], 3), is_backchannel=bc[i], is_interruption=intr[i], question=q,
            n_questions=nq, code=coded[i].code))
    return tuple(out), bc


# ------------------------------------------------------------------ per speaker, matching


def _mean(values) -> float | None:
    """Mean of the values that are not None, 2 decimals; None when there are none."""
    v = [x for x in values if x is not None]
    return rounded(float(np.mean(v)), 2) if v else None


def pooled_pace(tms: Sequence[TurnMeasures]) -> float | None:
    """Speaker pace: all words over all speaking time of the turns long enough to have a pace (wpm)."""
    paced = [m for m in tms if m.pace_wpm]
    secs = sum(m.speech_s for m in paced)
    return rounded(sum(m.n_words for m in paced) / secs * 60.0, 2) if secs > 0 else None


def speaker_summaries(turns: Sequence[Turn], tms: Sequence[TurnMeasures], roles: Mapping[str, str],
                      turn_keys: Sequence[Sequence[str]], mono: Sequence[Monologue], *, duration_s: float,
                      options: MeasureOptions, overlaps_observable: bool) -> tuple[SpeakerSummary, ...]:
    """Each speaker's totals, in the order they first speak (see :class:`pipeline.types.SpeakerSummary`)."""
    secs = turntaking.speech_seconds(turns)
    shares = turntaking.talk_shares(turns)
    minutes = max(duration_s / 60.0, 1e-9)
    key_counts: dict[str, Counter] = {}
    for t, keys in zip(turns, turn_keys, strict=True):
        key_counts.setdefault(t.speaker, Counter()).update(keys)
    out = []
    for spk in sorted(secs, key=lambda s: next(t.start_s for t in turns if t.speaker == s)):
        mine = [m for m in tms if m.speaker == spk]
        voiced = [m.prosody for m in mine if not m.is_backchannel]
        out.append(SpeakerSummary(
            speaker=spk, role=roles.get(spk, "other"), n_turns=len(mine), speech_s=round(secs[spk], 2),
            talk_share=round(shares.get(spk, 0.0), 4),
            pace_wpm=pooled_pace(mine),
            articulation_sps=_mean(m.articulation_sps for m in mine),
            rms_db=_mean(p.rms_db for p in voiced),
            f0_median_hz=_mean(p.f0_median_hz for p in voiced),
            f0_range_st=_mean(p.f0_range_st for p in voiced),
            n_questions=sum(m.n_questions for m in mine),
            n_open_questions=sum(m.question.open for m in mine),
            n_backchannels=sum(m.is_backchannel for m in mine),
            n_interruptions=sum(bool(m.is_interruption) for m in mine) if overlaps_observable else None,
            questions_per_10min=round(sum(m.n_questions for m in mine) / minutes * 10, 2),
            longest_monologue_s=round(max((r[2] - r[1] for r in mono if r[0] == spk), default=0.0), 2),
            median_gap_s=rounded(turntaking.median_or_none(m.gap_before_s for m in mine if not m.is_backchannel), 3),
            key_phrases=lang.rank_key_phrases(key_counts.get(spk, Counter()), n=options.n_key_phrases),
        ))
    return tuple(out)


def matching(tms: Sequence[TurnMeasures], mentor: str | None, mentee: str | None, options: MeasureOptions
             ) -> tuple[tuple[EntrainmentResult, ...], dict[str, list[MatchedPair]]]:
    """The mentor's matching of the mentee on pace, loudness and median pitch, and each feature's turn pairs.

    Without both a mentor and a mentee: nothing. Listening signals are left out of loudness and pitch.
    """
    if not (mentor and mentee):
        return (), {}
    feats = (
        ("pace_wpm", [m.pace_wpm for m in tms], options.abrupt_pace_pct, True),
        ("rms_db", [None if m.is_backchannel else m.prosody.rms_db for m in tms], options.abrupt_loudness_db, False),
        ("f0_median_st", [None if m.is_backchannel else m.prosody.f0_median_st for m in tms],
         options.abrupt_pitch_st, False),
    )
    results = []
    pairs = {}
    for name, vals, thr, rel in feats:
        series = [(m.start_s, m.speaker, v) for m, v in zip(tms, vals, strict=True)]
        res, pairs[name] = entrainment(name, series, follower=mentor, leader=mentee, abrupt_change=thr,
                                       relative_change=rel)
        results.append(res)
    return tuple(results), pairs


# ------------------------------------------------------------------ what a transcript without times gives


def untimed_warnings(turn_times: str) -> tuple[str, ...]:
    """The report warning for a transcript without measured end times (``turn_times`` "starts" or "none"), else ()."""
    if turn_times not in TIMES_GIVEN:
        return ()
    shares = "the talk shares are estimated from word counts"
    if turn_times == "none":
        shares += f" and the minutes from the words ({ESTIMATED_WPM:.0f} per minute)"
    else:
        shares = "and " + shares
    return (f"The transcript {TIMES_GIVEN[turn_times]}: pace, pauses and interruptions are not measured, {shares}.",)


#: Columns of ``turn_measures.csv`` (and of :func:`turn_measures_frame`), in order.
TURN_MEASURE_COLUMNS = (
    "index", "speaker", "role", "start_s", "end_s", "n_words", "speech_s", "pace_wpm", "n_syllables",
    "articulation_sps", "rms_db", "f0_median_hz", "f0_range_hz", "f0_median_st", "f0_range_st", "final_rise_st",
    "gap_before_s", "is_backchannel", "is_interruption", "is_question", "question_kind", "open_question",
    "n_questions", "behaviour", "also", "complex_reflection", "permission", "partnership", "confronting", "text",
)


def turn_measure_rows(measures: SessionMeasures | Sequence[TurnMeasures]) -> list[dict]:
    """One dict per turn, keyed by :data:`TURN_MEASURE_COLUMNS`: timing, rates, loudness, pitch, flags, question
    class, and what the turn does (``behaviour``, its other behaviours ``also``, ``complex_reflection``,
    ``permission``, and the words that share the decision or judge: ``partnership``, ``confronting``, "" for
    none). None where a measure is not available.

    ``measures`` is a session's measures, or its turn measures alone (a report's ``turn_measures``).
    """
    rows = []
    for m in measures.turn_measures if isinstance(measures, SessionMeasures) else measures:
        rows.append({
            "index": m.index, "speaker": m.speaker, "role": m.role, "start_s": m.start_s, "end_s": m.end_s,
            "n_words": m.n_words, "speech_s": m.speech_s, "pace_wpm": m.pace_wpm, "n_syllables": m.n_syllables,
            "articulation_sps": m.articulation_sps, "rms_db": rounded(m.prosody.rms_db, 2),
            "f0_median_hz": rounded(m.prosody.f0_median_hz, 1), "f0_range_hz": rounded(m.prosody.f0_range_hz, 1),
            "f0_median_st": rounded(m.prosody.f0_median_st, 2), "f0_range_st": rounded(m.prosody.f0_range_st, 2),
            "final_rise_st": rounded(m.prosody.final_rise_st, 2), "gap_before_s": m.gap_before_s,
            "is_backchannel": m.is_backchannel, "is_interruption": m.is_interruption,
            "is_question": m.question.is_question, "question_kind": m.question.kind,
            "open_question": m.question.open, "n_questions": m.n_questions, "behaviour": m.code.behaviour,
            "also": " ".join(m.code.also), "complex_reflection": m.code.complex, "permission": m.code.permission,
            "partnership": m.code.partnership, "confronting": m.code.confronting, "text": m.text,
        })
    return rows


def turn_measures_frame(measures: SessionMeasures | Sequence[TurnMeasures]):
    """:func:`turn_measure_rows` as a ``pandas.DataFrame``, for analysis in a notebook and the tests (pandas is
    imported only here: a transcript's analysis never needs it)."""
    import pandas as pd

    return pd.DataFrame(turn_measure_rows(measures), columns=list(TURN_MEASURE_COLUMNS))


def _csv_cell(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def turn_measures_csv(measures: SessionMeasures | Sequence[TurnMeasures]) -> str:
    """``turn_measures.csv``: :func:`turn_measure_rows` as CSV text (header line, ``\\n`` line ends, empty cells
    where a measure is not available), written without pandas so that a transcript's analysis need not import it."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(TURN_MEASURE_COLUMNS)
    for row in turn_measure_rows(measures):
        writer.writerow([_csv_cell(row[c]) for c in TURN_MEASURE_COLUMNS])
    return buf.getvalue()
