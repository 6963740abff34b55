-- Flyway runs this after every migrate. When migrations run as an owner role and the service as a separate
-- runtime role (${siaga_runtime_role}: the datasource user), it gives the runtime role exactly what the service
-- needs: rows of every table, the sequences, the two partition functions; on the audit trail only reading and
-- appending. With one role for both (or none named) it does nothing: the service then owns the tables itself.
do $$
declare
    runtime text := '${siaga_runtime_role}';
begin
    if runtime = '' or runtime = current_user then
        return;
    end if;
    if not exists (select 1 from pg_roles where rolname = runtime) then
        raise exception 'the runtime role "%" (quarkus.datasource.username) does not exist', runtime;
    end if;
    if pg_has_role(runtime, current_user, 'USAGE') then
        raise exception 'the runtime role "%" is a member of the owner role "%": it would own the audit trail',
            runtime, current_user;
    end if;
    if not has_schema_privilege(runtime, current_schema(), 'USAGE') then
        execute format('grant usage on schema %I to %I', current_schema(), runtime);
    end if;
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', current_schema(), runtime);
    execute format('grant usage on all sequences in schema %I to %I', current_schema(), runtime);
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I',
                   current_schema(), runtime);
    -- the audit trail: read and append, nothing else
    execute format('revoke update, delete, truncate, references, trigger on ticket_event from %I', runtime);
    execute format('revoke all on ticket_event_seal, ticket_event_chain from %I', runtime);
    execute format('revoke update, delete, truncate, references, trigger on admin_event from %I', runtime);
    execute format('grant select on ticket_event_seal, ticket_event_chain to %I', runtime);
    execute format('revoke all on %I from %I', '${flyway:table}', runtime);
    execute format('grant execute on function siaga_create_finding_partition(date), '
                   'siaga_drop_finding_partitions_before(date) to %I', runtime);
end;
$$;
