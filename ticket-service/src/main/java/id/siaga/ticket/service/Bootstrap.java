package id.siaga.ticket.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** First-start data: the default SOP as version 1, the {@code admin} account, and the configured holidays. */
@ApplicationScoped
public class Bootstrap {

    private final SopService sop;
    private final UserService users;
    private final HolidayService holidays;

    public Bootstrap(SopService sop, UserService users, HolidayService holidays) {
        this.sop = sop;
        this.users = users;
        this.holidays = holidays;
    }

    void onStart(@Observes StartupEvent event) {
        sop.seedDefault();
        users.createFirstAdmin();
        holidays.seed();
    }
}
