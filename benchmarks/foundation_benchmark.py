"""Benchmark of the foundation (issue 2): search and dossier latency on 100,000 residents.

Run (from the repository root):

    .venv/bin/python benchmarks/foundation_benchmark.py                 # full run, ~5 minutes
    .venv/bin/python benchmarks/foundation_benchmark.py --residents 2000 --requests 200  # smoke

Steps: start a throw-away PostgreSQL 15 cluster (or use DATABASE_URL), migrate, load the demo
population with the demo services, ANALYZE; start gunicorn on 127.0.0.1 with the project's
settings plus a floor view (`benchmarks/foundation_settings.py`); create a logged-in
klantmanager session with a verified second factor (a confirmed TOTP device and the session's
`otp_device_id`, exactly what django-otp stores after a correct code; not the demo skip flag);
then 20 concurrent keep-alive clients send, one endpoint after the other, a warm-up and N
requests to the floor, the search (htmx POST) and the dossier. Any non-200 answer aborts the run.
Full runs (100,000 residents or more) write their table into benchmarks/RESULTS.md.
"""

import argparse
import json
import os
import platform
import random
import shlex
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from contextlib import nullcontext
from importlib import import_module
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
BENCH_DIR = REPO / "benchmarks"
sys.path[:0] = [str(REPO / "src"), str(BENCH_DIR)]

from foundation_loadgen import PhaseResult, run_phase  # noqa: E402
from foundation_postgres import free_port, throwaway_cluster  # noqa: E402

RESULTS = BENCH_DIR / "RESULTS.md"
SECTION = "## Foundation: search and dossier latency (issue 2)"
FULL_RUN = 100_000
BENCH_USER = "km.deventer"
TARGET_DOSSIER_RATIO = 5.0
TARGET_SEARCH_P95_MS = 100.0


def parse_args() -> argparse.Namespace:
    cpus = os.cpu_count() or 1
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--residents", type=int, default=FULL_RUN)
    p.add_argument("--requests", type=int, default=2000, help="measured requests per endpoint")
    p.add_argument("--clients", type=int, default=20, help="concurrent clients")
    p.add_argument("--workers", type=int, default=2 * cpus + 1, help="gunicorn workers")
    p.add_argument("--threads", type=int, default=1, help="threads per worker (>1: gthread)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--max-seconds", type=float, default=300, help="time limit per endpoint")
    p.add_argument(
        "--solo-requests", type=int, default=300, help="requests per endpoint with one client"
    )
    p.add_argument("--no-results", action="store_true", help="never write RESULTS.md")
    p.add_argument("--note", default="", help="a remark for RESULTS.md (e.g. a busy machine)")
    return p.parse_args()


def main() -> None:
    args = parse_args()
    database_url = os.environ.get("DATABASE_URL")
    cluster = nullcontext(database_url) if database_url else throwaway_cluster()
    with cluster as url:
        report = benchmark(args, url, own_cluster=not database_url)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    table = markdown(report)
    print(table)
    if args.residents >= FULL_RUN and not args.no_results:
        write_section(table)
        print(f"Written to {RESULTS.relative_to(REPO)}.")
    else:
        print("RESULTS.md not written (smoke run or --no-results).")


