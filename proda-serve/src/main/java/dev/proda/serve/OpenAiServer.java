package dev.proda.serve;

import dev.proda.student.TextModel;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Objects;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An OpenAI-compatible server for one model on Jetty 12: {@code GET /v1/models}, {@code POST /v1/completions}
 * (with {@code echo} and {@code logprobs}, as lm-eval-harness's local-completions scores options) and
 * {@code POST /v1/chat/completions}, both also as server-sent events ({@code stream}). It binds the loopback
 * address unless a bearer token is set, limits request size and requests in flight, and answers every error
 * with OpenAI's error object and a 4xx status.
 */
public final class OpenAiServer implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final String host;

    /**
     * What the server accepts.
     *
     * @param host address to bind; anything but a loopback address needs {@code bearerToken}
     * @param port port to bind, 0 for any free one
     * @param bearerToken the token every request must carry ({@code Authorization: Bearer …}), or null for none
     * @param maxRequestBytes the largest request body accepted (413 above)
     * @param maxConcurrent requests answered at once; more get 429 with {@code Retry-After}
     */
    public record Options(String host, int port, String bearerToken, int maxRequestBytes, int maxConcurrent) {
        public static final String LOOPBACK = "127.0.0.1";

        public Options {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
            }
            if (maxRequestBytes < 1024) {
                throw new IllegalArgumentException("the request limit must be at least 1024 bytes: " + maxRequestBytes);
            }
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException("at least one request must be allowed at once: " + maxConcurrent);
            }
            if (bearerToken != null && bearerToken.isBlank()) {
                bearerToken = null;
            }
        }

        /** Loopback, the given port, no token, 1 MiB requests, 4 at once. */
        public static Options local(int port) {
            return new Options(LOOPBACK, port, null, 1 << 20, 4);
        }
    }

    private OpenAiServer(Server server, ServerConnector connector, String host) {
        this.server = server;
        this.connector = connector;
        this.host = host;
    }

    /**
     * Starts serving {@code model} as {@code name}.
     *
     * @throws IllegalArgumentException if the host is not a loopback address and no bearer token is set
     * @throws IllegalStateException if the server cannot start (port taken, …)
     */
    public static OpenAiServer start(String name, TextModel model, Options options) {
        checkExposure(options);
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(8, options.maxConcurrent() + 4));
        threads.setName("proda-serve");
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);
        server.setHandler(new OpenAiHandler(name, model, options));
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // already failing: the start error is the one to report
            }
            throw new IllegalStateException("cannot serve on " + options.host() + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
        return new OpenAiServer(server, connector, options.host());
    }

    /** Refuses an address other than loopback without a bearer token: anyone who can reach it could use the model. */
    public static void checkExposure(Options options) {
        if (options.bearerToken() == null && !loopback(options.host())) {
            throw new IllegalArgumentException("refusing to serve on " + options.host() + " without a bearer token: "
                    + "anyone who can reach it could use the model (set a token, or bind 127.0.0.1)");
        }
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The port bound (the free one chosen when 0 was asked). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8000/v1}. */
    public URI baseUrl() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + port() + "/v1");
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the server: " + e.getMessage(), e);
        }
    }
}
