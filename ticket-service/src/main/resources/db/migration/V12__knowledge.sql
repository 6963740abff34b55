-- Knowledge of past repairs: one row per finished repair (a CLOSED ticket, never a cancelled or open one), built
-- from the ticket itself (title, description, server, failing check) and its SOP record: the latest conclusion
-- (output of step 4, ANALYSIS), the latest repair (output of step 5, REPAIR), the decision (step 7) and rounds.
-- The service upserts the row through siaga_upsert_repair_knowledge() in the transaction that closes the ticket.

-- Fuzzy matching (misspellings, parts of words) needs pg_trgm. It is a trusted extension (PostgreSQL 13+): the
-- owner of the database, or any role with CREATE on it, may create it without being a superuser. Otherwise an
-- administrator runs once, in the SIAGA database:   CREATE EXTENSION IF NOT EXISTS pg_trgm;
do $$
begin
    if not exists (select 1 from pg_extension where extname = 'pg_trgm') then
        begin
            create extension pg_trgm;
        exception
            when insufficient_privilege then
                raise exception 'SIAGA needs the PostgreSQL extension pg_trgm, and the role "%" may not create it in database "%"',
                        current_user, current_database()
                    using errcode = 'insufficient_privilege',
                          hint = format('An administrator runs once: psql -d %s -c ''CREATE EXTENSION IF NOT EXISTS pg_trgm;'' '
                                        '(or makes "%s" the owner of the database), then SIAGA is started again.',
                                        current_database(), current_user);
            when undefined_file then
                raise exception 'SIAGA needs the PostgreSQL extension pg_trgm, which is not installed on this server'
                    using errcode = 'undefined_file',
                          hint = 'Install the PostgreSQL contrib modules (Debian/Ubuntu: they are part of postgresql-15 and later; '
                                 'RHEL: postgresqlNN-contrib), then run CREATE EXTENSION pg_trgm; in the SIAGA database.';
        end;
    end if;
    if not exists (select 1 from pg_ts_config where cfgname = 'indonesian') then
        raise exception 'SIAGA needs the built-in text search configuration "indonesian" (PostgreSQL 15 or later)';
    end if;
end;
$$;

