package id.siaga.ticket.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;

/**
 * Reads JSON strings, and only strings: a number or boolean where text is expected is refused, and so is text
 * that {@link TextRules} refuses.
 */
final class StrictStringDeserializer extends StdScalarDeserializer<String> {

    StrictStringDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            if (p.hasToken(JsonToken.VALUE_NULL)) {
                return null;
            }
            throw new RefusedValueException(p, "must be a string", String.class);
        }
        return checked(p, p.getText());
    }

    @Override
    public Boolean supportsUpdate(DeserializationConfig config) {
        return Boolean.FALSE;
    }

    static String checked(JsonParser p, String text) throws RefusedValueException {
        String problem = TextRules.problem(text);
        if (problem != null) {
            throw new RefusedValueException(p, problem, String.class);
        }
        return text;
    }

    /** Map keys (e.g. measurement names) follow the same rules. */
    static final class Keys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return checked(ctxt.getParser(), key);
        }
    }
}
