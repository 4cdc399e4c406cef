"""aanvraag."""
