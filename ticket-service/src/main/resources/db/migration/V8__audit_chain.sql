-- The audit trail becomes tamper-evident: every event carries a SHA-256 hash over its content and the hash of the
-- event before it (in id order, across all tickets). A BEFORE INSERT trigger fills both, one writer at a time (a
-- lock on the chain's head row), and renumbers the event after taking that lock, so that id order is chain order.
-- The functions below belong to the role that runs the migrations; the service's runtime role may only call them.

alter table ticket_event add column prev_hash varchar(64);
alter table ticket_event add column hash varchar(64);

-- The canonical text of an event: a JSON array of its fields, the time as UTC with microseconds.
create function siaga_audit_hash(p_id bigint, p_ticket_id bigint, p_at timestamptz, p_actor text, p_type text,
                                 p_from_step text, p_to_step text, p_note text, p_prev_hash text)
    returns varchar(64) language sql stable
    set search_path = pg_catalog, pg_temp
as $$
    select encode(sha256(convert_to(json_build_array(p_id, p_ticket_id,
            to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
            p_actor, p_type, p_from_step, p_to_step, p_note, p_prev_hash)::text, 'UTF8')), 'hex')
$$;

-- The head of the chain: the last event's id and hash. Its row lock serialises writers.
create table ticket_event_chain (
    singleton boolean     primary key default true check (singleton),
    last_id   bigint,
    last_hash varchar(64)
);

-- Existing events get their hashes in id order (the append-only trigger and V1's revoke are set aside for this one
-- pass, inside this migration's transaction).
alter table ticket_event disable trigger ticket_event_append_only;
grant update on ticket_event to current_user;
do $$
declare
    e    record;
    prev varchar(64);
    last bigint;
begin
    for e in select * from ticket_event order by id loop
        update ticket_event set prev_hash = prev,
            hash = siaga_audit_hash(e.id, e.ticket_id, e.at, e.actor, e.type, e.from_step, e.to_step, e.note, prev)
        where id = e.id returning hash into prev;
        last := e.id;
    end loop;
    insert into ticket_event_chain (singleton, last_id, last_hash) values (true, last, prev);
end;
$$;
revoke update on ticket_event from current_user;
alter table ticket_event enable trigger ticket_event_append_only;
alter table ticket_event alter column hash set not null;

create function siaga_audit_chain() returns trigger language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    head ticket_event_chain%rowtype;
begin
    select * into head from ticket_event_chain where singleton for update;
    if not found then
        raise exception 'ticket_event_chain has no head row';
    end if;
    new.id := nextval(pg_get_serial_sequence('ticket_event', 'id'));
    new.prev_hash := head.last_hash;
    new.hash := siaga_audit_hash(new.id, new.ticket_id, new.at, new.actor, new.type, new.from_step, new.to_step,
                                 new.note, new.prev_hash);
    update ticket_event_chain set last_id = new.id, last_hash = new.hash where singleton;
    return new;
end;
$$;

create trigger ticket_event_chain
    before insert on ticket_event
    for each row execute function siaga_audit_chain();

revoke all on function siaga_audit_chain() from public;
revoke all on table ticket_event_chain from public;

-- Daily findings partitions, made and dropped at run time by the service (which does not own the table):
-- two narrow functions that run with the owner's rights.
create function siaga_create_finding_partition(p_day date) returns boolean language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    part_name text := 'finding_p' || to_char(p_day, 'YYYYMMDD');
    low  timestamptz := (p_day::text || ' 00:00:00+00')::timestamptz;
    high timestamptz := ((p_day + 1)::text || ' 00:00:00+00')::timestamptz;
begin
    if to_regclass(part_name) is not null then
        return false;
    end if;
    -- rows of that day already in the default partition would make CREATE ... PARTITION OF fail
    if exists (select 1 from finding_default where observed_at >= low and observed_at < high) then
        return false;
    end if;
    execute format('create table %I partition of finding for values from (%L) to (%L)',
                   part_name, p_day::text || ' 00:00:00+00', (p_day + 1)::text || ' 00:00:00+00');
    return true;
end;
$$;

create function siaga_drop_finding_partitions_before(p_day date) returns setof text language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    part text;
begin
    for part in
        select child.relname from pg_inherits
        join pg_class parent on parent.oid = pg_inherits.inhparent
        join pg_class child on child.oid = pg_inherits.inhrelid
        join pg_namespace ns on ns.oid = child.relnamespace
        where parent.oid = 'finding'::regclass and ns.nspname = 'public' and child.relname ~ '^finding_p[0-9]{8}$'
          and to_date(substr(child.relname, 10), 'YYYYMMDD') < p_day
        order by child.relname
    loop
        execute format('drop table %I', part);
        return next part;
    end loop;
end;
$$;

revoke all on function siaga_create_finding_partition(date) from public;
revoke all on function siaga_drop_finding_partitions_before(date) from public;
