package dev.proda.teacher.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.proda.io.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on 127.0.0.1 playing an OpenAI-compatible chat endpoint. Its answers are computed
 * from the request: it recognises the pass from the system prompt and answers with JSON built from the
 * sentences of the passage it was sent (so quotes can be located), plus one node per answer whose quote
 * is not in the passage (which the teacher must drop). It counts calls, tracks requests in flight and
 * keeps every request; {@link #enqueue} makes the next requests fail in a chosen way. {@link #facts()} makes a
 * teacher that extracts only "X is a (kind of) Y." sentences, as is-a statements between concept terms, and
 * {@link #servingStudent} makes the same server the student's endpoint too (its completions and model list
 * forwarded to a real server of a model), so one base URL serves both sides.
 */
public final class FakeOpenAiServer implements AutoCloseable {
    /** A quote no passage contains. */
    static final String INVENTED = "The moon is made of green cheese.";

    /** What the server received. */
    public record Received(String authorization, JsonNode body, long nanos) {
        String system() {
            return body.path("messages").path(0).path("content").asText();
        }

        List<String> userMessages() {
            List<String> out = new ArrayList<>();
            body.path("messages").forEach(m -> {
                if (m.path("role").asText().equals("user")) {
                    out.add(m.path("content").asText());
                }
            });
            return out;
        }
    }

    /**
     * A scripted answer for one request: a status with body and headers, raw content, a delay, a reset connection
     * (status {@value #RESET}: closed before any answer), or the server's normal answer (status {@value #NORMAL}).
     */
    record Fault(int status, String body, Map<String, String> headers, String content, long sleepMillis) {
        static final int RESET = -1;
        static final int NORMAL = -2;

        /** The connection closed with no answer, as a crashed proxy leaves it. */
        static Fault reset() {
            return new Fault(RESET, null, Map.of(), null, 0);
        }

        /** The normal answer: lets the faults after it hit later requests. */
        static Fault normal() {
            return new Fault(NORMAL, null, Map.of(), null, 0);
        }

        static Fault status(int status, String body, String... headerPairs) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                headers.put(headerPairs[i], headerPairs[i + 1]);
            }
            return new Fault(status, body, headers, null, 0);
        }

        static Fault content(String content) {
            return new Fault(200, null, Map.of(), content, 0);
        }

        static Fault sleep(long millis) {
            return new Fault(0, null, Map.of(), null, millis);
        }
    }

    private static final Pattern SENTENCE = Pattern.compile("[^.!?]+[.!?]");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}-]*\\p{L}");

    private static final Pattern IS_A = Pattern.compile(
            "^(?:An? |The )?([A-Za-z0-9][\\w -]{1,40}?) is an? (?:kind of )?([\\w -]{2,40}?)\\.$");

    private final HttpServer server;
    private final java.net.http.HttpClient forwarder = java.net.http.HttpClient.newHttpClient();
    private volatile boolean facts;
    private volatile String student;
    /** Requests by path, both sides. */
    public final java.util.Map<String, AtomicInteger> byPath = new java.util.concurrent.ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    public final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    public final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();
    volatile long delayMillis;

    public FakeOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.createContext("/v1/completions", this::forward);
        server.createContext("/v1/models", this::forward);
        server.setExecutor(threads);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** A teacher of is-a facts only (see the class comment). */
    public FakeOpenAiServer facts() {
        facts = true;
        return this;
    }

    /** Student requests ({@code /v1/completions}, {@code /v1/models}) go to the server at {@code baseUrl}. */
    public FakeOpenAiServer servingStudent(String baseUrl) {
        student = baseUrl;
        return this;
    }

    private void forward(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        if (student == null) {
            reply(exchange, 404, Map.of(), "{\"error\":{\"message\":\"no student here\"}}");
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(student + path.substring("/v1".length())))
                .header("Content-Type", "application/json");
        request = exchange.getRequestMethod().equals("POST")
                ? request.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)) : request.GET();
        try {
            java.net.http.HttpResponse<String> response = forwarder.send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            reply(exchange, response.statusCode(), Map.of(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 503, Map.of(), "{\"error\":{\"message\":\"interrupted\"}}");
        }
    }

    /** The next requests (in arrival order) get these answers instead of the computed one. */
    FakeOpenAiServer enqueue(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        forwarder.close();
        threads.shutdownNow();
    }

    private record Reply(int status, Map<String, String> headers, String body) {
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        byPath.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        Reply reply;
        try {
            reply = answer(exchange);
        } catch (RuntimeException e) {
            reply = new Reply(500, Map.of(), "{\"error\":{\"message\":\"fake server bug: " + e + "\"}}");
        } finally {
            // Leaves the count before the answer is written: once the client has read it, it may send the
            // next request at once, and that one must not be counted beside this finished one.
            inFlight.decrementAndGet();
        }
        reply(exchange, reply.status(), reply.headers(), reply.body());
    }

    private Reply answer(HttpExchange exchange) throws IOException {
        JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody().readAllBytes());
        received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), body, System.nanoTime()));
        if (!exchange.getRequestMethod().equals("POST")) {
            return new Reply(405, Map.of(), "{\"error\":{\"message\":\"POST only\"}}");
        }
        sleep(delayMillis);
        Fault fault = faults.poll();
        if (fault != null && fault.sleepMillis() > 0) {
            sleep(fault.sleepMillis());
            fault = null;
        }
        if (fault != null && fault.status() == Fault.NORMAL) {
            fault = null;
        }
        if (fault != null && fault.status() == Fault.RESET) {
            return new Reply(Fault.RESET, Map.of(), "");
        }
        if (fault != null && fault.content() == null) {
            return new Reply(fault.status(), fault.headers(), fault.body() == null ? "" : fault.body());
        }
        String content = fault != null ? fault.content() : facts ? factsAnswer(body) : answer(body);
        ObjectNode response = Json.MAPPER.createObjectNode();
        response.put("id", "chatcmpl-" + calls.get()).put("object", "chat.completion")
                .put("model", body.path("model").asText());
        ObjectNode choice = response.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        response.putObject("usage").put("prompt_tokens", body.toString().length() / 4)
                .put("completion_tokens", content.length() / 4);
        return new Reply(200, Map.of(), Json.MAPPER.writeValueAsString(response));
    }

    private static void reply(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        if (status == Fault.RESET) {
            exchange.close(); // no status line, no body: the client reads end of stream
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        try {
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client gave up (time-out); nothing to answer
        } finally {
            exchange.close();
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The facts teacher's answer: no chains, is-a statements, their terms as concepts; the rest as usual. */
    static String factsAnswer(JsonNode body) {
        String system = body.path("messages").path(0).path("content").asText();
        String user = body.path("messages").path(1).path("content").asText();
        try {
            if (system.contains("pass 1 of 3")) {
                return "{\"chains\": []}";
            }
            if (system.contains("pass 2 of 3")) {
                ObjectNode root = Json.MAPPER.createObjectNode();
                ArrayNode statements = root.putArray("statements");
                for (String sentence : sentences(between(user, "<passage>", "</passage>"))) {
                    Matcher m = IS_A.matcher(sentence);
                    if (m.matches()) {
                        statements.addObject().put("subject", m.group(1).strip()).put("predicate", "is-a")
                                .put("object", m.group(2).strip()).put("source_quote", sentence).putNull("chain_index");
                    }
                }
                return Json.MAPPER.writeValueAsString(root);
            }
            if (system.contains("pass 3 of 3")) {
                ObjectNode root = Json.MAPPER.createObjectNode();
                ArrayNode concepts = root.putArray("concepts");
                Map<String, List<Integer>> terms = new LinkedHashMap<>();
                for (JsonNode s : Json.MAPPER.readTree(between(user, "<statements>", "</statements>"))) {
                    int index = s.path("statement_index").asInt();
                    terms.computeIfAbsent(s.path("subject").asText(), t -> new ArrayList<>()).add(index);
                    terms.computeIfAbsent(s.path("object").asText(), t -> new ArrayList<>()).add(index);
                }
                terms.forEach((term, indices) -> {
                    ObjectNode c = concepts.addObject().put("term", term).put("type", "entity").putNull("definition");
                    c.putArray("aliases");
                    indices.forEach(c.putArray("statement_indices")::add);
                });
                return Json.MAPPER.writeValueAsString(root);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return answer(body);
    }

    /** The computed answer of a pass, from the first user message of the conversation. */
    static String answer(JsonNode body) {
        String system = body.path("messages").path(0).path("content").asText();
        String user = body.path("messages").path(1).path("content").asText();
        try {
            if (system.contains("pass 1 of 3")) {
                return Json.MAPPER.writeValueAsString(chains(between(user, "<passage>", "</passage>")));
            }
            if (system.contains("pass 2 of 3")) {
                int chains = Json.MAPPER.readTree(between(user, "<chains>", "</chains>")).size();
                return Json.MAPPER.writeValueAsString(statements(between(user, "<passage>", "</passage>"), chains));
            }
            if (system.contains("does not know what one term means")) {
                String term = line(user, "Term: ");
                String definition = line(user, "Definition: ");
                ObjectNode root = Json.MAPPER.createObjectNode();
                ArrayNode samples = root.putArray("samples");
                samples.addObject().put("question", "What is " + term + "?").put("answer", term + " is " + definition + ".");
                samples.addObject().put("question", "How does " + term + " differ from a stack?")
                        .put("answer", "Unlike a stack, " + term + " is " + definition + ".");
                return Json.MAPPER.writeValueAsString(root);
            }
            if (system.contains("one multiple-choice question of a benchmark")) {
                return Json.MAPPER.writeValueAsString(item(user));
            }
            if (system.contains("fails to combine them")) {
                List<String> steps = user.lines().filter(l -> l.matches("\\d+\\. .*"))
                        .map(l -> l.substring(l.indexOf(". ") + 2)).toList();
                ObjectNode root = Json.MAPPER.createObjectNode();
                ArrayNode samples = root.putArray("samples");
                for (int i = 0; i + 1 < steps.size() && i < 3; i++) {
                    samples.addObject().put("question", "What comes two steps on in " + line(user, "Chain: ") + "?")
                            .put("answer", "First " + steps.get(i) + ", then " + steps.get(i + 1) + ".");
                }
                if (samples.size() < 2) {
                    samples.addObject().put("question", "Which step is it?").put("answer", "none");
                }
                return Json.MAPPER.writeValueAsString(root);
            }
            if (system.contains("worked examples that teach a student model how to answer one form")) {
                String question = line(user, "Question: ");
                String answer = line(user, "Answer: ");
                ObjectNode root = Json.MAPPER.createObjectNode();
                ArrayNode samples = root.putArray("samples");
                samples.addObject().put("question", question).put("answer", "The fact that answers it gives: " + answer);
                samples.addObject().put("question", "Put differently: " + question).put("answer", answer);
                return Json.MAPPER.writeValueAsString(root);
            }
            if (system.contains("You write repair samples")) {
                String subject = line(user, "Subject: ");
                String object = line(user, "Object: ");
                ObjectNode root = Json.MAPPER.createObjectNode();
                ArrayNode samples = root.putArray("samples");
                samples.addObject().put("question", "What kind of thing is " + subject + ", unlike a stack?")
                        .put("answer", subject + " is a kind of " + object + ", not a stack.");
                samples.addObject().put("question", "Name one kind of " + object + ".").put("answer", subject + ".");
                return Json.MAPPER.writeValueAsString(root);
            }
            if (system.contains("teach what one term means")) {
                String term = line(user, "Term: ");
                String definition = line(user, "Definition: ");
                ObjectNode root = Json.MAPPER.createObjectNode();
                root.putObject("qa").put("question", "What is " + term + "?").put("answer", "It is " + definition + ".");
                ObjectNode mc = root.putObject("multiple_choice").put("question", "Which term means: " + definition + "?");
                mc.putArray("options").add("red herring").add(term).add("queue").add("stack");
                mc.put("answer", "B");
                root.putObject("true_false").put("statement", term + " is " + definition + ".").put("answer", true);
                return Json.MAPPER.writeValueAsString(root);
            }
            if (system.contains("You write training samples")) {
                return Json.MAPPER.writeValueAsString(samples(user));
            }
            if (system.contains("pass 3 of 3")) {
                return Json.MAPPER.writeValueAsString(concepts(Json.MAPPER.readTree(
                        between(user, "<statements>", "</statements>"))));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return "{}";
    }

    /**
     * Samples for the fact in the user message: the object asked for and keyed, three other options, and a false
     * sentence whose object is another option. A subject "trick" gets a keyed option that is not the object, which the
     * writer must refuse.
     */
    private static ObjectNode samples(String user) {
        String subject = line(user, "Subject: ");
        String object = line(user, "Object: ");
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putObject("qa").put("question", "What is " + subject + "?").put("answer", "It is " + object + ".");
        ObjectNode mc = root.putObject("multiple_choice").put("question", "What is " + subject + "?");
        mc.putArray("options").add(subject.equals("trick") ? "red herring" : object).add("hash table").add("queue")
                .add("stack");
        mc.put("answer", "A");
        root.putObject("true_false").put("statement", subject + " is a stack.").put("answer", false);
        return root;
    }

    /**
     * A benchmark item for the fact in the user message: a question naming what it must (the quoted text of its
     * "must name" line, or for a definition asked backwards the definition itself) and the first three candidates. A
     * key "trick" gets an option that is no candidate, which the writer must refuse.
     */
    private static ObjectNode item(String user) {
        String mustName = line(user, "The question must name: ");
        String key = line(user, "Key: ");
        String given = mustName.contains("\"") ? mustName.substring(mustName.indexOf('"') + 1,
                mustName.indexOf('"', mustName.indexOf('"') + 1)) : line(user, "Fact: ").replaceFirst("^[^:]*: ", "");
        List<String> candidates = user.lines().filter(l -> l.startsWith("- ")).map(l -> l.substring(2)).toList();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("question", "Regarding " + given + ", which answer holds?");
        ArrayNode distractors = root.putArray("distractors");
        for (int i = 0; i < 3 && i < candidates.size(); i++) {
            distractors.addObject().put("option", key.equals("trick") && i == 0 ? "red herring" : candidates.get(i))
                    .put("misconception", "a learner may confuse it with its neighbour");
        }
        return root;
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                .findFirst().orElse("");
    }

    static List<String> sentences(String passage) {
        List<String> out = new ArrayList<>();
        Matcher m = SENTENCE.matcher(passage);
        while (m.find()) {
            String sentence = m.group().strip();
            if (sentence.split("\\s+").length >= 4) {
                out.add(sentence);
            }
        }
        return out;
    }

    private static ObjectNode chains(String passage) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode chains = root.putArray("chains");
        List<String> sentences = sentences(passage);
        if (sentences.size() >= 2) {
            ObjectNode chain = chains.addObject();
            chain.put("process_name", String.join(" ", words(sentences.get(0)).subList(0,
                    Math.min(3, words(sentences.get(0)).size()))));
            chain.put("domain_context", "test");
            chain.put("narrative_summary", sentences.get(0));
            chain.putArray("preconditions");
            chain.putArray("negative_constraints");
            ArrayNode steps = chain.putArray("steps");
            for (String sentence : sentences.subList(0, Math.min(3, sentences.size()))) {
                steps.addObject().put("step", "Step: " + sentence).put("source_quote", sentence);
            }
            steps.addObject().put("step", "An invented step").put("source_quote", INVENTED);
        }
        return root;
    }

    private static ObjectNode statements(String passage, int chains) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode statements = root.putArray("statements");
        List<String> sentences = sentences(passage);
        for (int i = 0; i < Math.min(4, sentences.size()); i++) {
            String sentence = sentences.get(i);
            List<String> words = words(sentence);
            ObjectNode s = statements.addObject();
            s.put("subject", longest(words)).put("predicate", i == 0 ? "is-followed-by" : "has-property")
                    .put("object", sentence)
                    // every other quote in upper case with doubled spaces: found only by the folded match
                    .put("source_quote", i % 2 == 1 ? sentence.toUpperCase(Locale.ROOT).replace(" ", "  ") : sentence);
            if (i < 2 && chains > 0) {
                s.put("chain_index", 0);
            } else {
                s.putNull("chain_index");
            }
        }
        statements.addObject().put("subject", "moon").put("predicate", "is-a").put("object", "cheese")
                .put("source_quote", INVENTED).putNull("chain_index");
        return root;
    }

    private static ObjectNode concepts(JsonNode statements) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode concepts = root.putArray("concepts");
        Set<String> seen = new java.util.HashSet<>();
        for (JsonNode statement : statements) {
            String term = statement.path("subject").asText();
            if (!seen.add(term.toLowerCase(Locale.ROOT))) {
                continue;
            }
            ObjectNode c = concepts.addObject();
            c.put("term", term).put("type", "entity").put("definition", "what statement "
                    + statement.path("statement_index").asInt() + " says");
            c.putArray("aliases");
            c.putArray("statement_indices").add(statement.path("statement_index").asInt());
        }
        ObjectNode invented = concepts.addObject();
        invented.put("term", "unicorn chromodynamics").put("type", "other").putNull("definition");
        invented.putArray("aliases");
        invented.putArray("statement_indices").add(0);
        return root;
    }

    private static List<String> words(String sentence) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String longest(List<String> words) {
        return words.stream().reduce((a, b) -> b.length() > a.length() ? b : a).orElse("thing");
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open);
        int end = text.lastIndexOf(close);
        if (start < 0 || end < start) {
            throw new IllegalStateException("no " + open + " in the request");
        }
        return text.substring(start + open.length(), end).strip();
    }
}
