"""Run the OpenFisca YAML tests in tests/yaml as part of pytest."""

from openfisca_core.tools.test_runner import YamlFile

from meedoen.rules import get_tax_benefit_system


def pytest_collect_file(parent, file_path):
    if file_path.suffix == ".yaml" and file_path.parent.name == "yaml":
        return YamlFile.from_parent(
            parent, path=file_path, tax_benefit_system=get_tax_benefit_system(), options={}
        )
    return None
