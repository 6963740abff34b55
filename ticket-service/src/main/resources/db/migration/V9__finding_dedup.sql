-- A finding is stored once by its id, whatever its observation time: the partitioned finding table cannot have
-- a unique key on id alone, so the ids live in finding_seen, written in the same statement as the findings
-- (only an id new to finding_seen reaches finding). Rows older than the retention are deleted in batches by
-- observed_at; findings that old are refused, so a forgotten id cannot come back.
create table finding_seen (
    id          uuid         primary key,
    observed_at timestamptz  not null
);
create index finding_seen_observed_idx on finding_seen (observed_at);

-- Findings observed far in the future (before observedAt was checked) froze their check's state, which only
-- moves forward in time: remove them and bring the states they set back to now.
delete from finding where observed_at > now() + interval '1 day';
update check_state set
    observed_at      = least(observed_at, now()),
    last_ok_at       = case when last_ok_at > now() then now() else last_ok_at end,
    failing_since    = case when failing_since > now() then now() else failing_since end,
    last_evidence_at = case when last_evidence_at > now() then now() else last_evidence_at end
where observed_at > now() + interval '1 day';

-- The ids stored so far; where the same id was stored twice (the old key was id and observed_at), the first
-- observation stays its time.
insert into finding_seen (id, observed_at)
select distinct on (id) id, observed_at from finding order by id, observed_at;

-- finding_seen now keeps one row per id; the old key (id, observed_at) only cost an index write per finding.
alter table finding drop constraint finding_pkey;
