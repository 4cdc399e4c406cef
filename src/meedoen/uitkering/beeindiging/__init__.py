"""Ending a household's bijstand: a Besluit of soort beëindiging with its letter (issue 4)."""
