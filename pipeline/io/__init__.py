"""Reading and writing: audio decoding, transcript parsers, serialisation (JSON, VTT, SRT, RTTM)."""
