"""werkgevers."""
