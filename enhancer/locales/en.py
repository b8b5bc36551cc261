"""English text: the workbook and the command's messages.

The same names as fr.py, key for key (tests/test_locales.py keeps them in
step). British spelling, like the status "Cancelled".
"""

OUTPUT_SUFFIX = "-enriched"

SHEETS = {
    "results": "Results",
    "summary": "Summary",
    "levels": "Levels",
    "competences": "Competences",
    "statuses": "Statuses",
    "anomalies": "Anomalies",
}

ADDED_COLUMNS = {
    "level": "Global level",
    "description": "Level description",
    "file": "File",
}

LEVEL_NAMES = {
    "none": "No level reached",
    "novice1": "Novice 1",
    "novice2": "Novice 2",
    "independent1": "Independent 1",
    "independent2": "Independent 2",
    "advanced1": "Advanced 1",
    "advanced2": "Advanced 2",
    "expert1": "Expert 1",
    "expert2": "Expert 2",
}

# Pix's descriptions from the guide, in the second person like the certificate.
LEVEL_DESCRIPTIONS = {
    "none": (
        "You have completed your Pix certification test, but your results do "
        "not reach the first level."
    ),
    "novice1": (
        "You use digital tools in simple ways and often need help. You can "
        "find your way around the digital tools you have already used (phone, "
        "tablet, computer). With occasional support, you can visit a website, "
        "read and answer your messages (texts, emails...), use simple apps on "
        "a phone or tablet, and reach online services."
    ),
    "novice2": (
        "You use digital tools in simple ways, with help when things get "
        "complicated. In your usual digital environment, you can search the "
        "web for information, download a file and find it again, read and "
        "send emails, and connect your devices to the internet (computers, "
        "tablet, phone). You can type a text with simple formatting and save "
        "it. You know that some information published online is false and "
        "that your accounts must be protected by strong passwords."
    ),
    "independent1": (
        "You use digital tools in simple ways on your own in most everyday "
        "situations. You can browse the web to carry out a thorough search "
        "and find relevant information. You can take part in collaborative "
        "work (messaging, shared calendars, video meetings, shared "
        "documents). You can use the most common features of everyday "
        "software (word processor and spreadsheet). You are aware of the "
        "risks that come with your digital practices and of the need to make "
        "them secure, as well as of the environmental impact of your digital "
        "habits. You can solve common problems (passwords, connection)."
    ),
    "independent2": (
        "You are at ease in every common digital situation and know the "
        "everyday vocabulary of digital technology. You can plan how to "
        "search for information on the web and through social networks, and "
        "check how reliable the information you find is. You can use the "
        "main features of collaborative tools and create documents with "
        "different kinds of software (word processor, spreadsheet, slides, "
        "images). You can apply safe practices to protect your personal data "
        "and your devices. You can adapt your digital habits to limit their "
        "impact on the environment and on your health."
    ),
    "advanced1": (
        "You have advanced digital practices and solid knowledge that let you "
        "cope with new situations on your own. You can help other people. "
        "You can use specialised tools to search for information reliably, "
        "manage social networks, and edit pictures and videos. You can "
        "analyse data and present it in suitable charts. You can set up a "
        "digital environment (installation and configuration). You know what "
        "is at stake in tracking and data collection. You understand the "
        "environmental and social impact of digital technology and can adapt "
        "your practices."
    ),
    "advanced2": (
        "You have advanced digital practices and in-depth knowledge that you "
        "can put to use, for yourself or for others, creatively and safely. "
        "You can help other people build their skills. You are fully in "
        "control of your digital environment to create and share content, "
        "communicate and collaborate. You can manage your online presence and "
        "choose the right settings for what you share. You can program and "
        "automate some tasks (data processing, backups, updates, etc.). You "
        "can help others make their practices safe, and in particular limit "
        "their impact on the environment and on health."
    ),
    "expert1": (
        "You have optimised digital practices and expert knowledge that let "
        "you approach complex and new situations methodically. You can "
        "analyse a need, read documentation, technical documentation "
        "included, and weigh up digital solutions to put the best one in "
        "place, or even develop tools yourself. You understand the economic, "
        "social and ethical issues raised by digital technology and can "
        "think critically about your digital practices. You can teach "
        "yourself new techniques and take the latest technological advances, "
        "such as those made possible by artificial intelligence, in your "
        "stride."
    ),
    "expert2": (
        "You can document your solutions to new and specific problems so "
        "that others can use them."
    ),
}

