package id.siaga.ticket.office;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * An office (13.01) with an upstream that never answers (a closed port) and an hour-long interval, so tests write
 * summaries themselves and watch the sender back off and thin the outbox; the same service is an upstream for
 * offices the tests register.
 */
public class OfficeProfile implements QuarkusTestProfile {

    static final String CODE = "13.01";
    static final String NAME = "Disdukcapil Kabupaten Pesisir Selatan";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "siaga.office.code", CODE,
                "siaga.office.name", NAME,
                "siaga.upstream.url", "http://127.0.0.1:9",
                "siaga.upstream.token", "siaga-office_test",
                "siaga.upstream.interval", "1h",
                "siaga.upstream.max-backoff", "1s",
                "siaga.upstream.timeout", "2s");
    }
}
