"""Report edits by the user: roles, names, swapping mentor and mentee."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from pipeline.errors import InvalidParameterError
from pipeline.measures.roles import with_roles as roles_of_turns
from pipeline.types import Report
from pipeline.types.base import ROLES

# Roles
# --------------------------------------------------------------------------

VALID_ROLES = ROLES


def with_roles(
    report: Report,
    roles: Mapping[str, tuple[str, str]],
    *,
    remeasure: Callable[[Report], Report] | None = None,
) -> Report:
    """The report with people's roles and names set by the user, indicators recomputed from stored turns.

    Parameters
    ----------
    roles : mapping
        Speaker label -> ``(role, display_name)``; role one of :data:`VALID_ROLES`,
        ``display_name`` "" to keep the label. Labels not given keep their role.
    remeasure : callable, optional
        ``remeasure(report) -> report``: measures the relabelled report again from its stored turns and
        per-turn measures (:func:`pipeline.run.orchestrate.remeasure`), called only when a role changed.
        When None the measures are kept, which is only right when no role changed.

    Returns
    -------
    Report
        Speakers with ``role_source="set"`` where given; every turn's role follows
        its speaker. Nothing is re-transcribed.
    """
    for label, (role, _) in roles.items():
        if role not in VALID_ROLES:
            raise InvalidParameterError(f"role of {label!r} must be one of {VALID_ROLES}, got {role!r}")
    speakers = tuple(
        replace(s, role=roles[s.label][0], display_name=roles[s.label][1].strip(), role_source="set")
        if s.label in roles
        else s
        for s in report.speakers
    )
    turns = roles_of_turns(report.turns, speakers)
    changed = any(a.role != b.role for a, b in zip(turns, report.turns, strict=True))
    mentor = next((s.label for s in speakers if s.role == "mentor"), None)
    edited = replace(report, speakers=speakers, turns=turns, options=replace(report.options, mentor=mentor))
    return remeasure(edited) if (remeasure is not None and changed) else edited


def with_names(report: Report, participants: Mapping[str, str]) -> Report:
    """The report with display names given per role at consent (``{"mentor": "Alex", ...}``).

    Speakers named only by their label (display name empty or equal to the label) get
    the name given for their role; others keep theirs. Roles and indicators are unchanged.
    """
    speakers = tuple(
        replace(s, display_name=participants[s.role].strip())
        if (s.display_name in ("", s.label) and participants.get(s.role, "").strip())
        else s
        for s in report.speakers
    )
    return replace(report, speakers=speakers)


def swap_roles(report: Report) -> dict[str, tuple[str, str]]:
    """The roles mapping that swaps mentor and mentee.

    Names stay with the role (the consent step names the mentor and the mentee), so
    the person shown as "Alex (mentor)" before is "Sam (mentee)" after. Other roles
    are unchanged.
    """
    swap = {"mentor": "mentee", "mentee": "mentor"}
    name_of_role = {s.role: s.display_name for s in report.speakers if s.role in swap}
    out = {}
    for s in report.speakers:
        new_role = swap.get(s.role, s.role)
        out[s.label] = (new_role, name_of_role.get(new_role, s.display_name) if s.role in swap else s.display_name)
    return out


# --------------------------------------------------------------------------
