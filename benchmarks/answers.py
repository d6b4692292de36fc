"""Answer benchmark: time to first sentence/token and total time (p50), for the grounded
composer and through a loopback OpenAI-compatible server; language match and citation validity.

Run: .venv/bin/python benchmarks/answers.py   (prints figures; asserts nothing)"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import Assistant  # noqa: E402
from assistant.search.evaluation import load_questions  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.text import normalize_term  # noqa: E402
from tests.openai_server import OpenAIServer  # noqa: E402


def run(assistant: Assistant, questions: list, label: str, server: OpenAIServer | None) -> None:
    first, total, lang_ok, cites_ok, cites = [], [], 0, 0, 0
    for q in questions:
        if server:
            server.reply("Respuesta de prueba con una cita [1] y otra inventada [9].")
        started = time.perf_counter()
        ttft = None
        answer = None
        for event in assistant.stream(q.question):
            if event.type == "delta" and ttft is None:
                ttft = time.perf_counter() - started
            if event.type == "done":
                answer = event.answer
        total.append(time.perf_counter() - started)
        first.append(ttft or total[-1])
        lang_ok += answer.language == q.lang
        passages = {c.marker: normalize_term(c.passage) for c in answer.citations}
        for sentence, marker in re.findall(r"«([^»]+)» \[(\d+)\]", answer.text):
            cites += 1
            cites_ok += normalize_term(sentence) in passages.get(int(marker), "")
        for marker in re.findall(r"\[(\d+)\]", answer.text):
            if not re.search(r"«[^»]+» \[" + marker + r"\]", answer.text):
                cites += 1
                cites_ok += int(marker) in passages
    n = len(questions)
    print(f"{label:34} first p50 {statistics.median(first) * 1000:7.1f} ms   total p50 "
          f"{statistics.median(total) * 1000:7.1f} ms   language match {lang_ok / n:.2%}   "
          f"citation validity {cites_ok / max(cites, 1):.2%} ({cites} markers)")


OFF_TOPIC = [
    "Quel temps fera-t-il à Lyon demain après-midi ?", "¿Cuál es la capital de Australia?",
    "Chi ha vinto il campionato di calcio nel 1982?", "How do I bake sourdough bread?",
    "¿Cómo se cambia una rueda pinchada?", "Quelle est la recette de la ratatouille ?",
    "Come si coltivano i pomodori sul balcone?", "What is the boiling point of water at altitude?",
    "¿Qué tiempo hace en Madrid?", "Raconte-moi une blague sur les chats",
]


def relevance_gate(assistant: Assistant, questions: list) -> None:
    """How often the evidence gate answers on-topic questions and declines off-topic ones."""
    answered = sum(bool(assistant.ask(q.question).citations) for q in questions)
    declined = sum(not assistant.ask(q).citations for q in OFF_TOPIC)
    print(f"relevance gate (min_relevance {assistant.settings.min_relevance}): answers "
          f"{answered}/{len(questions)} on-topic questions, declines {declined}/{len(OFF_TOPIC)} "
          "off-topic ones")


def main() -> None:
    questions = load_questions(ROOT / "tests" / "eval" / "questions.jsonl")
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, data_dir=Path(tmp))
        grounded = Assistant(settings)
        grounded.ingest()
        grounded.ask("warm up")
        print(f"{len(questions)} evaluation questions")
        run(grounded, questions, "grounded composer", None)
        relevance_gate(grounded, questions)
        server = OpenAIServer()
        server.start()
        try:
            llm = Assistant(settings.model_copy(update={
                "chat_backend": "openai", "openai_base_url": server.base_url,
                "chat_model": "loopback"}))
            run(llm, questions, "loopback OpenAI server (chain cost)", server)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
