"""People stored under their speaker label get the name they consented under.

Before version 0.2.6 a report from the audio pipeline gave every speaker its label as display name ("S1"), and the
store took that for a name: sessions stored by ``rapport batch`` or ``analyze_and_store`` named their mentor "S1",
so a trainer saw one mentor "S1" for every such session. This revision gives a person whose stored name is still
their label the name of the one consent of their role in that session, as the store now does when saving; where a
role has no consent, or several, the label stays. The labels cannot be told back from names on downgrade.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 11:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    consents: dict[tuple[str, str], list[str]] = {}
    for sid, role, who in conn.execute(sa.text("SELECT session_id, role, participant FROM consents")).all():
        consents.setdefault((sid, role), []).append(who)
    people: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for sid, label, role, name in conn.execute(sa.text("SELECT session_id, label, role, name FROM participants")).all():
        people.setdefault((sid, role), []).append((label, name))
    update = sa.text("UPDATE participants SET name = :name WHERE session_id = :sid AND label = :label")
    rows = [dict(sid=sid, label=label, name=consents[sid, role][0])
            for (sid, role), same_role in people.items() if role != "other"
            and len(same_role) == 1 and len(consents.get((sid, role), [])) == 1
            for label, name in same_role if name == label]
    if rows:
        conn.execute(update, rows)


def downgrade() -> None:
    pass  # a name given here cannot be told from one given at save
