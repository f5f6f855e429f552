"""All rapport and psychological-safety measures of a session, as indicators with evidence.

Entry point: :func:`measure_session`. Roles come from ``speakers``
(:func:`pipeline.roles.assign_roles` gives the stated rule when nobody set them).
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import stats

from pipeline.errors import InvalidParameterError
from pipeline.io.audio import release_pages
from pipeline.io.transcripts import ESTIMATED_WPM
from pipeline.measures import language as lang
from pipeline.measures import prosody, turntaking
from pipeline.measures.entrainment import entrainment
from pipeline.types import (
    TURN_TIMES,
    Evidence,
    Indicator,
    MeasureOptions,
    ProsodyFeatures,
    QuestionClass,
    Recording,
    SessionMeasures,
    SpeakerInfo,
    SpeakerSummary,
    Turn,
    TurnMeasures,
    said,
)

STIVERS = "Stivers et al. 2009 (PNAS): gaps between turns cluster around 0-200 ms across 10 languages"
COURSE = "ILM Level 3 Effective Mentoring course, 'Building rapport'"
COURSE_SAFETY = "ILM course 'Psychological safety' (Edmondson 2019)"
RULE = "rule of thumb for mentoring/coaching conversations (no study gives an exact band)"
LH2011 = "Levitan & Hirschberg 2011: > 0 means closer to the partner's adjacent turn than to their other turns"
LSM_SRC = "Ireland & Pennebaker 2010; Gonzales et al. 2010: LSM around 0.85+ in engaged conversations"
EDGE_SEARCH_S = 0.3  # how far outside Whisper's word edges the speech edges may lie, seconds
RISE_ST = 2.0  # final rise (semitones) that marks a declarative question when audio exists


def _ev(t: Turn | TurnMeasures, note: str = "", quote: str | None = None) -> Evidence:
    text = quote if quote is not None else t.text
    return Evidence(round(t.start_s, 2), round(t.end_s, 2), t.speaker, text[:240], note)


def _question_note(q: QuestionClass) -> str:
    """'wh question “how did”'; a question found by its rising pitch alone has no words to show."""
    return f"{q.kind} question ({q.cue})" if q.kind == "declarative" else f"{q.kind} question {said(q.cue)}"


def _r(x: float | None, nd: int = 2) -> float | None:
    return None if x is None or (isinstance(x, float) and np.isnan(x)) else round(float(x), nd)


def _pooled_pace(tms) -> float | None:
    """Speaker pace: all words over all speaking time of the turns long enough to have a pace (wpm)."""
    paced = [m for m in tms if m.pace_wpm]
    secs = sum(m.speech_s for m in paced)
    return _r(sum(m.n_words for m in paced) / secs * 60.0, 2) if secs > 0 else None


def measure_session(
    turns: Sequence[Turn],
    speakers: Sequence[SpeakerInfo],
    *,
    recording: Recording | None = None,
    nlp,
    options: MeasureOptions = MeasureOptions(),
    syllable_table: Mapping[str, int] | None = None,
    attribution_confidence: str = "high",
    overlaps_observable: bool = True,
    turn_times: str = "measured",
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
        ``available=False``.
    nlp : spacy.language.Language
    options : MeasureOptions
    syllable_table : mapping or None
        Word -> syllables (:func:`models.load_syllable_table`); None uses the
        ``syllables`` heuristic only.
    attribution_confidence : str
        "high"/"medium"/"low": who-spoke-when quality; caps every indicator's confidence.
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

    Raises
    ------
    InvalidParameterError
        ``turn_times`` not one of :data:`pipeline.types.TURN_TIMES`.

    Returns
    -------
    SessionMeasures
        Empty ``turns`` gives no turn measures and indicators with value None.
    """
    if turn_times not in TURN_TIMES:
        raise InvalidParameterError(f"turn_times={turn_times!r} is not one of {TURN_TIMES}; say where the turn "
                                    "times come from")
    ends_known = turn_times == "measured"
    overlaps_observable = overlaps_observable and ends_known
    turns = sorted(turns, key=lambda t: t.start_s)
    roles = {s.label: s.role for s in speakers}
    mentor = next((s.label for s in speakers if s.role == "mentor"), None)
    mentee = next((s.label for s in speakers if s.role == "mentee"), None)
    acoustic = recording is not None
    duration_s = (max(t.end_s for t in turns) - min(t.start_s for t in turns)) if turns else 0.0
    minutes = max(duration_s / 60.0, 1e-9)
    has_word_times = bool(turns) and all(t.words for t in turns if t.text.strip())

    # --- per turn ----------------------------------------------------------
    bc = turntaking.backchannel_flags(turns, options=options)
    intr = turntaking.interruption_flags(turns, bc, options=options) if overlaps_observable else [None] * len(turns)
    gaps = turntaking.gaps_before(turns) if ends_known else [None] * len(turns)
    # NER is not used by any measure; leaving it out saves about a third of the spaCy time
    docs = list(nlp.pipe([t.text for t in turns], batch_size=256, disable=["ner"])) if turns else []
    if acoustic:
        mono_y = recording.mono()
        power, phop = prosody.frame_power(mono_y, sr=recording.sr)
        noise_power = float(np.percentile(power, 10)) if power.size else 0.0
    tms: list[TurnMeasures] = []
    for i, t in enumerate(turns):
        span = None
        if acoustic:
            a = t.words[0].start_s if t.words else t.start_s
            b = t.words[-1].end_s if t.words else t.end_s
            lo = max(turns[i - 1].end_s, a - EDGE_SEARCH_S) if i > 0 else max(0.0, a - EDGE_SEARCH_S)
            hi = min(turns[i + 1].start_s, b + EDGE_SEARCH_S) if i + 1 < len(turns) else b + EDGE_SEARCH_S
            span = prosody.speech_edges(power, a, b, power_hop_s=phop, lo_s=min(lo, a), hi_s=max(hi, b),
                                          noise_power=noise_power)
        n, speech_s, pace, n_syl, artic = prosody.rates(t, table=syllable_table, options=options, span_s=span)
        if not ends_known:  # an estimated end would give the estimate's own pace back
            pace = artic = None
        if acoustic:
            pros = prosody.turn_prosody(mono_y, a, b, power=power, power_hop_s=phop, sr=recording.sr,
                                        options=options)
            if i % 64 == 63:
                release_pages(mono_y)
        else:
            pros = ProsodyFeatures()
        q, nq = lang.classify_text(docs[i])
        if bc[i]:
            q, nq = QuestionClass(False), 0
        elif not q.is_question and pros.final_rise_st is not None and pros.final_rise_st >= RISE_ST and n >= 3:
            q, nq = QuestionClass(True, "declarative", False, "final rising pitch"), 1
        tms.append(TurnMeasures(t.index, t.speaker, roles.get(t.speaker, t.role), t.start_s, t.end_s, t.text, n,
                                round(speech_s, 3), _r(pace, 1), n_syl, _r(artic, 2), pros, _r(gaps[i], 3), bc[i],
                                intr[i], q, nq))

    # --- per speaker -------------------------------------------------------
    secs = turntaking.speech_seconds(turns)
    shares = turntaking.talk_shares(turns)
    mono = turntaking.monologues(turns, bc)
    turn_keys = [[key for key, _ in lang.content_items(doc)] for doc in docs]
    key_counts: dict[str, Counter] = {}
    for t, keys in zip(turns, turn_keys, strict=True):
        key_counts.setdefault(t.speaker, Counter()).update(keys)
    shared = lang.shared_phrases(turns, turn_keys)
    summaries = []
    for spk in sorted(secs, key=lambda s: next(t.start_s for t in turns if t.speaker == s)):
        mine = [m for m in tms if m.speaker == spk]

        def mean(vals):
            v = [x for x in vals if x is not None]
            return _r(float(np.mean(v)), 2) if v else None

        summaries.append(SpeakerSummary(
            speaker=spk, role=roles.get(spk, "other"), n_turns=len(mine), speech_s=round(secs[spk], 2),
            talk_share=round(shares.get(spk, 0.0), 4),
            pace_wpm=_pooled_pace(mine),
            articulation_sps=mean(m.articulation_sps for m in mine),
            rms_db=mean(m.prosody.rms_db for m in mine if not m.is_backchannel),
            f0_median_hz=mean(m.prosody.f0_median_hz for m in mine if not m.is_backchannel),
            f0_range_st=mean(m.prosody.f0_range_st for m in mine if not m.is_backchannel),
            n_questions=sum(m.n_questions for m in mine),
            n_open_questions=sum(m.question.open for m in mine),
            n_backchannels=sum(m.is_backchannel for m in mine),
            n_interruptions=sum(bool(m.is_interruption) for m in mine) if overlaps_observable else None,
            questions_per_10min=round(sum(m.n_questions for m in mine) / minutes * 10, 2),
            longest_monologue_s=round(max((r[2] - r[1] for r in mono if r[0] == spk), default=0.0), 2),
            median_gap_s=_r(turntaking.median_or_none(m.gap_before_s for m in mine if not m.is_backchannel), 3),
            key_phrases=lang.rank_key_phrases(key_counts.get(spk, Counter()), n=options.n_key_phrases),
        ))
    by = {s.speaker: s for s in summaries}

    # --- matching ----------------------------------------------------------
    ent = []
    ent_pairs = {}
    if mentor and mentee:
        feats = (
            ("pace_wpm", [m.pace_wpm for m in tms], options.abrupt_pace_pct, True),
            ("rms_db", [None if m.is_backchannel else m.prosody.rms_db for m in tms], options.abrupt_loudness_db, False),
            ("f0_median_st", [None if m.is_backchannel else m.prosody.f0_median_st for m in tms],
             options.abrupt_pitch_st, False),
        )
        for name, vals, thr, rel in feats:
            series = [(m.start_s, m.speaker, v) for m, v in zip(tms, vals, strict=True)]
            res, pairs = entrainment(name, series, follower=mentor, leader=mentee, abrupt_change=thr,
                                     relative_change=rel)
            ent.append(res)
            ent_pairs[name] = pairs

    indicators = _indicators(turns, tms, by, mentor, mentee, turn_keys, shared, ent, ent_pairs, mono,
                             duration_s, acoustic, has_word_times, attribution_confidence, overlaps_observable, options,
                             turn_times)
    return SessionMeasures(tuple(indicators), tuple(tms), tuple(summaries), tuple(ent), round(duration_s, 3),
                           acoustic, options, overlaps_observable, shared, turn_times)


