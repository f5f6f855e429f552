"""Rapport's Streamlit report. Run with ``streamlit run app.py``.

Thin by design: ``main()`` plus small ``*_ui()`` functions; models come from
``st.cache_resource``, results from ``st.cache_data``; all computation lives in
``pipeline``.
"""

from __future__ import annotations

import streamlit as st

import models
from pipeline.audio import load_audio
from pipeline.errors import PipelineError
from pipeline.transcribe import transcribe


@st.cache_resource(show_spinner="Loading the speech model (once per process)...")
def asr_model(name: str):
    return models.load_asr(name)


@st.cache_data(show_spinner=False, max_entries=8)
def transcript_for(data: bytes, name: str, model_name: str):
    return transcribe(load_audio(data, source_name=name), model=asr_model(model_name))


def upload_ui():
    st.caption("Everything runs on this computer: the recording never leaves it.")
    return st.file_uploader("Recording of a mentoring session", type=["wav", "mp3", "m4a", "flac", "ogg", "opus", "webm", "mp4", "mov"])


def transcript_ui(transcript) -> None:
    st.subheader("Transcript")
    for seg in transcript.segments:
        st.markdown(f"`{seg.start_s:6.1f} s`  {seg.text}")


def main() -> None:
    st.set_page_config(page_title="Rapport", layout="wide")
    st.title("Rapport: session analysis for mentoring")
    upload = upload_ui()
    if upload is None:
        return
    try:
        transcript = transcript_for(upload.getvalue(), upload.name, "base")
    except PipelineError as err:
        st.error(str(err))
        return
    transcript_ui(transcript)


if __name__ == "__main__":
    main()
