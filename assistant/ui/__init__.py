"""Estratega's web app (Gradio): one module per tab, assembled by `builder`."""

from .builder import build_app, launch_options
from .startup import prepare

__all__ = ["build_app", "launch_options", "prepare"]
