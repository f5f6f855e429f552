"""Sessions that keep no transcript lose the words said that older versions left in evidence notes.

Before version 0.2.6 an evidence note could quote the session ('quarterly review' first said by the mentee...,
'stays between us', "wh question (how did)") and keeping no transcript emptied only the quote. This revision
replaces those words by “…” in the evidence table and in report.json, for every session whose transcript is not
kept. Notes are matched by the exact shapes those versions wrote; the words cannot come back on downgrade.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 10:30:00
"""

from __future__ import annotations

import json
import re

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

GONE = "\u201c\u2026\u201d"  # “…”, as pipeline.types.unsaid writes it
#: Every note shape with words said that versions before 0.2.6 wrote (pipeline/measures/session.py).
LEGACY_SHAPES = (
    (re.compile(r"^'[^']*' first said by the mentee"), GONE + " first said by the mentee"),
    (re.compile(r"^'.+?'; the mentee said '[^']*' at"), GONE + "; the mentee said " + GONE + " at"),
    (re.compile(r"^reuses the mentee's words; the mentee said '[^']*' at"),
     "reuses the mentee's words; the mentee said " + GONE + " at"),
    (re.compile(r"^(\w+ question|open) \((?!final rising pitch\)).*\)$"), r"\1 " + GONE),
    (re.compile(r"^'.+'$"), GONE),  # the cue of self-disclosure, confidentiality, concern, remembering
)


def scrub(note: str) -> str:
    """``note`` with the words said in a pre-0.2.6 shape replaced by “…”; any other note as it is."""
    for shape, replacement in LEGACY_SHAPES:
        if shape.search(note):
            return shape.sub(replacement, note, count=1)
    return note


def upgrade() -> None:
    conn = op.get_bind()
    stripped = conn.execute(sa.text("SELECT id, report_json FROM sessions WHERE NOT keeps_transcript")).all()
    update = sa.text("UPDATE evidence SET note = :note "
                     "WHERE session_id = :sid AND indicator_id = :iid AND rank = :rank")
    for sid, report_json in stripped:
        rows = conn.execute(sa.text("SELECT indicator_id, rank, note FROM evidence WHERE session_id = :sid"),
                            {"sid": sid}).all()
        changed = [dict(sid=sid, iid=iid, rank=rank, note=scrub(note)) for iid, rank, note in rows
                   if scrub(note) != note]
        if changed:
            conn.execute(update, changed)
        report = json.loads(report_json)
        for ind in report.get("indicators", []):
            for ev in ind.get("evidence", []):
                ev["note"] = scrub(ev.get("note", ""))
        report["shared_phrases"] = []
        conn.execute(sa.text("UPDATE sessions SET report_json = :j WHERE id = :sid"),
                     {"j": json.dumps(report), "sid": sid})


def downgrade() -> None:
    pass  # words taken out are not kept anywhere: nothing to put back
