#!/usr/bin/env bash
# Creates what Nastavnik needs on a PostgreSQL server:
#   - the role NASTAVNIK_DB_USER (default nastavnik): owns the three service databases; the
#     subgraphs connect as it and their migrations create the tables;
#   - the role NASTAVNIK_READER_USER (default nastavnik_reader): may only read them (the analytics
#     worker's *_DATABASE_URL), including tables that later migrations add;
#   - the databases nastavnik_participant, nastavnik_program and nastavnik_monitoring.
#
# The postgres image runs it once, on the first start with an empty data volume (it is mounted into
# /docker-entrypoint-initdb.d by docker-compose.yml). It is idempotent and sets the roles' passwords
# to the given values, so it can be run again to rotate them, or by hand against another server,
# e.g. a managed PostgreSQL, as an administrator allowed to create roles and databases:
#   PGHOST=db.example PGUSER=admin PGPASSWORD=… PGSSLMODE=require \
#   NASTAVNIK_DB_PASSWORD=… NASTAVNIK_READER_PASSWORD=… bash infra/postgres/init-databases.sh
#
# Everything runs in a subshell function, because the image's entrypoint sources (rather than
# executes) a script that is not executable: no option or variable leaks into the entrypoint.
nastavnik_init_databases() (
  set -euo pipefail

  local admin="${POSTGRES_USER:-${PGUSER:-postgres}}"
  local maintenance_db="${POSTGRES_DB:-${PGDATABASE:-postgres}}"
  local app_user="${NASTAVNIK_DB_USER:-nastavnik}"
  local app_password="${NASTAVNIK_DB_PASSWORD:?NASTAVNIK_DB_PASSWORD must be set}"
  local reader_user="${NASTAVNIK_READER_USER:-nastavnik_reader}"
  local reader_password="${NASTAVNIK_READER_PASSWORD:?NASTAVNIK_READER_PASSWORD must be set}"
  local databases="${NASTAVNIK_DATABASES:-nastavnik_participant nastavnik_program nastavnik_monitoring}"
  if [ "$app_user" = "$admin" ] || [ "$reader_user" = "$admin" ] || [ "$app_user" = "$reader_user" ]; then
    echo "nastavnik: the administrator ($admin), NASTAVNIK_DB_USER and NASTAVNIK_READER_USER must be three different roles" >&2
    return 1
  fi

  run_psql() {
    psql --no-psqlrc --quiet -v ON_ERROR_STOP=1 --username "$admin" \
      -v app_user="$app_user" -v app_password="$app_password" \
      -v reader_user="$reader_user" -v reader_password="$reader_password" "$@"
  }

  # Roles. The administrator becomes a member of the owner role (a no-op for a superuser) so that a
  # non-superuser administrator, as on managed servers, may create databases owned by it and set its
  # default privileges.
  run_psql --dbname "$maintenance_db" <<'SQL'
-- new roles get the defaults: NOSUPERUSER NOCREATEDB NOCREATEROLE
SELECT format('CREATE ROLE %I', :'app_user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_user') \gexec
SELECT format('CREATE ROLE %I', :'reader_user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'reader_user') \gexec
ALTER ROLE :"app_user" WITH LOGIN PASSWORD :'app_password';
ALTER ROLE :"reader_user" WITH LOGIN PASSWORD :'reader_password';
SELECT format('GRANT %I TO %I', :'app_user', current_user)
 WHERE NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) \gexec
SQL

  local database
  for database in $databases; do
    run_psql --dbname "$maintenance_db" -v database="$database" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'app_user')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
-- only the owner and the reader may connect
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"database" TO :"reader_user";
SQL
    run_psql --dbname "$database" <<'SQL'
GRANT USAGE ON SCHEMA public TO :"reader_user";
GRANT SELECT ON ALL TABLES IN SCHEMA public TO :"reader_user";
-- tables that the owner's migrations create later are readable too
ALTER DEFAULT PRIVILEGES FOR ROLE :"app_user" IN SCHEMA public GRANT SELECT ON TABLES TO :"reader_user";
SQL
    # belt and braces: even a session that somehow gained write privileges starts read-only
    run_psql --dbname "$maintenance_db" -v database="$database" <<'SQL'
ALTER ROLE :"reader_user" IN DATABASE :"database" SET default_transaction_read_only = on;
SQL
    echo "nastavnik: database $database ready (owner $app_user, read-only $reader_user)"
  done
)

nastavnik_init_databases
