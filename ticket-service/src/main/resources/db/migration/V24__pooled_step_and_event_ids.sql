-- Ticket steps and events take their ids from sequences that hand out 50 at a time (Hibernate's pooled
-- optimizer: one nextval, then 50 ids from memory), not from identity columns. An identity id is only known
-- after its row is inserted, so every new step and event was a round trip of its own; with ids known beforehand
-- a new ticket's steps and events go to the database as one batch per table. A row inserted by plain SQL takes
-- the default, nextval, and so a whole block of 50 that the service never hands out: no id is given twice.
-- The audit trail's order is its seal's seq (V8), not the id: with several service instances each holding its own
-- block, ids are unique but not in commit order.
alter table ticket_step alter column id drop identity if exists;
create sequence ticket_step_id_seq increment by 50 owned by ticket_step.id;
do $$ begin perform setval('ticket_step_id_seq', coalesce((select max(id) from ticket_step), 0) + 50, false); end $$;
alter table ticket_step alter column id set default nextval('ticket_step_id_seq');

alter table ticket_event alter column id drop identity if exists;
create sequence ticket_event_id_seq increment by 50 owned by ticket_event.id;
do $$ begin perform setval('ticket_event_id_seq', coalesce((select max(id) from ticket_event), 0) + 50, false); end $$;
alter table ticket_event alter column id set default nextval('ticket_event_id_seq');
