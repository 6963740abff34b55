package id.siaga.ticket.escalation;

/** Why someone above the ADB on duty must hear about something. */
public enum EscalationReason {
    /** A step ran past its time standard: the KASI, then the KABID. */
    STEP_OVERDUE,
    /** The decision at step 7 was No: the JF ADB. */
    DECISION_NO,
    /** A third-party repair was requested: the KABID, who approves it. */
    THIRD_PARTY,
    /** A CRIT finding on a SIAK database or KTP-el server: the KASI at once. */
    CRITICAL_FINDING,
    /** An agent stopped reporting: the ADB, then the KASI. */
    AGENT_SILENT,
    /** On an upstream: an office stopped sending summaries: the KASI, then the KABID. */
    OFFICE_SILENT;

    /** @return the reason in plain Indonesian words, as the notices say it */
    public String inWords() {
        return switch (this) {
            case STEP_OVERDUE -> "langkah SOP melewati standar waktu";
            case DECISION_NO -> "keputusan \"Tidak\" (software belum berfungsi)";
            case THIRD_PARTY -> "perbaikan oleh pihak ketiga perlu persetujuan";
            case CRITICAL_FINDING -> "temuan CRIT pada server penting";
            case AGENT_SILENT -> "agen tidak melapor";
            case OFFICE_SILENT -> "kantor tidak mengirim ringkasan";
        };
    }
}
