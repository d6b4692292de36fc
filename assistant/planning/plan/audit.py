"""Plan-fit audit: every rule of the plan rubric as code, over a finished plan and its Markdown.
Used by tests/test_plan_fit.py and benchmarks/plan_fit.py; the validator's findings included."""

from __future__ import annotations

import re
from functools import lru_cache

from babel.dates import get_month_names

from ...prompts import PromptLibrary
from ...text import normalize_term
from ..playbook import Playbook
from ..understanding.model import Understanding
from .export import export_plan
from .facts import FAMILIES
from .funnel import owner_gap
from .model import Plan, PlanFacts
from .offer_words import whole_clauses
from .validator import validate_plan

QUOTED = re.compile(r"«\s?(.*?)\s?»|“(.*?)”")
MIN_ALIAS = 5  # shorter aliases ("ig", "web", "ads") are not names a reader would see


def plan_text(plan: Plan, prompts: PromptLibrary) -> str:
    """What the owner reads: the Markdown export."""
    return export_plan(plan, "md", prompts).decode("utf-8")


def ours(text: str) -> str:
    """The plan's own words: the owner's quoted answers and the segment line removed."""
    return QUOTED.sub(" ", text)


def audit(plan: Plan, playbook: Playbook, prompts: PromptLibrary,
          answers: dict) -> list[str]:
    """Every rule violation of a plan as "rule: detail" (empty when the plan fits)."""
    out = [f"validator:{f.code}:{f.subject}:{f.detail}" for f in validate_plan(plan)]
    text = plan_text(plan, prompts)
    own_lines = ours(text)
    for value in answers.values():  # answers shown whole (the primary segment) are theirs
        if isinstance(value, str) and len(value.split()) >= 3:
            own_lines = own_lines.replace(value.strip(), " ")
    own = own_lines
    facts = plan.facts
    for channel in plan.excluded_channels:
        for name in excluded_names(playbook, channel):
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", normalize_term(own_lines)):
                out.append(f"excluded_in_text:{channel}:{name}")
                break
    btype = playbook.business_types[facts.business_type]
    for t in plan.tactics:
        if t.template in btype.never and t.channel not in facts.working_channels:
            out.append(f"tactic_never_fits:{t.id}:{t.template}")  # the owner's channel: kept
        if t.template not in btype.tactics and t.template != "compliance_review" \
                and not t.works(facts.working_channels) and t.template not in (
                    "offer_design", "service_training") and not t.template.startswith("mix:"):
            out.append(f"tactic_not_for_business:{t.id}:{t.template}")
    real = [t for t in plan.tactics if t.template != "compliance_review"]
    if facts.hours_per_week is not None and facts.hours_per_week < 5:
        if len(real) > 2 or any(t.effort != "light" and not t.works(facts.working_channels)
                                for t in real):
            out.append(f"hours:{facts.hours_per_week}:{len(real)} tactics")
    months = set(get_month_names("wide", locale=plan.language).values())
    for period in plan.calendar:
        if not any(m.lower() in period.label.lower() for m in months) and not re.search(
                r"\d{4}", period.label):
            out.append(f"calendar_not_real_months:{period.label}")
        if re.match(r"^T\d", period.label):
            out.append(f"calendar_label_collides:{period.label}")
    out += target_findings(plan)
    out += closed_findings(plan)
    answer_texts = [str(v).strip().rstrip(".") for v in answers.values()
                    if isinstance(v, str) and len(v.split()) >= 2]
    for match in re.finditer(r"(\S+\s+\S+)\s?(…|\.\.\.)", text):
        if any(match.group(1) in a for a in answer_texts):  # an answer cut and marked
            out.append(f"cut_mid_phrase:{match.group(0)}")
    for match in QUOTED.finditer(text):
        quoted = (match.group(1) or match.group(2) or "").strip()
        if owners_words(quoted, answer_texts) and not any(
                quoted == a or quoted in clauses(a) or whole_span(quoted, a)
                or whole_clauses(quoted, a)
                for a in answer_texts):
            out.append(f"cut_mid_phrase:{quoted[:40]}")
    out += language_findings(plan.language, own)
    out += money_findings(plan)
    return out


