"""Money that hangs on a tactic's budget: when the owner changes one by hand, the budget table and
the tactic's monthly split are recomputed here, in code, so the edit can pass the validator.

The plan's total stays what the owner said: the reserve line (the budget line without a tactic)
takes the difference. A change the reserve cannot absorb is reported, never saved."""

from __future__ import annotations

from .plan.builder import monthly
from .plan.formatting import format_money
from .plan.model import Plan, Tactic
from .plan.validator import Finding


def rebalance(old: Plan, new: Plan, section: str) -> tuple[Plan, list[Finding]]:
    """`new` (the saved plan with `section` replaced by the owner's version) with the money that
    depends on the edit recomputed: tactic budget <-> monthly split <-> budget table <-> reserve.
    The findings say what cannot be made to add up (the tactics cost more than the total)."""
    if section == "tactics":
        tactics = [_tactic(old_tactics(old).get(t.id), t) for t in new.tactics]
    elif section == "budget":
        tactics = _from_budget_lines(old, new)
    else:
        return new, []
    plan = new.model_copy(update={"tactics": tactics})
    return _budget_table(old, plan)


def old_tactics(plan: Plan) -> dict[str, Tactic]:
    """The plan's tactics by id."""
    return {t.id: t for t in plan.tactics}


def _months(tactic: Tactic) -> list[int]:
    return tactic.active_months or list(range(tactic.start_month, tactic.end_month + 1))


def _tactic(before: Tactic | None, after: Tactic) -> Tactic:
    """One tactic made coherent with itself: a new budget is spread over its months; a new
    monthly split sets its budget; new start/end months replace its active months."""
    if before is None:
        return after
    update: dict = {}
    moved = (after.start_month, after.end_month) != (before.start_month, before.end_month)
    if moved and after.active_months == before.active_months and after.active_months:
        update["active_months"] = list(range(after.start_month, after.end_month + 1))
    months = update.get("active_months") or _months(after)
    split_changed = after.monthly_cents != before.monthly_cents
    if split_changed and after.budget_cents == before.budget_cents and after.monthly_cents:
        update["budget_cents"] = sum(after.monthly_cents)  # the owner moved money by month
    elif not split_changed and before.monthly_cents and (
            after.budget_cents != before.budget_cents or len(months) != len(after.monthly_cents)):
        update["monthly_cents"] = monthly(after.budget_cents, max(1, len(months)))
    return after.model_copy(update=update) if update else after


def _from_budget_lines(old: Plan, new: Plan) -> list[Tactic]:
    """A tactic's line changed in the budget table: the tactic's budget (and split) follows."""
    amounts = {line.tactic_id: line.amount_cents for line in new.budget.lines if line.tactic_id}
    tactics = []
    for tactic in new.tactics:
        amount = amounts.get(tactic.id, tactic.budget_cents)
        changed = tactic.model_copy(update={"budget_cents": amount})
        tactics.append(_tactic(tactic, changed) if amount != tactic.budget_cents else tactic)
    return tactics


def _budget_table(old: Plan, plan: Plan) -> tuple[Plan, list[Finding]]:
    """Tactic lines equal to their tactic (label and amount), the reserve takes the rest, shares
    recomputed. A reserve the owner edited in the same change is kept as typed."""
    total = plan.budget_cents
    by_id = old_tactics(plan)
    before = old_tactics(old)
    lines = []
    for line in plan.budget.lines:
        tactic = by_id.get(line.tactic_id or "")
        if tactic is None:
            lines.append(line.model_copy())
            continue
        label = line.label
        if tactic.id in before and label == before[tactic.id].name:
            label = tactic.name  # a renamed tactic is renamed in the table too
        lines.append(line.model_copy(update={"label": label, "amount_cents": tactic.budget_cents}))
    old_reserve = [line.amount_cents for line in old.budget.lines if not line.tactic_id]
    reserves = [i for i, line in enumerate(lines) if not line.tactic_id]
    typed_reserve = [lines[i].amount_cents for i in reserves]
    tactic_sum = sum(line.amount_cents for line in lines if line.tactic_id)
    findings: list[Finding] = []
    over = Finding("tactics_over_budget",
                   format_money(tactic_sum, plan.currency, plan.language),
                   format_money(total, plan.currency, plan.language))
    if reserves and typed_reserve == old_reserve:
        others = sum(lines[i].amount_cents for i in reserves[1:])
        rest = total - tactic_sum - others
        if rest < 0:
            findings.append(over)
            rest = 0
        lines[reserves[0]] = lines[reserves[0]].model_copy(update={"amount_cents": rest})
    elif not reserves and tactic_sum > total:
        findings.append(over)
    lines = [line.model_copy(update={"share_percent": round(100 * line.amount_cents / total, 1)})
             for line in lines]
    budget = plan.budget.model_copy(update={"lines": lines, "total_cents": total})
    return plan.model_copy(update={"budget": budget}), findings
