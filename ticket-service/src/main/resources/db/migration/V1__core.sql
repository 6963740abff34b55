-- SIAGA core schema: people, servers, SOP versions, tickets, their step records and the audit trail.

create table app_user (
    id            bigint generated always as identity primary key,
    username      varchar(64)  not null unique,
    full_name     varchar(200) not null,
    password_hash varchar(200) not null,
    roles         varchar(200) not null,
    email         varchar(200),
    created_at    timestamptz  not null default now()
);

create table server (
    id               bigint generated always as identity primary key,
    name             varchar(100) not null unique,
    role             varchar(20)  not null,
    location         varchar(200),
    description      varchar(1000),
    agent_token_hash bytea        not null unique,
    agent_last_seen  timestamptz,
    created_at       timestamptz  not null default now()
);

create table sop_version (
    id             bigint generated always as identity primary key,
    version        integer      not null unique,
    number         varchar(100) not null,
    title          varchar(200) not null,
    effective_date date,
    definition     jsonb        not null,
    created_at     timestamptz  not null default now(),
    created_by     varchar(64)  not null
);

-- Gap-free per-year counters (ticket numbers, agenda numbers): incremented inside the writing transaction.
create table number_sequence (
    name  varchar(30) not null,
    year  integer     not null,
    value integer     not null,
    primary key (name, year)
);

create table ticket (
    id                       bigint generated always as identity primary key,
    number                   varchar(30)   not null unique,
    sop_version_id           bigint        not null references sop_version (id),
    source                   varchar(10)   not null,
    reporter_name            varchar(200),
    reporter_contact         varchar(200),
    server_id                bigint references server (id),
    application              varchar(10)   not null,
    check_key                varchar(100),
    title                    varchar(200)  not null,
    description              varchar(10000) not null,
    severity                 varchar(10)   not null,
    step                     varchar(40)   not null,
    state                    varchar(10)   not null,
    assignee                 varchar(64),
    step_started_at          timestamptz   not null,
    due_at                   timestamptz,
    decision                 varchar(3),
    round                    integer       not null default 1,
    agenda_number            varchar(30) unique,
    third_party_name         varchar(200),
    third_party_contact      varchar(200),
    third_party_reference    varchar(200),
    third_party_contacted_at timestamptz,
    third_party_repaired_at  timestamptz,
    third_party_approved_by  varchar(64),
    third_party_approved_at  timestamptz,
    end_state                varchar(200),
    cancel_reason            varchar(2000),
    created_at               timestamptz   not null,
    created_by               varchar(64)   not null,
    updated_at               timestamptz   not null,
    closed_at                timestamptz,
    version                  integer       not null default 0
);

create index ticket_created_idx on ticket (created_at desc, id desc);
create index ticket_open_step_idx on ticket (step, created_at desc, id desc) where state = 'OPEN';
create index ticket_state_idx on ticket (state, created_at desc, id desc);
create index ticket_server_idx on ticket (server_id, created_at desc, id desc);
create index ticket_source_idx on ticket (source, created_at desc, id desc);
create index ticket_due_idx on ticket (due_at) where state = 'OPEN';
-- At most one open agent ticket per (server, check).
create unique index ticket_open_check_uq on ticket (server_id, check_key) where state = 'OPEN' and check_key is not null;

create table ticket_step (
    id         bigint generated always as identity primary key,
    ticket_id  bigint      not null references ticket (id),
    seq        integer     not null,
    code       varchar(40) not null,
    started_at timestamptz not null,
    ended_at   timestamptz,
    actor      varchar(64),
    output     varchar(4000),
    due_at     timestamptz,
    unique (ticket_id, seq)
);

create table ticket_event (
    id        bigint generated always as identity primary key,
    ticket_id bigint       not null references ticket (id),
    at        timestamptz  not null,
    actor     varchar(64)  not null,
    type      varchar(30)  not null,
    from_step varchar(40),
    to_step   varchar(40),
    note      varchar(4000)
);
create index ticket_event_ticket_idx on ticket_event (ticket_id, id);

-- The audit trail is append-only: the database refuses to change or remove its rows, whoever asks.
create function siaga_refuse_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'ticket_event is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger ticket_event_append_only
    before update or delete on ticket_event
    for each row execute function siaga_refuse_audit_change();

create trigger ticket_event_no_truncate
    before truncate on ticket_event
    for each statement execute function siaga_refuse_audit_change();

revoke update, delete, truncate on ticket_event from public;
revoke update, delete, truncate on ticket_event from current_user;
