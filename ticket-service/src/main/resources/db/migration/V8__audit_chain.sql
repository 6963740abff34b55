-- The audit trail becomes tamper-evident: every event gets a seal, a SHA-256 hash over its content and the hash
-- of the event sealed before it (across all tickets), kept in ticket_event_seal. The events are sealed when their
-- transaction commits (a deferred trigger), one transaction at a time (a lock on the chain's head row), so that
-- the chain is one line even with concurrent writers, and the head row's lock is the last lock a transaction
-- takes (no deadlock with the rows it locked before). seq is the position in the chain: 1, 2, 3, ... without gaps.
-- The functions below belong to the role that runs the migrations; the service's runtime role can only call them.

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

-- (No foreign key to ticket_event: its check would lock the event row, which nobody may do; the verification
-- reports a seal without its event, and an event without its seal.)
create table ticket_event_seal (
    event_id  bigint      primary key,
    seq       bigint      not null unique,
    prev_hash varchar(64),
    hash      varchar(64) not null
);

-- The head of the chain: the last seal. Its row lock serialises the sealing transactions.
create table ticket_event_chain (
    singleton boolean     primary key default true check (singleton),
    last_seq  bigint      not null,
    last_id   bigint,
    last_hash varchar(64)
);

-- Existing events are sealed in id order.
do $$
declare
    e    record;
    prev varchar(64);
    n    bigint := 0;
    last bigint;
begin
    for e in select * from ticket_event order by id loop
        n := n + 1;
        insert into ticket_event_seal (event_id, seq, prev_hash, hash)
        values (e.id, n, prev, siaga_audit_hash(e.id, e.ticket_id, e.at, e.actor, e.type, e.from_step, e.to_step,
                                                e.note, prev))
        returning hash into prev;
        last := e.id;
    end loop;
    insert into ticket_event_chain (singleton, last_seq, last_id, last_hash) values (true, n, last, prev);
end;
$$;

create function siaga_audit_seal() returns trigger language plpgsql security definer
    set search_path = public, pg_temp
as $$
declare
    head ticket_event_chain%rowtype;
    h    varchar(64);
begin
    select * into head from ticket_event_chain where singleton for update;
    if not found then
        raise exception 'ticket_event_chain has no head row';
    end if;
    h := siaga_audit_hash(new.id, new.ticket_id, new.at, new.actor, new.type, new.from_step, new.to_step, new.note,
                          head.last_hash);
    insert into ticket_event_seal (event_id, seq, prev_hash, hash) values (new.id, head.last_seq + 1, head.last_hash, h);
    update ticket_event_chain set last_seq = head.last_seq + 1, last_id = new.id, last_hash = h where singleton;
    return null;
end;
$$;

create constraint trigger ticket_event_seal
    after insert on ticket_event
    deferrable initially deferred
    for each row execute function siaga_audit_seal();

-- Seals are append-only like the events (the same refusal as ticket_event's, V1).
create trigger ticket_event_seal_append_only
    before update or delete on ticket_event_seal
    for each row execute function siaga_refuse_audit_change();
create trigger ticket_event_seal_no_truncate
    before truncate on ticket_event_seal
    for each statement execute function siaga_refuse_audit_change();

revoke all on function siaga_audit_seal() from public;
revoke all on table ticket_event_seal, ticket_event_chain from public;
revoke update, delete, truncate on ticket_event_seal from current_user;

-- Daily findings partitions, made and dropped at run time by the service (which need not own the table):
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
