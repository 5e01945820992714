"""The Vietnamese catalogue is complete and its compiled form matches it."""

import ast
import gettext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "hnp" / "locale" / "vi" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def entries():
    """(msgid, msgstr, fuzzy) of each singular entry of the .po file, header excluded."""
    for block in PO.read_text(encoding="utf-8").split("\n\n"):
        fields, current = {}, None
        for line in block.splitlines():
            if line.startswith("#,"):
                fields["flags"] = line
            if line.startswith("#"):
                continue
            keyword, _, rest = line.partition(" ")
            if line.startswith('"'):
                fields[current] += ast.literal_eval(line)
            elif keyword in ("msgid", "msgstr", "msgid_plural", "msgstr[0]"):
                current = keyword
                fields[current] = ast.literal_eval(rest)
        if fields.get("msgid") and "msgid_plural" not in fields:
            yield fields["msgid"], fields.get("msgstr", ""), "fuzzy" in fields.get("flags", "")


def test_every_text_has_a_translation():
    found = list(entries())
    assert len(found) > 200
    assert [msgid for msgid, msgstr, _ in found if not msgstr] == []
    assert [msgid for msgid, _, fuzzy in found if fuzzy] == []


def test_compiled_catalogue_is_up_to_date():
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [msgid for msgid, msgstr, _ in entries() if compiled.gettext(msgid) != msgstr]
    assert not stale, f"run `make messages`: {stale[:5]}"