_CONF = {"low": 0, "medium": 1, "high": 2}


def _cap(conf: str, *caps: str) -> str:
    level = min([_CONF[conf]] + [_CONF[c] for c in caps])
    return {v: k for k, v in _CONF.items()}[level]


#: What a transcript without measured end times gives, by ``turn_times``.
_TIMES_GIVEN = {"starts": "says when each turn starts but not when it ends", "none": "gives no times"}


def _untimed(turn_times: str, what: str) -> str:
    """Why ``what`` is not measured in a transcript without end times (the explanation of those indicators)."""
    return (f"Not measurable from this transcript: it {_TIMES_GIVEN[turn_times]}, so {what} cannot be measured. A "
            "recording, or a VTT or SRT transcript (cues with start and end), gives it.")


def untimed_warnings(turn_times: str) -> tuple[str, ...]:
    """The report warning for a transcript without measured end times (``turn_times`` "starts" or "none"), else ()."""
    if turn_times not in _TIMES_GIVEN:
        return ()
    shares = "the talk shares are estimated from word counts"
    if turn_times == "none":
        shares += f" and the minutes from the words ({ESTIMATED_WPM:.0f} per minute)"
    else:
        shares = "and " + shares
    return (f"The transcript {_TIMES_GIVEN[turn_times]}: pace, pauses and interruptions are not measured, {shares}.",)


