"""taxonomie."""
