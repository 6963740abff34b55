package id.siaga.ticket.rest;

import id.siaga.ticket.domain.sop.FieldError;
import id.siaga.ticket.rest.error.InvalidQueryException;
import id.siaga.ticket.rest.json.Timestamps;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads optional query parameters, answering a bad value with a 400 that names the parameter (JAX-RS would
 * answer a failed conversion with a bare 404).
 */
final class QueryParams {

    private QueryParams() {
    }

    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw invalid(name, "must be true or false");
        };
    }

    static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = value.trim();
        if (digits.matches("[0-9]{1,18}") && Long.parseLong(digits) > 0) {
            return Long.parseLong(digits);
        }
        throw invalid(name, "must be a positive whole number, written with digits only");
    }

    static <E extends Enum<E>> E enumeration(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
        }
    }

    /** @return the instant, or null when the parameter is absent */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Timestamps.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(name, e.getMessage());
        }
    }

    /**
     * Refuses a page that lies beyond any list (its first row would be past row 2,147,483,647), so that every paged
     * list answers such a page alike instead of overflowing.
     */
    static void checkPage(int page, int size) {
        if ((long) page * size > Integer.MAX_VALUE) {
            throw invalid("page", "must be at most " + Integer.MAX_VALUE / Math.max(size, 1) + " with size " + size);
        }
    }

    /** @return a step code in upper case, or null */
    static String code(String value) {
        return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    static InvalidQueryException invalid(String name, String message) {
        return new InvalidQueryException(List.of(new FieldError(name, message)));
    }
}
