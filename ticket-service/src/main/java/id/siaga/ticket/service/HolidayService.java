package id.siaga.ticket.service;

import id.siaga.ticket.clock.Holidays;
import id.siaga.ticket.config.SiagaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The calendar's holidays in the database: seeded from {@code siaga.calendar.holidays}, edited by the administrator.
 * Every edit is in the administrative trail and moves the due times of the open steps it touches.
 */
@ApplicationScoped
public class HolidayService {

    private static final Logger LOG = Logger.getLogger(HolidayService.class);

    private final EntityManager entityManager;
    private final Holidays holidays;
    private final DueTimes dueTimes;
    private final AdminAudit audit;
    private final SiagaConfig config;
    private final TransactionSynchronizationRegistry transactions;

    public HolidayService(EntityManager entityManager, Holidays holidays, DueTimes dueTimes, AdminAudit audit,
            SiagaConfig config, TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.entityManager = entityManager;
        this.holidays = holidays;
        this.dueTimes = dueTimes;
        this.audit = audit;
        this.config = config;
    }

    /** @return the holidays, oldest first */
    public List<LocalDate> list() {
        return new TreeSet<>(holidays.current()).stream().toList();
    }

    /** Replaces all holidays. */
    @Transactional
    public List<LocalDate> replace(Collection<LocalDate> days, String actor) {
        return change(before -> new TreeSet<>(days), actor);
    }

    @Transactional
    public List<LocalDate> add(LocalDate day, String actor) {
        return change(before -> {
            TreeSet<LocalDate> after = new TreeSet<>(before);
            after.add(day);
            return after;
        }, actor);
    }

    @Transactional
    public List<LocalDate> remove(LocalDate day, String actor) {
        return change(before -> {
            TreeSet<LocalDate> after = new TreeSet<>(before);
            after.remove(day);
            return after;
        }, actor);
    }

    /**
     * Copies into the database the dates of {@code siaga.calendar.holidays} not copied before; safe when several
     * instances start at once.
     */
    @Transactional
    public void seed() {
        int added = 0;
        for (LocalDate day : config.calendar().holidays().orElse(List.of())) {
            int fresh = entityManager.createNativeQuery(
                    "insert into calendar_holiday_seed (day) values (?1) on conflict do nothing")
                    .setParameter(1, day).executeUpdate();
            if (fresh == 1) {
                added += entityManager.createNativeQuery(
                        "insert into calendar_holiday (day) values (?1) on conflict do nothing")
                        .setParameter(1, day).executeUpdate();
            }
        }
        if (added > 0) {
            audit.record("system", AdminAudit.HOLIDAYS_CHANGED, "calendar", "seeded from siaga.calendar.holidays: "
                    + added + " days");
            changed();
            LOG.infof("Added %d holidays from siaga.calendar.holidays", added);
        }
    }

    /** Applies a change to the holidays, one change at a time across instances. */
    private List<LocalDate> change(UnaryOperator<Set<LocalDate>> edit, String actor) {
        entityManager.createNativeQuery("lock table calendar_holiday in exclusive mode").executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object> rows = entityManager.createNativeQuery("select day from calendar_holiday").getResultList();
        Set<LocalDate> before = rows.stream().map(HolidayService::date).collect(Collectors.toCollection(TreeSet::new));
        Set<LocalDate> after = edit.apply(before);
        List<LocalDate> added = after.stream().filter(d -> !before.contains(d)).toList();
        List<LocalDate> removed = before.stream().filter(d -> !after.contains(d)).toList();
        if (added.isEmpty() && removed.isEmpty()) {
            return new ArrayList<>(after);
        }
        for (LocalDate day : removed) {
            entityManager.createNativeQuery("delete from calendar_holiday where day = ?1").setParameter(1, day)
                    .executeUpdate();
        }
        for (LocalDate day : added) {
            entityManager.createNativeQuery("insert into calendar_holiday (day) values (?1)").setParameter(1, day)
                    .executeUpdate();
        }
        List<String> note = new ArrayList<>();
        if (!added.isEmpty()) {
            note.add("added " + added.stream().map(LocalDate::toString).collect(Collectors.joining(", ")));
        }
        if (!removed.isEmpty()) {
            note.add("removed " + removed.stream().map(LocalDate::toString).collect(Collectors.joining(", ")));
        }
        audit.record(actor, AdminAudit.HOLIDAYS_CHANGED, "calendar", String.join("; ", note));
        changed();
        LOG.infof("%s changed the holidays: %s", actor, String.join("; ", note));
        return new ArrayList<>(after);
    }

    /**
     * Due times are computed again with the holidays this transaction sees; once it ends (committed or not), this
     * instance reads them again.
     */
    private void changed() {
        holidays.invalidate();
        dueTimes.recompute(null);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                holidays.invalidate();
            }
        });
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
