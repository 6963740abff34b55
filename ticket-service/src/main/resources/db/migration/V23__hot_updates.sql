-- Every agent post rewrites its server's row and its checks' states. Room left in each page lets PostgreSQL write
-- the new row versions beside the old ones (HOT updates) instead of adding index entries for each; new pages get
-- the room at once, pages already full as their rows move.
alter table server set (fillfactor = 50);
alter table check_state set (fillfactor = 50);
