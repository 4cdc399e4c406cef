"""Pages of the banen part: the pool of maatschappelijke banen, placements, recht op werk and
allocation."""
