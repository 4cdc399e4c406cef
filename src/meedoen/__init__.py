"""Meedoen: open-source Werk & Inkomen for Dutch municipalities (Participatiewet)."""

__version__ = "0.1.0"
