"""The problems a user can meet, each turned into one sentence by the command.

An error carries a message key (see ``ERRORS`` in the locale modules) and the
values the sentence names, so the command can say it in the user's language.
"""


class PixError(Exception):
    """A problem with the user's files that the command reports and exits 1."""

    key = ""

    def __init__(self, **params):
        super().__init__(self.key, params)
        self.params = params


class InputNotFound(PixError):
    """The input path does not exist."""

    key = "not_found"


class InputIsDirectory(PixError):
    """The input path is a folder where a file was expected."""

    key = "is_directory"


class InputUnreadable(PixError):
    """The input exists but the system refuses to read it."""

    key = "unreadable"


class EmptyInput(PixError):
    """The input file holds nothing."""

    key = "empty"


class NoRows(PixError):
    """The input has a header but no candidate under it."""

    key = "no_rows"


class NotATable(PixError):
    """The input is neither a CSV nor a spreadsheet."""

    key = "not_a_table"


class BadEncoding(PixError):
    """A CSV announces an encoding (byte order mark) its bytes break."""

    key = "bad_encoding"


class CorruptedWorkbook(PixError):
    """The spreadsheet is damaged or truncated."""

    key = "corrupted"


class PasswordProtected(PixError):
    """The spreadsheet is encrypted with a password."""

    key = "password"


class WorkbookTooBig(PixError):
    """The spreadsheet expands to far more than any results file (zip bomb)."""

    key = "too_big"


class NoResultsSheet(PixError):
    """No sheet of the workbook holds a results table."""

    key = "no_results_sheet"


class SheetNotFound(PixError):
    """The sheet asked for with --sheet does not exist."""

    key = "sheet_not_found"


class MissingColumns(PixError):
    """A results table lacks the score, the status or competence columns."""

    key = "missing_columns"


class NoHeader(PixError):
    """No results header, and the guide's letters do not fit either."""

    key = "no_header"


class TooManyRows(PixError):
    """The table has more rows than an Excel sheet holds."""

    key = "too_many_rows"


class TooManyColumns(PixError):
    """The table has more columns than an Excel sheet holds."""

    key = "too_many_columns"


class CellTooLong(PixError):
    """A value is longer than an Excel cell holds."""

    key = "cell_too_long"


class RowTooWide(PixError):
    """A row has values beyond the last column of the header."""

    key = "row_too_wide"


class OutputIsInput(PixError):
    """The output path names the input file."""

    key = "same_as_input"


class OutputExists(PixError):
    """The output exists and --force was not given."""

    key = "output_exists"


class OutputIsFolder(PixError):
    """The output path names a folder, which --force must not replace."""

    key = "output_is_folder"


class OutputFolderMissing(PixError):
    """The output's folder does not exist."""

    key = "output_folder_missing"


class OutputNotWritable(PixError):
    """The output's folder refuses new files."""

    key = "output_not_writable"


class OutputInUse(PixError):
    """The finished workbook cannot replace the output (open in Excel)."""

    key = "output_in_use"


class OutputRequired(PixError):
    """Several inputs were given without -o."""

    key = "output_required"


class NoInputInFolder(PixError):
    """A folder given as input holds no results file."""

    key = "no_input_in_folder"
