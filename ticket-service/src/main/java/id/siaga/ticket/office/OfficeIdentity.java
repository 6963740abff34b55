package id.siaga.ticket.office;

import id.siaga.ticket.config.SiagaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * This office's code and name ({@code SIAGA_OFFICE_CODE}, {@code SIAGA_OFFICE_NAME}), as the page frame shows them
 * ({@code {inject:office.label}}) and every summary sent upward carries them.
 */
@ApplicationScoped
@Named("office")
public class OfficeIdentity {

    private final String code;
    private final String name;

    public OfficeIdentity(SiagaConfig config) {
        this.code = config.office().code().map(String::trim).filter(c -> !c.isEmpty()).orElse(null);
        this.name = config.office().name().map(String::trim).filter(n -> !n.isEmpty()).orElse(null);
    }

    /** @return the regional code, or null when unset */
    public String code() {
        return code;
    }

    /** @return the office's name, or its code when no name is set, or null */
    public String name() {
        return name == null ? code : name;
    }

    /** @return whether a code or a name is set */
    public boolean isKnown() {
        return code != null || name != null;
    }

    /** @return code and name for the page frame, e.g. "13.01 · Disdukcapil Pesisir Selatan" */
    public String getLabel() {
        if (code == null) {
            return name == null ? "" : name;
        }
        return name == null ? code : code + " · " + name;
    }
}
