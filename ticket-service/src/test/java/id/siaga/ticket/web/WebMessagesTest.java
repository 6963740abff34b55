package id.siaga.ticket.web;

import id.siaga.ticket.i18n.LinkMessages;
import id.siaga.ticket.i18n.StatusMessages;
import id.siaga.ticket.i18n.WebMessages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every Indonesian text of the pages has its English counterpart, and nothing else is in the English files. */
class WebMessagesTest {

    @Test
    void translatesEveryMessageIntoEnglish() throws IOException {
        assertTranslated(WebMessages.class, "messages/msg_en.properties");
        assertTranslated(ReportMessages.class, "messages/rpt_en.properties");
        assertTranslated(OversightMessages.class, "messages/ovs_en.properties");
        assertTranslated(KnowledgeMessages.class, "messages/kno_en.properties");
        assertTranslated(LinkMessages.class, "messages/lnk_en.properties");
        assertTranslated(StatusMessages.class, "messages/sts_en.properties");
    }

    @Test
    void keepsEachBundleUnderTheSizeQuarkusGeneratesCorrectly() {
        assertTrue(WebMessages.class.getDeclaredMethods().length < 300);
        assertTrue(ReportMessages.class.getDeclaredMethods().length < 300);
        assertTrue(OversightMessages.class.getDeclaredMethods().length < 300);
    }

    private static void assertTranslated(Class<?> bundle, String englishFile) throws IOException {
        Set<String> keys = Arrays.stream(bundle.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties english = new Properties();
        try (Reader in = new InputStreamReader(WebMessagesTest.class.getClassLoader().getResourceAsStream(englishFile),
                StandardCharsets.UTF_8)) {
            english.load(in);
        }
        assertEquals(keys, new TreeSet<>(english.stringPropertyNames()), englishFile);
        english.forEach((key, value) -> assertFalse(value.toString().isBlank(), key + " is empty"));
    }
}
