"""Planning: the guided interview and the marketing plan it produces.

The interview is a state machine over slots kept as data (`interview/`); the plan package
(`plan/`) holds the plan model, the playbook, the deterministic builder, the validator and the
exports; `service.py` (`PlanService`) runs interviews and plans for one owner at a time and saves
them through `persistence.py`."""

# understanding -> plan -> interview -> understanding is a cycle that only loads plan-first; the
# package's eager facade import used to hide it (`import assistant.planning.understanding` alone
# failed once `assistant/__init__` became lazy). Until the cycle is cut, load plan first here.
from . import plan as _plan  # noqa: E402,F401
