package id.siaga.ticket.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is wrong with a submitted form, in plain words: one message per field, shown next to the field, and
 * a message for the form as a whole.
 */
public final class FormErrors {

    /** One field's problem, for the summary at the top of a form. */
    public record Item(String field, String message) {
    }

    private final Map<String, String> fields = new LinkedHashMap<>();
    private String general;

    public static FormErrors none() {
        return new FormErrors();
    }

    /** Records a problem with a field; the first problem of a field is kept. */
    public FormErrors add(String field, String message) {
        fields.putIfAbsent(field, message);
        return this;
    }

    /** Records a problem with the form as a whole. */
    public FormErrors general(String message) {
        this.general = message;
        return this;
    }

    public boolean any() {
        return general != null || !fields.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** @return the field's message, or an empty string */
    public String get(String field) {
        return fields.getOrDefault(field, "");
    }

    /** @return the message about the form as a whole, or null */
    public String getGeneral() {
        return general;
    }

    public List<Item> getItems() {
        return fields.entrySet().stream().map(e -> new Item(e.getKey(), e.getValue())).toList();
    }
}
