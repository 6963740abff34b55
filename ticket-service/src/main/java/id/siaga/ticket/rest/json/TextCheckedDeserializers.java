package id.siaga.ticket.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;

/**
 * Applies {@link TextRules} to the strings that become enums, UUIDs, timestamps and other scalars too: their
 * deserializers trim the text first, which would quietly drop a trailing NUL character.
 */
final class TextCheckedDeserializers extends BeanDeserializerModifier {

    @Override
    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
            BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        return new Checked(deserializer);
    }

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription beanDesc,
            JsonDeserializer<?> deserializer) {
        if ((deserializer instanceof StdScalarDeserializer<?> || deserializer instanceof FromStringDeserializer<?>)
                && !(deserializer instanceof StrictStringDeserializer)) {
            return new Checked(deserializer);
        }
        return deserializer;
    }

    /** Refuses a string token that {@link TextRules} refuses, then lets the wrapped deserializer read it. */
    private static final class Checked extends DelegatingDeserializer {

        Checked(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String problem = TextRules.problem(p.getText());
                if (problem != null) {
                    throw new RefusedValueException(p, problem, handledType());
                }
            }
            return super.deserialize(p, ctxt);
        }
    }
}
