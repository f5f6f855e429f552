"""From sound to turns: transcription, who spoke when (channels, embeddings), words to turns, input quality."""
