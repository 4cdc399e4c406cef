from importlib import import_module


def installeer_triggers(connection) -> None:
    """The append-only triggers of migration 0002, for tests that run with them switched off."""
    import_module("meedoen.core.audit.migrations.0002_append_only_triggers").installeer(connection)
