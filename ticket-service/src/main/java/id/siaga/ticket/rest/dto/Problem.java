package id.siaga.ticket.rest.dto;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import id.siaga.ticket.domain.sop.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An error answer in RFC 9457 (RFC 7807) {@code application/problem+json} form. */
@Schema(description = "An error answer (RFC 9457 problem details)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Problem {

    /** The media type of problem answers. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final String instance;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    /** Adds a member beyond the standard ones, e.g. {@code allowed} on an illegal transition. */
    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    @Schema(description = "A URI naming the kind of problem", examples = "https://siaga.id/problems/illegal-transition")
    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    @Schema(description = "What went wrong, in plain words")
    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    @Schema(description = "The fields at fault, for validation problems")
    public List<FieldError> getErrors() {
        return errors;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
