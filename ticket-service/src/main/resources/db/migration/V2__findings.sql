-- Agent findings, the current state of every (server, check), evidence on tickets, and re-check requests.

-- Findings are partitioned by the day they were observed and expired by dropping whole partitions.
-- The key (id, observed_at) makes a retried finding (same id, same observation time) a no-op.
create table finding (
    id           uuid          not null,
    observed_at  timestamptz   not null,
    server_id    bigint        not null,
    check_key    varchar(100)  not null,
    kind         varchar(30)   not null,
    status       varchar(10)   not null,
    message      varchar(2000),
    measurements jsonb,
    duration_ms  integer,
    recheck_id   uuid,
    received_at  timestamptz   not null default now(),
    primary key (id, observed_at)
) partition by range (observed_at);

create table finding_default partition of finding default;

create index finding_observed_idx on finding (observed_at desc);
create index finding_server_check_idx on finding (server_id, check_key, observed_at desc);
create index finding_status_idx on finding (status, observed_at desc);

-- The latest known state of each check of each server, with the streak counters that open tickets
-- and record recoveries. history holds the last 20 results as bits (1 = not OK), newest in bit 0.
create table check_state (
    server_id            bigint        not null references server (id),
    check_key            varchar(100)  not null,
    kind                 varchar(30)   not null,
    status               varchar(10)   not null,
    message              varchar(2000),
    observed_at          timestamptz   not null,
    last_ok_at           timestamptz,
    failing_since        timestamptz,
    consecutive_failures integer       not null default 0,
    consecutive_passes   integer       not null default 0,
    history              integer       not null default 0,
    history_length       integer       not null default 0,
    flapping             boolean       not null default false,
    depends_on           varchar(100),
    ticket_id            bigint references ticket (id),
    last_evidence_at     timestamptz,
    updated_at           timestamptz   not null,
    primary key (server_id, check_key)
);

create table ticket_evidence (
    id          bigint generated always as identity primary key,
    ticket_id   bigint        not null references ticket (id),
    kind        varchar(20)   not null,
    finding_id  uuid,
    check_key   varchar(100),
    status      varchar(10),
    message     varchar(2000),
    observed_at timestamptz   not null,
    recorded_at timestamptz   not null default now()
);
create index ticket_evidence_ticket_idx on ticket_evidence (ticket_id, id);

create table recheck_request (
    id           uuid          primary key,
    server_id    bigint        not null references server (id),
    ticket_id    bigint references ticket (id),
    checks       varchar(2000) not null default '',
    requested_by varchar(64)   not null,
    requested_at timestamptz   not null,
    delivered_at timestamptz,
    completed_at timestamptz
);
create index recheck_pending_idx on recheck_request (server_id, requested_at) where completed_at is null;