def truth_audit(plan: Plan, truth: Understanding, playbook: Playbook, prompts: PromptLibrary,
                answers: dict, start_stated: bool = True) -> list[str]:
    """Every rule violation of a plan judged against what the owner really said (`truth`, e.g.
    a labelled case) rather than what the understanding step read: the plan's facts are replaced
    by the truth's before the rubric runs, and the truth's goals, gap and type are checked."""
    excluded = set(truth.excluded_ids)
    for family, members in FAMILIES.items():
        if excluded & set(members):
            excluded.add(family)
    facts = PlanFacts(
        business_type=truth.business_type, start_year=plan.facts.start_year,
        start_month=truth.start_month if start_stated else plan.facts.start_month,
        working_channels=[c for c in truth.channel_ids if c not in excluded],
        busy_months=sorted(set(truth.busy_months)),
        quiet_months=sorted(set(truth.quiet_months) - set(truth.busy_months)
                            - set(truth.closed_months)),
        closed_months=sorted(set(truth.closed_months) - set(truth.busy_months)),
        hours_per_week=truth.hours_per_week, team_size=truth.team_size,
        regulated=truth.regulated or playbook.business_types[truth.business_type].regulated,
        current_customers=truth.current_customers)
    judged = plan.model_copy(update={
        "facts": facts, "excluded_channels": sorted(excluded | set(plan.excluded_channels))})
    out = audit(judged, playbook, prompts, answers)
    if plan.facts.business_type != truth.business_type:
        out.append(f"business_misread:{plan.facts.business_type}!={truth.business_type}")
    if start_stated and plan.facts.start_month != truth.start_month:
        out.append(f"start_month:{plan.facts.start_month}!={truth.start_month}")
    kpis = {o.kpi for o in plan.strategy.objectives}
    for goal in truth.goals[:3]:
        wanted = {t.kpi for t in playbook.goals[goal.goal_id].objectives}
        wanted |= {"churn"} if goal.goal_id == "loyalty" else set()
        if not kpis & wanted:
            out.append(f"goal_missing:{goal.goal_id}")
        elif not goal_served(plan, playbook, goal.goal_id, wanted):
            out.append(f"goal_without_tactic:{goal.goal_id}")
    gap = owner_gap(truth.goals, truth.current_customers)
    count = next((o for o in plan.strategy.objectives if o.kpi == "new_customers"), None)
    if gap and count is not None and count.target_value != gap:
        out.append(f"target_not_owner_gap:{count.target_value:g}!={gap}")
    return out


def goal_served(plan: Plan, playbook: Playbook, goal_id: str, kpis: set[str]) -> bool:
    """Whether a tactic that works for this goal (the playbook says it moves it) serves one of
    the goal's objectives: an objective merely pinned to an unrelated tactic does not count."""
    ids = {o.id for o in plan.strategy.objectives if o.kpi in kpis}
    return any(set(t.objective_ids) & ids and playbook.tactics[t.template].goals.get(goal_id, 0)
               for t in plan.tactics if t.template in playbook.tactics)


def closed_findings(plan: Plan) -> list[str]:
    """No work and no money in a month the business is shut (the month before is fine)."""
    out = []
    for t in plan.tactics:
        months = t.active_months or list(range(t.start_month, t.end_month + 1))
        shut = [m for m in months if plan.facts.closed(m)]
        if shut and t.template != "compliance_review":
            out.append(f"closed_month_push:{t.id}:{shut[0]}")
    for period in plan.calendar:
        if period.start_month == period.end_month and plan.facts.closed(period.start_month) \
                and period.tactic_ids:
            out.append(f"closed_month_in_calendar:{period.label}")
    return out


