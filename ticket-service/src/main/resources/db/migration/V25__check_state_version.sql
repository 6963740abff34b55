-- Raised by every transaction that writes a server's check states (the findings batch's update of the server row),
-- so that an instance can tell whether the states it committed last are still the server's: if the version under
-- the server's row lock is the one it committed, no other instance has written them since, and it need not read
-- them back. Adding a column with a constant default rewrites no rows.
alter table server add column state_version bigint not null default 0;
