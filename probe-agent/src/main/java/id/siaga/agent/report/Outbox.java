package id.siaga.agent.report;

import id.siaga.agent.Log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The disk outbox: every finding is written to its own file (written, fsync'd, atomically renamed, folder
 * fsync'd) before any attempt to send it, and deleted only once the service has acknowledged it, so neither a
 * crash nor a service outage loses one. File names carry an increasing sequence number, so the oldest is sent
 * first and, when more than {@code maxFindings} wait, dropped first; drops are counted. Batches the service
 * rejects as invalid are moved to {@code rejected/}; unreadable files are moved there too and skipped.
 * Counters survive restarts in {@code agent-state.json}.
 */
public final class Outbox implements AutoCloseable {

    /** Most files kept in {@code rejected/}; older ones are deleted. */
    static final int MAX_REJECTED_FILES = 1_000;
    /** Most findings whose JSON is also kept in memory after writing, so sending them needs no disk read. */
    static final int MAX_CACHED = 1_000;

    private static final Log LOG = Log.of(Outbox.class);
    private static final Pattern NAME = Pattern.compile("f-(\\d{19})\\.json");
    private static final String STATE_FILE = "agent-state.json";

    private final Path dir;
    private final Path rejectedDir;
    private final int maxFindings;
    private final NavigableSet<Long> pending = new TreeSet<>();
    private final Map<Long, byte[]> written = new LinkedHashMap<>();
    private long lastSequence;
    private long droppedTotal;
    private long rejectedTotal;
    private long corruptTotal;
    private boolean stateDirty;

    /**
     * Opens (creating if needed) the outbox in {@code dir} and indexes the findings left there by an earlier
     * run; leftover temporary files from an interrupted write are deleted.
     */
    public Outbox(Path dir, int maxFindings) throws IOException {
        this.dir = dir;
        this.rejectedDir = dir.resolve("rejected");
        this.maxFindings = maxFindings;
        Files.createDirectories(dir);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                Matcher m = NAME.matcher(name);
                if (m.matches()) {
                    pending.add(Long.parseLong(m.group(1)));
                } else if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(file);
                }
            }
        }
        lastSequence = pending.isEmpty() ? 0 : pending.last();
        readState();
        enforceBound();
        saveStateIfDirty();
    }

    /**
     * Stores findings durably, then drops the oldest if the outbox holds more than its bound.
     *
     * @throws IOException when a finding cannot be written; findings written before it are kept
     */
    public synchronized void add(List<Finding> findings) throws IOException {
        if (findings.isEmpty()) {
            return;
        }
        try {
            for (Finding finding : findings) {
                long sequence = nextSequence();
                Path target = file(sequence);
                Path temporary = dir.resolve(target.getFileName() + ".tmp");
                byte[] bytes = Json.write(finding);
                writeSynced(temporary, bytes);
                move(temporary, target);
                pending.add(sequence);
                written.put(sequence, bytes);
                if (written.size() > MAX_CACHED) {
                    written.remove(written.keySet().iterator().next());
                }
            }
        } finally {
            syncDirectory(dir);
            enforceBound();
            saveStateIfDirty();
        }
    }

    /**
     * Reads up to {@code limit} of the oldest findings. A file that cannot be read as a finding is moved to
     * {@code rejected/}, counted, and skipped.
     *
     * @return the findings with their raw JSON, oldest first
     */
    public synchronized List<Stored> oldest(int limit) throws IOException {
        List<Stored> batch = new ArrayList<>(Math.min(limit, pending.size()));
        Iterator<Long> sequences = pending.iterator();
        List<Long> corrupt = new ArrayList<>();
        while (batch.size() < limit && sequences.hasNext()) {
            long sequence = sequences.next();
            byte[] bytes = written.get(sequence);
            if (bytes != null) {
                batch.add(new Stored(sequence, bytes));
                continue;
            }
            try {
                bytes = Files.readAllBytes(file(sequence));
            } catch (NoSuchFileException e) {
                sequences.remove();
                continue;
            }
            if (isFinding(bytes)) {
                batch.add(new Stored(sequence, bytes));
            } else {
                corrupt.add(sequence);
            }
        }
        if (!corrupt.isEmpty()) {
            LOG.warning("outbox: " + corrupt.size() + " unreadable finding file(s) moved to " + rejectedDir);
            corruptTotal += corrupt.size();
            moveAside(corrupt);
        }
        return batch;
    }

    /**
     * Deletes findings the service has acknowledged. The deletion is not synced: should a crash undo it, the
     * findings are sent again with their ids and the service ignores them as duplicates.
     */
    public synchronized void remove(Collection<Stored> acknowledged) throws IOException {
        for (Stored stored : acknowledged) {
            Files.deleteIfExists(file(stored.sequence()));
            pending.remove(stored.sequence());
            written.remove(stored.sequence());
        }
    }

    /** Moves findings the service refused as invalid to {@code rejected/} and counts them. */
    public synchronized void reject(Collection<Stored> refused) throws IOException {
        rejectedTotal += refused.size();
        stateDirty = true;
        List<Long> sequences = new ArrayList<>(refused.size());
        for (Stored stored : refused) {
            sequences.add(stored.sequence());
        }
        moveAside(sequences);
    }

    /** @return findings waiting to be sent */
    public synchronized int size() {
        return pending.size();
    }

    /** @return findings dropped because the outbox was full, over all runs */
    public synchronized long droppedTotal() {
        return droppedTotal;
    }

    /** @return findings the service refused as invalid, plus unreadable files, over all runs */
    public synchronized long rejectedTotal() {
        return rejectedTotal + corruptTotal;
    }

    /** @return the folder holding the findings */
    public Path dir() {
        return dir;
    }

    /** Writes the counters; the findings themselves are always on disk already. */
    @Override
    public synchronized void close() throws IOException {
        stateDirty = true;
        saveStateIfDirty();
    }

    private long nextSequence() {
        long micros = System.currentTimeMillis() * 1_000;
        lastSequence = Math.max(lastSequence + 1, micros);
        return lastSequence;
    }

    /** @return the finding's file, {@code f-} and the sequence as 19 digits, e.g. {@code f-0001764676800000000.json} */
    private Path file(long sequence) {
        String digits = Long.toString(sequence);
        return dir.resolve("f-" + "0".repeat(Math.max(0, 19 - digits.length())) + digits + ".json");
    }

    private void enforceBound() throws IOException {
        int excess = pending.size() - maxFindings;
        if (excess <= 0) {
            return;
        }
        for (int i = 0; i < excess; i++) {
            long oldest = pending.pollFirst();
            written.remove(oldest);
            Files.deleteIfExists(file(oldest));
        }
        droppedTotal += excess;
        stateDirty = true;
        LOG.warning("outbox full (" + maxFindings + " findings): dropped the " + excess + " oldest; "
                + droppedTotal + " dropped in total");
    }

    private void moveAside(List<Long> sequences) throws IOException {
        Files.createDirectories(rejectedDir);
        for (long sequence : sequences) {
            Path source = file(sequence);
            try {
                Files.move(source, rejectedDir.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            } catch (NoSuchFileException e) {
                LOG.fine("outbox: " + source + " already gone");
            }
            pending.remove(sequence);
            written.remove(sequence);
        }
        syncDirectory(dir);
        pruneRejected();
    }

    private void pruneRejected() throws IOException {
        TreeSet<Path> kept = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(rejectedDir, "f-*.json")) {
            files.forEach(kept::add);
        }
        while (kept.size() > MAX_REJECTED_FILES) {
            Files.deleteIfExists(kept.pollFirst());
        }
    }

    private boolean isFinding(byte[] bytes) {
        try {
            Object node = Json.read(bytes);
            return Json.field(node, "id") != null && Json.field(node, "check") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private void readState() {
        Path file = dir.resolve(STATE_FILE);
        if (!Files.exists(file)) {
            return;
        }
        try {
            Object state = Json.read(Files.readAllBytes(file));
            droppedTotal = Json.whole(Json.field(state, "droppedTotal"));
            rejectedTotal = Json.whole(Json.field(state, "rejectedTotal"));
            corruptTotal = Json.whole(Json.field(state, "corruptTotal"));
        } catch (IOException e) {
            LOG.log(Log.Level.WARNING, "outbox: cannot read " + file + ", counters start from 0: " + e.getMessage());
        }
    }

    private void saveStateIfDirty() throws IOException {
        if (!stateDirty) {
            return;
        }
        String state = "{\"droppedTotal\":" + droppedTotal + ",\"rejectedTotal\":" + rejectedTotal
                + ",\"corruptTotal\":" + corruptTotal + "}";
        Path target = dir.resolve(STATE_FILE);
        Path temporary = dir.resolve(STATE_FILE + ".tmp");
        writeSynced(temporary, state.getBytes(StandardCharsets.US_ASCII));
        move(temporary, target);
        syncDirectory(dir);
        stateDirty = false;
    }

    private static void writeSynced(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.log(Log.Level.FINE, "cannot fsync folder " + dir, e);
        }
    }

    /**
     * A finding as stored.
     *
     * @param sequence its place in the outbox; lower is older
     * @param json     its JSON exactly as stored, sent unchanged
     */
    public record Stored(long sequence, byte[] json) {
    }
}
