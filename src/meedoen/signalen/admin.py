# Tasks are managed through their own pages and services (status rows are append-only).
