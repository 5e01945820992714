"""Migrations run while the previous release still serves (README, "Migrations while the
site serves"): nothing the previous release reads may disappear in the release that stops
reading it.

Release N stops using a column or table: its migration changes the models' state only
(`SeparateDatabaseAndState(state_operations=[...])`, the column stays, nullable or with a
`db_default`). Release N+1 drops it in a migration of its own that names, in
`unused_since`, the migration of release N. A plain RemoveField, DeleteModel, RenameField,
RenameModel or AlterModelTable (what makemigrations writes when a field is deleted or
renamed) drops or renames in the same step, and fails here.
"""

import re

import pytest
from django.db import connection, migrations
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

OUR_APPS = {"core", "accounts", "articles", "comments", "hnp", "demo"}

# Operations that drop or rename a column or table and change the models in one step.
DESTRUCTIVE = (
    migrations.RemoveField,
    migrations.DeleteModel,
    migrations.RenameField,
    migrations.RenameModel,
    migrations.AlterModelTable,
)
# The same in SQL (PostgreSQL's, what sqlmigrate prints), e.g. from RunSQL.
DESTRUCTIVE_SQL = re.compile(
    r"\bDROP\s+(?:COLUMN|TABLE)\b|\bALTER\s+TABLE\b[^;]*\bRENAME\b", re.IGNORECASE
)


def our_migrations():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return loader, sorted(
        (key, migration) for key, migration in loader.disk_migrations.items() if key[0] in OUR_APPS
    )


def state_changing_operations(operations):
    """Operations that change the models' state (and the database with it), looking into
    SeparateDatabaseAndState: its state operations alone touch no column."""
    for operation in operations:
        if isinstance(operation, migrations.SeparateDatabaseAndState):
            continue
        yield operation


def describe(key) -> str:
    return f"{key[0]}.{key[1]}"


def test_no_migration_drops_or_renames_what_the_models_stop_using_in_the_same_step():
    loader, found = our_migrations()
    assert found, "no migrations found"
    offenders = []
    for key, migration in found:
        state_before = loader.project_state(key, at_end=False)
        for operation in state_changing_operations(migration.operations):
            if isinstance(operation, DESTRUCTIVE):
                offenders.append(f"{describe(key)}: {operation.describe()}")
            elif isinstance(operation, migrations.AlterField):
                old = state_before.models[key[0], operation.model_name_lower].fields.get(
                    operation.name
                )
                if old is not None and old.db_column != operation.field.db_column:
                    offenders.append(f"{describe(key)}: {operation.describe()} (new column)")
    assert not offenders, (
        "These drop or rename a column or table in the release that stops using it; split "
        "them (README, 'Migrations while the site serves'):\n" + "\n".join(offenders)
    )


def test_a_drop_names_the_earlier_migration_that_stopped_using_it():
    """`unused_since` lists migrations that only changed the state, and come before."""
    loader, found = our_migrations()
    graph = loader.graph
    for key, migration in found:
        for name in getattr(migration, "unused_since", []):
            app, _, migration_name = name.partition(".")
            earlier = (app, migration_name)
            assert earlier in loader.disk_migrations, f"{describe(key)}: no migration {name}"
            assert earlier in graph.forwards_plan(key)[:-1], (
                f"{describe(key)}: {name} must come before it"
            )
            for operation in loader.disk_migrations[earlier].operations:
                assert isinstance(operation, migrations.SeparateDatabaseAndState), name
                assert not operation.database_operations, (
                    f"{name} must only stop using the column (state operations), not drop it"
                )


@pytest.mark.postgresql
@pytest.mark.django_db
def test_the_sql_of_each_migration_drops_or_renames_nothing_unannounced():
    """What `sqlmigrate` prints for each migration (RunSQL included) on PostgreSQL."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite rebuilds tables to alter them: the SQL check reads PostgreSQL's")
    executor = MigrationExecutor(connection)
    _loader, found = our_migrations()
    offenders = []
    for key, migration in found:
        if getattr(migration, "unused_since", None):
            continue  # the announced second step (checked above)
        statements = executor.loader.collect_sql([(executor.loader.graph.nodes[key], False)])
        for statement in statements:
            if DESTRUCTIVE_SQL.search(statement):
                offenders.append(f"{describe(key)}: {statement.strip()[:200]}")
    assert not offenders, (
        "These drop or rename a column or table without `unused_since` (README, "
        "'Migrations while the site serves'):\n" + "\n".join(offenders)
    )


def test_the_check_recognises_a_plain_field_removal():
    """The rule bites: what makemigrations writes for a deleted field is refused."""
    removal = migrations.RemoveField(model_name="article", name="lead")
    assert isinstance(next(state_changing_operations([removal])), DESTRUCTIVE)
    deferred = migrations.SeparateDatabaseAndState(state_operations=[removal])
    assert list(state_changing_operations([deferred])) == []
    assert DESTRUCTIVE_SQL.search('ALTER TABLE "articles_article" DROP COLUMN "lead" CASCADE')
    assert DESTRUCTIVE_SQL.search('ALTER TABLE "a" RENAME COLUMN "x" TO "y"')
    assert not DESTRUCTIVE_SQL.search("ALTER TABLE articles_article ALTER COLUMN x DROP EXPRESSION")
    assert not DESTRUCTIVE_SQL.search("DROP INDEX IF EXISTS article_search_vector_idx")
    assert not DESTRUCTIVE_SQL.search('ALTER INDEX "a_idx" RENAME TO "b_idx"')
