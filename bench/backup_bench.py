"""Time a backup and its restore: deploy/backup/hnp-backup on a database, then
`createdb --template=template0` and `pg_restore --no-owner` into a new one, as the README's
Backups section does. Prints the times, the dump's size and the rows found on both sides.

    python bench/generate.py --articles 20000 --comments 200000   # with DATABASE_URL set
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hnp_scale_backup python bench/backup_bench.py

The restored copy is `<name>_restore_bench`, dropped at the end (and first, if left over).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
COUNTS = {
    "articles": "SELECT count(*) FROM articles_article",
    "comments": "SELECT count(*) FROM comments_comment",
    "database size": "SELECT pg_size_pretty(pg_database_size(current_database()))",
}


def counts(url: str) -> dict:
    with psycopg.connect(url) as conn:
        return {name: conn.execute(query).fetchone()[0] for name, query in COUNTS.items()}


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True, timeout=3600)  # noqa: S603
    return time.perf_counter() - start


def main() -> None:
    source = os.environ["DATABASE_URL"]
    parts = urlsplit(source)
    name = parts.path.lstrip("/")
    target_name = f"{name}_restore_bench"
    target = parts._replace(path=f"/{target_name}").geturl()
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{target_name}" WITH (FORCE)')
    env = {"PATH": os.environ["PATH"], "DATABASE_URL": source}
    with tempfile.TemporaryDirectory(prefix="hnp-backup-bench-") as backups:
        env["BACKUP_DIR"] = backups
        dump_seconds = timed([shutil.which("sh"), str(ROOT / "deploy/backup/hnp-backup")], env)
        (dump,) = Path(backups).glob("db-*.dump")
        size = dump.stat().st_size
        restore_seconds = timed(
            [shutil.which("createdb"), f"--host={parts.hostname}", f"--port={parts.port or 5432}",
             f"--username={parts.username or 'postgres'}", "--template=template0", target_name],
            env,
        ) + timed(
            [shutil.which("pg_restore"), "--no-owner", "--exit-on-error", "--dbname", target,
             str(dump)],
            env,
        )  # fmt: skip
    try:
        before, after = counts(source), counts(target)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{target_name}" WITH (FORCE)')
    print(f"database {name}: {before['articles']:,} articles, {before['comments']:,} comments, "
          f"{before['database size']}")  # fmt: skip
    print(f"hnp-backup (pg_dump -Fc): {dump_seconds:.1f} s, dump {size / 1_048_576:.1f} MiB")
    print(f"restore (createdb + pg_restore, indexes and trigger rebuilt): {restore_seconds:.1f} s")
    print(f"restored: {after['articles']:,} articles, {after['comments']:,} comments, "
          f"{after['database size']}")  # fmt: skip
    if (before["articles"], before["comments"]) != (after["articles"], after["comments"]):
        sys.exit("the restored database differs")


if __name__ == "__main__":
    main()
