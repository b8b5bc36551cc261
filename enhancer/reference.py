"""Pix's reference data, as plain data: scales, competences, statuses, headers.

Everything here comes from Pix's guide to the results file. Words shown to
users (level names, descriptions, competence names) live in the locale
modules, keyed by the identifiers defined here.
"""

# Highest score Pix delivers today; 896-1024 ("Expert 2") exists on paper only.
MAX_DELIVERED_SCORE = 895
MAX_SCORE = 1024
MAX_LEVEL = 8

# Global level bands by score: (key, lowest score, highest score).
LEVEL_BANDS = (
    ("none", 0, 63),
    ("novice1", 64, 127),
    ("novice2", 128, 255),
    ("independent1", 256, 383),
    ("independent2", 384, 511),
    ("advanced1", 512, 639),
    ("advanced2", 640, 767),
    ("expert1", 768, 895),
    ("expert2", 896, 1024),
)

# Each global level belongs to the same colour group as the competence levels.
LEVEL_GROUP = {
    "none": "zero",
    "novice1": "novice",
    "novice2": "novice",
    "independent1": "independent",
    "independent2": "independent",
    "advanced1": "advanced",
    "advanced2": "advanced",
    "expert1": "expert",
    "expert2": "expert",
}

# Competence level groups: (key, lowest level, highest level).
COMPETENCE_GROUPS = (
    ("zero", 0, 0),
    ("novice", 1, 2),
    ("independent", 3, 4),
    ("advanced", 5, 6),
    ("expert", 7, 8),
)

# Fill colours of the groups, light enough to read black text on, darkening
# as the level rises; "untested" is the neutral grey of a "-".
GROUP_COLOURS = {
    "zero": "#F4CCCC",
    "novice": "#FCE5CD",
    "independent": "#FFF2CC",
    "advanced": "#D9EAD3",
    "expert": "#B6D7A8",
    "untested": "#E7E6E6",
}
ANOMALY_COLOUR = "#FF9999"

DOMAINS = ("1", "2", "3", "4", "5")

COMPETENCES = (
    "1.1",
    "1.2",
    "1.3",
    "2.1",
    "2.2",
    "2.3",
    "2.4",
    "3.1",
    "3.2",
    "3.3",
    "3.4",
    "4.1",
    "4.2",
    "4.3",
    "5.1",
    "5.2",
)

# Statuses, in the order the sheets explain them.
STATUSES = ("validated", "rejected", "cancelled", "error", "started")

# What the input may say for each status, after normalisation (lower case, no
# accents, single spaces): Pix writes French, an English export says English.
STATUS_ALIASES = {
    "validee": "validated",
    "validated": "validated",
    "rejetee": "rejected",
    "rejected": "rejected",
    "annulee": "cancelled",
    "cancelled": "cancelled",
    "canceled": "cancelled",
    "en erreur": "error",
    "erreur": "error",
    "error": "error",
    "in error": "error",
    "demarree": "started",
    "started": "started",
}
# The aliases as Pix spells them, accents included: a spreadsheet formula
# (the formula mode's) cannot strip accents, so it looks for both spellings.
STATUS_SPELLINGS = {
    "validée": "validated",
    "rejetée": "rejected",
    "annulée": "cancelled",
    "démarrée": "started",
}

# The value Pix writes where there is no score or no level.
NO_VALUE = "-"

# Headers, normalised, that name each column the tool needs or knows.
STATUS_HEADERS = ("statut", "status")
SCORE_HEADERS = (
    "nombre de pix",
    "nombre de pix certifies",
    "pix score",
    "number of pix",
    "number of certified pix",
    "pix",
    "score",
)
CERTIFICATION_NUMBER_HEADERS = (
    "numero de certification",
    "certification number",
)
FIRST_NAME_HEADERS = ("prenom", "first name", "firstname", "given name")
LAST_NAME_HEADERS = (
    "nom",
    "nom de famille",
    "last name",
    "lastname",
    "surname",
    "family name",
)
PERSONAL_DATA_HEADERS = (
    "date de naissance",
    "lieu de naissance",
    "identifiant externe",
    "birth date",
    "date of birth",
    "birthdate",
    "birthplace",
    "place of birth",
    "birth place",
    "external id",
    "external identifier",
)

# The older layout described by the guide: status in F, score in G,
# competences in H to W (0-based column indexes).
GUIDE_STATUS_COLUMN = 5
GUIDE_SCORE_COLUMN = 6
GUIDE_FIRST_COMPETENCE_COLUMN = 7

# Excel's own limits.
EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_COLUMNS = 16_384
EXCEL_MAX_CELL_CHARS = 32_767