def excluded_names(playbook: Playbook, channel: str) -> list[str]:
    """The names and longer aliases of a channel, normalised."""
    ch = playbook.channels[channel]
    names = {normalize_term(n) for n in ch.names.values()}
    names |= {a for a in ch.aliases if len(a) >= MIN_ALIAS}
    return sorted(n for n in names if n)


def owners_words(quoted: str, answers: list[str]) -> bool:
    """Whether a quoted text comes from an answer (most of its words are in one)."""
    words = set(normalize_term(quoted).split())
    return bool(words) and any(
        len(words & set(normalize_term(a).split())) >= 0.6 * len(words) for a in answers)


SEPARATOR = re.compile(r"(?:[,;:]|\.\s|\s[—–]|\s(?:y|e|ed|et|and|o|ou|or))\s*$")


def whole_span(quoted: str, answer: str) -> bool:
    """Whether a quote is a run of whole clauses of an answer: it starts where the answer or a
    clause starts and ends where a clause ends (at a comma, a conjunction, a full stop).

    >>> whole_span("llegar a 400 socios", "llegar a 400 socios y bajar las bajas a la mitad")
    True
    >>> whole_span("400 socios y bajar", "llegar a 400 socios y bajar las bajas a la mitad")
    False
    """
    at = answer.find(quoted)
    if at < 0:
        return False
    before, after = answer[:at], answer[at + len(quoted):]
    starts = not before.strip() or bool(SEPARATOR.search(before.rstrip() + " "))
    ends = not after.strip(" .") or bool(re.match(r"\s*(?:[,;:.]|\s(?:y|e|ed|et|and|o|ou|or)\s)",
                                                  after))
    return starts and ends


def clauses(text: str) -> list[str]:
    """The whole clauses of an answer (split where the builder may take one)."""
    return [p.strip().rstrip(".") for p in re.split(r";|\.\s|\s[—–]\s", text) if p.strip()]


def target_findings(plan: Plan) -> list[str]:
    """Targets consistent with the funnel and the owner's numbers, and plausible."""
    funnel, out = plan.funnel, []
    if funnel is None:
        return ["funnel_missing"]
    count = next((o for o in plan.strategy.objectives if o.kpi == "new_customers"), None)
    if count is not None:
        expected = funnel.owner_target or funnel.customers
        if count.target_value != expected:
            out.append(f"target_inconsistent:{count.target_value}!={expected}")
    if funnel.cap is not None and funnel.customers > funnel.cap:
        out.append(f"target_implausible:{funnel.customers}>{funnel.cap}")
    return out


def money_findings(plan: Plan) -> list[str]:
    """Budget lines, tactics and months add up to the cent."""
    out = []
    if sum(line.amount_cents for line in plan.budget.lines) != plan.budget_cents:
        out.append("budget_lines_do_not_add_up")
    reserve = sum(line.amount_cents for line in plan.budget.lines if not line.tactic_id)
    monthly = sum(sum(t.monthly_cents) for t in plan.tactics)
    if monthly + reserve != plan.budget_cents:
        out.append(f"monthly_budget_does_not_add_up:{monthly + reserve}")
    return out


@lru_cache(maxsize=1)
def _detector():  # noqa: ANN202
    from ...language import LanguageDetector

    return LanguageDetector()


def language_findings(lang: str, own: str) -> list[str]:
    """Sentences of the plan's own words in another language (long ones only: names and
    single terms are shared across languages)."""
    out = []
    for sentence in re.split(r"(?<=[.!?])\s+|\n", own):
        plain = re.sub(r"[|#*\-·→]", " ", sentence)
        if len(plain.split()) < 9:
            continue
        scores = _detector().scores(plain)
        best = max(scores, key=scores.get)
        if best != lang and scores[best] > 0.8:
            out.append(f"other_language:{best}:{plain.strip()[:50]}")
    return out
