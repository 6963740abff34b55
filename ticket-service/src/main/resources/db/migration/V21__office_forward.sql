-- A chained upstream (one that reports to an upstream itself) forwards every summary its offices sent, once each.
-- Each summary received here while an upstream is set is queued, in the order received; the sender carries the
-- unsent ones, oldest first, in its next posts and marks them sent when the upstream took the post.
create table office_forward (
    seq          bigint generated always as identity primary key,
    summary_id   uuid        not null unique references office_summary (id) on delete cascade,
    office_code  varchar(20) not null,
    generated_at timestamptz not null,
    sent_at      timestamptz
);
create index office_forward_unsent_idx on office_forward (seq) where sent_at is null;
