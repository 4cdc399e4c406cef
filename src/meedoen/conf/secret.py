"""A development secret key kept in var/ so that sessions survive a restart of the demo."""

import secrets
from pathlib import Path


def persistent_dev_secret(var_dir: Path) -> str:
    var_dir.mkdir(parents=True, exist_ok=True)
    path = var_dir / "dev-secret-key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()
