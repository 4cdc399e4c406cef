"""bijzondere: bijzondere bijstand (art. 35) — the gemeente's cost categories, requests with
evidence, the draagkracht calculation (`draagkracht.py`), the decision and its letter. A
toekenning (status toegekend, no betaling yet) is paid by the next payment run."""