#: Said of talk shares from a transcript without end times (their turn lengths are estimated from the words).
FROM_WORDS = " Estimated from word counts: the transcript does not say when turns end."
#: Said of per-minute rates from a transcript without any times.
MINUTES_ESTIMATED = (f" Minutes estimated from the words at {ESTIMATED_WPM:.0f} per minute: the transcript gives no "
                     "times.")


#: Why interruptions are not counted in one-channel audio (the explanation of those indicators there).
NO_OVERLAP_IN_MONO = ("Not measurable in a one-channel recording: two voices at once cannot be told apart, so no "
                      "interruption can be seen. Record one channel per person (a stereo recorder with a microphone "
                      "each, or separate tracks from the call) to count them.")


def _indicators(turns, tms, by, mentor, mentee, turn_keys, shared, ent, ent_pairs, mono, duration_s,
                acoustic, has_word_times, attribution_confidence, overlaps_observable, options,
                turn_times) -> list[Indicator]:
    minutes = max(duration_s / 60.0, 1e-9)
    ends_known = turn_times == "measured"
    no_overlap = NO_OVERLAP_IN_MONO if ends_known else _untimed(turn_times, "interruptions")
    by_words = "" if ends_known else FROM_WORDS
    words_conf = "high" if ends_known else "medium"
    per_min = MINUTES_ESTIMATED if turn_times == "none" else ""
    length_conf = "high" if duration_s >= 600 else ("medium" if duration_s >= 120 else "low")
    base_conf = _cap(length_conf, attribution_confidence)
    mt = by.get(mentor)
    me = by.get(mentee)
    mentor_tms = [m for m in tms if m.speaker == mentor]
    mentee_tms = [m for m in tms if m.speaker == mentee]
    ex = _exchange_totals(turns, tms, mentor, mentee)
    n_ex = _count(ex.shape[1], "exchange")
    out: list[Indicator] = []

    def add(id_, name, value, unit, lo, hi, source, expl, category, evidence=(), conf=None, available=True, *,
            ci=None, sample="", ci_unit=None):
        # ci: the value's 95 % interval, estimated from ``sample``; see _interval (the sentence only when available)
        conf = conf or base_conf
        if ci is not None:
            conf, why = _interval(conf, ci, (lo, hi), ci_unit or unit, sample=sample)
            expl = expl + why if available else expl
        shown_ci = (_r(ci[0], 3), _r(ci[1], 3)) if ci is not None and available else None
        out.append(Indicator(id_, name, _r(value, 3) if available else None, unit, lo, hi, source, expl,
                             conf, tuple(evidence)[:5], available, category, shown_ci))

    # ---------------- listening / turn-taking
    longest_runs = sorted((r for r in mono if r[0] == mentor), key=lambda r: -(r[2] - r[1]))
    add("mentor_talk_share", "Mentor's share of the talking", mt.talk_share * 100 if mt else None, "%", 20.0, 45.0,
        RULE + "; definition: mentor speech seconds / all speech seconds, silence excluded",
        "Listening is 'one of the most powerful tools' in the course: the mentee should do most of the talking."
        + by_words, "listening", [_ev(turns[r[3]], "start of the mentor's longest stretch") for r in longest_runs[:3]],
        _cap(base_conf, words_conf),
        ci=_bootstrap_ci(ex[:3], lambda m, e, o: 100 * _sum(m) / (_sum(m) + _sum(e) + _sum(o))) if mt else None,
        sample=n_ex)
    ratio = (mt.speech_s / me.speech_s) if mt and me and me.speech_s > 0 else None
    add("talk_to_listen_ratio", "Talk-to-listen ratio (mentor speaking / mentee speaking)", ratio, "ratio", 0.25, 0.8,
        RULE, "Below 1 means the mentor listened more than they talked, as the course's listening guidance asks."
        + by_words, "listening", [_ev(turns[r[3]], "mentor talking") for r in longest_runs[:2]],
        _cap(base_conf, words_conf),
        ci=_bootstrap_ci(ex[:2], lambda m, e: _sum(m) / _sum(e)) if ratio is not None else None, sample=n_ex)
    add("mentor_longest_monologue", "Mentor's longest uninterrupted stretch", mt.longest_monologue_s if mt else None,
        "s", 0.0, 90.0, RULE + " (sales-call analytics flag monologues over ~1.5 min)",
        "Long monologues leave no room for the mentee; short turns keep the conversation theirs." + by_words,
        "listening", [Evidence(round(r[1], 2), round(r[2], 2), r[0], turns[r[3]].text[:240], "longest stretch")
                      for r in longest_runs[:1]], _cap(base_conf, "high" if ends_known else "low"))
    switches = turntaking.switches(turns)
    add("turns_per_minute", "Turns per minute (both speakers)", len(turns) / minutes if turns else None, "per min",
        None, None, "descriptive; no reference band", "How lively the exchange is: many short turns mean a real dialogue."
        + per_min, "listening")
    add("speaker_switches_per_minute", "Speaker switches per minute", switches / minutes if turns else None,
        "per min", None, None, "descriptive; no reference band",
        "How often the floor passes between mentor and mentee." + per_min, "listening")
    gaps_m = [m for m in mentor_tms if m.gap_before_s is not None and not m.is_backchannel]
    add("mentor_response_gap", "Mentor's pause before answering (median)", mt.median_gap_s if mt else None, "s",
        0.0, 1.0, STIVERS + "; up to ~1 s still reads as a considered reply",
        "A short, steady pause shows attention; very long gaps can feel distant, overlaps can feel rushed."
        if ends_known else _untimed(turn_times, "the pause before each reply"),
        "listening", [_ev(m, f"gap {m.gap_before_s:.2f} s") for m in sorted(gaps_m, key=lambda m: -m.gap_before_s)[:3]],
        conf=_cap(base_conf, "high" if has_word_times else "low"), ci=_median_ci([m.gap_before_s for m in gaps_m]),
        sample=_count(len(gaps_m), "reply"), available=ends_known)
    gaps_e = [m for m in mentee_tms if m.gap_before_s is not None and not m.is_backchannel]
    add("mentee_response_gap", "Mentee's pause before answering (median)", me.median_gap_s if me else None, "s",
        0.0, 1.0, STIVERS, "Long hesitations from the mentee can signal discomfort; quick replies, ease." if ends_known
        else _untimed(turn_times, "the pause before each reply"), "safety",
        [_ev(m, f"gap {m.gap_before_s:.2f} s") for m in sorted(gaps_e, key=lambda m: -m.gap_before_s)[:3]],
        conf=_cap(base_conf, "high" if has_word_times else "low"), ci=_median_ci([m.gap_before_s for m in gaps_e]),
        sample=_count(len(gaps_e), "reply"), available=ends_known)
    ints = [m for m in mentor_tms if m.is_interruption]
    add("mentor_interruptions", "Mentor interrupting the mentee", len(ints) / minutes * 10 if turns else None,
        "per 10 min", 0.0, 1.0, RULE + "; definition: mentor starts while the mentee is mid-utterance and the mentee "
        "stops within 2 s (backchannels excluded)",
        "Cutting in tells the mentee their words matter less; not interrupting is part of careful listening and safety."
        if overlaps_observable else no_overlap,
        "listening", [_ev(m, "mentor starts while the mentee is speaking") for m in ints], None, overlaps_observable,
        ci=_rate_ci(len(ints), minutes), sample=f"{_count(len(ints), 'interruption')} in {minutes:.1f} minutes")
    bcs = [m for m in mentor_tms if m.is_backchannel]
    add("mentor_backchannels", "Mentor's listening signals ('mm-hm', 'yeah', 'right')", len(bcs) / minutes * 10
        if turns else None, "per 10 min", 1.0, None, RULE,
        "Short acknowledgements while the mentee talks show the mentor is 'genuinely interested'." + per_min,
        "listening",
        [_ev(m, "backchannel") for m in bcs], conf=_cap(base_conf, "medium"), ci=_rate_ci(len(bcs), minutes),
        sample=f"{_count(len(bcs), 'listening signal')} in {minutes:.1f} minutes")

    # ---------------- questions
    qs = [m for m in mentor_tms if m.question.is_question]
    n_q = mt.n_questions if mt else 0
    add("mentor_questions_per_10min", "Mentor's questions per 10 minutes", mt.questions_per_10min if mt else None,
        "per 10 min", 10.0, None, COURSE + ": 'asking questions to find out more about them'",
        "Asking questions finds common ground and shows interest, which the course lists first among rapport skills."
        + per_min, "questions", [_ev(m, _question_note(m.question)) for m in qs],
        ci=_rate_ci(n_q, minutes) if mt else None, sample=f"{_count(n_q, 'question')} in {minutes:.1f} minutes")
    substantive = [m for m in mentor_tms if not m.is_backchannel]
    add("mentor_question_turn_share", "Share of the mentor's turns that ask something",
        len(qs) / len(substantive) * 100 if substantive else None, "%", 30.0, None, RULE,
        "A mentor who mostly asks and reflects leaves room for the mentee's thinking.", "questions",
        [_ev(m, m.question.kind) for m in qs], ci=_share_ci(len(qs), len(substantive)),
        sample=_count(len(substantive), "turn"))
    open_q = [m for m in qs if m.question.open]
    add("mentor_open_question_share", "Share of the mentor's questions that are open",
        len(open_q) / len(qs) * 100 if qs else None, "%", 50.0, None,
        RULE + " (open = what/how/why/who/where/when, 'how about'; closed = yes/no, tag, either/or)",
        "Open questions invite the mentee to explain in their own words; closed ones only confirm.", "questions",
        [_ev(m, f"open {said(m.question.cue)}") for m in open_q], ci=_share_ci(len(open_q), len(qs)),
        sample=_count(len(qs), "question"))

    # ---------------- matching: pace, loudness, pitch
    by_feat = {e.feature: e for e in ent}
    labels = {"pace_wpm": ("pace", "speaking pace"), "rms_db": ("loudness", "loudness"),
              "f0_median_st": ("pitch", "pitch")}
    for feat, (short, words) in labels.items():
        e = by_feat.get(feat)
        avail = ends_known if feat == "pace_wpm" else acoustic
        why_not = _untimed(turn_times, "speaking pace") if feat == "pace_wpm" and not ends_known else ""
        conf_f = base_conf
        if e is None or e.n_pairs < 8:
            conf_f = "low"
        if feat == "pace_wpm" and not has_word_times:
            conf_f = "low"
        pairs = ent_pairs.get(feat, [])
        best = sorted(pairs, key=lambda p: -p[2])[:3]
        ev = [Evidence(round(tms[a].start_s, 2), round(tms[b].end_s, 2), tms[b].speaker, tms[b].text[:240],
                       f"mentor's {words} followed the mentee's previous turn (similarity {s:.2f})") for a, b, s in best]
        pairs_n = _count(e.n_pairs if e else 0, "turn pair")
        add(f"{short}_matching", f"Matching the mentee's {words} (proximity)", e.proximity if e and avail else None,
            "z difference", 0.0, None, LH2011,
            why_not or f"The course suggests matching the mentee's {words}: above 0 means the mentor's turns were "
            "closer to the mentee's turn just before than to the mentee's other turns.", "matching", ev, conf_f, avail,
            ci=e.proximity_ci95 if e else None, sample=pairs_n, ci_unit="z")
        add(f"{short}_synchrony", f"Following the mentee's {words} up and down (synchrony)",
            e.synchrony_r if e and avail else None, "r", 0.3, None,
            "Levitan & Hirschberg 2011: positive correlation over adjacent turns = synchrony",
            why_not or f"When the mentee's {words} rises or falls, a matching mentor's follows in the next turn.",
            "matching", ev, conf_f, avail, ci=e.synchrony_ci95 if e else None, sample=pairs_n)
        add(f"{short}_convergence", f"Growing closer in {words} over the session (convergence)",
            e.convergence_r if e and avail else None, "r", 0.0, None,
            "Levitan & Hirschberg 2011: similarity increasing over time = convergence",
            why_not or f"Rapport builds: above 0 means the {words} of the two got more alike as the session went on "
            f"(first half {_fmt(e.similarity_first_half if e else None)}, second half "
            f"{_fmt(e.similarity_second_half if e else None)}).", "matching", ev[:1], conf_f, avail,
            ci=e.convergence_ci95 if e else None, sample=pairs_n)
    # raw gaps between the speakers
    pace_gap = ((mt.pace_wpm - me.pace_wpm) / me.pace_wpm * 100) if mt and me and mt.pace_wpm and me.pace_wpm else None
    add("pace_difference", "Mentor's pace compared with the mentee's", pace_gap, "%", -10.0, 10.0, RULE,
        "The course: 'do they talk faster or slower than you – how can you match this?'; near 0 is matched."
        if ends_known else _untimed(turn_times, "speaking pace"), "matching",
        [_ev(m, f"{m.pace_wpm:.0f} wpm") for m in sorted((m for m in mentor_tms if m.pace_wpm),
                                                         key=lambda m: -m.pace_wpm)[:2]],
        _cap(base_conf, "high" if has_word_times else "low"),
        ci=_bootstrap_ci(ex[3:7], lambda mw, ms, ew, es: (_sum(mw) / _sum(ms)) / (_sum(ew) / _sum(es)) * 100 - 100)
        if pace_gap is not None else None, sample=n_ex, available=ends_known)
    loud_gap = (mt.rms_db - me.rms_db) if acoustic and mt and me and mt.rms_db is not None and me.rms_db is not None \
        else None
    add("loudness_difference", "Mentor's loudness compared with the mentee's", loud_gap, "dB", -3.0, 3.0,
        RULE + " (3 dB is a clearly noticeable step); relative measure, valid on downmixed audio",
        "The course: 'do they talk more quietly or loudly than you?'; near 0 dB is matched.", "matching",
        [_ev(m, f"{m.prosody.rms_db:.1f} dBFS") for m in sorted(
            (m for m in mentor_tms if m.prosody.rms_db is not None and not m.is_backchannel),
            key=lambda m: -m.prosody.rms_db)[:2]], None, acoustic,
        ci=_bootstrap_ci(ex[7:11], lambda md, mn, ed, en: _sum(md) / _sum(mn) - _sum(ed) / _sum(en))
        if loud_gap is not None else None, sample=n_ex)
    grad = [e.gradual_share for e in ent if e.gradual_share is not None
            and (ends_known if e.feature == "pace_wpm" else acoustic)]
    abrupt_ev = _abrupt_evidence(mentor_tms, options, acoustic)
    add("adjustment_smoothness", "Mentor's adjustments were gradual, not abrupt", float(np.mean(grad)) * 100
        if grad else None, "% gradual", 70.0, None,
        f"{COURSE}: 'any changes need to be made smoothly'; abrupt = pace change > {options.abrupt_pace_pct:.0f}%, "
        f"loudness > {options.abrupt_loudness_db:.0f} dB or pitch > {options.abrupt_pitch_st:.0f} st between the "
        "mentor's consecutive turns", "Slight adjustments the mentee won't notice are better than sudden jumps."
        if ends_known or acoustic else _untimed(turn_times, "changes of pace"),
        "matching", abrupt_ev, _cap(base_conf, "medium"), ends_known or acoustic)
    # word-level matching
    toks_m = [w for m in mentor_tms for w in lang.tokens_lower(m.text)]
    toks_e = [w for m in mentee_tms for w in lang.tokens_lower(m.text)]
    lsm, _per = lang.language_style_matching(toks_m, toks_e) if toks_m and toks_e else (None, {})
    word_conf = _cap(base_conf, "high" if min(len(toks_m), len(toks_e)) >= 500 else "low")
    add("language_style_matching", "Matching the mentee's style of speaking (function words)", lsm, "score 0-1",
        0.85, 1.0, LSM_SRC + "; our own open category lists (not LIWC)",
        "People in rapport converge on how they speak (pronouns, articles, little words) without noticing.",
        "matching", (), word_conf)
    top, shared_top = lang.top_word_matching(toks_m, toks_e, n=options.n_top_words) if toks_m and toks_e else (None, ())
    add("top_word_matching", f"Overlap of both speakers' {options.n_top_words} most frequent words", top,
        "score 0-1", 0.6, 1.0, RULE, "Shared everyday vocabulary is part of the 'sameness' rapport is built on.",
        "matching", (Evidence(round(turns[0].start_s, 2), round(max(t.end_s for t in turns), 2), mentor or "",
                              ", ".join(shared_top[:15]), "shared top words"),)
        if shared_top else (), word_conf)
    uptake = [p for p in shared if mentor and mentee and (p.first_speaker, p.taken_up_by) == (mentee, mentor)]
    turn_at = {(t.speaker, round(t.start_s, 2)): t for t in turns}
    add("shared_key_phrases", "Mentee's key words the mentor took up", len(uptake), "count", 2.0, None,
        COURSE + ": 'pick out key words and phrases and use these'",
        "Reusing the mentee's own words shows listening and matches their language.", "matching",
        [_ev(turn_at[p.taken_up_by, p.taken_up_s], f"{said(p.phrase)} first said by the mentee at {p.first_s:.0f} s, "
             f"taken up after {p.taken_up_s - p.first_s:.0f} s") for p in uptake])

    # ---------------- remembering, sharing, confidentiality
    rem = _remembering(turns, turn_keys, mentor, mentee, options)
    add("mentor_remembering", "Mentor bringing back what the mentee said earlier", len(rem), "count", 1.0, None,
        COURSE + ": 'remembering things they've said to you before'",
        "Recalling the mentee's earlier words (>= 2 min back, or 'you mentioned ...') shows what they say matters.",
        "remembering", [e for e in rem])
    disc = [m for m in mentor_tms if lang.find_pattern(lang.SELF_DISCLOSURE_RE, m.text)]
    add("mentor_self_disclosure", "Mentor sharing own experience or mistakes", len(disc), "count", 1.0, None,
        COURSE + ": 'sharing ... examples of mistakes you've made and what you learned'",
        "Hearing the mentor's own mistakes makes it safe for the mentee to be honest about theirs.", "sharing",
        [_ev(m, said(lang.find_pattern(lang.SELF_DISCLOSURE_RE, m.text))) for m in disc], _cap(base_conf, "medium"))
    conf_turns = [m for m in mentor_tms if lang.find_pattern(lang.CONFIDENTIALITY_RE, m.text)]
    add("mentor_confidentiality", "Mentor promising confidentiality", 1.0 if conf_turns else 0.0, "yes/no", 1.0, 1.0,
        COURSE + ": 'letting them know that what you talk about won't go any further'",
        "Saying the conversation stays private lets the mentee be honest.", "confidentiality",
        [_ev(m, said(lang.find_pattern(lang.CONFIDENTIALITY_RE, m.text))) for m in conf_turns],
        _cap(base_conf, "medium"))

    # ---------------- psychological safety
    add("mentee_talk_share", "Mentee's share of the talking", me.talk_share * 100 if me else None, "%", 55.0, 80.0,
        RULE, "A mentee who feels safe talks at length; a low share can mean they are holding back." + by_words,
        "safety", [_ev(m, "long mentee turn") for m in sorted(mentee_tms, key=lambda m: -m.n_words)[:3]],
        _cap(base_conf, words_conf),
        ci=_bootstrap_ci(ex[:3], lambda m, e, o: 100 * _sum(e) / (_sum(m) + _sum(e) + _sum(o))) if me else None,
        sample=n_ex)
    subst_e = [m for m in mentee_tms if not m.is_backchannel]
    trend = trend_ci = None
    if len(subst_e) >= 4:
        half = len(subst_e) // 2
        first = [m.n_words for m in subst_e[:half]]
        second = [m.n_words for m in subst_e[half:]]
        a = float(np.mean(first))
        trend = (np.mean(second) - a) / a * 100 if a else None
        if a and (np.ptp(first) > 0 or np.ptp(second) > 0):
            # Welch's interval of the difference in mean words per turn, as a percent of the first half's. A half
            # of equal lengths is exact, not imprecise: scipy's warning about identical data does not apply.
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                ci = stats.ttest_ind(second, first, equal_var=False).confidence_interval(confidence_level=0.95)
            trend_ci = None if np.isnan(ci.low) else (ci.low / a * 100, ci.high / a * 100)
    add("mentee_turn_length_trend", "Change in the mentee's turn length (second half vs first)", trend, "%", 0.0,
        None, COURSE_SAFETY + ": a safe mentee opens up and talks at length",
        "Turns that get longer over the session suggest the mentee is opening up.", "safety",
        [_ev(m, f"{m.n_words} words") for m in sorted(subst_e, key=lambda m: -m.n_words)[:2]],
        _cap(base_conf, "medium" if len(subst_e) >= 8 else "low"), ci=trend_ci, sample=_count(len(subst_e), "turn"))
    eq = [m for m in mentee_tms if m.question.is_question]
    n_eq = me.n_questions if me else 0
    add("mentee_questions_per_10min", "Mentee's questions per 10 minutes", me.questions_per_10min if me else None,
        "per 10 min", 2.0, None, COURSE_SAFETY + ": mentees 'seek guidance and clarification, ask questions'",
        "A mentee who asks questions feels safe to show what they don't know." + per_min, "safety",
        [_ev(m, f"{m.question.kind} question") for m in eq], ci=_rate_ci(n_eq, minutes) if me else None,
        sample=f"{_count(n_eq, 'question')} in {minutes:.1f} minutes")
    conc = _concerns(tms, mentor, mentee)
    add("mentee_concerns", "Mentee voicing concerns or uncertainty", len(conc), "count", 1.0, None,
        COURSE_SAFETY + ": individuals 'feel safe to share their thoughts, concerns and uncertainties'",
        "Voicing worries is a sign the mentee trusts the mentor with them.", "safety",
        [_ev(m, note) for m, note in conc], _cap(base_conf, "medium"))
    ints_e = [m for m in mentor_tms if m.is_interruption]
    add("mentor_interrupting_mentee", "Times the mentor cut the mentee off", len(ints_e), "count", 0.0, 1.0,
        COURSE_SAFETY + "; same definition as mentor_interruptions",
        "Being cut off discourages speaking up; a safe space lets the mentee finish." if overlaps_observable
        else no_overlap, "safety", [_ev(m, "interruption") for m in ints_e], None, overlaps_observable)
    return out