def benchmark(args: argparse.Namespace, url: str, *, own_cluster: bool) -> dict:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="foundation_settings",
        DATABASE_URL=url,
        MEEDOEN_SECRET_KEY=os.environ.get("MEEDOEN_SECRET_KEY") or os.urandom(32).hex(),
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        raise SystemExit("This benchmark needs PostgreSQL (DATABASE_URL=postgres://...).")
    call_command("migrate", verbosity=0)
    load_seconds = load_population(args.residents, args.seed)
    session, csrf, device = verified_session(BENCH_USER)
    try:
        targets = pick_targets(args.seed)
        explain = explain_search(targets["common_surname"], targets["prefix"])
        connection.close()  # the server processes open their own connections
        with gunicorn(args) as port:
            headers = {"Cookie": f"sessionid={session}; csrftoken={csrf}"}
            preflight(port, headers, csrf, targets)
            phases = measure(args, port, headers, csrf, targets, clients=args.clients)
            solo = measure(args, port, headers, csrf, targets, clients=1)
    finally:
        device.delete()
        import_module("django.contrib.sessions.models").Session.objects.filter(
            session_key=session
        ).delete()
    summaries, solo_summaries = with_ratio(phases), with_ratio(solo)
    return {
        "machine": machine(),
        "server": f"gunicorn {gunicorn_version()}, {args.workers} workers"
        + (f" x {args.threads} threads (gthread)" if args.threads > 1 else " (sync)"),
        "database": "throw-away cluster (initdb, C.UTF-8)" if own_cluster else "DATABASE_URL",
        "residents": args.residents,
        "seed": args.seed,
        "load_seconds": round(load_seconds, 1),
        "clients": args.clients,
        "user": BENCH_USER,
        "scope_residents": targets["scope"],
        "command": shlex.join(
            [".venv/bin/python", "benchmarks/foundation_benchmark.py", *sys.argv[1:]]
        ),
        "note": args.note,
        "results": summaries,
        "results_one_client": solo_summaries,
        "dossier_p95_vs_floor": summaries[2]["p95_vs_floor"],
        "explain": explain,
    }


def load_population(residents: int, seed: int) -> float:
    from django.db import connection

    from meedoen.demo import services

    started = time.perf_counter()
    services.organisaties_inrichten()
    services.bevolking_laden(aantal=residents, seed=seed)
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would have made by now
    return seconds


def verified_session(username: str):
    """A session as after password + TOTP: django-otp keeps the device id in the session."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils.crypto import get_random_string
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from meedoen.accounts.models import User

    user = User.objects.get(username=username)
    device = TOTPDevice.objects.create(user=user, name="benchmark", confirmed=True)
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store["otp_device_id"] = device.persistent_id
    store.create()
    # Django accepts the unmasked 32-character secret as token, in cookie and header alike.
    return store.session_key, get_random_string(32), device


def pick_targets(seed: int) -> dict:
    """Dossiers and realistic search terms from the user's own caseload (deterministic)."""
    from meedoen.accounts.models import User
    from meedoen.accounts.selectors import actor_voor
    from meedoen.clients.normalize import zoeksleutel
    from meedoen.clients.selectors import personen

    actor = actor_voor(User.objects.get(username=BENCH_USER))
    rows = list(
        personen(actor=actor)
        .order_by("id")
        .values_list("id", "voornamen", "achternaam", "bsn", "geboortedatum")
    )
    rng = random.Random(seed)
    sample = rng.sample(rows, min(1000, len(rows)))
    diacritics = [r for r in rows if not r[2].isascii()] or sample
    terms = []
    for i, (_, voornamen, achternaam, bsn, geboren) in enumerate(sample):
        kind = i % 10
        if kind < 3:
            terms.append(achternaam)  # a surname
        elif kind < 5:
            terms.append(zoeksleutel(achternaam)[: rng.randint(3, 5)])  # typing, 3-5 letters
        elif kind < 6:
            terms.append(f"{voornamen.split()[0]} {achternaam}")
        elif kind < 7:
            terms.append(bsn)
        elif kind < 8:
            terms.append(f"{geboren:%d-%m-%Y}")
        elif kind < 9:
            terms.append(zoeksleutel(rng.choice(diacritics)[2]))  # "ozturk" for Öztürk
        else:
            terms.append(f"{achternaam} {geboren:%d-%m-%Y}")
    # The most common Dutch surname of the caseload: the hardest name search for the index.
    common = Counter(zoeksleutel(r[2]) for r in rows if r[2].isascii()).most_common(1)[0][0]
    return {
        "scope": len(rows),
        "dossiers": [str(r[0]) for r in sample],
        "names": {str(r[0]): r[2] for r in sample},
        "terms": terms,
        "common_surname": common,
        "prefix": common[:3],
    }


