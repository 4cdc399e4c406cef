"""banen."""
