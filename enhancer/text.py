"""Normalisation of headers and statuses, so "  VALIDÉE " reads as "validee"."""

import unicodedata

# Typographic variants Excel or Pix put where a plain character is meant.
_PLAIN = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u00a0": " ", "\u202f": " ", ",": "."}
)


def normalise(value) -> str:
    """Lower case, no accents, single spaces, straight apostrophes."""
    text = value if isinstance(value, str) else header_text(value)
    text = text.translate(_PLAIN)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def header_text(value) -> str:
    """A header cell as text; a spreadsheet may hold the code 1.1 as a number."""
    if value is None:
        return ""
    if isinstance(value, float):
        return format(value, "g")
    return str(value)
