"""What a correction in words changed, said as the fact corrections say it ("type: coworking
space (was: restaurant or café)"): a bare "Corrected." left the owner to guess, and the
understood line shows the owner's label, which a change of kind does not touch (#22 item 1)."""

from __future__ import annotations

from ..playbook import Playbook
from ..understanding import Understanding
from .correcting import Change


def word_changes(before: Understanding, after: Understanding, playbook: Playbook,
                 lang: str, empty: str) -> list[Change]:
    """The kind of business, the goals and the channels that differ, as shown to the owner."""
    def kind(u: Understanding) -> str:
        preset = playbook.business_types.get(u.business_type)
        return preset.names[lang] if preset else u.business_type

    def names(ids: list[str], table: dict) -> str:  # type: ignore[type-arg]
        return ", ".join(table[i].names[lang] for i in ids if i in table) or empty

    out = []
    if before.business_type != after.business_type:
        out.append(Change("business_label", kind(before), kind(after)))
    was, now = [g.goal_id for g in before.goals], [g.goal_id for g in after.goals]
    if was != now:
        out.append(Change("goal_metric", names(was, playbook.goals), names(now, playbook.goals)))
    for field, attr in (("channels", "channel_ids"), ("excluded", "excluded_ids")):
        if getattr(before, attr) != getattr(after, attr):
            out.append(Change(field, names(getattr(before, attr), playbook.channels),
                              names(getattr(after, attr), playbook.channels)))
    return out
