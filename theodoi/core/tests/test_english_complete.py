"""The EN locale is complete: every msgid has English, templates hold no literal Vietnamese outside
translation tags, and the main pages rendered in English show no Vietnamese UI chrome.

Three checks because each catches what the others miss: the .po check catches a msgid nobody
translated, the template scan catches text nobody marked for translation (it never reaches the
.po), and the rendered-page check catches Vietnamese that comes from Python (choices, messages,
labels built in views) rather than from templates.
"""

from __future__ import annotations

import ast
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.template.base import DebugLexer, TokenType

ROOT = Path(__file__).resolve().parents[2]
EN_PO = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
VIETNAMESE = re.compile(
    "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE
)
# Text in templates that is data, not UI chrome, and so stays Vietnamese in every locale:
# the language switcher names each language in that language ("Tiếng Việt"), and the state
# emblem's national motto is a proper name of the state.
TEMPLATE_ALLOWED = {"Tiếng Việt", "Cộng hòa xã hội chủ nghĩa Việt Nam", "Độc lập - Tự do - Hạnh phúc"}


def _po_entries(text: str) -> list[tuple[str, list[str], set[str]]]:
    """(msgid, msgstrs, flags) of each live entry; obsolete (#~) entries and the header skipped."""
    entries = []
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        flags = {f.strip() for line in lines if line.startswith("#,") for f in line[2:].split(",")}
        fields: dict[str, str] = {}
        key = ""
        for line in lines:
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d+\])?) (".*")$', line)
            if match:
                key = match.group(1)
                fields[key] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and key:
                fields[key] += ast.literal_eval(line)
        if fields.get("msgid"):
            entries.append((fields["msgid"], [v for k, v in fields.items() if k.startswith("msgstr")], flags))
    return entries


def test_every_msgid_has_an_english_msgstr() -> None:
    entries = _po_entries(EN_PO.read_text(encoding="utf-8"))
    assert len(entries) > 500
    missing = [msgid for msgid, strs, _ in entries if not strs or not all(s.strip() for s in strs)]
    fuzzy = [msgid for msgid, _, flags in entries if "fuzzy" in flags]
    assert missing == [], f"{len(missing)} msgids without English"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy (guessed) English msgstrs"


def test_the_po_parser_sees_a_missing_translation() -> None:
    sample = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "Lưu"\nmsgstr "Save"\n\nmsgid "Hủy"\nmsgstr ""\n'
    entries = _po_entries(sample)
    assert [(m, s) for m, s, _ in entries] == [("Lưu", ["Save"]), ("Hủy", [""])]


def literal_vietnamese(source: str) -> list[str]:
    """Lines of template text, outside {% translate %}/{% blocktranslate %}, with Vietnamese letters."""
    found = []
    depth = 0
    for token in DebugLexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0] if token.contents else ""
            depth += name in ("blocktranslate", "blocktrans")
            depth -= name in ("endblocktranslate", "endblocktrans")
        elif token.token_type == TokenType.TEXT and depth == 0:
            for piece in re.split(r'[<>"\n]', token.contents):
                piece = piece.strip()
                if VIETNAMESE.search(piece) and piece not in TEMPLATE_ALLOWED:
                    found.append(piece)
    return found


def test_templates_have_no_vietnamese_outside_translation_tags() -> None:
    offenders = {}
    templates = sorted(ROOT.glob("**/templates/**/*.html"))
    assert len(templates) > 40
    for path in templates:
        found = literal_vietnamese(path.read_text(encoding="utf-8"))
        if found:
            offenders[str(path.relative_to(ROOT))] = found[:3]
    assert offenders == {}


def test_the_template_scan_catches_literal_text_and_spares_translated_text() -> None:
    assert literal_vietnamese("<h1>Báo cáo</h1>") == ["Báo cáo"]
    assert literal_vietnamese('<input placeholder="Nội dung">') == ["Nội dung"]
    assert literal_vietnamese('{% load i18n %}<h1>{% translate "Báo cáo" %}</h1>') == []
    assert literal_vietnamese("{% blocktranslate %}Có {{ n }} báo cáo{% endblocktranslate %}") == []


