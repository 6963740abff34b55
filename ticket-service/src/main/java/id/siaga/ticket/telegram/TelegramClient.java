package id.siaga.ticket.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siaga.ticket.config.SiagaConfig;
import id.siaga.ticket.http.OutboundHttp;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four Bot API methods SIAGA uses ({@code sendMessage}, {@code editMessageText}, {@code getUpdates},
 * {@code answerCallbackQuery}) over {@link HttpClient} with JSON bodies. The bot token is part of every URL, so no
 * URL is ever logged or put in an exception.
 */
@ApplicationScoped
public class TelegramClient {

    /** An inline keyboard button: its label and the callback data it sends back when pressed. */
    public record Button(String text, String callbackData) {
    }

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

    private final SiagaConfig.Telegram config;
    private final ObjectMapper json = new ObjectMapper();
    private final OutboundHttp http = new OutboundHttp(Duration.ofSeconds(5));

    public TelegramClient(SiagaConfig config) {
        this.config = config.notices().telegram();
    }

    /** @return whether a bot token is configured */
    public boolean enabled() {
        return config.botToken().filter(t -> !t.isBlank()).isPresent();
    }

    /** @return the new message's id */
    public long sendMessage(long chatId, String text, List<Button> buttons) throws TelegramException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put("text", text);
        body.put("link_preview_options", Map.of("is_disabled", true));
        if (!buttons.isEmpty()) {
            body.put("reply_markup", keyboard(buttons));
        }
        return call("sendMessage", body, CALL_TIMEOUT).path("message_id").asLong();
    }

    /** Replaces a message's text; without buttons its keyboard goes away. */
    public void editMessageText(long chatId, long messageId, String text, List<Button> buttons) throws TelegramException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat_id", chatId);
        body.put("message_id", messageId);
        body.put("text", text);
        body.put("link_preview_options", Map.of("is_disabled", true));
        if (!buttons.isEmpty()) {
            body.put("reply_markup", keyboard(buttons));
        }
        try {
            call("editMessageText", body, CALL_TIMEOUT);
        } catch (TelegramException e) {
            if (!e.notModified()) {
                throw e;
            }
        }
    }

    /** Answers a button press: a short notice, or an alert the person must close. */
    public void answerCallbackQuery(String callbackQueryId, String text, boolean alert) throws TelegramException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callback_query_id", callbackQueryId);
        body.put("text", text.length() > 200 ? text.substring(0, 199) + "…" : text);
        body.put("show_alert", alert);
        call("answerCallbackQuery", body, CALL_TIMEOUT);
    }

    /**
     * Long polling: waits up to {@code timeout} for updates from {@code offset} on (which also confirms every
     * earlier one to Telegram).
     */
    public List<JsonNode> getUpdates(long offset, Duration timeout) throws TelegramException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("offset", offset);
        body.put("timeout", timeout.toSeconds());
        body.put("allowed_updates", List.of("message", "callback_query"));
        JsonNode result = call("getUpdates", body, timeout.plus(CALL_TIMEOUT));
        List<JsonNode> updates = new ArrayList<>();
        result.forEach(updates::add);
        return updates;
    }

    private JsonNode call(String method, Map<String, Object> body, Duration timeout) throws TelegramException {
        String token = config.botToken().filter(t -> !t.isBlank())
                .orElseThrow(() -> new TelegramException(0, "no bot token configured", null));
        String base = config.apiUrl().endsWith("/") ? config.apiUrl().substring(0, config.apiUrl().length() - 1)
                : config.apiUrl();
        HttpResponse<String> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/bot" + token + "/" + method))
                    .timeout(timeout).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TelegramException(0, method + ": Bot API not reached (" + e.getClass().getSimpleName() + ")", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TelegramException(0, method + ": interrupted", null);
        } catch (IllegalArgumentException e) {
            throw new TelegramException(0, method + ": the Bot API URL is not valid", null);
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw new TelegramException(response.statusCode(), method + ": HTTP " + response.statusCode()
                    + " without a Bot API answer", null);
        }
        if (response.statusCode() == 200 && answer.path("ok").asBoolean(false)) {
            return answer.path("result");
        }
        JsonNode retry = answer.path("parameters").path("retry_after");
        throw new TelegramException(response.statusCode(), method + ": HTTP " + response.statusCode() + " "
                + scrub(answer.path("description").asText(""), token),
                retry.isNumber() ? Duration.ofSeconds(Math.max(1, retry.asLong())) : null);
    }

    private static Map<String, Object> keyboard(List<Button> buttons) {
        List<Map<String, String>> row = buttons.stream()
                .map(b -> Map.of("text", b.text(), "callback_data", b.callbackData())).toList();
        return Map.of("inline_keyboard", List.of(row));
    }

    private static String scrub(String text, String token) {
        return text.replace(token, "***");
    }
}
