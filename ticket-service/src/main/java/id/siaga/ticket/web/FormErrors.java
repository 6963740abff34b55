package id.siaga.ticket.web;

import id.siaga.ticket.i18n.WebMessages;
import jakarta.validation.ConstraintViolation;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

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

    /**
     * Records Bean Validation's findings in plain words.
     *
     * @param fieldName turns a property path of the checked object (e.g. {@code thirdParty.name}) into the form's
     *                  field name
     */
    public <T> FormErrors addViolations(Set<ConstraintViolation<T>> violations, UnaryOperator<String> fieldName,
            WebMessages msg) {
        violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).forEach(v -> {
            String constraint = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            String message = switch (constraint) {
                case "NotNull", "NotBlank", "NotEmpty" -> msg.errorRequired();
                case "Size" -> msg.errorTooLong(String.valueOf(v.getConstraintDescriptor().getAttributes().get("max")));
                default -> msg.errorInvalid();
            };
            add(fieldName.apply(v.getPropertyPath().toString()), message);
        });
        return this;
    }
}
