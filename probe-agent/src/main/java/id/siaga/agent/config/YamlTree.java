package id.siaga.agent.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the first YAML document into plain Java values straight from SnakeYAML's events, with neither a data
 * binding nor a node graph: mappings become {@link LinkedHashMap}s, sequences {@link ArrayList}s, and plain
 * scalars are typed as YAML 1.1 resolves them (null, {@link Boolean} for {@code true}/{@code yes}/{@code on} and
 * their opposites, {@link Long} or {@link BigInteger}, {@link Double}, else {@link String}), as Jackson's YAML
 * parser types them; quoted scalars and aliases are strings. A key given twice in one mapping is an error.
 */
final class YamlTree {

    /** Marks that the file holds no document, as opposed to one whose root is {@code null}. */
    static final Object NO_DOCUMENT = new Object();

    private final Parser parser;
    private final Resolver resolver = new Resolver();
    private Event last;

    private YamlTree(String text) {
        this.parser = new ParserImpl(new StreamReader(text), new LoaderOptions());
    }

    /**
     * @return the first document's root, or {@link #NO_DOCUMENT}
     * @throws Invalid when the text is not valid YAML, located at the last event read as Jackson's YAML parser
     *                 locates it
     */
    static Object read(String text) throws Invalid {
        YamlTree tree = new YamlTree(text);
        try {
            Event event;
            do {
                event = tree.next();
                if (event == null || event.is(Event.ID.StreamEnd)) {
                    return NO_DOCUMENT;
                }
            } while (event.is(Event.ID.StreamStart) || event.is(Event.ID.DocumentStart));
            return tree.value(event);
        } catch (YAMLException e) {
            throw tree.invalid(e.getMessage());
        }
    }

    private Event next() {
        Event event = parser.getEvent();
        if (event != null) {
            last = event;
        }
        return event;
    }

    private Object value(Event event) throws Invalid {
        if (event instanceof MappingStartEvent) {
            Map<String, Object> mapping = new LinkedHashMap<>();
            for (Event key = next(); !key.is(Event.ID.MappingEnd); key = next()) {
                String name = name(key);
                if (mapping.containsKey(name)) {
                    throw invalid("duplicate key '" + name + "'");
                }
                mapping.put(name, value(next()));
            }
            return mapping;
        }
        if (event instanceof SequenceStartEvent) {
            List<Object> sequence = new ArrayList<>();
            for (Event element = next(); !element.is(Event.ID.SequenceEnd); element = next()) {
                sequence.add(value(element));
            }
            return sequence;
        }
        if (event instanceof AliasEvent alias) {
            return alias.getAnchor();
        }
        ScalarEvent scalar = (ScalarEvent) event;
        String text = scalar.getValue();
        if (scalar.getTag() != null && !scalar.getTag().equals("!")) {
            return text;
        }
        Tag tag = resolver.resolve(NodeId.scalar, text,
                scalar.getImplicit().canOmitTagInPlainScalar());
        if (tag.equals(Tag.NULL)) {
            return null;
        } else if (tag.equals(Tag.BOOL)) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> Boolean.TRUE;
                default -> Boolean.FALSE;
            };
        } else if (tag.equals(Tag.INT)) {
            return integer(text);
        } else if (tag.equals(Tag.FLOAT)) {
            try {
                return Double.parseDouble(text.replace("_", ""));
            } catch (NumberFormatException e) {
                throw invalid("Malformed numeric value '" + text + "'");
            }
        }
        return text;
    }

    /** @return a mapping key's text as written (a scalar) or the anchor it refers to (an alias) */
    private String name(Event key) throws Invalid {
        if (key instanceof ScalarEvent scalar) {
            return scalar.getValue();
        }
        if (key instanceof AliasEvent alias) {
            return alias.getAnchor();
        }
        throw invalid("Expected a field name (Scalar value in YAML), got this instead: " + key);
    }

    /** @return a YAML 1.1 integer (underscores, sign, {@code 0x}, {@code 0b}, leading-zero octal) as a number */
    private static Object integer(String text) {
        String digits = text.replace("_", "");
        boolean negative = digits.startsWith("-");
        if (negative || digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        int radix = 10;
        if (digits.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.startsWith("0b")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        try {
            BigInteger value = new BigInteger(digits, radix);
            value = negative ? value.negate() : value;
            return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private Invalid invalid(String message) {
        Mark at = last == null ? null : last.getEndMark();
        return new Invalid(at == null ? -1 : at.getLine() + 1, at == null ? -1 : at.getColumn() + 1, message);
    }

    /** Text that is not valid YAML: where (1-based, -1 when unknown) and SnakeYAML's or this reader's message. */
    static final class Invalid extends Exception {

        private final int line;
        private final int column;

        Invalid(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }

        int line() {
            return line;
        }

        int column() {
            return column;
        }
    }
}