#: Opens the sentence that an indicator's explanation gets when its 95 % interval reaches both sides of a band edge.
TOO_FEW_TO_TELL = "Too few turns to tell"


def _interval(conf: str, ci: tuple[float, float] | None, band: tuple[float | None, float | None], unit: str, *,
              sample: str) -> tuple[str, str]:
    """Confidence and a sentence on it for a value estimated from ``sample`` ("10 turn pairs", "2 questions in 2.5 minutes").

    When the value's 95 % interval ``ci`` has an edge of the good range
    ``band`` (low, high; None for an open end) strictly inside, the value could
    lie on either side of it: confidence becomes "low" (so the at-a-glance
    feedback neither praises nor advises on it) and the sentence, starting
    :data:`TOO_FEW_TO_TELL`, says why. Otherwise ``conf`` and "" unchanged.
    """
    edge = band_edge_within(ci, band)
    if edge is None:
        return conf, ""
    lo, hi = (f"{x:.0f}" if unit == "%" else f"{x:.1f}" if unit == "per 10 min" else f"{x:.2f}" for x in ci)
    return "low", (f" {TOO_FEW_TO_TELL}: from {sample} its 95 % interval runs from {lo} to {hi} {unit}, "
                   f"on both sides of {edge:g}.")


def band_edge_within(ci: tuple[float, float] | None, band: tuple[float | None, float | None]) -> float | None:
    """The edge of the good range ``band`` (low, high; None for an open end) strictly inside the interval ``ci``.

    None when there is none (or no interval): the value is then clearly on one
    side of each edge. A value whose interval holds an edge is "too few turns to tell".
    """
    return next((x for x in band if x is not None and ci is not None and ci[0] < x < ci[1]), None)


