"""herziening."""
