"""The workbook's cell formats, as a table of Excel properties."""

from enhancer.reference import ANOMALY_COLOUR, GROUP_COLOURS

HEADER_FILL = "#D9E1F2"
ADDED_FILL = "#FCE4D6"

FORMATS = {
    "header": {"bold": True, "bg_color": HEADER_FILL, "border": 1, "valign": "top"},
    "added_header": {
        "bold": True,
        "bg_color": ADDED_FILL,
        "border": 1,
        "valign": "top",
    },
    "title": {"bold": True, "font_size": 14},
    "subtitle": {"bold": True, "font_size": 12},
    "wrap": {"text_wrap": True, "valign": "top"},
    "top": {"valign": "top"},
    "centred": {"align": "center"},
    "note": {"italic": True},
    "anomaly": {"bg_color": ANOMALY_COLOUR, "bold": True},
    # A date that breaks the rules is still shown as a date.
    "anomaly_date": {
        "bg_color": ANOMALY_COLOUR,
        "bold": True,
        "num_format": "dd/mm/yyyy",
    },
    "anomaly_datetime": {
        "bg_color": ANOMALY_COLOUR,
        "bold": True,
        "num_format": "dd/mm/yyyy hh:mm",
    },
    "anomaly_time": {
        "bg_color": ANOMALY_COLOUR,
        "bold": True,
        "num_format": "[h]:mm:ss",
    },
    "date": {"num_format": "dd/mm/yyyy"},
    "datetime": {"num_format": "dd/mm/yyyy hh:mm"},
    "time": {"num_format": "[h]:mm:ss"},
    "percent": {"num_format": "0.0%"},
    "decimal": {"num_format": "0.0"},
    "link": {"font_color": "blue", "underline": 1},
}

# One fill per level group, used by conditional formats and legends alike.
GROUP_FORMATS = {group: {"bg_color": colour} for group, colour in GROUP_COLOURS.items()}


def add_formats(workbook) -> dict:
    """Create every format once; sheets look them up by name."""
    formats = {name: workbook.add_format(props) for name, props in FORMATS.items()}
    for group, props in GROUP_FORMATS.items():
        formats[group] = workbook.add_format(props)
        formats[group + "_cell"] = workbook.add_format({**props, "border": 1})
    return formats
