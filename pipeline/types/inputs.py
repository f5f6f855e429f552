"""The inputs Rapport reads: one list of audio and one of transcript file suffixes, for the CLI, batch and the app."""

from __future__ import annotations

#: Audio and video files Rapport decodes (PyAV; the audio track of a video), lower case, with the dot.
AUDIO_SUFFIXES = (".wav", ".mp3", ".m4a", ".aac", ".flac", ".ogg", ".opus", ".webm", ".mp4", ".mov")

#: Transcript files with speakers Rapport reads (:func:`pipeline.io.transcripts.read_transcript`).
TRANSCRIPT_SUFFIXES = (".vtt", ".srt", ".txt", ".docx", ".csv", ".tsv", ".json")

#: Transcripts ``rapport batch`` picks up in a folder by default: not ``.txt`` and ``.json``, which a folder of
#: recordings also holds for other reasons (notes, ``<name>.consent.json``); name them in ``BatchOptions.extensions``.
BATCH_TRANSCRIPT_SUFFIXES = (".vtt", ".srt", ".docx")

#: MIME type of each audio suffix, for the browser's player.
AUDIO_MIME = {".wav": "audio/wav", ".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".aac": "audio/aac",
              ".flac": "audio/flac", ".ogg": "audio/ogg", ".opus": "audio/ogg", ".webm": "audio/webm",
              ".mp4": "video/mp4", ".mov": "video/quicktime"}
