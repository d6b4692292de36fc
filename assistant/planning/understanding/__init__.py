"""Understanding the owner's answers: what the business is, what it wants, what it refuses.

`Understander.understand(answers, lang)` reads the interview answers (free text, as owners write
them, in ES/FR/IT/EN) into an `Understanding` (model.py), the contract the plan builder obeys:
business type and goals by prototype descriptions compared with the shipped multilingual
embedding model together with keyword evidence (classify.py, data in knowledge/understanding/),
channels named and excluded with their platform families (channels.py), goals split and their
numbers read (goals.py), numbers (numbers.py), months and seasons (months.py) and the other
facts (facts.py). Owner corrections win over what was read (understander.py)."""

from .model import GoalUnderstood, Understanding
from .understander import Understander, default_understander, load_understanding_data

__all__ = ["GoalUnderstood", "Understander", "Understanding", "default_understander",
           "load_understanding_data"]
