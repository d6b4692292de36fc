"""Planning: the guided interview and the marketing plan it produces.

The interview is a state machine over slots kept as data (`interview/`); the plan package
(`plan/`) holds the plan model, the deterministic builder, the validator and the exports;
`playbook.py` is the playbook the interview, the understanding and the plan all read (below
them, so no package of planning imports another in a circle); `plans.py` (`PlanBook`)
drafts, edits and exports an owner's plans; `service.py` (`PlanService`, a PlanBook that also
interviews) runs interviews and plans for one owner at a time, saved through `persistence.py`."""
