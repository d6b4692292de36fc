"""The UI stays readable and off Gradio's internals: no function in assistant/ui/ is longer than
60 lines (each tab is a page whose layout, events and handlers are apart), and nothing there
assigns to an attribute of a Gradio module, class or object's private part (a monkey patch that
a Gradio upgrade breaks silently)."""

from __future__ import annotations

import ast
from pathlib import Path

from assistant.settings import PROJECT_ROOT

UI = PROJECT_ROOT / "assistant" / "ui"
MAX_LINES = 60


def long_functions(source: str, limit: int = MAX_LINES) -> list[str]:
    """`name (n lines)` for each function or method longer than `limit` lines, nested ones too."""
    return [f"{node.name} at line {node.lineno} ({node.end_lineno - node.lineno + 1} lines)"
            for node in ast.walk(ast.parse(source))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and node.end_lineno is not None and node.end_lineno - node.lineno + 1 > limit]


def _gradio_names(tree: ast.Module) -> set[str]:
    """The names a module binds to Gradio: `import gradio as gr`, `from gradio.x import y`."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names
                      if a.name.split(".")[0] == "gradio"}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "gradio":
            names |= {a.asname or a.name for a in node.names}
    return names


def _root(node: ast.expr) -> str:
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else ""


def patches(source: str) -> list[str]:
    """Assignments (`=`, `+=`, `setattr`) to an attribute reached from a Gradio name, or to a
    private attribute (`x._name`) of anything but `self`/`cls`."""
    tree = ast.parse(source)
    gradio = _gradio_names(tree)
    targets: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets += node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets.append(node.target)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in ("setattr", "delattr") and node.args):
            targets.append(ast.Attribute(value=node.args[0], attr="?", lineno=node.lineno))
    found = []
    while targets:
        node = targets.pop()
        if isinstance(node, (ast.Tuple, ast.List)):
            targets += node.elts
        elif isinstance(node, ast.Subscript):  # `gr.x[key] = ...` changes Gradio's own object
            targets.append(node.value)
        elif isinstance(node, ast.Attribute):
            root = _root(node)
            if root in gradio or (node.attr.startswith("_") and root not in ("self", "cls")):
                found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return sorted(found)


def _modules() -> list[Path]:
    modules = sorted(UI.rglob("*.py"))
    assert len(modules) >= 20
    return modules


def test_no_function_in_the_ui_is_longer_than_60_lines() -> None:
    found = {m.name: long_functions(m.read_text(encoding="utf-8")) for m in _modules()}
    assert not {name: f for name, f in found.items() if f}, found


def test_the_ui_patches_nothing_of_gradio() -> None:
    found = {m.name: patches(m.read_text(encoding="utf-8")) for m in _modules()}
    assert not {name: f for name, f in found.items() if f}, found


def test_the_checks_see_a_long_function_and_a_patch() -> None:
    long = "def build():\n" + "    x = 1\n" * 60
    assert long_functions(long) == ["build at line 1 (61 lines)"]
    assert long_functions("def build():\n" + "    x = 1\n" * 59) == []
    patched = ("import gradio as gr\nfrom gradio.components import file\n"
               "gr.File.preprocess = None\nfile.tempfile = None\nsetattr(gr.utils, 'x', 1)\n"
               "box = gr.File()\nbox._process_single_file = print\n")
    assert patches(patched) == ["line 3: gr.File.preprocess", "line 4: file.tempfile",
                                "line 5: gr.utils.?", "line 7: box._process_single_file"]
    assert patches("import gradio as gr\nclass A:\n    def f(self):\n        self._x = 1\n"
                   "demo = gr.Blocks()\ndemo.upload_ledger = 1\n") == []
