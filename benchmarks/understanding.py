"""Accuracy of the understanding step on labelled businesses, next to the keyword baseline.

    .venv/bin/python benchmarks/understanding.py [tests/eval/businesses_dev.jsonl ...] [--errors]

Prints, per file: business type accuracy, goals (exact set match, per-goal precision/recall,
primary goal), channels and exclusions (precision/recall), the facts (customers, average sale,
margin, busy/quiet months, start month, hours, team, regulated) and the time per business. The
baseline is the keyword classifier of commit 992ca80 (frozen in
benchmarks/understanding_baseline.json), whose five
business types are mapped to the closest of today's twelve."""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.indexing.embeddings import embed, make_embedding_function  # noqa: E402
from assistant.planning.interview.parsing import parse_list  # noqa: E402
from assistant.planning.plan import load_playbook  # noqa: E402
from assistant.planning.understanding import Understander, load_understanding_data  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.text import normalize_term  # noqa: E402

BASELINE = json.loads((ROOT / "benchmarks" / "understanding_baseline.json").read_text())
TODAY = date(2026, 5, 14)


def _classify(text: str, keywords: dict[str, list[str]]) -> str | None:
    key = f" {normalize_term(text)} "
    best, best_score = None, 0
    for ident, words in keywords.items():
        score = sum(len(w) for w in words if f" {normalize_term(w)} " in key)
        if score > best_score:
            best, best_score = ident, score
    return best


def _resolve(names: list[str]) -> set[str]:
    found: set[str] = set()
    channels = {c: [normalize_term(a) for a in v["aliases"]]
                for c, v in BASELINE["channels"].items()}
    groups = {g: [normalize_term(a) for a in al] for g, al in BASELINE["groups"].items()}
    for name in names:
        key = normalize_term(name)
        if key in channels:
            found.add(key)
            continue
        group = next((g for g, al in groups.items() if key == g or key in al), None)
        if group:
            found |= {c for c, v in BASELINE["channels"].items()
                      if group in {v["group"], *v["also"]}}
            continue
        hit = next((c for c, al in channels.items() if key == c.replace("_", " ") or key in al),
                   None) or next((c for c, al in channels.items()
                                  if any(f" {a} " in f" {key} " for a in al)), None)
        if hit:
            found.add(hit)
    return found


def baseline(answers: dict, lang: str) -> dict:
    """What the keyword reading of commit 992ca80 made of the answers."""
    old = _classify(f"{answers['business']} {answers['offer']}", BASELINE["business_types"]) \
        or "professional_services"
    goal = _classify(answers.get("goal", ""), BASELINE["goals"])
    used = _resolve(parse_list(answers.get("channels", [])))
    excluded = _resolve(parse_list(answers.get("excluded_channels", [])))
    return {"business_type": BASELINE["old_to_new"][old], "goals": [goal] if goal else [],
            "channels": sorted(used - excluded), "excluded": sorted(excluded)}


def ours(understander: Understander, answers: dict, lang: str) -> dict:
    """The understander's reading, in the labels' shape."""
    u = understander.understand(answers, lang)
    return {"business_type": u.business_type, "goals": [g.goal_id for g in u.goals],
            "goal_numbers": [(g.goal_id, g.current, g.target, g.change) for g in u.goals],
            "channels": u.channel_ids, "excluded": u.excluded_ids,
            "current_customers": u.current_customers, "average_sale": u.average_sale,
            "margin": u.gross_margin,
            # the labels' busy months are the high season, written before the reading told
            # the months customers buy from the months at capacity: both count
            "busy_months": sorted({*u.busy_months, *u.decision_months}),
            # the labels' quiet months are every month that is not busy, shut ones included
            "quiet_months": sorted({*u.quiet_months, *u.closed_months}),
            "start_month": u.start_month, "hours_per_week": u.hours_per_week,
            "team_size": u.team_size, "regulated": u.regulated}


def prf(pairs: list[tuple[set, set]]) -> tuple[float, float]:
    """Micro precision and recall over (predicted, gold) sets."""
    tp = sum(len(p & g) for p, g in pairs)
    pred = sum(len(p) for p, _ in pairs)
    gold = sum(len(g) for _, g in pairs)
    return (tp / pred if pred else 1.0), (tp / gold if gold else 1.0)


