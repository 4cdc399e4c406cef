"""What the OpenAPI description promises a koppeling about the uitkering endpoints: amounts are
decimal strings with two decimals, and the explanation steps of a decision have named fields
(code, text, article, url, amount), not a free-form object."""

import re

import pytest
import yaml

from meedoen.api.tests.test_openapi_schema import SCHEMA

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schemas():
    return yaml.safe_load(SCHEMA.read_text())["components"]["schemas"]


@pytest.mark.parametrize(
    ("schema", "veld"),
    [("Besluit", "bedrag_per_maand"), ("Besluit", "correctie"), ("Betaling", "bedrag")],
)
def test_amounts_are_documented_as_decimal_strings(schemas, schema, veld):
    eigenschap = schemas[schema]["properties"][veld]
    assert (eigenschap["type"], eigenschap["format"]) == ("string", "decimal")
    patroon = re.compile(eigenschap["pattern"])
    assert patroon.match("1345.45") and patroon.match("-12.34")
    assert not patroon.match("1345,45") and not patroon.match("1345.4")


def test_the_explanation_steps_have_named_fields(schemas):
    uitleg = schemas["Besluit"]["properties"]["uitleg"]
    stap = uitleg["items"]
    if "$ref" in stap:
        stap = schemas[stap["$ref"].rsplit("/", 1)[1]]
    assert set(stap["properties"]) == {"code", "text", "article", "url", "amount"}
    assert stap["properties"]["amount"]["nullable"] is True
