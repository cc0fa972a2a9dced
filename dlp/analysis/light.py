"""Presidio's recogniser classes without the rest of Presidio, until something asks for the rest.

`import presidio_analyzer` runs the package's `__init__`, which imports the AnalyzerEngine, every NLP engine
and so spaCy, and every predefined recogniser: 1-2 s, for a default pipeline (no spaCy model) that only
needs the recogniser base classes and the credit-card recogniser. `install()` puts those packages in
`sys.modules` without running their `__init__` (each is made from its own import spec, so its submodules
import as usual; nothing is imported yet) and gives each a module `__getattr__` (PEP 562): a recogniser base
class is imported alone from its submodule, and the first use of any other name the package does not have yet
(`from presidio_analyzer import AnalyzerEngine`) runs the real `__init__` into the same module object.
Classes imported before are the very same objects afterwards, so nothing ever sees two of anything; the only
difference is when Presidio's heavy half is imported. Packages are completed in Presidio's own order (the top
package first), as a plain `import presidio_analyzer` would have run them.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
from types import ModuleType
from typing import Any

ROOT = "presidio_analyzer"
# Packages whose __init__ imports the heavy half, top first.
PACKAGES = (ROOT, f"{ROOT}.predefined_recognizers", f"{ROOT}.predefined_recognizers.generic")
# Names of the top package that its light submodules define: these are imported alone when first asked for
# (the submodules ask each other for them as `from presidio_analyzer import …`).
LIGHT = {
    "AnalysisExplanation": "analysis_explanation",
    "RecognizerResult": "recognizer_result",
    "EntityRecognizer": "entity_recognizer",
    "LocalRecognizer": "local_recognizer",
    "Pattern": "pattern",
    "PatternRecognizer": "pattern_recognizer",
}

_lock = threading.RLock()
_pending: dict[str, ModuleType] = {}  # stand-ins whose real __init__ has not run yet


def install() -> None:
    """Make `presidio_analyzer` light to import, unless it is imported already (then nothing changes)."""
    with _lock:
        if ROOT in sys.modules or ROOT in _pending:
            return
        for name in PACKAGES:
            spec = importlib.util.find_spec(name)
            if spec is None or spec.loader is None or spec.submodule_search_locations is None:
                _complete_all()  # not the layout we know: leave it to the plain import
                return
            module = importlib.util.module_from_spec(spec)
            module.__dict__["__getattr__"] = _completer(name)
            sys.modules[name] = module
            _pending[name] = module
            if name != ROOT:
                parent, _, child = name.rpartition(".")
                setattr(sys.modules[parent], child, module)


def is_light() -> bool:
    """Whether Presidio's heavy half (the engine, the NLP engines, spaCy) is still not imported."""
    return ROOT in _pending


def _completer(name: str) -> Any:
    def __getattr__(attribute: str) -> Any:
        if attribute.startswith("__") and attribute != "__all__":  # probes (__wrapped__, …) complete nothing
            raise AttributeError(attribute)
        if name == ROOT and attribute in LIGHT:
            with _lock:
                if ROOT in _pending:
                    value = getattr(importlib.import_module(f"{ROOT}.{LIGHT[attribute]}"), attribute)
                    setattr(sys.modules[ROOT], attribute, value)
                    return value
        _complete(name)
        return getattr(sys.modules[name], attribute)

    return __getattr__


def _complete(name: str) -> None:
    with _lock:
        if ROOT in _pending and name != ROOT:
            _complete(ROOT)  # Presidio's own order: the top package first; it may complete `name` on its way
        module = _pending.pop(name, None)
        if module is None:
            # Done, or being completed further up this very stack: a name missing now is missing in a plain
            # import too (a circular import), and reported the same way.
            return
        del module.__dict__["__getattr__"]
        assert module.__spec__ is not None and module.__spec__.loader is not None
        try:
            module.__spec__.loader.exec_module(module)
        except BaseException:
            sys.modules.pop(name, None)  # let a later import try again from scratch, as Python does
            raise


def _complete_all() -> None:
    for name in PACKAGES:
        if name in _pending:
            _complete(name)
