"""A real S3-compatible server for tests, and the settings that put the default storage on it.

The server is moto's server mode (the HTTP S3 API, not a patched client): the session fixture
starts a `ThreadedMotoServer` on a free local port, or uses the one `scripts/s3-test-server.sh`
started when THEODOI_TEST_S3_ENDPOINT names it. Each test that asks for `s3_storage` gets a
bucket of its own and STORAGES["default"] pointing at it, exactly as THEODOI_STORAGE=s3 does in
settings.py, so the code under test talks HTTP to a bucket the way it does in production.

A test module takes the fixtures with ``s3_server = testing_s3.s3_server`` and
``s3_storage = testing_s3.s3_storage``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest

REGION = "us-east-1"
# moto accepts any key pair; these never leave the test process.
ACCESS_KEY = "theodoi-test"
SECRET_KEY = "theodoi-test-secret"


@dataclass(frozen=True)
class S3Server:
    endpoint_url: str

    def client(self) -> Any:
        import boto3

        return boto3.client("s3", endpoint_url=self.endpoint_url, region_name=REGION,
                            aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY)

    def create_bucket(self, name: str) -> None:
        self.client().create_bucket(Bucket=name)

    def keys(self, bucket: str) -> list[str]:
        listing = self.client().list_objects_v2(Bucket=bucket)
        return sorted(obj["Key"] for obj in listing.get("Contents", []))

    def get(self, bucket: str, key: str) -> bytes:
        body: bytes = self.client().get_object(Bucket=bucket, Key=key)["Body"].read()
        return body


@dataclass(frozen=True)
class S3Bucket:
    server: S3Server
    name: str

    def keys(self) -> list[str]:
        return self.server.keys(self.name)

    def get(self, key: str) -> bytes:
        return self.server.get(self.name, key)


def storage_settings(endpoint_url: str, bucket: str) -> dict[str, Any]:
    """STORAGES["default"] for a bucket: the same options settings.py builds for THEODOI_STORAGE=s3."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket, "endpoint_url": endpoint_url, "region_name": REGION,
            "access_key": ACCESS_KEY, "secret_key": SECRET_KEY, "location": "",
            "file_overwrite": False, "default_acl": None, "querystring_auth": True,
        },
    }


@contextmanager
def running_s3_server() -> Iterator[S3Server]:
    """An S3 server for the duration of the block: the external one if named, else moto in a thread."""
    external = os.environ.get("THEODOI_TEST_S3_ENDPOINT", "")
    if external:
        yield S3Server(external.rstrip("/"))
        return
    try:
        from moto.server import ThreadedMotoServer
    except ImportError:  # moto is a dev dependency; without it the S3 tests are skipped, not failed
        pytest.skip("moto[server] is not installed (pip install -e '.[dev]')")
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield S3Server(f"http://{host}:{port}")
    finally:
        server.stop()


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    with running_s3_server() as server:
        yield server


@pytest.fixture
def s3_storage(s3_server: S3Server, settings: Any) -> S3Bucket:
    """A fresh bucket as the default storage (Django resets default_storage when STORAGES changes)."""
    bucket = f"theodoi-test-{uuid.uuid4().hex[:12]}"
    s3_server.create_bucket(bucket)
    settings.STORAGES = {**settings.STORAGES, "default": storage_settings(s3_server.endpoint_url, bucket)}
    settings.THEODOI_STORAGE = "s3"
    return S3Bucket(s3_server, bucket)
