-- Most findings are OK and nobody lists "all OK findings": index only the others, so that storing the
-- common OK finding costs one index fewer.
drop index finding_status_idx;
create index finding_problem_idx on finding (status, observed_at desc) where status <> 'OK';