def explain_search(*terms: str) -> list[dict]:
    """EXPLAIN ANALYZE of the exact SQL the search selector runs, per term."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from meedoen.accounts.models import User
    from meedoen.accounts.selectors import actor_voor
    from meedoen.clients.selectors import personen_zoeken

    actor = actor_voor(User.objects.get(username=BENCH_USER))
    plans = []
    for term in terms:
        with CaptureQueriesContext(connection) as queries:
            found = personen_zoeken(actor=actor, zoekterm=term)
        sql = queries.captured_queries[-1]["sql"]
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        plans.append(
            {
                "term": term,
                "results": len(found),
                "trigram_index_used": "clients_persoon_zoeknaam_trgm" in plan,
                "sql": sql,
                "plan": plan,
            }
        )
    return plans


class gunicorn:  # noqa: N801  (used as a context manager, like open())
    """The real WSGI server on a free loopback port; stopped (only this process) on exit."""

    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.port = free_port()
        self.log = Path(tempfile.gettempdir()) / f"meedoen-gunicorn-{self.port}.log"

    def __enter__(self) -> int:
        command = [
            sys.executable, "-m", "gunicorn",
            "--bind", f"127.0.0.1:{self.port}",
            "--workers", str(self.args.workers),
            "--chdir", str(REPO),
            "--pythonpath", f"{REPO / 'src'},{BENCH_DIR}",
            "--log-level", "warning",
            "meedoen.conf.wsgi:application",
        ]  # fmt: skip
        if self.args.threads > 1:
            command[3:3] = ["--worker-class", "gthread", "--threads", str(self.args.threads)]
        with self.log.open("w") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped; see {self.log}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_floor/", timeout=2):
                    return self.port
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        raise SystemExit(f"gunicorn did not answer within 60 s; see {self.log}")

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def search_request(csrf: str, term: str):
    body = urlencode({"q": term}).encode()
    return (
        "POST",
        "/inwoners/",
        body,
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-CSRFToken": csrf,
            "HX-Request": "true",
        },
    )


def preflight(port: int, headers: dict, csrf: str, targets: dict) -> None:
    """The pages must answer 200 with the right content before anything is timed."""
    import http.client
    from html import escape

    from foundation_loadgen import send

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    dossier = targets["dossiers"][0]
    name = targets["names"][dossier]
    checks = [
        (("GET", "/_floor/", None, {}), b"ok"),
        (("GET", f"/inwoners/{dossier}/", None, {}), escape(name).encode()),
        (search_request(csrf, name), escape(name).encode()),
    ]
    for (method, path, body, extra), expected in checks:
        status, payload = send(conn, method, path, body, {**headers, **extra})
        if status != 200 or expected not in payload:
            snippet = payload[:800].decode("utf-8", "replace")
            raise SystemExit(f"Preflight failed: {method} {path} -> {status}\n{snippet}")
    conn.close()


def with_ratio(phases: list[PhaseResult]) -> list[dict]:
    summaries = [phase.summary() for phase in phases]
    for summary in summaries:
        summary["p95_vs_floor"] = round(summary["p95_ms"] / summaries[0]["p95_ms"], 2)
    return summaries


def measure(
    args, port: int, headers: dict, csrf: str, targets: dict, *, clients: int
) -> list[PhaseResult]:
    """Floor, search, dossier one after the other; `clients` at a time. With one client the
    latency is the service time; with many it includes waiting for a free worker."""
    dossiers, terms = targets["dossiers"], targets["terms"]
    endpoints = [
        ("floor (GET /_floor/)", lambda i: ("GET", "/_floor/", None, {})),
        ("search (POST /inwoners/, htmx)", lambda i: search_request(csrf, terms[i % len(terms)])),
        (
            "dossier (GET /inwoners/<uuid>/)",
            lambda i: ("GET", f"/inwoners/{dossiers[i % len(dossiers)]}/", None, {}),
        ),
    ]
    measured = args.requests if clients > 1 else args.solo_requests
    warmup = max(clients * 5, measured // 10)
    phases = []
    for name, make_request in endpoints:
        for requests in (warmup, measured):
            phase = run_phase(
                name=name,
                port=port,
                make_request=make_request,
                requests=requests,
                clients=clients,
                max_seconds=args.max_seconds,
                headers=headers,
            )
            if phase.errors:
                status, path, snippet = phase.errors[0]
                raise SystemExit(
                    f"{len(phase.errors)} responses were not 200 ({name}); first: "
                    f"{status} {path}\n{snippet}"
                )
        phases.append(phase)
    return phases


def machine() -> dict:
    from django.db import connection

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem_kib = int(Path("/proc/meminfo").read_text().split()[1])
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg_version = cursor.fetchone()[0]
    import django

    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": round(mem_kib / 1024 / 1024, 1),
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": pg_version,
    }


def gunicorn_version() -> str:
    from importlib.metadata import version

    return version("gunicorn")


def markdown(report: dict) -> str:
    m = report["machine"]
    rows, solo_rows = (
        "\n".join(
            f"| {r['endpoint']} | {r['requests']:,} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | "
            f"{r['p99_ms']:.1f} | {r['requests_per_s']:.0f} | {r['p95_vs_floor']:.1f}× |"
            for r in report[key]
        )
        for key in ("results", "results_one_client")
    )
    search_p95 = report["results"][1]["p95_ms"]
    ratio = report["dossier_p95_vs_floor"]
    ok = {True: "✔", False: "✘"}
    explain = "\n".join(
        f"- `{e['term']}` ({e['results']} results): trigram index "
        f"{'used' if e['trigram_index_used'] else 'NOT used'}; "
        f"{e['plan'].splitlines()[-1].strip().lower()}"
        for e in report["explain"]
    )
    return f"""{SECTION}