class _Text(HTMLParser):
    """Visible text and the accessible-name attributes of a page (scripts and styles left out, and
    text marked lang="vi": Vietnamese words an English page quotes as such, e.g. search examples)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0
        self._quoted: list[str] = []  # open elements marked lang="vi" (their tag names)
        self._json: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script" and dict(attrs).get("type") == "application/json":
            self._json = []  # a chart's or a map's data (json_script): its strings are shown too
        if tag in ("script", "style"):
            self._skip += 1
        if tag != "html" and (dict(attrs).get("lang") or "").startswith("vi"):
            self._quoted.append(tag)
            self._skip += 1
        for name, value in attrs:
            if name in ("title", "placeholder", "aria-label", "alt") and value:
                self.parts.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._json is not None:
            self.parts += [v for v in _json_strings(json.loads("".join(self._json))) if v.strip()]
            self._json = None
        if tag in ("script", "style"):
            self._skip -= 1
        if self._quoted and self._quoted[-1] == tag:
            self._quoted.pop()
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if self._json is not None:
            self._json.append(data)
        if not self._skip and data.strip():
            self.parts.append(data.strip())


def _json_strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _json_strings(v)]
    return []


# Text the app itself writes into the database, in Vietnamese, to be shown in the page's language:
# not data, so a page showing it untranslated fails (the engine's explanation and forecast method).
APP_WRITTEN = {("evaluation", "targetstatus"): {"explanation", "forecast_method"}}


def _data_strings() -> list[str]:
    """Every text value stored in the database: names of units, targets, plans… are data (but the
    app's own stored wording, APP_WRITTEN)."""
    values: set[str] = set()
    for model in apps.get_models():
        written = APP_WRITTEN.get((model._meta.app_label, str(model._meta.model_name)), set())
        fields = [f.name for f in model._meta.concrete_fields
                  if isinstance(f, (models.CharField, models.TextField)) and f.name not in written]
        for row in model._default_manager.values_list(*fields) if fields else ():
            values.update(v.strip() for v in row if isinstance(v, str) and len(v.strip()) >= 3)
    # strings inside JSON fields (an extracted item's name, unit, agency…) are data too
    for model in apps.get_models():
        json_fields = [f.name for f in model._meta.concrete_fields if isinstance(f, models.JSONField)]
        for row in model._default_manager.values_list(*json_fields) if json_fields else ():
            values.update(v.strip() for v in _json_strings(row) if len(v.strip()) >= 3)
    from theodoi.plans.models import Indicator, Target

    # units of measure are data however short ("xã", "ha")
    values.update(u.strip() for m in (Target, Indicator) for u in m.objects.values_list("unit", flat=True) if u.strip())
    from theodoi.accounts.models import OrgUnit
    from theodoi.geo.selectors import map_label

    # a map's outline carries the unit's name without its level word ("Kon Plông"): a place name
    values.update(map_label(u) for u in OrgUnit.objects.all())
    from django.contrib.auth import get_user_model

    for user in get_user_model().objects.all():
        values.update({f"{user.first_name} {user.last_name}".strip(), f"{user.last_name} {user.first_name}".strip()})
    from theodoi.plans.models import TargetSource

    # a target's source sentence is a piece of a document's text, shown as the document says it
    values.update(s.excerpt.strip() for s in TargetSource.objects.select_related("document"))
    return sorted(values, key=len, reverse=True)


# The engine's stored sentences (explanations, summaries, disbursement rules) are shown through
# evaluation/wording.py and evaluation/summary_wording.py in the page's language, and the scripts'
# words through the JavaScript catalogue: there is no known gap left, so any Vietnamese chrome on
# an English page fails the test below.


def vietnamese_chrome(html: str, data: list[str]) -> list[str]:
    parser = _Text()
    parser.feed(html)
    left = []
    documents = [value for value in data if len(value) > 200]  # texts shown piece by piece (highlights)
    for part in parser.parts:
        if any(part in text for text in documents):
            continue
        for cut in re.findall(r"((?:^|(?<=: ))[^:·]+?)…", part):  # a long name or text shortened on the page
            if len(cut.strip()) >= 10 and any(value.startswith(cut.strip()) for value in data):
                part = part.replace(cut + "…", " ")
        for value in data:
            if value in part:
                # a short value (a unit: "ha", "xã") only as a word of its own, never inside a word
                part = part.replace(value, " ") if len(value) >= 3 else re.sub(
                    rf"(?<!\w){re.escape(value)}(?!\w)", " ", part)
        for quote in re.findall(r"«([^»]+)»", part):  # a heading of a document, quoted
            if any(quote in text for text in documents):
                part = part.replace(f"«{quote}»", " ")
        if VIETNAMESE.search(part) and part.strip() not in TEMPLATE_ALLOWED:
            left.append(part.strip())
    return left


def test_the_page_check_spares_data_and_catches_chrome() -> None:
    html = '<h1>Sở Y tế</h1><p title="Lưu">Tổng số 3 nhiệm vụ: 1 xong</p><script>var a = "Lưu";</script>'
    assert vietnamese_chrome(html, ["Sở Y tế"]) == ["Lưu", "Tổng số 3 nhiệm vụ: 1 xong"]
    assert vietnamese_chrome("<td>Tháng 1/2027</td>", []) == ["Tháng 1/2027"]  # period names are chrome now
    task = "Triển khai đề án phát triển vùng đồng bào dân tộc thiểu số"
    assert vietnamese_chrome('<p title="Situation: Triển khai đề án phát…">8 xã</p><b>Lưu…</b>', [task, "xã"]) == ["Lưu…"]
    assert vietnamese_chrome('<p>Type <span lang="vi">“tăng trưởng”</span> or <b>Lưu</b></p>', []) == ["Lưu"]
    payload = '<script type="application/json" id="d">{"labels": ["Đạt", "Sở Y tế"], "n": 3}</script>'
    assert vietnamese_chrome(payload, ["Sở Y tế"]) == ["Đạt"]


@pytest.mark.django_db
def test_main_pages_in_english_show_no_vietnamese_chrome(cast: Any, client_for: Any) -> None:
    from theodoi.reporting.services import form_open_or_create
    from theodoi.reporting.tests.conftest import make_world

    world = make_world(cast)
    form = form_open_or_create(user=cast.health_reporter, regime=world.regime, unit=cast.health,
                               period_key=world.period.key)
    pages = [
        "/", "/bao-cao-dinh-ky/", f"/bao-cao-dinh-ky/bieu/{form.pk}/", "/bao-cao-dinh-ky/dung-han/",
        "/bao-cao-dinh-ky/tong-hop/", "/bao-cao-dinh-ky/thong-bao/", "/danh-gia/", "/danh-gia/chi-tieu/",
        f"/danh-gia/chi-tieu/{world.beds.pk}/", "/danh-gia/cong-khai/", "/dau-tu-cong/", "/ke-hoach/chi-tieu/",
        "/ke-hoach/nhiem-vu/", "/bao-cao/", "/bao-cao-dinh-ky/duyet/", f"/bao-cao-dinh-ky/bieu/{form.pk}/so-sanh/",
        "/danh-gia/cong-khai/?linh_vuc=society&trang_thai=no_data",
    ]
    client = client_for("planner")
    client.cookies["django_language"] = "en"
    data = _data_strings()
    offenders = {}
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        left = vietnamese_chrome(response.content.decode(), data)
        if left:
            offenders[path] = left[:5]
    assert offenders == {}


EN_JS_PO = ROOT / "locale" / "en" / "LC_MESSAGES" / "djangojs.po"
_JS_STRING = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'")


def script_vietnamese(source: str) -> list[str]:
    """String literals with Vietnamese letters in a script that are not the argument of gettext()."""
    source = re.sub(r"/\*.*?\*/", " ", source, flags=re.S)
    source = re.sub(r"(?m)(^|\s)//\s.*$", " ", source)
    return [
        match.group(0)
        for match in _JS_STRING.finditer(source)
        if VIETNAMESE.search(match.group(0)) and not re.search(r"gettext\(\s*$", source[: match.start()])
    ]


def test_the_script_scan_catches_literal_words_and_spares_gettext() -> None:
    js = '// Số liệu\nvar a = "Đang lưu…", b = gettext("Đã lưu"); c.innerHTML = \'<b>Hợp lệ</b>\'; /* Lỗi */'
    assert script_vietnamese(js) == ['"Đang lưu…"', "'<b>Hợp lệ</b>'"]


def test_scripts_have_no_vietnamese_outside_gettext() -> None:
    scripts = [p for p in sorted(ROOT.glob("**/static/**/*.js")) if "vendor" not in p.parts]
    assert len(scripts) >= 4
    offenders = {str(p.relative_to(ROOT)): found[:3] for p in scripts if (found := script_vietnamese(p.read_text("utf-8")))}
    assert offenders == {}


def test_every_script_msgid_has_an_english_msgstr() -> None:
    entries = _po_entries(EN_JS_PO.read_text(encoding="utf-8"))
    assert len(entries) >= 20
    assert [m for m, strs, _ in entries if not strs or not all(s.strip() for s in strs)] == []
    assert [m for m, _, flags in entries if "fuzzy" in flags] == []


def test_pages_with_translated_scripts_load_the_catalogue_first() -> None:
    translated = {"evaluation/charts.js", "reporting/grid.js"}
    for path in sorted(ROOT.glob("**/templates/**/*.html")):
        text = path.read_text(encoding="utf-8")
        for name in translated:
            at = text.find(f"'{name}'")
            if at >= 0:
                assert 0 <= text.find("'javascript-catalog'") < at, (path, name)


@pytest.mark.django_db
def test_the_script_catalogue_answers_in_the_page_language(client: Any) -> None:
    client.cookies["django_language"] = "en"
    english = client.get("/jsi18n/").content.decode()
    assert "Saved at %(time)s (version %(version)s)." in english and "Reallocation threshold" in english
    assert '"T%(month)s/%(year)s": "%(month)s/%(year)s"' in english  # the charts' months, as the server's
    client.cookies["django_language"] = "vi"
    assert "Saved at" not in client.get("/jsi18n/").content.decode()


@pytest.mark.django_db
def test_evaluated_pages_with_maps_in_english_show_no_vietnamese_chrome() -> None:
    """The pages where the engine's sentences, the summaries, the maps (districts and communes), the
    corrective form, the trail and the disbursement rules show, on a judged plan, in English."""
    from tests.browser.test_district_map import _districts_with_rice_targets
    from theodoi.evaluation.models import TargetStatus
    from theodoi.evaluation.tests.test_commune_map import communes_with_rice_targets
    from theodoi.investment.tests.conftest import make_project
    from theodoi.plans.models import Target

    plan = _districts_with_rice_targets()
    communes_with_rice_targets(plan)
    cast = plan.cast
    make_project("A", cast.health, district=cast.district, plan=10000, months={6: 3500, 9: 8000})
    make_project("D", cast.district, district=cast.district, stage="new", prepared=False, plan=3000)
    plan.report(cast.planning, plan.growth, "2021-06", 4.5)
    from theodoi.evaluation.services import target_statuses_recompute

    target_statuses_recompute()
    behind = TargetStatus.objects.filter(public=False, status__in=("off_track", "at_risk")).first()
    assert behind is not None
    district_rice = Target.objects.filter(responsible_unit=cast.district, indicator=plan.rice.indicator,
                                          plan__unit=cast.district).first()
    assert district_rice is not None
    pages = [
        "/danh-gia/?nam=2021", "/danh-gia/don-vi/huyen-dak-ha/?nam=2021", "/danh-gia/don-vi/xa-dak-la/?nam=2021",
        f"/danh-gia/chi-tieu/{plan.rice.pk}/", f"/danh-gia/chi-tieu/{district_rice.pk}/",
        f"/danh-gia/chi-tieu/{plan.growth.pk}/", f"/danh-gia/chi-tieu/{plan.population.pk}/",
        f"/danh-gia/chi-tieu/{behind.target_id}/khac-phuc/", "/danh-gia/linh-vuc/economy/?nam=2021",
        "/danh-gia/cong-khai/?nam=2021", "/danh-gia/chi-tieu/?trang_thai=good", "/danh-gia/chi-tieu/?trang_thai=off_track",
        "/nhat-ky/", f"/nhat-ky/chi-tieu/{plan.rice.pk}/", "/thong-bao/den-han/", "/thong-bao/cai-dat/",
        "/dau-tu-cong/?nam=2021", "/ke-hoach/don-vi/", f"/ke-hoach/chi-tieu/{plan.rice.pk}/",
    ]
    from django.test import Client

    client = Client()
    client.force_login(cast.planner)
    client.cookies["django_language"] = "en"
    data = _data_strings()
    offenders, seen = {}, ""
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        seen += html
        left = vietnamese_chrome(html, data)
        if left:
            offenders[path] = left[:5]
    assert offenders == {}, "\n".join(f"{k}: {v}" for k, v in offenders.items())
    # the scene reaches what it is meant to check: sentences, both maps, the rules' reasons
    for words in ("against the target of", "Map of target results by commune", "Map of target results by district",
                  "main targets", "below the", "Propose cutting and reallocating the capital"):
        assert words in seen, words