def score(rows: list[dict], predict, facts: bool) -> dict[str, str]:
    """The figures of one reader on one file."""
    n = len(rows)
    out: dict[str, str] = {}
    pairs = [(predict(r["answers"], r["lang"]), r["labels"]) for r in rows]

    def share(hits: int, total: int = n) -> str:
        return f"{hits / max(1, total):.2f}"

    out["business type acc"] = share(sum(p["business_type"] == g["business_type"]
                                         for p, g in pairs))
    gold = [({x["goal"] for x in g["goals"]}, p) for p, g in pairs]
    out["goals exact set"] = share(sum(set(p["goals"]) == gg for gg, p in gold))
    out["primary goal acc"] = share(sum(bool(p["goals"]) and p["goals"][0] == g["goals"][0]["goal"]
                                        for p, g in pairs))
    for name, key in (("goals", "goals"), ("channels", "channels"), ("excluded", "excluded")):
        sets = [(set(p[key]), {x["goal"] for x in g[key]} if key == "goals" else set(g[key]))
                for p, g in pairs]
        precision, recall = prf(sets)
        out[f"{name} P/R"] = f"{precision:.2f} / {recall:.2f}"
    if facts:
        for key in ("current_customers", "average_sale", "margin", "hours_per_week", "team_size",
                    "regulated", "busy_months", "quiet_months"):
            out[key] = share(sum(_same(p[key], g[key]) for p, g in pairs))
        stated = [(p, g) for p, g in pairs if g["start_month"] is not None]
        out["start_month (stated)"] = share(sum(p["start_month"] == g["start_month"]
                                                for p, g in stated), len(stated))
        numbers = [(p, g) for p, g in pairs
                   if any(x["change"] is not None or x["target"] is not None for x in g["goals"])]
        right = sum(_change(p, g) for p, g in numbers)
        out["goal numbers (primary)"] = f"{share(right, len(numbers))} of {len(numbers)}"
    return out


def _change(pred: dict, gold: dict) -> bool:
    want = gold["goals"][0]
    got = next((x for x in pred["goal_numbers"] if x[0] == want["goal"]), None)
    return got is not None and _same(got[3], want["change"]) and _same(got[2], want["target"])


def _same(a, b) -> bool:
    if isinstance(a, float | int) and isinstance(b, float | int):
        return abs(float(a) - float(b)) < 1e-6
    return a == b


def main(argv: list[str]) -> None:
    files = [a for a in argv if not a.startswith("--")] or [
        "tests/eval/businesses_dev.jsonl"]
    settings = Settings()
    function = make_embedding_function(settings)
    playbook = load_playbook(settings.knowledge_dir / "playbook")
    understander = Understander(playbook, load_understanding_data(
        settings.knowledge_dir / "understanding"), lambda t: embed(function, t),
        today=lambda: TODAY)
    keywords_only = Understander(playbook, understander.data, None, today=lambda: TODAY)
    for name in files:
        rows = [json.loads(line) for line in (ROOT / name).read_text().splitlines() if line]
        understander.understand(rows[0]["answers"], rows[0]["lang"])  # prototypes embedded
        start = time.perf_counter()
        mine = score(rows, lambda a, lang: ours(understander, a, lang), True)
        per = (time.perf_counter() - start) / len(rows) * 1000
        kw = score(rows, lambda a, lang: ours(keywords_only, a, lang), False)
        base = score(rows, baseline, False)
        print(f"\n{name}: {len(rows)} businesses "
              f"({', '.join(sorted({r['lang'] for r in rows}))})")
        print(f"{'':32} {'baseline 992ca80':>18} {'ours, keywords':>16} {'ours':>14}")
        for key, value in mine.items():
            print(f"{key:32} {base.get(key, ''):>18} {kw.get(key, ''):>16} {value:>14}")
        print(f"{'ms per business (ours)':32} {'':>18} {'':>16} {per:>14.1f}")
        if "--errors" in argv:
            for r in rows:
                p, g = ours(understander, r["answers"], r["lang"]), r["labels"]
                gold_goals = [x["goal"] for x in g["goals"]]
                if p["business_type"] != g["business_type"] or set(p["goals"]) != set(gold_goals) \
                        or set(p["channels"]) != set(g["channels"]) \
                        or set(p["excluded"]) != set(g["excluded"]):
                    print(r["id"], p["business_type"], g["business_type"], p["goals"], gold_goals,
                          p["channels"], g["channels"], p["excluded"], g["excluded"])


if __name__ == "__main__":
    main(sys.argv[1:])
