"""The province's headline counts the province's plans; districts' own plans show on the map.

The demo loads a year plan for each district (for the district map). Counted in the province's
"n/m chỉ tiêu chủ yếu đạt và vượt", those 30 district targets would mix two levels of plan into one
ratio; they belong on each district's page and on the map.
"""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management import call_command

from theodoi.accounts.models import UnitKind
from theodoi.evaluation import selectors
from theodoi.plans.models import Target


def test_the_province_headline_leaves_out_district_plans_and_the_map_keeps_them(
    db: Any, tmp_path: Path, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # the status refresh runs after commit
        call_command("loaddemo", "--sample-dir", str(tmp_path), stdout=StringIO())
    # the districts' plans and the plans of Đắk Hà's communes (the commune map's demo)
    district_plan_targets = Target.objects.filter(plan__unit__kind__in=(UnitKind.DISTRICT, UnitKind.COMMUNE),
                                                  is_main=True)
    assert district_plan_targets.exists(), "the demo is expected to hold district plans"
    year = int(district_plan_targets.first().period)  # type: ignore[union-attr]

    rows = selectors.status_rows(public=False, targets=selectors.year_targets(year=year, public=False))
    headline = selectors.province_level(rows)
    assert {r.target.pk for r in rows} - {r.target.pk for r in headline} == set(
        district_plan_targets.filter(period=str(year)).values_list("pk", flat=True)
    )

    client.force_login(get_user_model().objects.get(username="leader"))
    response = client.get(f"/danh-gia/?nam={year}")
    assert response.status_code == 200, response.get("Location")
    context = response.context
    shown = {r.target.pk for r in context["rows"]}
    assert 0 < context["summary"].total <= len(shown)
    assert not shown & set(district_plan_targets.values_list("pk", flat=True))
    assert context["summary"].counts["no_data"] < len(headline) / 2, "the province's own figures are judged"
    district_map = context["status_map"]
    assert district_map is not None
    assert any(region.category != "none" for region in district_map.regions)
    assert Target.objects.filter(plan__unit__kind=UnitKind.COMMUNE, is_main=True).count() == 18

    dak_ha = client.get(f"/danh-gia/don-vi/huyen-dak-ha/?nam={year}").context["commune_map"]
    assert dak_ha is not None and len(dak_ha.regions) == 6
    assert len({region.category for region in dak_ha.regions}) >= 2, "the communes' June figures differ"
