-- Beyond one office: summaries sent upward (outbox), offices registered here as an upstream, what they sent.

-- The version each server's agent last reported is server.agent_version (V16).

-- Summaries waiting to go to the upstream, in slot order. slot is the start of the interval the summary is for:
-- unique, so that of several instances sharing the database only one writes each interval's summary.
create table office_outbox (
    id         uuid        primary key,
    slot       timestamptz not null unique,
    body       text        not null,
    created_at timestamptz not null,
    sent_at    timestamptz,
    attempts   integer     not null default 0,
    last_error varchar(500)
);
create index office_outbox_unsent_idx on office_outbox (slot) where sent_at is null;

-- Summaries thinned from the outbox (long outages keep one per hour) and not yet reported in a summary.
create table office_outbox_thinned (
    id      integer primary key check (id = 1),
    pending bigint  not null
);
insert into office_outbox_thinned (id, pending) values (1, 0);

-- Offices reporting here. A directly registered office has a token (only its SHA-256 is kept); an office relayed
-- by another (regency -> province -> national) has none and names the office it came through (via).
create table office (
    code              varchar(20)  primary key,
    name              varchar(200) not null,
    token_hash        bytea unique,
    via               varchar(20),
    created_at        timestamptz  not null,
    created_by        varchar(64)  not null,
    last_summary_id   uuid,
    last_summary_at   timestamptz,
    last_received_at  timestamptz,
    last_summary      text,
    state             varchar(10),
    open_faults       integer      not null default 0,
    overdue_steps     integer      not null default 0,
    open_escalations  integer      not null default 0,
    compliance        double precision
);

-- Every summary received, once (idempotent by the summary's id).
create table office_summary (
    id           uuid        primary key,
    office_code  varchar(20) not null references office (code),
    generated_at timestamptz not null,
    received_at  timestamptz not null,
    body         text        not null
);
create index office_summary_office_idx on office_summary (office_code, generated_at desc);

-- One row per office and day (in the upstream's zone) for the 30-day trend: the day's worst figures.
create table office_day (
    office_code      varchar(20) not null references office (code),
    day              date        not null,
    open_faults      integer     not null,
    overdue_steps    integer     not null,
    open_escalations integer     not null,
    compliance       double precision,
    primary key (office_code, day)
);
