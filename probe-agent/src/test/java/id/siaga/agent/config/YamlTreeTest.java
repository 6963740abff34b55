package id.siaga.agent.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class YamlTreeTest {

    @Test
    void typesScalarsAsJacksonsYamlParserDid() throws Exception {
        String yaml = """
                text: hello
                quoted: "123"
                whole: 30
                underscored: 1_000
                hex: 0x1F
                negative: -7
                huge: 99999999999999999999
                fraction: 1.50
                exponent: 1e3
                yes: yes
                off: Off
                tilde: ~
                empty:
                list: [1, two, {three: 3.0}]
                anchored: &a value
                alias: *a
                """;
        Object tree = YamlTree.read(yaml);
        assertEquals(plain(new YAMLMapper().readTree(yaml)), tree);
    }

    @Test
    void tellsAnEmptyFileFromAnEmptyDocument() throws Exception {
        assertSame(YamlTree.NO_DOCUMENT, YamlTree.read("# nothing here\n"));
        assertEquals(null, YamlTree.read("---\n"));
    }

    @Test
    void locatesDuplicateKeysAndSyntaxErrors() {
        YamlTree.Invalid duplicate = assertThrows(YamlTree.Invalid.class, () -> YamlTree.read("a: 1\na: 2\n"));
        assertEquals("duplicate key 'a'", duplicate.getMessage());
        assertEquals(2, duplicate.line());
        YamlTree.Invalid syntax = assertThrows(YamlTree.Invalid.class, () -> YamlTree.read("a: {b: 1\nc: [\n"));
        assertEquals(2, syntax.line());
    }

    /** @return Jackson's tree as the plain values {@link YamlTree} gives */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), plain(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(plain(element)));
            return list;
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isBigInteger()) {
            return node.bigIntegerValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.textValue();
    }
}
