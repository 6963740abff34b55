package id.siaga.ticket.service.command;

/**
 * The third party contacted for a repair (SOP step 11); blank parts are left as they were.
 *
 * @param name      company or unit; required when entering the third-party repair step
 * @param contact   phone, e-mail or person
 * @param reference their ticket or letter number
 */
public record ThirdPartyCommand(String name, String contact, String reference) {
}
