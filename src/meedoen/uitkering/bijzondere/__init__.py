"""bijzondere."""
