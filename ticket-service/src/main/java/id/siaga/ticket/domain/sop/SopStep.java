package id.siaga.ticket.domain.sop;

/**
 * One step of an SOP as written in the SOP data: durations are ISO-8601 strings (e.g. {@code PT30M}) and
 * the role is a role name, so that a submitted SOP can be checked field by field before it is used.
 *
 * @param code        stable step code, e.g. {@code INSPECTION}
 * @param no          the step's number in the SOP document, from 1
 * @param nameId      the step's name in Indonesian, as the SOP words it
 * @param nameEn      the step's name in English
 * @param role        the role that completes the step: ADB, JF_ADB, KASI or KABID
 * @param minDuration lower bound of the time standard, ISO-8601, or null when the SOP sets none
 * @param maxDuration upper bound of the time standard, ISO-8601, or null when the SOP sets none
 * @param output      the output the SOP expects from the step, or null
 */
public record SopStep(String code, Integer no, String nameId, String nameEn, String role, String minDuration,
        String maxDuration, String output) {
}
