"""koppelen."""
