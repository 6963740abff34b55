package id.siaga.ticket.config;

import id.siaga.ticket.service.SopService;
import id.siaga.ticket.service.UserService;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** First-start data: the default SOP as version 1 and the {@code admin} account. */
@ApplicationScoped
public class Bootstrap {

    private final SopService sop;
    private final UserService users;

    public Bootstrap(SopService sop, UserService users) {
        this.sop = sop;
        this.users = users;
    }

    void onStart(@Observes StartupEvent event) {
        sop.seedDefault();
        users.createFirstAdmin();
    }
}