def outside_by(value: float, band: tuple[float | None, float | None]) -> float:
    """How far ``value`` lies outside the good range ``band`` (low, high; None for an open end), in its unit.

    0 inside it.
    """
    low, high = band
    return max(0.0 if low is None else low - value, 0.0 if high is None else value - high, 0.0)


def difference_ci(a: float, a_ci: tuple[float, float], b: float, b_ci: tuple[float, float]) -> tuple[float, float]:
    """95 % interval of the change ``b - a`` between two independent estimates, from their own 95 % intervals.

    MOVER, the method of variance estimates recovery (Zou & Donner 2008,
    Statistics in Medicine 27:1693; for two Wilson intervals it is Newcombe's
    1998 method 10): each side of the change takes the two half-widths on that
    side, so skewed intervals (shares near 0 or 100 %, bootstrap intervals)
    keep their shape. Two sessions of the same pair are treated as independent
    samples of turns.

    Parameters
    ----------
    a, b : float
        The two values, same unit (``a`` the earlier or reference session).
    a_ci, b_ci : tuple of (float, float)
        Their 95 % intervals (low, high), each holding its value.

    Returns
    -------
    tuple of (float, float)
        Low and high end of the interval of ``b - a``, in the values' unit. When
        it does not hold 0 the change is larger than the two sessions' sampling
        noise.
    """
    d = b - a
    low = d - np.hypot(b - b_ci[0], a_ci[1] - a)
    high = d + np.hypot(b_ci[1] - b, a - a_ci[0])
    return float(low), float(high)


