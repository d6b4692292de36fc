"""What the plan feature tells the owner about a plan in words: the validator's findings and
the notes left when a model could not draft a section (the deterministic text stayed)."""

from __future__ import annotations

from ..prompts import PromptError, PromptLibrary
from .drafting import SectionOutcome
from .plan.validator import Finding


def finding_text(prompts: PromptLibrary, lang: str, finding: Finding) -> str:
    """One validator finding as a sentence in the plan's language."""
    return prompts.phrase("plan", lang, f"findings.{finding.code}",
                          subject=finding.subject, detail=finding.detail)


def draft_note(prompts: PromptLibrary, lang: str, outcome: SectionOutcome) -> str:
    """Why a section kept its deterministic text: the backend failed, the validator refused
    the draft (its first findings), it timed out or was not valid."""
    section = prompts.phrase("plan", lang, f"headings.{outcome.section}")
    reason, _, kind = outcome.reason.partition(":")
    if reason == "backend":
        detail = prompts.phrase("errors", lang, f"backend.{kind or 'server'}",
                                where="?", status=outcome.status, timeout="?", model="?")
        return prompts.phrase("plan", lang, "drafting.fallback_backend",
                              section=section, detail=detail)
    if reason == "findings":
        detail = "; ".join(_finding_or_code(prompts, lang, f) for f in outcome.findings[:3])
        return prompts.phrase("plan", lang, "drafting.fallback_findings",
                              section=section, detail=detail)
    key = "fallback_timeout" if reason == "timeout" else "fallback_invalid"
    return prompts.phrase("plan", lang, f"drafting.{key}", section=section)


def _finding_or_code(prompts: PromptLibrary, lang: str, finding: Finding) -> str:
    """A model's draft can break a rule no sentence is written for: its code then."""
    try:
        return finding_text(prompts, lang, finding)
    except PromptError:
        return finding.code
