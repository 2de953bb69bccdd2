"""Publishing puts every confirmed item into the plan, or nothing at all."""

from __future__ import annotations

import pytest
from django.urls import reverse

from theodoi.documents.models import DocumentStatus, ItemStatus
from theodoi.plans.models import Assignment, Target

pytestmark = pytest.mark.django_db


def test_publishing_creates_the_targets_and_marks_the_document(world, client_for) -> None:
    world.assignment_item.delete()
    before = Target.objects.count()
    response = client_for("planner").post(reverse("documents:publish", args=[world.review_doc.pk]),
                                          {"plan": world.plan.pk}, follow=True)
    world.review_doc.refresh_from_db()
    assert world.review_doc.status == DocumentStatus.PUBLISHED
    assert Target.objects.count() == before + 1
    assert "Đã công bố văn bản" in response.content.decode()


def test_an_error_in_the_middle_of_publishing_leaves_nothing(world, client_for, monkeypatch) -> None:
    world.assignment_item.status = ItemStatus.CONFIRMED
    world.assignment_item.save()
    targets, assignments = Target.objects.count(), Assignment.objects.count()

    def boom(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr("theodoi.documents.publish._publish_assignment", boom)
    client = client_for("planner")
    client.raise_request_exception = False
    response = client.post(reverse("documents:publish", args=[world.review_doc.pk]), {"plan": world.plan.pk})
    assert response.status_code == 500
    world.review_doc.refresh_from_db()
    assert world.review_doc.status == DocumentStatus.REVIEW
    assert Target.objects.count() == targets
    assert Assignment.objects.count() == assignments
    assert not world.review_doc.items.filter(status=ItemStatus.PUBLISHED).exists()


def test_publishing_twice_says_it_is_already_published(world, client_for) -> None:
    client = client_for("planner")
    url = reverse("documents:publish", args=[world.review_doc.pk])
    client.post(url, {"plan": world.plan.pk})
    response = client.post(url, {"plan": world.plan.pk}, follow=True)
    assert "đã được công bố" in response.content.decode()
    assert Target.objects.filter(sources__document=world.review_doc).count() == 1


def test_publishing_with_nothing_confirmed_is_refused(world, client_for) -> None:
    world.review_doc.items.update(status=ItemStatus.PENDING)
    response = client_for("planner").post(reverse("documents:publish", args=[world.review_doc.pk]), follow=True)
    assert "Chưa có mục nào được xác nhận" in response.content.decode()
