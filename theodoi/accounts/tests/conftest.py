from theodoi.documents.testing import _fast_passwords, client_for, fake_extractor, world  # noqa: F401