GROUP_NAMES = {
    "zero": "Level 0",
    "novice": "Novice (1-2)",
    "independent": "Independent (3-4)",
    "advanced": "Advanced (5-6)",
    "expert": "Expert (7-8)",
    "untested": "Not assessed (-)",
}

DOMAIN_NAMES = {
    "1": "Information and data",
    "2": "Communication and collaboration",
    "3": "Content creation",
    "4": "Protection and security",
    "5": "Digital environment",
}

COMPETENCE_NAMES = {
    "1.1": "Search for and keep track of information",
    "1.2": "Manage data",
    "1.3": "Process data",
    "2.1": "Interact",
    "2.2": "Share and publish",
    "2.3": "Collaborate",
    "2.4": "Find one's place in the digital world",
    "3.1": "Create text documents",
    "3.2": "Create multimedia documents",
    "3.3": "Adapt documents to their purpose",
    "3.4": "Program",
    "4.1": "Secure the digital environment",
    "4.2": "Protect personal data and privacy",
    "4.3": "Protect health, well-being and the environment",
    "5.1": "Solve technical problems",
    "5.2": "Build a digital environment",
}

STATUS_NAMES = {
    "validated": "Validated",
    "rejected": "Rejected",
    "cancelled": "Cancelled",
    "error": "Error",
    "started": "Started",
}

STATUS_MEANINGS = {
    "validated": (
        "The certification is validated: the candidate answered enough "
        "questions for a score to be calculated. The Levels sheet gives the "
        "global level that goes with the score."
    ),
    "rejected": (
        "The certification is rejected: the candidate answered too few "
        "questions for a score to be calculated, or fraud was suspected. No "
        "certificate is issued; the 0 pix shown is not a level."
    ),
    "cancelled": (
        "The certification is cancelled: a technical problem kept the test "
        "from running properly, so the score and levels cannot be certified. "
        "You can offer the candidate a new certification session."
    ),
    "error": (
        "The certification is in error: Pix could not produce a result. "
        "Contact Pix support or offer the candidate a new session."
    ),
    "started": (
        "The certification has started but is not finished: no result is "
        "available yet. Wait for the end of the session or for the Pix jury "
        "to validate it."
    ),
}

UNKNOWN_STATUS = (
    "Status unknown to Pix: no level is given. Check this row in the original file."
)
INVALID_SCORE = (
    "Score missing or outside the Pix scale (0 to 1024 pix): no level is given. "
    "Check this row in the original file."
)

# The "Levels" sheet.
LEVELS_TITLE = "Pix global levels, by score in pix"
LEVELS_HEADER = ("Lowest score", "Highest score", "Level", "Description")
LEVELS_NOTES = (
    (
        "The highest score Pix awards today is 895 pix: the Expert 2 level "
        "(896 to 1024 pix) is not awarded yet."
    ),
    (
        "Each of the 16 competences has 8 levels, and each level is worth 8 pix, "
        "hence a theoretical maximum of 16 × 8 × 8 = 1024 pix."
    ),
)

# The "Competences" sheet.
COMPETENCES_TITLE = "The 16 competences Pix assesses, in 5 domains"
COMPETENCES_HEADER = ("Code", "Competence", "Domain")
KEY_TITLE = "Colours of the competence levels in the Results sheet"
KEY_HEADER = ("Colour", "Levels")

# The "Statuses" sheet.
STATUSES_TITLE = "What each candidate's status means"
STATUSES_HEADER = ("Status", "Meaning")
RULES_TITLE = "The rules of Pix certification"
RULES = (
    (
        "The test has 32 questions, adapted in real time to the candidate's "
        "answers, to be completed in 1 hour 45 minutes."
    ),
    (
        "All 32 questions answered: the certificate shows the score closest to "
        "the candidate's actual ability."
    ),
    (
        "Between 20 and 31 questions answered: a penalty is applied, depending "
        "on how many questions were left unanswered."
    ),
    (
        "Fewer than 20 questions answered: no score can be calculated and no "
        "certificate is issued."
    ),
    (
        "The certification can be cancelled if a technical problem kept the "
        "session from running properly."
    ),
    (
        'A dash "-" means there is no score or no level: the competence was not '
        "assessed, or the certification was not validated."
    ),
)
PRIVACY_NOTE = "Personal data left out of this workbook on request: {columns}."

