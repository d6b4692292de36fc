"""Marketing plans: the typed model, the playbook, the deterministic builder, the validator,
the optional model rewrite and the exports."""

from ..playbook import Playbook, load_playbook
from .builder import build_plan
from .export import FORMATS, export_plan
from .inputs import PlanInput, read_answers
from .model import SECTIONS, Plan
from .validator import Finding, validate_plan

__all__ = ["FORMATS", "SECTIONS", "Finding", "Plan", "PlanInput", "Playbook", "build_plan",
           "export_plan", "load_playbook", "read_answers", "validate_plan"]
