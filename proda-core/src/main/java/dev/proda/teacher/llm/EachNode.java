package dev.proda.teacher.llm;

import dev.proda.endpoint.EndpointException;
import dev.proda.project.Log;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One teacher question per node, asked side by side: a node whose answers stay invalid is listed and the others go
 * on; an endpoint that fails after its retries ends them all (the rest would wait for the same), and every node not
 * answered by then is listed too. The caller keeps its embedded output for every listed node.
 */
final class EachNode {
    private EachNode() {
    }

    /**
     * The answers by node id, in node order, the nodes left without one, and how many of those the endpoint never
     * answered (it failed after its retries): a rerun may get those, while an answer that stayed invalid comes
     * back the same from the cache.
     */
    record Outcome<R>(Map<String, R> answers, List<String> failed, int unanswered) {
    }

    static <T, R> Outcome<R> ask(List<T> nodes, Function<T, String> id, Function<T, R> ask, int concurrency, Log log,
            String stage) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency));
        var progress = log.progress(stage + " (teacher)", nodes.size(), "requests");
        try {
            List<Future<R>> pending = new ArrayList<>();
            for (T node : nodes) {
                pending.add(pool.submit(() -> {
                    try {
                        return ask.apply(node);
                    } finally {
                        progress.advance(1);
                    }
                }));
            }
            Map<String, R> answers = new LinkedHashMap<>();
            List<String> failed = new ArrayList<>();
            int unanswered = 0;
            for (int i = 0; i < nodes.size(); i++) {
                try {
                    answers.put(id.apply(nodes.get(i)), pending.get(i).get());
                } catch (ExecutionException e) {
                    failed.add(id.apply(nodes.get(i)));
                    if (e.getCause() instanceof EndpointException unreachable) {
                        pending.forEach(f -> f.cancel(true));
                        nodes.subList(i + 1, nodes.size()).forEach(n -> failed.add(id.apply(n)));
                        unanswered = nodes.size() - i;
                        log.warn(stage + ": the teacher failed (" + unreachable.getMessage() + "); " + failed.size()
                                + " nodes keep the embedded output");
                        break;
                    }
                    log.warn(stage + ": nothing from the teacher for " + id.apply(nodes.get(i)) + ": "
                            + e.getCause().getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EndpointException("interrupted while the teacher wrote for " + stage, 0, false, null);
                }
            }
            return new Outcome<>(answers, failed, unanswered);
        } finally {
            pool.shutdownNow();
            progress.close();
        }
    }
}
