import subprocess
import sys


def test_renderers_import_without_django_and_render_without_settings():
    code = (
        "import sys\n"
        "from theodoi.exports.samples import sample_report\n"
        "from theodoi.exports.docx_report import render_docx\n"
        "from theodoi.exports.xlsx_annex import render_xlsx\n"
        "import theodoi.exports.pdf\n"
        "assert 'django' not in sys.modules, 'django imported'\n"
        "data = sample_report(3)\n"
        "assert render_docx(data)[:2] == b'PK' and render_xlsx(data)[:2] == b'PK'\n"
    )
    env = {"PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
