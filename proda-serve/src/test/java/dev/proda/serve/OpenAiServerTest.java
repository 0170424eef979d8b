package dev.proda.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proda.endpoint.JsonEndpoint;
import dev.proda.endpoint.RetryPolicy;
import dev.proda.endpoint.Throttle;
import dev.proda.io.Json;
import dev.proda.project.Log;
import dev.proda.student.Continuation;
import dev.proda.student.LogLikelihood;
import dev.proda.student.PretrainConfig;
import dev.proda.student.ProgressListener;
import dev.proda.student.StudentModel;
import dev.proda.student.TextModel;
import dev.proda.student.djl.DjlStudentEngine;
import dev.proda.student.endpoint.CompletionsStudent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real embedded student served over real HTTP on 127.0.0.1, scored back through the endpoint student. */
class OpenAiServerTest {
    private static final String[][] CAPITALS = {{"france", "paris"}, {"germany", "berlin"}, {"italy", "rome"},
        {"spain", "madrid"}, {"japan", "tokyo"}, {"peru", "lima"}};
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dir;
    static StudentModel model;
    static OpenAiServer server;

    @BeforeAll
    static void serve() {
        List<String> texts = new ArrayList<>();
        for (int repeat = 0; repeat < 30; repeat++) {
            for (String[] pair : CAPITALS) {
                texts.add("question: What is the capital of " + pair[0] + "?\nanswer: " + pair[1]);
            }
        }
        DjlStudentEngine engine = new DjlStudentEngine(1);
        engine.pretrain(texts, texts, new PretrainConfig(2, 32, 4, 32, 200, 1, 150_000, 8, 1e-2, 7, 1), dir.resolve("m"),
                ProgressListener.NONE);
        model = engine.load(dir.resolve("m"));
        server = OpenAiServer.start("V1", (TextModel) model, OpenAiServer.Options.local(0));
    }

    @AfterAll
    static void stop() {
        server.close();
        model.close();
    }

    private static HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void scoresThroughTheServerEqualScoresInProcess() {
        List<Continuation> requests = new ArrayList<>();
        for (String[] pair : CAPITALS) {
            for (String[] option : CAPITALS) {
                requests.add(new Continuation("question: What is the capital of " + pair[0] + "?\nanswer:",
                        " " + option[1]));
            }
        }
        requests.add(new Continuation("", "the capital of peru is lima")); // a general line: no context at all
        JsonEndpoint endpoint = JsonEndpoint.create("student", server.baseUrl().toString(), "V1", null, n -> null,
                Duration.ofSeconds(30));
        try (CompletionsStudent remote = new CompletionsStudent(endpoint, "V1",
                new Throttle("student", 3, RetryPolicy.standard(0), Log.SILENT))) {
            List<LogLikelihood> served = remote.logLikelihoods(requests);
            List<LogLikelihood> local = model.logLikelihoods(requests);
            int rightServed = 0;
            int rightLocal = 0;
            for (int i = 0; i < requests.size(); i++) {
                assertEquals(local.get(i).tokens(), served.get(i).tokens(), "tokens of request " + i);
                assertEquals(local.get(i).sum(), served.get(i).sum(), 1e-4, "log-likelihood of request " + i);
            }
            for (int q = 0; q < CAPITALS.length; q++) {
                rightServed += best(served, q) == q ? 1 : 0;
                rightLocal += best(local, q) == q ? 1 : 0;
            }
            assertEquals(rightLocal, rightServed, "the same picks, so the same accuracy");
            // Not a degenerate model whose options all score alike (chance is 1 of 6); how many it learned varies a
            // little with PyTorch's CPU kernels, the equality above does not.
            assertTrue(rightLocal >= 3, "the tiny model learned its capitals: " + rightLocal);
        }
    }

    private static int best(List<LogLikelihood> scores, int question) {
        int best = 0;
        for (int o = 1; o < CAPITALS.length; o++) {
            if (scores.get(question * CAPITALS.length + o).sum() > scores.get(question * CAPITALS.length + best).sum()) {
                best = o;
            }
        }
        return best;
    }

