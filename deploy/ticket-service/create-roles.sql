-- Database roles for the SIAGA ticket service, run once by a PostgreSQL administrator (psql as a superuser):
--   psql -U postgres -f create-roles.sql
-- Change both passwords first (and put them in /etc/siaga/siaga-ticket.env).
--
-- siaga_owner owns the database and every table; Flyway migrates as this role (QUARKUS_FLYWAY_USERNAME) and, after
-- each migration, grants the runtime role what it needs. siaga_app is the role the service runs as
-- (QUARKUS_DATASOURCE_USERNAME): it reads and writes rows, appends to the audit trail, and can neither change nor
-- remove audit events, nor alter tables, nor disable their triggers.
--
-- Upgrading a database that one role (e.g. "siaga") owns already: keep that role as the owner (set it as
-- QUARKUS_FLYWAY_USERNAME), create only siaga_app below, and skip CREATE DATABASE.

CREATE ROLE siaga_owner LOGIN PASSWORD 'change-me-owner';
CREATE ROLE siaga_app LOGIN PASSWORD 'change-me-app' NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
CREATE DATABASE siaga OWNER siaga_owner;
REVOKE ALL ON DATABASE siaga FROM PUBLIC;
GRANT CONNECT ON DATABASE siaga TO siaga_app;

\connect siaga
-- The repair knowledge (migration V12) needs pg_trgm. The owner may create it itself (a trusted extension since
-- PostgreSQL 13); creating it here also serves a setup where migrations run as a role that may not.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- Before PostgreSQL 15 every role may create objects in schema public: nobody but its owner may.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
ALTER SCHEMA public OWNER TO siaga_owner;
GRANT USAGE ON SCHEMA public TO siaga_app;
