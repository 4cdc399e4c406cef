"""Pages for matching: matches both ways and proposals, demand first, the report, worklists
and the settings (weights, training catalogue)."""
