package org.shipaudit.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load generator's HTTP/1.1 client: Vert.x core's HttpClient on its own Vertx instance (its own event loops, so
 * it never shares a thread with an in-process server), a keep-alive pool of a fixed number of connections, and an
 * unbounded wait queue so that an overloaded server shows up as latency rather than as refused requests.
 */
public final class VertxHttpTransport implements Transport {

    private final Vertx vertx;
    private final HttpClient client;
    private final Context[] contexts;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Target, Buffer[]> buffers = new IdentityHashMap<>();
    private final String host;
    private final int port;
    private final String authorization;
    private final long timeoutMs;

    /**
     * @param baseUrl      {@code http://host:port} of the server
     * @param connections  keep-alive connections in the pool; more than the server's in-flight work at the highest
     *                     rate, or the pool itself queues requests
     * @param eventLoops   client event-loop threads; one drives well over 10,000 requests per second
     * @param apiKey       sent as a bearer token, or null when the server runs without authentication
     */
    public VertxHttpTransport(String baseUrl, int connections, int eventLoops, String apiKey, long timeoutMs) {
        URI uri = URI.create(baseUrl);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("expected http://HOST:PORT, got " + baseUrl);
        }
        this.host = uri.getHost();
        this.port = uri.getPort() > 0 ? uri.getPort() : 80;
        this.authorization = apiKey == null ? null : "Bearer " + apiKey;
        this.timeoutMs = timeoutMs;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setPipelining(false).setTcpNoDelay(true)
                        // Shorter than the service's http.idle-timeout (60 s): at the same 60 s the service could close
                        // a pooled connection just as a request went out on it (one HttpClosedException in a soak).
                        .setKeepAliveTimeout(30)
                        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMs)),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        // One context per event loop; requests are issued from them in turn, so all client I/O and callbacks run on
        // these threads, whose CPU time is the load generator's cost.
        this.contexts = new Context[eventLoops];
        CountDownLatch seen = new CountDownLatch(eventLoops);
        for (int i = 0; i < eventLoops; i++) {
            contexts[i] = vertx.getOrCreateContext();
            contexts[i].runOnContext(v -> {
                threads.add(Thread.currentThread());
                seen.countDown();
            });
        }
        try {
            seen.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void send(Target target, long index, Callback callback) {
        Buffer body = body(target, index);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(target.method())).setHost(host)
                .setPort(port).setURI(target.path()).setIdleTimeout(timeoutMs);
        if (body != null) {
            options.putHeader("Content-Type", "application/json");
        }
        if (authorization != null) {
            options.putHeader("Authorization", authorization);
        }
        Context ctx = contexts[Math.floorMod(next.getAndIncrement(), contexts.length)];
        ctx.runOnContext(v -> client.request(options)
                .compose(req -> body == null ? req.send() : req.send(body))
                // Read the whole answer so the connection goes back to the pool clean; its content is not needed.
                .compose(resp -> resp.end().map(x -> resp.statusCode()))
                .onComplete(r -> {
                    if (r.succeeded()) {
                        callback.completed(r.result());
                    } else {
                        callback.failed(kind(r.cause()));
                    }
                }));
    }

    private Buffer body(Target target, long index) {
        List<byte[]> bodies = target.bodies();
        if (bodies.isEmpty()) {
            return null;
        }
        Buffer[] cached;
        synchronized (buffers) {
            cached = buffers.computeIfAbsent(target, t -> t.bodies().stream().map(Buffer::buffer)
                    .toArray(Buffer[]::new));
        }
        return cached[(int) Math.floorMod(index, (long) cached.length)];
    }

    private static String kind(Throwable t) {
        String name = t.getClass().getSimpleName();
        if (name.contains("Timeout")) {
            return "timeout";
        }
        if (t instanceof java.net.ConnectException) {
            return "connect";
        }
        return "io:" + name;
    }

    @Override
    public long cpuNanos() {
        long total = 0;
        for (Thread t : threads) {
            long ns = mx.getThreadCpuTime(t.getId());
            total += Math.max(0, ns);
        }
        return total;
    }

    @Override
    public void close() {
        try {
            vertx.close().await(10, TimeUnit.SECONDS); // closes the client and its connections too
        } catch (java.util.concurrent.TimeoutException e) {
            // Its threads are daemons; a slow close only delays nothing but the JVM's exit.
        }
    }
}