    @Test
    void listsTheModelAndWritesCompletionsChatsAndStreams() throws Exception {
        HttpResponse<String> models = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, models.statusCode());
        assertEquals("V1", Json.MAPPER.readTree(models.body()).path("data").path(0).path("id").asText());

        String ask = "{\"model\":\"V1\",\"prompt\":\"question: What is the capital of japan?\\nanswer:\","
                + "\"max_tokens\":3,\"temperature\":0,\"logprobs\":1}";
        JsonNode completion = Json.MAPPER.readTree(post("/completions", ask, null).body());
        String text = completion.path("choices").path(0).path("text").asText();
        assertTrue(text.startsWith(" ") && text.length() > 1, "a token was written: " + text);
        assertEquals(completion.path("choices").path(0).path("logprobs").path("tokens").size(),
                completion.path("usage").path("completion_tokens").asInt());

        HttpResponse<String> stream = post("/completions", ask.replace("}", ",\"stream\":true}"), null);
        assertTrue(stream.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        StringBuilder streamed = new StringBuilder();
        List<String> events = stream.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
        assertEquals("[DONE]", events.get(events.size() - 1));
        for (String event : events.subList(0, events.size() - 1)) {
            streamed.append(Json.MAPPER.readTree(event).path("choices").path(0).path("text").asText());
        }
        assertEquals(text, streamed.toString(), "the stream writes what the plain answer does");

        String chat = "{\"model\":\"V1\",\"messages\":[{\"role\":\"user\",\"content\":\"What is the capital of peru?\"}],"
                + "\"temperature\":0,\"max_tokens\":4}";
        JsonNode answer = Json.MAPPER.readTree(post("/chat/completions", chat, null).body());
        assertEquals("assistant", answer.path("choices").path(0).path("message").path("role").asText());
        // A chat is rendered as the student was trained ("question: …\nanswer:"): it writes what that completion does.
        JsonNode rendered = Json.MAPPER.readTree(post("/completions", "{\"model\":\"V1\",\"prompt\":\"question: What is "
                + "the capital of peru?\\nanswer:\",\"max_tokens\":4,\"temperature\":0}", null).body());
        assertEquals(rendered.path("choices").path(0).path("text").asText().strip(),
                answer.path("choices").path(0).path("message").path("content").asText(), answer.toString());
        HttpResponse<String> chatStream = post("/chat/completions", chat.replace("}]", "}],\"stream\":true"), null);
        List<String> chunks = chatStream.body().lines().filter(l -> l.startsWith("data: {")).toList();
        assertEquals("chat.completion.chunk", Json.MAPPER.readTree(chunks.get(0).substring(6)).path("object").asText());
        assertTrue(chatStream.body().strip().endsWith("data: [DONE]"));
    }

    @Test
    void badRequestsGetOpenAiErrorsWithTheirStatus() throws Exception {
        assertEquals(404, post("/nowhere", "{}", null).statusCode());
        assertEquals(405, HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/completions")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> bad = post("/completions", "{\"prompt\":\"x\",\"max_tokens\":-1}", null);
        assertEquals(400, bad.statusCode());
        assertEquals("max_tokens", Json.MAPPER.readTree(bad.body()).path("error").path("param").asText());
        assertEquals(400, post("/completions", "not json", null).statusCode());
        assertEquals(400, post("/completions", "{\"prompt\":[1,2,3]}", null).statusCode(), "token ids are refused");
        assertEquals(404, post("/completions", "{\"model\":\"V9\",\"prompt\":\"x\"}", null).statusCode());
        // A client sending a large body asks first (Expect: 100-continue), as curl does: the server refuses it by its
        // Content-Length without reading it, so a client that sent the body whole might meet a closed connection.
        HttpResponse<String> tooLarge = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/completions"))
                .expectContinue(true).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"" + "x".repeat(2 << 20) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, tooLarge.statusCode());
        assertEquals("invalid_request_error", Json.MAPPER.readTree(tooLarge.body()).path("error").path("type").asText());
    }

