"""Local development and the demo: SQLite by default, DEBUG on unless switched off."""

from meedoen.conf.base import *  # noqa: F403
from meedoen.conf.base import VAR_DIR
from meedoen.conf.env import env_bool
from meedoen.conf.secret import persistent_dev_secret

DEBUG = env_bool("MEEDOEN_DEBUG", True)
SECRET_KEY = SECRET_KEY or persistent_dev_secret(VAR_DIR)  # noqa: F405
