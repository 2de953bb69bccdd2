from theodoi.documents.testing import fake_extractor, world  # noqa: F401
from theodoi.exports.testing import rworld  # noqa: F401
