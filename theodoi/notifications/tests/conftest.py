from theodoi.reporting.tests.conftest import world  # noqa: F401  (the small plan of the reporting tests)