-- Text as HTML: the search snippets are built from escaped text, so only the <mark> tags they add are markup.
create function siaga_html_escape(value text) returns text language sql immutable parallel safe as $$
    select replace(replace(replace(replace(replace(coalesce(value, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'),
                   '"', '&quot;'), '''', '&#39;')
$$;

-- Any of the words of a text, as a query: what a new complaint's title and description share with past repairs.
create function siaga_any_words(value text) returns tsquery language sql immutable parallel safe as $$
    select replace(plainto_tsquery('indonesian'::regconfig, coalesce(value, ''))::text, ' & ', ' | ')::tsquery
$$;

create table repair_knowledge (
    ticket_id         bigint        primary key references ticket (id),
    ticket_number     varchar(30)   not null,
    title             varchar(200)  not null,
    description       varchar(10000) not null,
    application       varchar(10)   not null,
    server_id         bigint,
    server_name       varchar(100),
    server_role       varchar(20),
    check_key         varchar(100),
    conclusion        varchar(4000),
    repair            varchar(4000),
    decision          varchar(3),
    worked            boolean       not null,
    rounds            integer       not null,
    third_party_name  varchar(200),
    opened_at         timestamptz   not null,
    closed_at         timestamptz   not null,
    duration_seconds  bigint        not null,
    -- curation by the Kasi or Kabid: RECOMMENDED ranks first, WRONG is hidden from suggestions
    curation          varchar(12)   not null default 'NONE' check (curation in ('NONE', 'RECOMMENDED', 'WRONG')),
    curation_reason   varchar(2000),
    curated_by        varchar(64),
    curated_at        timestamptz,
    updated_at        timestamptz   not null default now(),
    document          tsvector generated always as (
                          setweight(to_tsvector('indonesian'::regconfig, title), 'A')
                          || setweight(to_tsvector('indonesian'::regconfig, coalesce(conclusion, '') || ' ' || coalesce(repair, '')), 'B')
                          || setweight(to_tsvector('indonesian'::regconfig, description), 'C')
                          || setweight(to_tsvector('simple'::regconfig, coalesce(check_key, '') || ' ' || coalesce(server_name, '')
                                       || ' ' || coalesce(third_party_name, '')), 'D')) stored
);

create index repair_knowledge_document_idx on repair_knowledge using gin (document);
create index repair_knowledge_closed_idx on repair_knowledge ((curation = 'RECOMMENDED') desc, closed_at desc, ticket_id desc);
create index repair_knowledge_check_idx on repair_knowledge (server_id, check_key, closed_at desc);
create index repair_knowledge_role_check_idx on repair_knowledge (check_key, server_role, closed_at desc);

-- The words of the records' titles, checks, conclusions and repairs: a misspelt or partial word of a query is
-- looked up here by trigram similarity (a small table) and searched for as the words it resembles.
create table repair_knowledge_word (
    word varchar(100) primary key
);
create index repair_knowledge_word_trgm_idx on repair_knowledge_word using gin (word gin_trgm_ops);

-- Builds (or rebuilds) the record of one closed ticket, or of every closed ticket when p_ticket_id is null;
-- the curation stays as it is. Returns how many records it wrote. Used by this migration, by the service when a
-- ticket closes, and by the benchmark.
create function siaga_upsert_repair_knowledge(p_ticket_id bigint) returns integer language sql as $$
    with written as (
        insert into repair_knowledge as k (ticket_id, ticket_number, title, description, application, server_id,
                server_name, server_role, check_key, conclusion, repair, decision, worked, rounds, third_party_name,
                opened_at, closed_at, duration_seconds, updated_at)
        select t.id, t.number, t.title, t.description, t.application, t.server_id, s.name, s.role, t.check_key,
               a.output, r.output, t.decision, coalesce(t.decision = 'YES', false), t.round, t.third_party_name,
               t.created_at, t.closed_at, greatest(0, extract(epoch from t.closed_at - t.created_at))::bigint, now()
        from ticket t
        left join server s on s.id = t.server_id
        left join lateral (select output from ticket_step where ticket_id = t.id and code = 'ANALYSIS'
                           and output is not null order by seq desc limit 1) a on true
        left join lateral (select output from ticket_step where ticket_id = t.id and code = 'REPAIR'
                           and output is not null order by seq desc limit 1) r on true
        where t.state = 'CLOSED' and t.closed_at is not null and (p_ticket_id is null or t.id = p_ticket_id)
        on conflict (ticket_id) do update set
            ticket_number = excluded.ticket_number, title = excluded.title, description = excluded.description,
            application = excluded.application, server_id = excluded.server_id, server_name = excluded.server_name,
            server_role = excluded.server_role, check_key = excluded.check_key, conclusion = excluded.conclusion,
            repair = excluded.repair, decision = excluded.decision, worked = excluded.worked, rounds = excluded.rounds,
            third_party_name = excluded.third_party_name, opened_at = excluded.opened_at,
            closed_at = excluded.closed_at, duration_seconds = excluded.duration_seconds, updated_at = now()
        returning k.title, k.check_key, k.conclusion, k.repair
    ), words as (
        insert into repair_knowledge_word (word)
        select distinct w from written,
            regexp_split_to_table(lower(written.title || ' ' || coalesce(written.check_key, '') || ' '
                || coalesce(written.conclusion, '') || ' ' || coalesce(written.repair, '')), '[^[:alnum:]_-]+') w
        where length(w) between 3 and 100
        on conflict (word) do nothing
    )
    select count(*)::integer from written
$$;

-- Every ticket closed so far.
select siaga_upsert_repair_knowledge(null);
