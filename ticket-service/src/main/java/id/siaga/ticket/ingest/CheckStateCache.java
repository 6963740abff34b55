package id.siaga.ticket.ingest;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The check states of each server as this instance last committed them, so that a batch need not read them back
 * from PostgreSQL (at 2,000 posts/s that read was nearly a third of the database's time). Each entry carries the
 * server row's {@code state_version} its batch committed; every batch that writes a server's check states raises
 * that version in the same transaction (whichever instance runs it), and a batch uses an entry only when the
 * version it finds under the server's row lock is the entry's, so another instance's writes are never missed.
 *
 * <p>A batch takes its servers' entries out ({@link #take}) and puts them back only once it has committed
 * ({@link #put}): the rules change the states in place, and a batch that rolls back must leave nothing behind.
 * Whether each state's ticket is still open is not kept: staff close tickets without touching the server, so the
 * batch reads that afresh for the open tickets its entries name.
 */
@ApplicationScoped
public class CheckStateCache {

    /** Servers remembered at most; beyond that a batch reads its states from the database as before. */
    static final int MAX_SERVERS = 20_000;

    /** One server's states, by check key, as committed with {@code version}. */
    record Entry(long version, Map<String, CheckState> states) {
    }

    private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();

    /** @return the entries of those servers that have one, now no longer in the cache */
    Map<Long, Entry> take(Collection<Long> serverIds) {
        Map<Long, Entry> taken = new HashMap<>();
        for (Long id : serverIds) {
            Entry entry = entries.remove(id);
            if (entry != null) {
                taken.put(id, entry);
            }
        }
        return taken;
    }

    /** Remembers states a batch has committed; an entry of a later version, if one is there already, stays. */
    void put(Map<Long, Entry> committed) {
        committed.forEach((id, entry) -> {
            if (entries.size() < MAX_SERVERS || entries.containsKey(id)) {
                entries.merge(id, entry, (old, neu) -> neu.version() >= old.version() ? neu : old);
            }
        });
    }

    /** @return how many servers are remembered */
    int size() {
        return entries.size();
    }
}