Command (from the repository root):

    {report["command"]}

Machine: {m["nproc"]} cores (`nproc`), CPU "{m["cpu"]}", {m["ram_gib"]} GiB RAM, Python \
{m["python"]}, Django {m["django"]}, PostgreSQL {m["postgresql"]} ({report["database"]}). \
Server: {report["server"]} on 127.0.0.1; load generator in the same machine: \
{report["clients"]} concurrent keep-alive clients (threads with `http.client`), one endpoint \
after the other, warm-up first. Logged in as `{report["user"]}` (klantmanager, verified TOTP \
session) whose caseload is {report["scope_residents"]:,} of {report["residents"]:,} residents \
(seed {report["seed"]}; demo load took {report["load_seconds"]} s incl. users).

{report["clients"]} concurrent clients:

| endpoint | requests | p50 ms | p95 ms | p99 ms | req/s | p95 / floor p95 |
|---|---|---|---|---|---|---|
{rows}

One client at a time (service time, no waiting for a worker), same run:

| endpoint | requests | p50 ms | p95 ms | p99 ms | req/s | p95 / floor p95 |
|---|---|---|---|---|---|---|
{solo_rows}

Reading: the clients send back to back (closed loop), so with {report["clients"]} clients on \
{m["nproc"]} cores the latency is mostly waiting for a free worker (≈ clients ÷ throughput); \
the one-client table shows what a request itself costs. {report["note"]}

Targets: dossier p95 within 5× the floor: **{ratio:.1f}×** {ok[ratio <= TARGET_DOSSIER_RATIO]}; \
search p95 under 100 ms: **{search_p95:.1f} ms** {ok[search_p95 < TARGET_SEARCH_P95_MS]}.

Search terms: surnames, 3-5 letter prefixes (search-as-you-type), first name + surname, BSNs,
birth dates, surnames typed without diacritics, surname + birth date. Dossiers: 1,000 random
residents of the caseload; every dossier view writes its audit event.

`EXPLAIN (ANALYZE, BUFFERS)` of the search selector's SQL on the {report["residents"]:,}-row
table:

{explain}
"""


def write_section(table: str) -> None:
    """Replace this benchmark's section in RESULTS.md (or append it); other sections stay."""
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.strip() == SECTION), None)
    if start is None:
        text = text.rstrip("\n") + "\n\n" + table
    else:
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
        )
        rest = "".join(lines[end:])
        text = "".join(lines[:start]) + table + ("\n" + rest if rest else "")
    RESULTS.write_text(text)


if __name__ == "__main__":
    main()
