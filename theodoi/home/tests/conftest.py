from theodoi.documents.testing import fake_extractor, world  # noqa: F401
