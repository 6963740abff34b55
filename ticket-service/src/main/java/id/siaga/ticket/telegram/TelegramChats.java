package id.siaga.ticket.telegram;

import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The chat of each role from {@code siaga.notify.telegram.chats} ({@code KASI:-100123,KABID:-100456}). */
@ApplicationScoped
public class TelegramChats {

    static final String KEY = "siaga.notify.telegram.chats";

    private final Map<Role, Long> chats;

    public TelegramChats(SiagaConfig config) {
        this.chats = parse(config.notices().telegram().chats().orElse(List.of()));
    }

    /** @return the chat that receives the role's escalations, if one is set */
    public Optional<Long> of(Role role) {
        return Optional.ofNullable(chats.get(role));
    }

    /**
     * @param entries {@code ROLE:chatId} entries
     * @throws IllegalArgumentException naming the setting and the entry that is not a role of the SOP ladder and a
     *                                  numeric chat id
     */
    static Map<Role, Long> parse(List<String> entries) {
        Map<Role, Long> chats = new EnumMap<>(Role.class);
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            Role role = colon < 0 ? null : Role.parse(entry.substring(0, colon).trim().toUpperCase(java.util.Locale.ROOT));
            if (role == null || !role.worksTickets()) {
                throw new IllegalArgumentException(KEY + ": \"" + entry + "\" must start with ADB, JF_ADB, KASI or KABID "
                        + "and a colon, as in KASI:-100123");
            }
            try {
                if (chats.put(role, Long.parseLong(entry.substring(colon + 1).trim())) != null) {
                    throw new IllegalArgumentException(KEY + ": " + role + " is given twice");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(KEY + ": the chat id in \"" + entry + "\" must be a number, "
                        + "as in KASI:-100123");
            }
        }
        return Collections.unmodifiableMap(chats);
    }
}
