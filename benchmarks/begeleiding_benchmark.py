"""Benchmark: contact worklists and teamleider coverage with 100,000 residents and 2,000,000
contactmomenten in PostgreSQL.

    .venv/bin/python benchmarks/begeleiding_benchmark.py [--personen 100000] [--contacten 2000000]

Without DATABASE_URL it starts a throw-away PostgreSQL 15 cluster (initdb + pg_ctl as the
postgres OS user, in a temp dir, Unix socket only) and removes it afterwards. Data is bulk-loaded
with COPY. It measures p50/p95 of the selectors and of the pages (Django test client, logged in
with a second factor) over repeated runs, and runs EXPLAIN (ANALYZE) on every query they issue,
reporting any sequential scan on a large table.
"""

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
PG_BIN = Path("/usr/lib/postgresql/15/bin")
GROTE_TABELLEN = (
    "clients_persoon",
    "begeleiding_begeleidingsstand",
    "begeleiding_contactmoment",
    "core_audit_auditevent",
    "audit_auditevent",
)


@contextmanager
def tijdelijk_cluster():
    if os.environ.get("DATABASE_URL"):
        yield os.environ["DATABASE_URL"]
        return
    map_ = Path(tempfile.mkdtemp(prefix="meedoen-bench-"))
    shutil.chown(map_, user="postgres")
    data = map_ / "data"
    als_postgres = ["runuser", "-u", "postgres", "--"]
    subprocess.run(
        [*als_postgres, str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-E", "UTF8"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    poort = "54329"
    opties = (
        f"-p {poort} -k {map_} -c listen_addresses='' -c shared_buffers=512MB "
        "-c work_mem=32MB -c fsync=off -c synchronous_commit=off"
    )
    subprocess.run(
        [
            *als_postgres,
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            opties,
            "-w",
            "-l",
            str(map_ / "log"),
            "start",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    try:
        subprocess.run(
            [*als_postgres, str(PG_BIN / "createdb"), "-h", str(map_), "-p", poort, "bench"],
            check=True,
        )
        yield f"postgres://postgres@/bench?host={map_}&port={poort}"
    finally:
        subprocess.run(
            [*als_postgres, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
            check=False,
            stdout=subprocess.DEVNULL,
        )
        shutil.rmtree(map_, ignore_errors=True)


def bsns(n: int):
    kandidaat, gevonden = 100000000, 0
    while gevonden < n:
        kandidaat += 1
        c = [int(x) for x in f"{kandidaat:09d}"]
        if (sum(a * w for a, w in zip(c[:8], range(9, 1, -1), strict=True)) - c[8]) % 11 == 0:
            gevonden += 1
            yield f"{kandidaat:09d}"


def copy(cursor, tabel: str, kolommen: list[str], rijen) -> None:
    with cursor.copy(f"COPY {tabel} ({', '.join(kolommen)}) FROM STDIN") as kopie:
        for rij in rijen:
            kopie.write_row(rij)


def laden(n_personen: int, n_contacten: int, vandaag: dt.date):
    from django.db import connection

    from meedoen.accounts.models import Organisatie, Rol, Team, User
    from meedoen.core.models import Gemeente

    rnd = random.Random(5)
    gemeente = Gemeente.objects.create(code="GM0150", naam="Deventer")
    organisatie = Organisatie.objects.create(naam="Sociale dienst Deventer")
    organisatie.gemeenten.add(gemeente)
    teams = [
        Team.objects.create(organisatie=organisatie, naam=n)
        for n in ("Werktalent", "Inkomensondersteuning")
    ]
    km_rol, _ = Rol.objects.get_or_create(code="klantmanager", defaults={"naam": "Klantmanager"})
    tl_rol, _ = Rol.objects.get_or_create(code="teamleider", defaults={"naam": "Teamleider"})
    klantmanagers = []
    for i in range(100):
        u = User.objects.create_user(
            f"km{i}", password="x", organisatie=organisatie, first_name=f"Km{i}"
        )
        u.rollen.add(km_rol)
        u.teams.add(teams[i % 2])
        klantmanagers.append(u)
    teamleider = User.objects.create_user("tl", password="x", organisatie=organisatie)
    teamleider.rollen.add(tl_rol)
    teamleider.teams.add(teams[0])
    nu = dt.datetime.now(dt.UTC)
    routes = []
    with connection.cursor() as cur:
        for i, (naam, dagen, team) in enumerate(
            [
                ("Matchen", 14, teams[0]),
                ("Groeien", 28, teams[0]),
                ("Faciliteren", 56, teams[1]),
                ("Zorgen", 91, teams[1]),
            ]
        ):
            rid = uuid.uuid4()
            routes.append((rid, dagen, team))
            cur.execute(
                "INSERT INTO begeleiding_route (id, aangemaakt_op, gewijzigd_op, gemeente_id, naam,"
                " omschrijving,"
                " team_id, contact_interval_dagen, standaard_verplichtingen, volgorde, actief)"
                " VALUES (%s,%s,%s,%s,%s,'',%s,%s,'',%s,true)",
                [rid, nu, nu, gemeente.pk, naam, team.pk, dagen, i],
            )
        raw = cur.connection
        t0 = time.perf_counter()
        persoon_ids = [uuid.uuid4() for _ in range(n_personen)]
        with raw.cursor() as c:
            copy(
                c,
                "clients_persoon",
                [
                    "id",
                    "aangemaakt_op",
                    "gewijzigd_op",
                    "gemeente_id",
                    "bsn",
                    "voornamen",
                    "tussenvoegsel",
                    "achternaam",
                    "geboortedatum",
                    "telefoon",
                    "email",
                    "straat",
                    "huisnummer",
                    "huisnummertoevoeging",
                    "postcode",
                    "woonplaats",
                    "zoeknaam",
                ],
                (
                    (
                        pid,
                        nu,
                        nu,
                        gemeente.pk,
                        bsn,
                        f"Voornaam{i}",
                        "",
                        f"Achternaam{i}",
                        dt.date(1960, 1, 1) + dt.timedelta(days=rnd.randrange(20000)),
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        f"voornaam{i} achternaam{i}",
                    )
                    for i, (pid, bsn) in enumerate(zip(persoon_ids, bsns(n_personen), strict=True))
                ),
            )
            # contacts: every resident gets n_contacten / n_personen over the last two years
            laatste: dict = {}
            per = n_contacten // n_personen

            def contacten():
                for pid in persoon_ids:
                    km = rnd.choice(klantmanagers).pk
                    for _ in range(per):
                        datum = vandaag - dt.timedelta(days=rnd.randrange(730))
                        if datum > laatste.get(pid, dt.date.min):
                            laatste[pid] = datum
                        yield (
                            uuid.uuid4(),
                            nu,
                            nu,
                            gemeente.pk,
                            pid,
                            datum,
                            "telefoon",
                            "Gesproken",
                            "",
                            km,
                        )

            copy(
                c,
                "begeleiding_contactmoment",
                [
                    "id",
                    "aangemaakt_op",
                    "gewijzigd_op",
                    "gemeente_id",
                    "persoon_id",
                    "datum",
                    "kanaal",
                    "samenvatting",
                    "volgende_stap",
                    "medewerker_id",
                ],
                contacten(),
            )

            def standen():
                for i, pid in enumerate(persoon_ids):
                    rid, dagen, _team = routes[i % 4]
                    sinds = vandaag - dt.timedelta(days=800)
                    basis = max(laatste.get(pid, sinds), sinds)
                    yield (
                        uuid.uuid4(),
                        nu,
                        nu,
                        gemeente.pk,
                        pid,
                        klantmanagers[i % 100].pk,
                        rid,
                        sinds,
                        laatste.get(pid),
                        basis + dt.timedelta(days=dagen),
                    )

            copy(
                c,
                "begeleiding_begeleidingsstand",
                [
                    "id",
                    "aangemaakt_op",
                    "gewijzigd_op",
                    "gemeente_id",
                    "persoon_id",
                    "klantmanager_id",
                    "route_id",
                    "route_sinds",
                    "laatste_contact",
                    "contact_uiterlijk",
                ],
                standen(),
            )
        cur.execute("VACUUM ANALYZE")
    print(f"geladen in {time.perf_counter() - t0:.1f} s", flush=True)
    return {"klantmanager": klantmanagers[7], "teamleider": teamleider, "team": teams[0]}


def meten(functie, herhalingen: int) -> tuple[float, float]:
    functie()  # warm-up
    tijden = []
    for _ in range(herhalingen):
        t = time.perf_counter()
        functie()
        tijden.append((time.perf_counter() - t) * 1000)
    tijden.sort()
    return statistics.median(tijden), tijden[int(0.95 * (len(tijden) - 1))]


def plannen_controleren(functie) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as vastgelegd:
        functie()
    bevindingen = []
    with connection.cursor() as cur:
        for query in vastgelegd.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            plan = "\n".join(r[0] for r in cur.fetchall())
            for tabel in GROTE_TABELLEN:
                if f"Seq Scan on {tabel}" in plan:
                    bevindingen.append(f"SEQ SCAN {tabel}: {sql[:160]}")
    return bevindingen


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--personen", type=int, default=100_000)
    parser.add_argument("--contacten", type=int, default=2_000_000)
    parser.add_argument("--herhalingen", type=int, default=50)
    args = parser.parse_args()
    with tijdelijk_cluster() as url:
        os.environ["DATABASE_URL"] = url
        os.environ["DJANGO_SETTINGS_MODULE"] = "meedoen.conf.test"
        os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client
        from django.utils import timezone

        settings.ALLOWED_HOSTS = ["*"]
        call_command("migrate", verbosity=0)
        vandaag = timezone.localdate()
        gebruikers = laden(args.personen, args.contacten, vandaag)

        from meedoen.accounts.selectors import actor_voor
        from meedoen.begeleiding.selectors import werklijsten
        from meedoen.testing.factories import login_met_tweede_factor

        km = actor_voor(gebruikers["klantmanager"])
        tl = actor_voor(gebruikers["teamleider"])
        team = gebruikers["team"]

        def werklijst_km():
            qs = werklijsten.achterstallig_contact(actor=km, vandaag=vandaag, klantmanager=km.user)
            return qs.count(), list(qs[:50])

        def werklijst_team():
            qs = werklijsten.achterstallig_contact(actor=tl, vandaag=vandaag, team=team)
            return qs.count(), list(qs[:50])

        def dekking():
            return werklijsten.dekking(actor=tl, vandaag=vandaag)

        def caseloads():
            return werklijsten.caseloads(actor=tl, vandaag=vandaag)

        km_client, tl_client = Client(), Client()
        login_met_tweede_factor(km_client, gebruikers["klantmanager"])
        login_met_tweede_factor(tl_client, gebruikers["teamleider"])

        def pagina(client, pad):
            def opvragen():
                antwoord = client.get(pad)
                assert antwoord.status_code == 200, (pad, antwoord.status_code)

            return opvragen

        metingen = {
            "selector: werklijst klantmanager (count + first 50)": werklijst_km,
            "selector: werklijst team (count + first 50)": werklijst_team,
            "selector: dekking per route": dekking,
            "selector: caseload per klantmanager": caseloads,
            "page: GET /begeleiding/werklijst/ (klantmanager)": pagina(
                km_client, "/begeleiding/werklijst/"
            ),
            "page: GET /begeleiding/werklijst/?team= (teamleider)": pagina(
                tl_client, f"/begeleiding/werklijst/?team={team.pk}"
            ),
            "page: GET /begeleiding/dekking/ (teamleider)": pagina(
                tl_client, "/begeleiding/dekking/"
            ),
        }
        print(
            f"\n{args.personen} personen, {args.contacten} contactmomenten, "
            f"{args.herhalingen} runs each"
        )
        print("| measure | p50 ms | p95 ms |\n|---|---|---|")
        for naam, functie in metingen.items():
            p50, p95 = meten(functie, args.herhalingen)
            print(f"| {naam} | {p50:.1f} | {p95:.1f} |", flush=True)
        print("\nEXPLAIN (ANALYZE) of every query above:")
        bevindingen = []
        for functie in metingen.values():
            bevindingen += plannen_controleren(functie)
        print("\n".join(sorted(set(bevindingen))) or "no sequential scan on a large table")
    return 0


if __name__ == "__main__":
    sys.exit(main())
