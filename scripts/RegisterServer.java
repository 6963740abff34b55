import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registers a server with the SIAGA ticket service (or issues a new token for it when it exists) and prints
 * "id token". Used by scripts/local-agent.sh; run as a single-file program: java RegisterServer.java URL
 * ADMIN_PASSWORD NAME ROLE LOCATION.
 */
public class RegisterServer {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + args[1]).getBytes(StandardCharsets.UTF_8));
        String name = args[2];
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"name\":\"" + name + "\",\"role\":\"" + args[3] + "\",\"location\":\"" + args[4] + "\"}";
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/servers"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() == 409) {
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/servers"))
                    .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"id\":(\\d+),\"name\":\"" + Pattern.quote(name) + "\"").matcher(list.body());
            if (!m.find()) {
                throw new IllegalStateException("server " + name + " exists but was not listed: " + list.body());
            }
            created = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/servers/" + m.group(1) + "/token"))
                    .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        if (created.statusCode() / 100 != 2) {
            throw new IllegalStateException("registering " + name + " failed: HTTP " + created.statusCode() + " "
                    + created.body());
        }
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
        Matcher token = Pattern.compile("\"agentToken\":\"([^\"]+)\"").matcher(created.body());
        if (!id.find() || !token.find()) {
            throw new IllegalStateException("unexpected answer: " + created.body());
        }
        System.out.println(id.group(1) + " " + token.group(1));
    }
}
