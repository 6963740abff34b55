-- Complaints linked to a ticket already open: each further call about the same outage is a report on that ticket
-- (who called, how, when, what they said), not a new SOP walk. A ticket filed anyway may later be cancelled as a
-- duplicate of the surviving ticket (duplicate_of): its reports, and its own complaint as a report, move there.
-- origin_ticket_id is the ticket the report was first recorded on (the duplicate's own id for its complaint).

alter table ticket add column duplicate_of bigint references ticket (id);

create table ticket_report (
    id               bigint generated always as identity primary key,
    ticket_id        bigint        not null references ticket (id),
    origin_ticket_id bigint        not null references ticket (id),
    source           varchar(10)   not null,
    reporter_name    varchar(200),
    reporter_contact varchar(200),
    -- what the caller said (at most 4000 characters through the API); a moved complaint keeps its title and description
    note             varchar(10300),
    received_at      timestamptz   not null,
    recorded_by      varchar(64)   not null
);

create index ticket_report_ticket_idx on ticket_report (ticket_id, received_at, id);
create index ticket_report_received_idx on ticket_report (received_at);
