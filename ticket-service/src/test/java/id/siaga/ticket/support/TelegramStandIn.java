package id.siaga.ticket.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Telegram Bot API: a real HTTP server answering {@code sendMessage}, {@code editMessageText},
 * {@code answerCallbackQuery} and {@code getUpdates} (long polling) under {@code /bot<token>/}, as Telegram does. It
 * keeps each chat's messages as they read now, records every call, serves the updates a test adds (button presses,
 * messages to the bot), and can answer a method with 429 and {@code parameters.retry_after}, or notice two
 * getUpdates calls at once (Telegram answers the second 409).
 */
public final class TelegramStandIn {

    public static final String TOKEN = "123456:TEST-token-of-the-stand-in";

    /** One call as received. */
    public record Call(String method, JsonNode body, long atMillis, int status) {
    }

    /** A message as it reads now in a chat. */
    public record Message(long chatId, long messageId, String text, JsonNode keyboard, int edits) {
        /** @return the callback data of the first button, or null when the message has no keyboard */
        public String buttonData() {
            return keyboard == null ? null : keyboard.path("inline_keyboard").path(0).path(0).path("callback_data").asText(null);
        }

        public String buttonText() {
            return keyboard == null ? null : keyboard.path("inline_keyboard").path(0).path(0).path("text").asText(null);
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<Long, List<Message>> chats = new HashMap<>();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final Map<String, int[]> refusals = new HashMap<>();
    private final AtomicInteger polling = new AtomicInteger();
    private final AtomicInteger overlappingPolls = new AtomicInteger();
    private long nextUpdateId = 1000;
    private long nextCallbackId = 1;

    private TelegramStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static TelegramStandIn start() {
        return new TelegramStandIn();
    }

    /** @return the base URL to configure as {@code siaga.notify.telegram.api-url} */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** The next {@code times} calls of the method are answered 429 with {@code retry_after} seconds. */
    public synchronized void refuseNext(String method, int times, int retryAfterSeconds) {
        refusals.put(method, new int[] {times, retryAfterSeconds});
    }

    /** A person presses the first button of a message; returns the callback query's id. */
    public synchronized String press(long telegramUserId, String firstName, long chatId, long messageId) {
        return press(telegramUserId, firstName, chatId, messageId, message(chatId, messageId).buttonData());
    }

    /** A press with the given callback data (a button of the message as it read before). */
    public synchronized String press(long telegramUserId, String firstName, long chatId, long messageId, String data) {
        Message message = message(chatId, messageId);
        String id = "cb-" + nextCallbackId++;
        ObjectNode query = json.createObjectNode().put("id", id).put("data", data)
                .put("chat_instance", "ci-" + chatId);
        query.putObject("from").put("id", telegramUserId).put("is_bot", false).put("first_name", firstName);
        ObjectNode msg = query.putObject("message").put("message_id", messageId).put("text", message.text());
        msg.putObject("chat").put("id", chatId).put("type", chatId < 0 ? "supergroup" : "private");
        ObjectNode update = json.createObjectNode().put("update_id", nextUpdateId++);
        update.set("callback_query", query);
        updates.add(update);
        notifyAll();
        return id;
    }

    /** A person writes to the bot, in their private chat (chat id = user id) or in a group. */
    public synchronized void write(long telegramUserId, String firstName, long chatId, String text) {
        ObjectNode msg = json.createObjectNode().put("message_id", nextUpdateId).put("date", 1).put("text", text);
        msg.putObject("from").put("id", telegramUserId).put("is_bot", false).put("first_name", firstName)
                .put("username", firstName.toLowerCase());
        msg.putObject("chat").put("id", chatId).put("type", chatId == telegramUserId ? "private" : "group");
        ObjectNode update = json.createObjectNode().put("update_id", nextUpdateId++);
        update.set("message", msg);
        updates.add(update);
        notifyAll();
    }

    /** @return the chat's messages as they read now, oldest first */
    public synchronized List<Message> messages(long chatId) {
        return List.copyOf(chats.getOrDefault(chatId, List.of()));
    }

    /** @return the chat's messages whose text contains the words */
    public List<Message> messagesWith(long chatId, String words) {
        return messages(chatId).stream().filter(m -> m.text().contains(words)).toList();
    }

    public synchronized Message message(long chatId, long messageId) {
        return chats.getOrDefault(chatId, List.of()).stream().filter(m -> m.messageId() == messageId).findFirst()
                .orElseThrow(() -> new IllegalStateException("no message " + messageId + " in chat " + chatId));
    }

    /** @return every call of the method so far (also the refused ones) */
    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** @return the answer to a button press, or null while there is none */
    public JsonNode answerTo(String callbackQueryId) {
        return calls("answerCallbackQuery").stream()
                .filter(c -> c.body().path("callback_query_id").asText().equals(callbackQueryId))
                .map(Call::body).findFirst().orElse(null);
    }

    /** @return how many getUpdates calls came while another was still waiting */
    public int overlappingPolls() {
        return overlappingPolls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String prefix = "/bot" + TOKEN + "/";
        JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
        if (!path.startsWith(prefix)) {
            answer(exchange, 401, error(401, "Unauthorized", null));
            return;
        }
        String method = path.substring(prefix.length());
        int status = 200;
        ObjectNode answer;
        synchronized (this) {
            int[] refusal = refusals.get(method);
            if (refusal != null && refusal[0] > 0) {
                refusal[0]--;
                status = 429;
                answer = error(429, "Too Many Requests: retry after " + refusal[1], refusal[1]);
            } else {
                answer = null;
            }
        }
        if (answer == null) {
            try {
                answer = switch (method) {
                    case "sendMessage" -> send(body);
                    case "editMessageText" -> edit(body);
                    case "answerCallbackQuery" -> ok(json.getNodeFactory().booleanNode(true));
                    case "getUpdates" -> poll(body);
                    default -> error(404, "Not Found: method not found", null);
                };
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            status = answer.path("ok").asBoolean() ? 200 : answer.path("error_code").asInt();
        }
        calls.add(new Call(method, body, System.currentTimeMillis(), status));
        answer(exchange, status, answer);
    }

    private synchronized ObjectNode send(JsonNode body) {
        long chat = body.path("chat_id").asLong();
        List<Message> list = chats.computeIfAbsent(chat, c -> new ArrayList<>());
        long id = list.size() + 1;
        list.add(new Message(chat, id, body.path("text").asText(), keyboard(body), 0));
        ObjectNode result = json.createObjectNode().put("message_id", id).put("text", body.path("text").asText());
        result.putObject("chat").put("id", chat);
        return ok(result);
    }

    private synchronized ObjectNode edit(JsonNode body) {
        long chat = body.path("chat_id").asLong();
        long id = body.path("message_id").asLong();
        List<Message> list = chats.getOrDefault(chat, List.of());
        for (int i = 0; i < list.size(); i++) {
            Message m = list.get(i);
            if (m.messageId() == id) {
                String text = body.path("text").asText();
                JsonNode keyboard = keyboard(body);
                if (text.equals(m.text()) && java.util.Objects.equals(keyboard, m.keyboard())) {
                    return error(400, "Bad Request: message is not modified: specified new message content and reply "
                            + "markup are exactly the same as a current content and reply markup of the message", null);
                }
                list.set(i, new Message(chat, id, text, keyboard, m.edits() + 1));
                return ok(json.createObjectNode().put("message_id", id).put("text", text));
            }
        }
        return error(400, "Bad Request: message to edit not found", null);
    }

    private ObjectNode poll(JsonNode body) throws InterruptedException {
        if (polling.incrementAndGet() > 1) {
            overlappingPolls.incrementAndGet();
        }
        try {
            long offset = body.path("offset").asLong();
            long deadline = System.currentTimeMillis() + body.path("timeout").asLong() * 1000;
            synchronized (this) {
                updates.removeIf(u -> u.path("update_id").asLong() < offset);
                while (updates.isEmpty() && System.currentTimeMillis() < deadline) {
                    wait(Math.max(1, deadline - System.currentTimeMillis()));
                }
                ArrayNode result = json.createArrayNode();
                updates.forEach(result::add);
                return ok(result);
            }
        } finally {
            polling.decrementAndGet();
        }
    }

    private static JsonNode keyboard(JsonNode body) {
        return body.has("reply_markup") ? body.get("reply_markup") : null;
    }

    private ObjectNode ok(JsonNode result) {
        ObjectNode answer = json.createObjectNode().put("ok", true);
        answer.set("result", result);
        return answer;
    }

    private ObjectNode error(int code, String description, Integer retryAfter) {
        ObjectNode answer = json.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
        if (retryAfter != null) {
            answer.putObject("parameters").put("retry_after", retryAfter);
        }
        return answer;
    }

    private void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
