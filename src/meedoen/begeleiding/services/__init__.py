"""Writes for begeleiding. Each service checks role and gemeente, uses full_clean() before
save() and records an audit event in the same transaction."""
