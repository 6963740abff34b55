-- Administration pages: accounts that can be disabled, a person's page language, what each agent's heartbeat says
-- about it, the calendar's holidays kept in the database (shared by every instance), and an append-only trail of
-- administrative changes (accounts, servers, holidays), which have no ticket to be recorded on.

-- A disabled account cannot sign in (API or pages), and its page sessions end.
alter table app_user add column active boolean not null default true;
-- The pages' language when no cookie chooses one: 'id' or 'en'; null for the default (Indonesian).
alter table app_user add column language varchar(2) check (language in ('id', 'en'));

-- From the agent's latest heartbeat: its version (from the heartbeat's message), the findings waiting in its
-- outbox (measurement outboxSize), and when it was observed.
alter table server add column agent_version varchar(64);
alter table server add column agent_outbox_backlog integer;
alter table server add column agent_heartbeat_at timestamptz;

-- Days the office is closed. Every instance reads them (with a short cache) for due times.
create table calendar_holiday (
    day date primary key
);

-- The dates of siaga.calendar.holidays (SIAGA_CALENDAR_HOLIDAYS) already copied into calendar_holiday once: a
-- seeded date an administrator removed stays removed after a restart, a date added to the setting later is added.
create table calendar_holiday_seed (
    day date primary key
);

create table admin_event (
    id      bigint generated always as identity primary key,
    at      timestamptz   not null,
    actor   varchar(64)   not null,
    type    varchar(40)   not null,
    subject varchar(200)  not null,
    note    varchar(4000)
);
create index admin_event_at_idx on admin_event (at desc, id desc);

create trigger admin_event_append_only
    before update or delete on admin_event
    for each row execute function siaga_refuse_audit_change();

create trigger admin_event_no_truncate
    before truncate on admin_event
    for each statement execute function siaga_refuse_audit_change();

revoke update, delete, truncate on admin_event from public;
