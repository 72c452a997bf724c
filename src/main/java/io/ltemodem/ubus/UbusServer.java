package io.ltemodem.ubus;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import io.ltemodem.api.ApiDispatcher;
import io.ltemodem.api.Reply;
import io.ltemodem.api.UbusStatus;
import io.ltemodem.engine.DaemonApi;
import io.ltemodem.engine.EngineListener;
import io.ltemodem.engine.StateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code ltemodem} ubus object.
 *
 * <p>One thread, "ubus", owns libubus and uloop (both single-threaded and process-global): it initialises uloop,
 * connects, registers the object with typed method signatures, and runs {@code uloop_run_timeout}. Every method
 * call arrives there and goes to the {@link ApiDispatcher}: quick methods ({@code status} reads the engine's cache)
 * are answered inside the handler; slow ones ({@code connect}, {@code at}, {@code reload}) are deferred (the inline
 * {@code ubus_defer_request}: copy of {@code ubus_request_data}, {@code deferred} set in the original) and
 * completed later on the ubus thread, handed over through a {@link WakeupChannel}. State changes from the engine
 * become {@code ltemodem.state} events, and IP changes or a permanently lost session become netifd calls
 * ({@link NetifdPolicy}), the same way.
 *
 * <p>When ubusd goes away (socket EOF), the context is freed and the thread reconnects with backoff
 * (100 ms doubling to 2 s), then registers the object again. Without libubus at all,
 * {@link #startIfAvailable} logs one line and returns empty: the daemon carries on without ubus.
 */
public final class UbusServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UbusServer.class);
    /** uloop and libubus are process-global: one server per process. */
    private static final AtomicBoolean RUNNING = new AtomicBoolean();

    /**
     * @param socket         ubusd socket, null for libubus's default ({@code /var/run/ubus/ubus.sock})
     * @param objectName     the object to register
     * @param reconnectMinMs first retry after a lost or failed connection
     * @param reconnectMaxMs backoff cap
     * @param invokeTimeoutMs deadline for calls into netifd
     */
    public record Settings(String socket, String objectName, long reconnectMinMs, long reconnectMaxMs,
                           int invokeTimeoutMs) {
        public static Settings defaults() {
            return new Settings(null, "ltemodem", 100, 2_000, 2_000);
        }

        public Settings withSocket(String path) {
            return new Settings(path, objectName, reconnectMinMs, reconnectMaxMs, invokeTimeoutMs);
        }
    }

    private final ApiDispatcher dispatcher;
    private final Settings settings;
    private final LibUbox ubox;
    private final LibUbus ubus;
    private final WakeupChannel wake;
    private final UbusObjectImage image;
    private final NetifdPolicy netifd = new NetifdPolicy();
    private final Thread thread;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile Throwable startFailure;

    // Owned by the ubus thread.
    private Pointer ctx;
    private long generation;
    private long nextAttemptNanos;
    private long backoffMs;
    private boolean outageLogged;
    private volatile int objectId;
    private volatile boolean connected;

    /**
     * Starts serving {@code api} when libubox/libubus can be loaded; otherwise logs once that ubus is unavailable
     * and returns empty (the daemon keeps running without its ubus object).
     */
    public static Optional<UbusServer> startIfAvailable(DaemonApi api, Settings settings) {
        return startIfAvailable(null, api, settings);
    }

    /** As {@link #startIfAvailable(DaemonApi, Settings)}, with a dispatcher of the caller's (e.g. its engine clock). */
    public static Optional<UbusServer> startIfAvailable(ApiDispatcher dispatcher, DaemonApi api, Settings settings) {
        try {
            OpenWrtLibraries.ubus();
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            log.warn("ubus unavailable (libubus not found: {}): running without the {} ubus object",
                    firstLine(e.getMessage()), settings.objectName());
            return Optional.empty();
        }
        return Optional.of(start(dispatcher != null ? dispatcher : new ApiDispatcher(api), api, settings));
    }

    /**
     * Starts the ubus thread and returns once uloop is set up and the first connection was tried (if ubusd is not
     * there yet, the thread keeps trying). Throws {@link UnsatisfiedLinkError} without libubus.
     */
    public static UbusServer start(ApiDispatcher dispatcher, DaemonApi api, Settings settings) {
        if (!RUNNING.compareAndSet(false, true)) throw new IllegalStateException("a ubus server already runs in this process");
        try {
            UbusServer s = new UbusServer(dispatcher, settings);
            api.addListener(s.listener);
            s.thread.start();
            s.awaitStart();
            return s;
        } catch (RuntimeException | Error e) {
            RUNNING.set(false);
            throw e;
        }
    }

    private UbusServer(ApiDispatcher dispatcher, Settings settings) {
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.ubox = OpenWrtLibraries.ubox();
        this.ubus = OpenWrtLibraries.ubus();
        this.wake = new WakeupChannel(ubox, OpenWrtLibraries.libc());
        this.image = new UbusObjectImage(settings.objectName(), dispatcher.methods(), this::onCall);
        this.thread = new Thread(this::run, "ubus");
        this.thread.setDaemon(true);
    }

    private void awaitStart() {
        try {
            if (!started.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("ubus thread did not start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting ubus", e);
        }
        if (startFailure != null) {
            close();
            throw new IllegalStateException("ubus thread failed to start: " + startFailure, startFailure);
        }
    }

    /** True while registered with ubusd. */
    public boolean isConnected() {
        return connected;
    }

    /** The object id ubusd assigned (changes after a reconnect); 0 when not registered. */
    public int objectId() {
        return objectId;
    }

    // ---------------------------------------------------------------- the ubus thread

    private void run() {
        try {
            ubox.uloop_init();
            wake.open();
            backoffMs = settings.reconnectMinMs();
            tryConnect();
        } catch (Throwable t) {
            startFailure = t;
            started.countDown();
            return;
        }
        started.countDown();
        try {
            while (!stopping) {
                int timeout = 1_000;
                if (ctx == null) {
                    timeout = (int) Math.max(1, Math.min(1_000, (nextAttemptNanos - System.nanoTime()) / 1_000_000));
                }
                ubox.uloop_run_timeout(timeout);
                wake.runPending();
                if (ctx != null && UbusInline.ubusSocketEof(ctx)) connectionLost();
                if (ctx == null && !stopping && System.nanoTime() - nextAttemptNanos >= 0) tryConnect();
            }
        } catch (Throwable t) {
            log.error("ubus thread failed: the {} object is gone", settings.objectName(), t);
        } finally {
            shutdown();
        }
    }

    private void tryConnect() {
        Pointer c = ubus.ubus_connect(settings.socket());
        if (c == null) {
            if (!outageLogged) {
                log.warn("ubus: cannot connect to {}; retrying", socketName());
                outageLogged = true;
            }
            scheduleRetry();
            return;
        }
        UbusInline.ubusAddUloop(ubox, c);
        image.resetForNewConnection();
        int rc = ubus.ubus_add_object(c, image.pointer());
        if (rc != 0) {
            log.warn("ubus: cannot register object {}: {}", settings.objectName(), ubus.ubus_strerror(rc));
            outageLogged = true;
            ubus.ubus_free(c);
            scheduleRetry();
            return;
        }
        ctx = c;
        generation++;
        backoffMs = settings.reconnectMinMs();
        objectId = image.id();
        connected = true;
        if (outageLogged) log.info("ubus: object {} registered again on {}", settings.objectName(), socketName());
        else log.info("ubus: object {} registered on {}", settings.objectName(), socketName());
        outageLogged = false;
    }

    private void scheduleRetry() {
        nextAttemptNanos = System.nanoTime() + backoffMs * 1_000_000L;
        backoffMs = Math.min(settings.reconnectMaxMs(), backoffMs * 2);
    }

    private void connectionLost() {
        log.warn("ubus: connection to ubusd lost; reconnecting");
        outageLogged = true;
        connected = false;
        objectId = 0;
        ubus.ubus_free(ctx);
        ctx = null;
        generation++;
        backoffMs = settings.reconnectMinMs();
        scheduleRetry();
    }

    private void shutdown() {
        connected = false;
        if (ctx != null) {
            ubus.ubus_remove_object(ctx, image.pointer());
            ubus.ubus_free(ctx);
            ctx = null;
        }
        wake.close();
        ubox.uloop_done();
        RUNNING.set(false);
    }

    /** The method handler, on the ubus thread inside uloop. */
    private int onCall(Pointer c, Pointer obj, Pointer req, Pointer methodName, Pointer msg) {
        try {
            String method = methodName.getString(0, "UTF-8");
            JsonObject args;
            try {
                args = readMessage(msg);
            } catch (BlobmsgException e) {
                Reply r = Reply.error(UbusStatus.INVALID_ARGUMENT, "malformed message: " + e.getMessage());
                sendReply(c, req, r);
                return r.status();
            }
            long t0 = System.nanoTime();
            CompletableFuture<Reply> f = dispatcher.dispatch(method, args);
            if (f.isDone()) {
                Reply r = f.join();
                afterCall(method, args, r);
                sendReply(c, req, r);
                if (log.isDebugEnabled()) {
                    log.debug("{} -> {} in {} µs", method, UbusStatus.name(r.status()), (System.nanoTime() - t0) / 1000);
                }
                return r.status();
            }
            Memory deferred = UbusInline.ubusDeferRequest(req);
            long gen = generation;
            f.whenComplete((r, t) -> wake.post(() -> completeDeferred(gen, deferred, method,
                    r != null ? r : Reply.error(UbusStatus.UNKNOWN_ERROR, method + " failed inside the daemon"))));
            return UbusStatus.OK;
        } catch (Throwable t) {
            log.error("ubus call failed", t);
            return UbusStatus.UNKNOWN_ERROR;
        }
    }

    private void afterCall(String method, JsonObject args, Reply r) {
        if (method.equals("disconnect") && r.isOk()) {
            JsonElement i = args.get("interface");
            if (i != null && i.isJsonPrimitive()) netifd.onDisconnect(i.getAsString());
        }
    }

    private void completeDeferred(long gen, Memory req, String method, Reply r) {
        if (gen != generation || ctx == null) {
            log.debug("{}: the caller's connection is gone; reply dropped", method);
            return;
        }
        sendReply(ctx, req, r);
        ubus.ubus_complete_deferred_request(ctx, req, r.status());
    }

    private void sendReply(Pointer c, Pointer req, Reply r) {
        int rc = ubus.ubus_send_reply(c, req, UbusInline.toNative(Blobmsg.encode(r.body())));
        if (rc != 0) log.debug("ubus_send_reply: {}", ubus.ubus_strerror(rc));
    }

    /** The handler's {@code msg}: the UBUS_ATTR_DATA attribute, a plain blob holding blobmsg members. */
    private static JsonObject readMessage(Pointer msg) {
        if (msg == null) return new JsonObject();
        return Blobmsg.decode(UbusInline.blobBytes(msg));
    }

    private void sendEvent(JsonObject data) {
        if (ctx == null) {
            log.debug("ubus not connected: event {} dropped", data);
            return;
        }
        int rc = ubus.ubus_send_event(ctx, settings.objectName() + ".state", UbusInline.toNative(Blobmsg.encode(data)));
        if (rc != 0) log.debug("ubus_send_event: {}", ubus.ubus_strerror(rc));
    }

    private void callNetifd(String modem, String method) {
        if (ctx == null) {
            log.info("ubus not connected: cannot ask netifd to {} interface {}", method, modem);
            return;
        }
        IntByReference id = new IntByReference();
        String path = "network.interface." + modem;
        int rc = ubus.ubus_lookup_id(ctx, path, id);
        if (rc != 0) {
            log.info("netifd has no {} ({}): {} not sent", path, ubus.ubus_strerror(rc), method);
            return;
        }
        Memory empty = UbusInline.toNative(new BlobmsgWriter().toByteArray());
        rc = ubus.ubus_invoke_fd(ctx, id.getValue(), method, empty, null, null, settings.invokeTimeoutMs(), -1);
        if (rc == 0) log.info("asked netifd to {} interface {}", method, modem);
        else log.warn("netifd {} {}: {}", method, modem, ubus.ubus_strerror(rc));
    }

    // ---------------------------------------------------------------- from other threads

    private final EngineListener listener = new EngineListener() {
        @Override
        public void onStateChange(StateEvent e) {
            if (stopping) return;
            JsonObject data = dispatcher.json().event(e);
            wake.post(() -> sendEvent(data));
            String action = netifd.onStateChange(e);
            if (action != null) wake.post(() -> callNetifd(e.modem(), action));
        }

        @Override
        public void onIpChanged(String modem) {
            if (stopping) return;
            String action = netifd.onIpChanged(modem);
            wake.post(() -> callNetifd(modem, action));
        }
    };

    /** Unregisters the object, disconnects and stops the ubus thread. */
    @Override
    public void close() {
        if (stopping) return;
        stopping = true;
        wake.post(UbusInline::uloopEnd);
        if (Thread.currentThread() != thread) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!thread.isAlive()) RUNNING.set(false);
    }

    private String socketName() {
        return settings.socket() == null ? "the default ubus socket" : settings.socket();
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
