"""Errors the rules engine raises on purpose, in plain Dutch with an English translation."""

import numpy as np


class ParameterOntbreekt(Exception):
    """A calculation needs a parameter that has no confirmed value for the period.

    The engine never guesses: a value marked "unconfirmed", not yet published, or from before
    the first date the engine knows, stops the calculation for the households that need it.
    `nodig` holds, for a vectorised calculation, which households needed the value (or None).
    """

    def __init__(self, parameter: str, periode: str, nodig: np.ndarray | None = None) -> None:
        self.parameter = parameter
        self.periode = periode
        self.nodig = nodig
        super().__init__(self.nl)

    @property
    def nl(self) -> str:
        return (
            f"ParameterOntbreekt: {self.parameter} heeft geen bevestigde waarde voor {self.periode}"
        )

    @property
    def en(self) -> str:
        return f"Missing parameter: {self.parameter} has no confirmed value for {self.periode}"
