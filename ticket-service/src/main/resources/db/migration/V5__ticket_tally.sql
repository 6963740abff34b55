-- Exact ticket counts per (state, step, source, server), kept by a trigger, so that the ticket list's total
-- costs the same at a million tickets as at a thousand.
create table ticket_tally (
    state      varchar(10) not null,
    step       varchar(40) not null,
    source     varchar(10) not null,
    server_key bigint      not null,
    n          bigint      not null,
    primary key (state, step, source, server_key)
);

insert into ticket_tally (state, step, source, server_key, n)
select state, step, source, coalesce(server_id, 0), count(*) from ticket group by state, step, source, coalesce(server_id, 0);

create function siaga_tally_ticket() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and (old.state, old.step, old.source, old.server_id)
            is not distinct from (new.state, new.step, new.source, new.server_id) then
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        update ticket_tally set n = n - 1
        where state = old.state and step = old.step and source = old.source and server_key = coalesce(old.server_id, 0);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into ticket_tally (state, step, source, server_key, n)
        values (new.state, new.step, new.source, coalesce(new.server_id, 0), 1)
        on conflict (state, step, source, server_key) do update set n = ticket_tally.n + 1;
    end if;
    return null;
end;
$$;

create trigger ticket_tally_count
    after insert or update or delete on ticket
    for each row execute function siaga_tally_ticket();
