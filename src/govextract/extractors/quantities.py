"""Every quantity with its subject, relation, time and role.

The headline targets and outcomes are read off this layer (one implementation):
targets.py and actuals.py select quantities, they do not parse numbers again. The analysis
itself lives in :mod:`govextract.analysis` (one module per stage); this module is the
component's entry point and keeps the names the other components import.
"""
from __future__ import annotations

from ..analysis import QInfo, analyse, extract_quantities, sentence_horizons

__all__ = ["QInfo", "analyse", "extract_quantities", "sentence_horizons"]
