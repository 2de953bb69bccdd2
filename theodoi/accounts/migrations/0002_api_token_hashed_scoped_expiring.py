"""API tokens: the key is replaced by its SHA-256 digest; scopes, expiry and revocation are added.

Existing well-formed keys keep working (their digest is stored; they get every scope and expire in
90 days). Tokens with a blank or short key — the ones /admin created — are deleted: they let a blank
`Authorization: Bearer` header act as their owner.
"""

import hashlib
import re
from datetime import timedelta

import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models
from django.utils import timezone

_SHAPE = re.compile(r"[A-Za-z0-9_-]{32,128}")


def hash_existing_keys(apps, schema_editor):
    token_model = apps.get_model("accounts", "ApiToken")
    expires = timezone.now() + timedelta(days=90)
    for token in token_model.objects.all():
        key = token.key or ""
        if not _SHAPE.fullmatch(key):
            token.delete()
            continue
        token.digest = hashlib.sha256(key.encode("ascii")).hexdigest()
        token.prefix = key[:10]
        token.scopes = "read,report,plan"
        token.expires_at = expires
        token.save(update_fields=["digest", "prefix", "scopes", "expires_at"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [
        migrations.AddField("apitoken", "prefix", models.CharField("đầu mã", max_length=16, default="")),
        migrations.AddField("apitoken", "digest", models.CharField(max_length=64, null=True, editable=False)),
        migrations.AddField("apitoken", "scopes", models.CharField("phạm vi", max_length=40, default="")),
        migrations.AddField("apitoken", "expires_at", models.DateTimeField("hết hạn lúc", null=True)),
        migrations.AddField("apitoken", "revoked_at", models.DateTimeField("thu hồi lúc", null=True, blank=True)),
        migrations.AddField(
            "apitoken", "revoked_reason", models.CharField("lý do thu hồi", max_length=100, blank=True, default="")
        ),
        migrations.RunPython(hash_existing_keys, migrations.RunPython.noop),
        migrations.RemoveField("apitoken", "key"),
        migrations.AlterField("apitoken", "prefix", models.CharField("đầu mã", max_length=16)),
        migrations.AlterField(
            "apitoken", "digest", models.CharField(max_length=64, unique=True, editable=False)
        ),
        migrations.AlterField("apitoken", "scopes", models.CharField("phạm vi", max_length=40)),
        migrations.AlterField("apitoken", "expires_at", models.DateTimeField("hết hạn lúc")),
        migrations.AlterField(
            "apitoken", "revoked_reason", models.CharField("lý do thu hồi", max_length=100, blank=True)
        ),
        migrations.AlterField(
            "apitoken", "created_at", models.DateTimeField("tạo lúc", auto_now_add=True)
        ),
        migrations.AlterModelOptions(
            "apitoken", options={"verbose_name": "mã truy cập API", "verbose_name_plural": "mã truy cập API"}
        ),
        migrations.AddConstraint(
            "apitoken",
            models.CheckConstraint(
                condition=django.db.models.lookups.Exact(django.db.models.functions.text.Length("digest"), 64),
                name="api_token_digest_is_sha256",
            ),
        ),
        migrations.AddConstraint(
            "apitoken",
            models.CheckConstraint(condition=models.Q(("scopes", ""), _negated=True), name="api_token_has_a_scope"),
        ),
    ]
