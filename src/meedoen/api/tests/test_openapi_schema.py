"""The committed OpenAPI file must match what the code generates."""

from pathlib import Path

from django.core.management import call_command

SCHEMA = Path(__file__).resolve().parents[4] / "docs" / "api" / "openapi.yaml"


def test_committed_openapi_schema_is_up_to_date(tmp_path, db):
    gegenereerd = tmp_path / "openapi.yaml"
    call_command("spectacular", "--file", str(gegenereerd), "--validate", "--fail-on-warn")
    assert SCHEMA.exists(), "Run: meedoen spectacular --file docs/api/openapi.yaml"
    assert gegenereerd.read_text() == SCHEMA.read_text(), (
        "The API changed: regenerate with `meedoen spectacular --file docs/api/openapi.yaml`."
    )
