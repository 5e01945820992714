"""Backups restore: deploy/backup/hnp-backup dumps the database (and copies local uploads),
the README's restore commands put the dump into a new database, and the restored site has
the same articles and comments, search columns included. PostgreSQL only."""

import os
import shutil
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from articles.analysis import document
from tests.comments.factories import CommentFactory
from tests.factories import ArticleFactory, SeriesFactory

ROOT = Path(__file__).resolve().parents[2]
BACKUP = ROOT / "deploy" / "backup" / "hnp-backup"

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

ARTICLES = "SELECT id, title, slug, lead, body, status, published_at, view_count, search_vector::text FROM articles_article ORDER BY id"
COMMENTS = "SELECT id, article_id, name, phone, title, content, status, created_at FROM comments_comment ORDER BY id"


def database_url(name: str) -> str:
    db = connection.settings_dict
    user = db["USER"] or "postgres"
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def rows(url: str, query: str) -> list[tuple]:
    with psycopg.connect(url) as conn:
        return conn.execute(query).fetchall()


@pytest.fixture
def restored_name():
    if connection.vendor != "postgresql":
        pytest.skip("backups are pg_dump's: PostgreSQL only")
    if not all(shutil.which(tool) for tool in ("pg_dump", "pg_restore", "createdb")):
        pytest.skip("pg_dump and pg_restore are needed (Debian: postgresql-client)")
    name = f"{connection.settings_dict['NAME']}_restored"
    admin = database_url("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    yield name
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restores_into_a_new_database_with_the_same_articles_and_comments(
    restored_name, tmp_path
):
    series = SeriesFactory(title="Nâng cao chất lượng hoạt động HĐND các cấp")
    articles = [
        ArticleFactory(published=True, series=series, part_number=n, title=f"Bài {n}: Hà Nội")
        for n in (1, 2)
    ] + [ArticleFactory(title="Bản nháp về Đà Nẵng")]
    for article in articles[:2]:
        CommentFactory.create_batch(3, article=article)
        CommentFactory(article=article, approved=True, title="Ý kiến đã duyệt")
    media = tmp_path / "media"
    (media / "uploads").mkdir(parents=True)
    (media / "uploads" / "anh.jpg").write_bytes(b"\xff\xd8picture")
    backups = tmp_path / "backups"

    source = database_url(connection.settings_dict["NAME"])
    env = {
        "PATH": os.environ["PATH"],
        "DATABASE_URL": source,
        "BACKUP_DIR": str(backups),
        "MEDIA_ROOT": str(media) if shutil.which("rsync") else "",
    }
    result = subprocess.run(
        [shutil.which("sh"), str(BACKUP)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (dump,) = backups.glob("db-*.dump")
    if shutil.which("rsync"):
        (copy,) = backups.glob("media-*")
        assert (copy / "uploads" / "anh.jpg").read_bytes() == b"\xff\xd8picture"

    # The README's restore, word for word but for the names.
    target = database_url(restored_name)
    db = connection.settings_dict
    created = subprocess.run(
        [
            shutil.which("createdb"),
            f"--host={db['HOST'] or '127.0.0.1'}",
            f"--port={db['PORT'] or 5432}",
            f"--username={db['USER'] or 'postgres'}",
            "--template=template0",
            restored_name,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert created.returncode == 0, created.stderr
    restore = subprocess.run(
        [
            shutil.which("pg_restore"),
            "--no-owner",
            "--exit-on-error",
            "--dbname",
            target,
            str(dump),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert restore.returncode == 0, restore.stderr

    original_articles, original_comments = rows(source, ARTICLES), rows(source, COMMENTS)
    assert len(original_articles) == 3
    assert len(original_comments) == 8
    assert rows(target, ARTICLES) == original_articles
    assert rows(target, COMMENTS) == original_comments
    # The search trigger came back too: an article's new search document (written by
    # Article.save() in Python) reaches its indexed vector in the restored database.
    with psycopg.connect(target) as conn:
        conn.execute(
            "UPDATE articles_article SET title = %s, search_text = %s WHERE id = %s",
            [
                "Hội nghị ở Huế",
                document(title="Hội nghị ở Huế", lead="", body_text=""),
                articles[0].pk,
            ],
        )
        found = conn.execute(
            "SELECT id FROM articles_article WHERE search_vector @@ 'hue'::tsquery"
        ).fetchall()
    assert found == [(articles[0].pk,)]
