package id.siaga.ticket.domain;

/** The result of one check: OK, WARN, CRIT, or UNKNOWN when the check could not run. */
public enum CheckStatus {
    OK(0), WARN(1), UNKNOWN(2), CRIT(3);

    private final int badness;

    CheckStatus(int badness) {
        this.badness = badness;
    }

    /** @return whether the result counts towards a failing streak */
    public boolean isFailing() {
        return this != OK;
    }

    /** @return the worse of two statuses: CRIT, then UNKNOWN, then WARN, then OK */
    public static CheckStatus worst(CheckStatus a, CheckStatus b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.badness >= b.badness ? a : b;
    }
}
