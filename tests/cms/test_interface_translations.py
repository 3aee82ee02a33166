"""The interface (templates, labels, messages) is translated into every platform language,
and the compiled catalogues shipped in git match their sources."""

import re
from pathlib import Path

import polib
import pytest
from django.test import Client

from tests.conftest import PROJECT_DIR

LOCALE_DIR = PROJECT_DIR / "locale"
TRANSLATED = ["bg", "ar", "fa", "uk", "ru", "tr"]  # English is the interface's source
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w+\}")


def catalogue(code: str) -> Path:
    return LOCALE_DIR / code / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_interface_string_is_translated(code):
    po = polib.pofile(str(catalogue(code)))

    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert (untranslated, fuzzy) == ([], [])


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_their_placeholders(code):
    for entry in polib.pofile(str(catalogue(code))).translated_entries():
        source = set(PLACEHOLDER.findall(entry.msgid))
        if entry.msgid_plural:
            # A plural form may say the number in words ("one lesson") but may not invent
            # placeholders, and the general forms keep all of them.
            source |= set(PLACEHOLDER.findall(entry.msgid_plural))
            forms = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
            assert all(set(PLACEHOLDER.findall(form)) <= source for form in forms), entry.msgid
            assert set(PLACEHOLDER.findall(forms[-1])) == source, entry.msgid
        else:
            assert sorted(PLACEHOLDER.findall(entry.msgstr)) == sorted(
                PLACEHOLDER.findall(entry.msgid)
            ), entry.msgid


@pytest.mark.parametrize("code", [*TRANSLATED, "en"])
def test_compiled_catalogue_matches_its_source(code):
    po = polib.pofile(str(catalogue(code)))
    mo = polib.mofile(str(catalogue(code).with_suffix(".mo")))

    def as_dict(entries):
        return {
            (e.msgctxt, e.msgid): e.msgstr
            or tuple(e.msgstr_plural[i] for i in sorted(e.msgstr_plural))
            for e in entries
            if e.msgid and (e.msgstr or e.msgstr_plural)
        }

    assert as_dict(mo) == as_dict(po.translated_entries()), "run `make messages`"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("code", "label"),
    [("bg", "Изберете език"), ("ar", "اختر لغتك"), ("tr", "Dilinizi seçin")],
)
def test_pages_use_the_interface_translations(code, label):
    html = Client().get(f"/{code}/").content.decode()

    assert f'aria-label="{label}"' in html