# The "Anomalies" sheet.
ANOMALIES_TITLE = "Unexpected values found in the file"
ANOMALIES_HEADER = ("Row", "Column", "Value", "Problem")
ANOMALIES_NONE = "No anomalies: every value follows Pix's rules."
ANOMALY_PROBLEMS = {
    "unknown_status": "Status unknown to Pix: no level given.",
    "missing_score": "Validated certification without a score: no level given.",
    "invalid_score": "Score that is not a whole number: no level given.",
    "score_out_of_range": "Score outside the 0 to 1024 pix scale: no level given.",
    "undelivered_score": "Score above 895 pix, which Pix does not award today: "
    "Expert 2 level according to the guide, to be checked.",
    "invalid_level": "Competence level that is not a whole number.",
    "level_out_of_range": "Competence level outside the 0 to 8 scale.",
    "duplicate": "Certification number already seen on row {first}.",
}

# The columns the tool needs, as refusals name them.
COLUMN_NAMES = {"status": "Status", "score": "Pix score"}
# Header cells written above a table that has none, in the guide's words.
GUIDE_HEADERS = {"status": "Status", "score": "Pix score"}
# How a message quotes a name it shows (a sheet, a file).
QUOTED = '"{text}"'

# Help of the command and its options. It shows before --lang is read, so
# the command shows it in both languages (see cli.py).
HELP = {
    "app": "Enriches a Pix certification results file.",
    "enrich": "Writes the enriched workbook: levels, colours, explanations.",
    "inputs": "Pix results file(s) (.csv, .xlsx, .xls, .ods) or a folder.",
    "output": "Workbook to write (default: <file>-enriched.xlsx).",
    "force": "Replace the output workbook if it exists.",
    "sheet": "Sheet to read in a workbook with several sheets.",
    "lang": "Language of the workbook and messages: fr or en.",
    "no_personal_data": "Leave out birth date, birthplace and external ID.",
    "formulas": "Global level and description as formulas, which follow the "
    "score if it is corrected in the workbook.",
    "check": "Checks the file(s) without writing anything: candidates, "
    "statuses, levels, anomalies.",
    "json": "Print the summary as JSON, for a script.",
}

# Messages of the command.
MESSAGES = {
    "rows_read": "{rows} candidate(s) read from {source}.",
    "sheet_used": 'Sheet used: "{sheet}".',
    "sheet_used_in": 'Sheet used in {file}: "{sheet}".',
    "sheet_ignored": "--sheet does not apply to {file}: a CSV holds one table, "
    "read whole.",
    "other_sheets": "Other sheets also hold results: {sheets} (choose one with "
    "--sheet).",
    "guide_letters": "Header not recognised: columns read where the Pix guide "
    "puts them (status in F, score in G, competences from H to W).",
    "written": "Enriched workbook written: {output}",
    "anomalies": "Anomalies found: {count}, listed in the Anomalies sheet:",
    "anomaly_line": '  row {row}, column "{column}": {value} ({problem})',
    "anomalies_more": "  … and {count} more.",
    "no_anomaly": "No anomalies.",
    "empty_value": "(empty)",
    "privacy": "Columns left out (personal data): {columns}.",
    "interrupted": "Interrupted: no file was written.",
    "progress": "Enriching",
}

