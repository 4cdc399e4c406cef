"""Smoke test of benchmarks/betaalrun_benchmark.py: the same steps for a handful of households,
so the benchmark cannot silently break. No timing is asserted (speed is measured, not tested)."""

import importlib.util
from pathlib import Path

import pytest

PAD = Path(__file__).resolve().parents[1] / "betaalrun_benchmark.py"


def _benchmark():
    spec = importlib.util.spec_from_file_location("betaalrun_benchmark", PAD)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Committing for real, as the benchmark does: the month's calculation is a task that starts at
# the commit of its queueing.
@pytest.mark.django_db(transaction=True)
def test_the_benchmark_pays_a_month_for_a_few_households():
    benchmark = _benchmark()
    opzet = benchmark.laden(12, seed=3)
    # Two worker processes render the specifications, as in the benchmark.
    uitkomst = benchmark.maand_betalen(opzet, pdf=True, processen=2)
    assert uitkomst["aangemaakt"] == 12
    assert uitkomst["run"].status == "uitgevoerd"
    # Every household's benefit is above zero (income at most € 1.200, norms from € 1.401,50),
    # so every household is paid and gets a specification.
    assert uitkomst["betalingen"] == uitkomst["specificaties"] == 12
    assert [stap[0][:2] for stap in uitkomst["klok"].stappen] == ["1.", "2.", "3.", "4.", "5."]
