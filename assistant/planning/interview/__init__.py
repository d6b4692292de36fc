"""The guided interview: slots as data, parsing, and the state machine."""

from .machine import Interviewer
from .slots import REQUIRED, SLOTS, Slot
from .state import Choice, InterviewState, InterviewView, SummaryItem

__all__ = ["REQUIRED", "SLOTS", "Choice", "InterviewState", "InterviewView", "Interviewer",
           "Slot", "SummaryItem"]