def _count(n: int, noun: str) -> str:
    """ "1 question", "2 questions"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _share_ci(k: int, n: int) -> tuple[float, float] | None:
    """95 % Wilson interval, in percent, of a share of ``k`` in ``n`` turns or questions; None when ``n`` is 0."""
    if n <= 0:
        return None
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    return ci.low * 100, ci.high * 100


def _rate_ci(k: int, minutes: float) -> tuple[float, float] | None:
    """Exact (Garwood) 95 % Poisson interval, per 10 minutes, of ``k`` events counted in ``minutes``; None for no time."""
    if minutes < 1e-6:
        return None
    low = stats.chi2.ppf(0.025, 2 * k) / 2 if k else 0.0
    high = stats.chi2.ppf(0.975, 2 * k + 2) / 2
    return low / minutes * 10, high / minutes * 10


#: Resamples drawn for a bootstrap interval (:func:`_bootstrap_ci`); the seed is fixed so a report is reproducible.
BOOT_RESAMPLES = 2000
#: Fewest exchanges or replies a bootstrap interval is drawn from; with fewer, none is given.
MIN_BOOT_UNITS = 5


def _sum(x: np.ndarray) -> np.ndarray:
    return x.sum(axis=-1)


def _bootstrap_ci(columns: np.ndarray, statistic, *, n_resamples: int = BOOT_RESAMPLES,
                  seed: int = 0) -> tuple[float, float] | None:
    """95 % percentile bootstrap interval of ``statistic`` over units resampled with replacement.

    Parameters
    ----------
    columns : array, shape (k, n_units)
        One row per quantity, one column per unit (an exchange, a reply);
        a resample keeps each unit's quantities together.
    statistic : callable
        ``statistic(*rows)``, each row of shape (n_resamples, n_units), returns
        shape (n_resamples,), reducing over the last axis.

    Returns
    -------
    (low, high) or None
        None under :data:`MIN_BOOT_UNITS` units, or when more than 5 % of the
        resamples leave the statistic undefined (a denominator of 0).

    Notes
    -----
    Resamples where the statistic is undefined (no mentee words drawn, say)
    are dropped before the percentiles are taken. ``scipy.stats.bootstrap``
    returns NaN for the whole interval then, which is why this is written out.
    """
    data = np.asarray(columns, dtype=float)
    if data.ndim != 2 or data.shape[1] < MIN_BOOT_UNITS:
        return None
    idx = np.random.default_rng(seed).integers(0, data.shape[1], size=(n_resamples, data.shape[1]))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # inf and NaN are dropped just below
        vals = np.asarray(statistic(*data[:, idx]), dtype=float)
    vals = vals[np.isfinite(vals)]
    if len(vals) < 0.95 * n_resamples:
        return None
    lo, hi = np.percentile(vals, [2.5, 97.5])
    return float(lo), float(hi)


def _median_ci(values: Sequence[float]) -> tuple[float, float] | None:
    """95 % bootstrap interval of the median of ``values`` (response gaps, seconds)."""
    return _bootstrap_ci(np.asarray([values], dtype=float), lambda v: np.median(v, axis=-1))


def _exchange_totals(turns, tms, mentor, mentee) -> np.ndarray:
    """Per exchange, the totals the session-wide indicators are ratios of; shape (11, n_exchanges).

    An exchange runs from a mentor turn (not a listening signal) that takes
    the floor from someone else to the next such turn; turns before the first
    belong to the first. Resampling whole exchanges keeps a mentor's turn with
    the reply it drew, so the interval allows for the two depending on each
    other. Rows: speech seconds of the mentor, the mentee and anyone else (each
    turn's seconds not already covered by the speaker's earlier turns, summing
    to :func:`pipeline.turntaking.speech_seconds`); words and speaking seconds
    of the mentor's and of the mentee's paced turns (as in their pace); sum and
    number of the mentor's and of the mentee's turn loudness values (dBFS, as
    in their mean loudness).
    """
    if not turns or not mentor:
        return np.zeros((11, 0))
    secs = turntaking.turn_speech_seconds(turns)
    block = 0
    rows = []
    for i, (t, m) in enumerate(zip(turns, tms, strict=True)):
        if i and t.speaker == mentor and not m.is_backchannel and turns[i - 1].speaker != mentor:
            block += 1
        who = 0 if t.speaker == mentor else 1 if t.speaker == mentee else 2
        paced = bool(m.pace_wpm) and who < 2
        loud = m.prosody.rms_db is not None and not m.is_backchannel and who < 2
        r = [0.0] * 11
        r[who] = secs[i]
        if paced:
            r[3 + 2 * who], r[4 + 2 * who] = m.n_words, m.speech_s
        if loud:
            r[7 + 2 * who], r[8 + 2 * who] = m.prosody.rms_db, 1.0
        rows.append((block, r))
    out = np.zeros((11, block + 1))
    for b, r in rows:
        out[:, b] += r
    return out


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def _abrupt_evidence(mentor_tms, options, acoustic) -> list[Evidence]:
    ev = []
    paced = [m for m in mentor_tms if m.pace_wpm]
    for a, b in zip(paced, paced[1:], strict=False):
        ch = (b.pace_wpm - a.pace_wpm) / a.pace_wpm * 100
        if abs(ch) > options.abrupt_pace_pct:
            ev.append(_ev(b, f"pace jumped {ch:+.0f}% from the mentor's previous turn"))
    if acoustic:
        loud = [m for m in mentor_tms if m.prosody.rms_db is not None and not m.is_backchannel]
        for a, b in zip(loud, loud[1:], strict=False):
            ch = b.prosody.rms_db - a.prosody.rms_db
            if abs(ch) > options.abrupt_loudness_db:
                ev.append(_ev(b, f"loudness jumped {ch:+.1f} dB from the mentor's previous turn"))
    return ev


def _concerns(tms, mentor, mentee) -> list[tuple[TurnMeasures, str]]:
    """The mentee's turns that voice a concern or uncertainty, each with its evidence note.

    A turn counts when it has a concern cue (:data:`pipeline.language.CONCERN_RE`: "I'm worried", "I'm not sure
    whether", "I don't really know how"), or when it is the mentee's answer to the mentor asking, in an open
    question, what worries them (:data:`pipeline.language.WORRY_QUESTION_RE`): "That something breaks while
    everyone is watching" answers "What worries you most about the demo?" with a concern and no concern word.
    An answer that starts by saying there is none ("Nothing really", "No, ...") does not count, nor does the
    answer to a yes/no question ("Are you worried?" "Not at all").
    """
    out = []
    asked_worry = False
    for m in tms:
        if m.speaker == mentor and not m.is_backchannel:
            asked_worry = m.question.open and bool(lang.find_pattern(lang.WORRY_QUESTION_RE, m.text))
        elif m.speaker == mentee and not m.is_backchannel:
            if cue := lang.find_pattern(lang.CONCERN_RE, m.text):
                out.append((m, said(cue)))
            elif asked_worry and not lang.NO_CONCERN_RE.match(m.text):
                out.append((m, "answers the mentor's question about what worries them"))
            asked_worry = False
    return out


def _remembering(turns, turn_keys, mentor, mentee, options) -> list[Evidence]:
    """Mentor turns that explicitly recall ("you mentioned ...") or reuse mentee content >= remember_min_gap_s old."""
    if not mentor or not mentee:
        return []
    ev = []
    first_said: dict[str, tuple[float, int]] = {}  # key -> (time, turn index) the mentee first said it
    last_said: dict[str, float] = {}  # key -> last time the mentee said it
    for i, (t, keys) in enumerate(zip(turns, turn_keys, strict=True)):
        if t.speaker == mentee:
            for key in keys:
                first_said.setdefault(key, (t.start_s, i))
                last_said[key] = t.start_s
            continue
        if t.speaker != mentor:
            continue
        cue = lang.find_pattern(lang.CALLBACK_RE, t.text)
        mine = set(keys)
        # mentee content at least remember_min_gap_s old and not just repeated recently
        old = [(first_said[k][0], k, first_said[k][1]) for k in sorted(mine & first_said.keys())
               if t.start_s - last_said[k] >= options.remember_min_gap_s]
        multi = [o for o in old if len(o[1].split()) >= 2] or old
        if cue or (multi and len({k for _, k, _ in old}) >= 2) or any(len(o[1].split()) >= 2 for o in old):
            src = turns[multi[0][2]] if multi else None
            note = said(cue) if cue else "reuses the mentee's words"
            if src is not None:
                note += f"; the mentee said {said(multi[0][1])} at {src.start_s:.0f} s ({t.start_s - src.start_s:.0f} s before)"
            ev.append(Evidence(round(t.start_s, 2), round(t.end_s, 2), t.speaker, t.text[:240], note))
    return ev


def turn_measures_frame(measures: SessionMeasures) -> pd.DataFrame:
    """One row per turn (``turn_measures.csv``): timing, rates, loudness, pitch, flags, question class."""
    rows = []
    for m in measures.turn_measures:
        rows.append({
            "index": m.index, "speaker": m.speaker, "role": m.role, "start_s": m.start_s, "end_s": m.end_s,
            "n_words": m.n_words, "speech_s": m.speech_s, "pace_wpm": m.pace_wpm, "n_syllables": m.n_syllables,
            "articulation_sps": m.articulation_sps, "rms_db": _r(m.prosody.rms_db, 2),
            "f0_median_hz": _r(m.prosody.f0_median_hz, 1), "f0_range_hz": _r(m.prosody.f0_range_hz, 1),
            "f0_median_st": _r(m.prosody.f0_median_st, 2), "f0_range_st": _r(m.prosody.f0_range_st, 2),
            "final_rise_st": _r(m.prosody.final_rise_st, 2), "gap_before_s": m.gap_before_s,
            "is_backchannel": m.is_backchannel, "is_interruption": m.is_interruption,
            "is_question": m.question.is_question, "question_kind": m.question.kind,
            "open_question": m.question.open, "n_questions": m.n_questions, "text": m.text,
        })
    return pd.DataFrame(rows, columns=None if rows else ["index", "speaker", "role", "start_s", "end_s", "text"])
