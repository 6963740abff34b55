-- Web page sessions: the key of the encrypted session cookie, shared by every instance (written once, on first
-- start, when no key is configured), and per person the moment from which session cookies are valid (moved
-- forward by signing out and by a password change, so that copies of older cookies stop working at once).

create table session_key (
    id         smallint    primary key default 1 check (id = 1),
    secret     text        not null,
    created_at timestamptz not null default now()
);

alter table app_user add column sessions_valid_from timestamptz;
