-- The newest open tickets, for the list filtered by open or overdue without a step.
create index ticket_open_created_idx on ticket (created_at desc, id desc) where state = 'OPEN';
