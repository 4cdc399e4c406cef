"""Request-scoped context: the request id that ties log lines and audit events together."""

import contextvars

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