ERRORS = {
    "not_found": 'The file "{path}" does not exist: check its name and its folder.',
    "is_directory": '"{path}" is a folder, not a results file: give the file itself.',
    "unreadable": 'The file "{path}" cannot be read ({reason}): check your '
    "permissions on it.",
    "empty": 'The file "{path}" is empty: download the results from Pix again.',
    "no_rows": 'The file "{path}" has no candidates under its header: download '
    "the results from Pix again.",
    "not_a_table": 'The file "{path}" is neither a CSV file nor a readable '
    "workbook: give Pix's CSV export or an .xlsx/.ods workbook.",
    "bad_encoding": 'The file "{path}" announces the {encoding} encoding but '
    "holds characters in another: save it again as CSV UTF-8 from Excel or "
    "LibreOffice, then run again.",
    "corrupted": 'The workbook "{path}" is damaged or incomplete ({reason}): '
    "open it and save it again, or start again from Pix's CSV export.",
    "password": 'The workbook "{path}" is protected by a password: save a copy '
    "without a password, then run the command again.",
    "too_big": 'The workbook "{path}" expands to {size} MB, far too much for a '
    "results file: check that it is the right file.",
    "no_results_sheet": 'No sheet of "{path}" holds a Pix results table (sheets '
    "seen: {sheets}): check the file.",
    "sheet_not_found": 'There is no sheet "{sheet}" in "{path}" (sheets seen: '
    "{sheets}): correct the --sheet option.",
    "missing_columns": 'The file "{path}" lacks the columns {missing} (headers '
    "seen: {seen}): it is not a complete Pix results file.",
    "no_header": 'No Pix results header found in "{path}" (looked for: '
    "{wanted}; seen: {seen}): give the results file exported by Pix.",
    "too_many_rows": 'The file "{path}" has more rows than Excel can hold '
    "(1,048,576): split it into several files.",
    "too_many_columns": 'The file "{path}" has more columns than Excel can '
    "hold (16,384): check that it is the right file.",
    "cell_too_long": 'Row {row} of "{path}" holds a value of {length} '
    "characters, more than an Excel cell can take (32,767): shorten it.",
    "row_too_wide": 'Row {row} of "{path}" has values beyond the last column '
    "of the header: check this row in the file.",
    "same_as_input": 'The output file "{path}" is the input file: choose '
    "another name with -o; the original file is never replaced.",
    "output_exists": 'The file "{path}" already exists: add --force to replace '
    "it, or choose another name with -o.",
    "output_is_folder": '"{path}" is a folder: give -o the name of the '
    "workbook to write, folder included (for example folder/group.xlsx).",
    "output_folder_missing": 'The folder "{path}" does not exist: create it or '
    "choose another place with -o.",
    "output_not_writable": 'Cannot write to the folder "{path}" ({reason}): '
    "choose another place with -o.",
    "output_in_use": 'The file "{path}" cannot be replaced: close it in Excel '
    "or LibreOffice, then run the command again.",
    "output_required": "With several input files, name the workbook to write "
    "with -o (for example -o group.xlsx).",
    "no_input_in_folder": 'The folder "{path}" holds no results file (.csv, '
    ".xlsx, .xls, .ods): check the folder.",
}

# The "Summary" sheet: the group at a glance.
SUMMARY = {
    "title": "Group summary",
    "overview": "{candidates} candidate(s) read from {files}.",
    "one_candidate": "A single candidate: the tables say it all, so the sheet "
    "draws no chart.",
    "no_validated": "No validated certification with a score: no global level "
    "or competence level to show.",
    "statuses_title": "Candidates by status",
    "status": "Status",
    "candidates": "Candidates",
    "share": "Share",
    "unknown_status": "Unknown status",
    "total": "Total",
    "levels_title": "Global level of the validated certifications",
    "level": "Global level",
    "without_score": "Validated, without a valid score",
    "total_validated": "Total validated",
    "scores_title": "Scores of the validated certifications",
    "figure": "Figure",
    "pix": "Pix",
    "lowest": "Lowest score",
    "median": "Median score",
    "mean": "Average score",
    "highest": "Highest score",
    "competences_title": "Level per competence (validated certifications)",
    "domain": "Domain",
    "competence": "Competence",
    "assessed": "Candidates with a level",
    "mean_level": "Average level",
    "follow_up_title": "Candidates to follow up",
    "follow_up_note": "Cancelled, rejected, in error or started certifications, "
    "and rows with an anomaly; the link leads to the row in the Results sheet.",
    "follow_up_none": "No candidate to follow up: every certification is "
    "validated, with no anomaly.",
    "follow_up_more": "… and {count} more candidate(s) to follow up, beyond the "
    "last row of an Excel sheet: filter the status column of the Results "
    "sheet.",
    "row": "Row",
    "row_link": "Row {row}",
    "file": "File",
    "certification": "Certification number",
    "last_name": "Last name",
    "first_name": "First name",
    "action": "To do",
    "chart_statuses": "Breakdown of statuses",
    "chart_levels": "Candidates by global level",
    "chart_competences": "Average level per competence (0 to 8)",
}

# What to do about each candidate of the follow-up list.
FOLLOW_UP = {
    "cancelled": "Offer a new certification session.",
    "rejected": "No certificate issued: read the jury's comment.",
    "error": "Contact Pix support or offer a new session.",
    "started": "Wait for the end of the session or for the Pix jury to validate it.",
    "anomalies": "Check the row: {problems}.",
    "separator": "; ",
}

# The "check" command: a summary in the terminal, nothing written.
CHECK = {
    "title": "Check of {files} (no file written)",
    "anomalies": "Anomalies found: {count}",
    "scores": "Scores of the validated certifications: lowest {lowest}, median "
    "{median}, average {mean}, highest {highest} pix.",
    "no_scores": "No validated certification with a score.",
    "usable": "Usable: pix-enhancer enrich can enrich it.",
    "percent": "{value}%",
    "decimal_point": ".",
}
