"""The session library: schema, migrations, the store, consent, redaction, the trainer's tables."""
