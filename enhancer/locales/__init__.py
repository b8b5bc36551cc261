"""User-facing text, one module per language, all with the same names."""

from importlib import import_module

LANGUAGES = ("fr", "en")


def load(lang: str):
    """The text module of a language ("fr" or "en")."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    return import_module(f"enhancer.locales.{lang}")
