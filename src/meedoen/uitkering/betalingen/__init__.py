"""betalingen."""
