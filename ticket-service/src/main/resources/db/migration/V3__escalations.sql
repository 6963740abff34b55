-- Maintenance windows, escalations and their notices.

create table maintenance_window (
    id         bigint generated always as identity primary key,
    server_id  bigint references server (id),
    starts_at  timestamptz   not null,
    ends_at    timestamptz   not null,
    reason     varchar(1000) not null,
    created_by varchar(64)   not null,
    created_at timestamptz   not null,
    deleted_at timestamptz,
    deleted_by varchar(64),
    check (ends_at > starts_at)
);
create index maintenance_window_time_idx on maintenance_window (ends_at, starts_at) where deleted_at is null;

-- An escalation is made once: dedup_key names the thing escalated (ticket step, decision, silence, ...)
-- and the level, so every instance of the service may sweep and none escalates twice.
create table escalation (
    id              bigint generated always as identity primary key,
    dedup_key       varchar(300)  not null unique,
    reason          varchar(30)   not null,
    level           integer       not null,
    recipient_role  varchar(10)   not null,
    ticket_id       bigint references ticket (id),
    server_id       bigint references server (id),
    step_code       varchar(40),
    step_seq        integer,
    parent_id       bigint references escalation (id),
    message         varchar(2000) not null,
    created_at      timestamptz   not null,
    acknowledged_at timestamptz,
    acknowledged_by varchar(64),
    resolved_at     timestamptz
);
create index escalation_open_idx on escalation (recipient_role, created_at desc) where acknowledged_at is null and resolved_at is null;
create index escalation_recipient_idx on escalation (recipient_role, created_at desc);
create index escalation_ticket_idx on escalation (ticket_id);

-- Notices waiting to go out (e-mail, webhook); sent by whichever instance locks them first.
create table notice (
    id              bigint generated always as identity primary key,
    escalation_id   bigint references escalation (id),
    dedup_key       varchar(300) unique,
    channel         varchar(10)   not null,
    target          varchar(500)  not null,
    subject         varchar(500),
    body            text          not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    sent_at         timestamptz,
    last_error      varchar(2000),
    created_at      timestamptz   not null
);
create index notice_due_idx on notice (next_attempt_at) where sent_at is null;

alter table server add column agent_interval_seconds integer;