    @Test
    void aTokenGuardsEveryRouteAndOnlyLoopbackMayGoWithoutOne() throws Exception {
        try (OpenAiServer guarded = OpenAiServer.start("V1", (TextModel) model,
                new OpenAiServer.Options("127.0.0.1", 0, "s3cret", 1 << 20, 2))) {
            URI base = guarded.baseUrl();
            HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/models")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, anonymous.statusCode());
            assertTrue(!anonymous.body().contains("s3cret"), "the token is never echoed");
            HttpResponse<String> allowed = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/models"))
                    .header("Authorization", "Bearer s3cret").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, allowed.statusCode());
        }
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> OpenAiServer.start("V1",
                (TextModel) model, new OpenAiServer.Options("0.0.0.0", 0, null, 1 << 20, 2)));
        assertTrue(open.getMessage().contains("bearer token"), open.getMessage());
    }

    @Test
    void anEndpointStudentIsV0ForEveryStageThroughItsBackend() throws Exception {
        assertEquals(java.util.Set.of("command", "djl", "openai"), dev.proda.student.StudentBackend.available());
        dev.proda.project.ProdaConfig.Student settings = new dev.proda.project.ProdaConfig.Student(null, "openai", null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                server.baseUrl().toString(), "V1", null, 2, null, null);
        assertEquals(2048, settings.context(), "an endpoint model reads more than the embedded student");
        dev.proda.student.StudentEngine engine = dev.proda.student.StudentBackend.named("openai").engine(settings,
                n -> null, Log.SILENT);
        Path v0 = dir.resolve("endpoint-v0");
        engine.pretrain(List.of(), List.of(), null, v0, ProgressListener.NONE);
        List<Continuation> requests = List.of(new Continuation("question: What is the capital of italy?\nanswer:",
                " rome"), new Continuation("question: What is the capital of italy?\nanswer:", " tokyo"));
        try (StudentModel remote = engine.load(v0)) {
            List<LogLikelihood> served = remote.logLikelihoods(requests);
            List<LogLikelihood> local = model.logLikelihoods(requests);
            for (int i = 0; i < requests.size(); i++) {
                assertEquals(local.get(i).sum(), served.get(i).sum(), 1e-4);
            }
        }
        UnsupportedOperationException training = assertThrows(UnsupportedOperationException.class,
                () -> engine.finetune(v0, List.of(), null, dir.resolve("v1"), ProgressListener.NONE));
        assertTrue(training.getMessage().contains("proda export sft"), training.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new dev.proda.project.ProdaConfig.Student(null, "openai", null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null));
        assertTrue(missing.getMessage().contains("student.base_url"), missing.getMessage());
    }

    @Test
    void aChatOnlyEndpointIsAskedForLetters() {
        dev.proda.project.ProdaConfig.Student settings = new dev.proda.project.ProdaConfig.Student(null, "openai", null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                server.baseUrl().toString(), "V1", null, 2, null, "chat");
        dev.proda.student.StudentEngine engine = dev.proda.student.StudentBackend.named("openai").engine(settings,
                n -> null, Log.SILENT);
        Path v0 = dir.resolve("chat-v0");
        engine.pretrain(List.of(), List.of(), null, v0, ProgressListener.NONE);
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            options.put(dev.proda.model.TestItem.LETTERS.get(i), CAPITALS[i][1]);
        }
        dev.proda.model.TestItem item = new dev.proda.model.TestItem("i-1", "dev", "What is the capital of italy?",
                options, "C", null, List.of("s-1"), List.of("c-1"), "geography", List.of("sibling", "sibling", "sibling"),
                "completion", "s-1", null, null);
        try (StudentModel chat = engine.load(v0)) {
            assertTrue(chat instanceof dev.proda.student.ChoiceModel);
            List<dev.proda.model.ItemResult> results = dev.proda.evaluate.Evaluate.answer(chat, List.of(item, item));
            assertEquals(2, results.size());
            for (dev.proda.model.ItemResult result : results) {
                assertTrue(result.chosen() == null || options.containsKey(result.chosen()), String.valueOf(result.chosen()));
                assertEquals(result.chosen() != null && result.chosen().equals("C"), result.correct());
            }
            assertTrue(Double.isNaN(dev.proda.evaluate.Evaluate.bitsPerToken(chat, List.of("the capital of peru is lima"))),
                    "no likelihood of text from a chat-only endpoint");
        }
    }
}
