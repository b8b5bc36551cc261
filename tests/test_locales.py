"""The French and English texts stay in step.

Every name, every key of every dict, the length of every tuple and the
{placeholders} of every string must match between fr.py and en.py: a text
added to one language only fails here, before a user meets a KeyError.
"""

import re
import string
import types

import pytest

from enhancer import errors
from enhancer.locales import LANGUAGES, en, fr, load
from enhancer.reference import (
    COMPETENCE_GROUPS,
    COMPETENCES,
    DOMAINS,
    LEVEL_BANDS,
    STATUSES,
)
from tests.test_english import french_words

# Characters Excel refuses in a sheet name.
_BAD_SHEET_CHARACTERS = re.compile(r"[\[\]:*?/\\]")


def public_names(module) -> set:
    """The texts a locale module defines."""
    return {
        name
        for name, value in vars(module).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }


def placeholders(text: str) -> set:
    """The {fields} of a format string; stray braces raise ValueError."""
    return {
        (field, spec)
        for _, field, spec, _ in string.Formatter().parse(text)
        if field is not None
    }


def differences(french, english, where: str) -> list:
    """Every way two texts differ in shape, one readable line each."""
    if type(french) is not type(english):
        kinds = f"{type(french).__name__} in fr, {type(english).__name__} in en"
        return [f"{where}: {kinds}"]
    if isinstance(french, dict):
        lines = []
        only_fr, only_en = french.keys() - english, english.keys() - french
        if only_fr or only_en:
            lines.append(
                f"{where}: keys only in fr {sorted(only_fr)}, "
                f"only in en {sorted(only_en)}"
            )
        for key in french.keys() & english.keys():
            lines += differences(french[key], english[key], f"{where}[{key!r}]")
        return lines
    if isinstance(french, (tuple, list)):
        if len(french) != len(english):
            return [f"{where}: {len(french)} items in fr, {len(english)} in en"]
        lines = []
        for index, (one, other) in enumerate(zip(french, english)):
            lines += differences(one, other, f"{where}[{index}]")
        return lines
    if isinstance(french, str) and placeholders(french) != placeholders(english):
        fields = f"{sorted(placeholders(french))} vs {sorted(placeholders(english))}"
        return [f"{where}: placeholders differ, {fields}"]
    return []


def strings_of(value) -> list:
    """Every string a text holds, however deeply nested."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (tuple, list)):
        return [text for item in value for text in strings_of(item)]
    return []


def test_both_languages_define_the_same_names():
    assert sorted(public_names(fr) - public_names(en)) == []
    assert sorted(public_names(en) - public_names(fr)) == []


@pytest.mark.parametrize("name", sorted(public_names(fr) | public_names(en)))
def test_each_text_has_the_same_shape_in_both_languages(name):
    assert hasattr(fr, name), f"{name} is missing from fr.py"
    assert hasattr(en, name), f"{name} is missing from en.py"
    assert differences(getattr(fr, name), getattr(en, name), name) == []


@pytest.mark.parametrize(
    ("french", "english", "expected"),
    [
        ({"a": "x", "b": "y"}, {"a": "x"}, "keys only in fr ['b']"),
        ({"a": "x"}, {"a": "x", "c": "z"}, "only in en ['c']"),
        (("x", "y"), ("x",), "2 items in fr, 1 in en"),
        ({"a": "{row} de {path}"}, {"a": "row {line} of {path}"}, "placeholders"),
        ({"a": ("{n}",)}, {"a": ("n",)}, "placeholders"),
        ("texte", ("text",), "str in fr, tuple in en"),
        ({"a": {"b": "x"}}, {"a": {"c": "x"}}, "X['a']: keys only in fr ['b']"),
    ],
)
def test_the_comparison_catches_each_kind_of_drift(french, english, expected):
    found = differences(french, english, "X")
    assert found and expected in found[0]


def test_same_shape_texts_pass_the_comparison():
    french = {"a": ("{n} lignes", "x"), "b": {"c": "« {s} »"}}
    english = {"a": ("{n} rows", "y"), "b": {"c": '"{s}"'}}
    assert differences(french, english, "X") == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_error_has_a_sentence(lang):
    texts = load(lang)
    classes, keys = [errors.PixError], []
    while classes:
        cls = classes.pop()
        classes.extend(cls.__subclasses__())
        if cls.key:
            keys.append(cls.key)
    assert sorted(key for key in keys if key not in texts.ERRORS) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_reference_item_has_a_name(lang):
    texts = load(lang)
    assert set(texts.LEVEL_NAMES) == {key for key, _, _ in LEVEL_BANDS}
    assert set(texts.LEVEL_DESCRIPTIONS) == {key for key, _, _ in LEVEL_BANDS}
    assert set(texts.COMPETENCE_NAMES) == set(COMPETENCES)
    assert set(texts.DOMAIN_NAMES) == set(DOMAINS)
    assert set(texts.STATUS_NAMES) == set(STATUSES)
    assert set(texts.STATUS_MEANINGS) == set(STATUSES)
    groups = {group for group, _, _ in COMPETENCE_GROUPS} | {"untested"}
    assert set(texts.GROUP_NAMES) == groups


@pytest.mark.parametrize("lang", LANGUAGES)
def test_names_that_must_be_told_apart_are_distinct(lang):
    texts = load(lang)
    # The level column's colours match on the level's name.
    assert len(set(texts.LEVEL_NAMES.values())) == len(texts.LEVEL_NAMES)
    assert len(set(texts.STATUS_NAMES.values())) == len(texts.STATUS_NAMES)
    assert len(set(texts.SHEETS.values())) == len(texts.SHEETS)
    for sheet in texts.SHEETS.values():
        assert 0 < len(sheet) <= 31 and not _BAD_SHEET_CHARACTERS.search(sheet)


def test_english_texts_hold_no_french():
    found = {
        name: words
        for name in public_names(en)
        for text in strings_of(getattr(en, name))
        if (words := french_words(text))
    }
    assert found == {}


def test_every_text_is_filled_in():
    for module in (fr, en):
        for name in public_names(module):
            texts = strings_of(getattr(module, name))
            assert texts and all(text.strip() for text in texts), name
