package dev.proda.student.endpoint;

import dev.proda.endpoint.EndpointException;
import dev.proda.endpoint.Throttle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Requests to one endpoint sent side by side through its {@link Throttle} (as many threads as it lets through, each
 * retried as it says), their results in request order; the first failure cancels the rest and is thrown as it came.
 */
final class Fanout implements AutoCloseable {
    private final ExecutorService pool;
    private final Throttle throttle;
    private final String endpoint;

    Fanout(String threadName, Throttle throttle, String endpoint) {
        this.throttle = throttle;
        this.endpoint = endpoint;
        this.pool = Executors.newFixedThreadPool(throttle.concurrency(), r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    <T, R> List<R> map(List<T> inputs, Function<T, R> call) {
        List<Future<R>> pending = new ArrayList<>(inputs.size());
        for (T input : inputs) {
            Callable<R> task = () -> throttle.call(() -> call.apply(input));
            pending.add(pool.submit(task));
        }
        List<R> results = new ArrayList<>(inputs.size());
        for (Future<R> future : pending) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.forEach(f -> f.cancel(true));
                throw new EndpointException("interrupted while waiting for " + endpoint, 0, false, null);
            } catch (ExecutionException e) {
                pending.forEach(f -> f.cancel(true));
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new EndpointException("exchange with " + endpoint + " failed: " + e.getCause(), 0, false, null);
            }
        }
        return results;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
