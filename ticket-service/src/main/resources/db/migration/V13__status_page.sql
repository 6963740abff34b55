-- The public status page: servers the administrator shows by name, the public summary of an incident (kept after
-- the ticket closes, for the page's list of recent incidents), and an index for the incidents that ended lately.
alter table server add column is_public boolean not null default false;

alter table ticket add column public_summary varchar(500);
alter table ticket add column public_summary_at timestamptz;

create index ticket_closed_at_idx on ticket (closed_at desc) where closed_at is not null;
