package io.ltemodem.daemon;

import io.ltemodem.at.AtCommand;
import io.ltemodem.at.AtResult;
import io.ltemodem.config.DaemonConfig;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.engine.DaemonApi;
import io.ltemodem.engine.EngineListener;
import io.ltemodem.engine.ModemStatus;
import io.ltemodem.engine.Reconciler;
import io.ltemodem.engine.RecoveryLevel;
import io.ltemodem.engine.StateEvent;
import io.ltemodem.model.DeviceInfo;
import io.ltemodem.model.StateKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The composition root: one {@link Reconciler} per configured modem, and the {@link DaemonApi} the edge adapters
 * use. Reload compares old and new configuration and touches only the modems that changed.
 */
public final class Daemon implements DaemonApi, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Daemon.class);

    private final ConfigSource source;
    private final ModemFactory factory;
    private final Map<String, Entry> modems = new LinkedHashMap<>();
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;
    private volatile DaemonConfig config;

    private record Entry(ModemConfig config, Reconciler reconciler, Reconciler.Parts parts) {
    }

    public Daemon(ConfigSource source, ModemFactory factory) {
        this.source = source;
        this.factory = factory;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "daemon-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Loads the configuration and starts every modem. Returns the configuration errors (also logged). */
    public synchronized List<String> start() {
        ConfigSource.Loaded c = source.load();
        config = c.daemon();
        c.errors().forEach(e -> log.error("config: {}", e));
        for (ModemConfig m : c.modems()) add(m);
        if (c.modems().isEmpty()) log.warn("no interface with proto 'ltemodem' is configured");
        return c.errors();
    }

    private void add(ModemConfig m) {
        Reconciler.Parts parts = factory.create(m, config);
        Reconciler r = new Reconciler(m.name(), m, Reconciler.DaemonSettings.from(config), parts);
        r.addListener(fanOut);
        modems.put(m.name(), new Entry(m, r, parts));
        r.start();
    }

    private final EngineListener fanOut = new EngineListener() {
        @Override
        public void onStateChange(StateEvent e) {
            for (EngineListener l : listeners) l.onStateChange(e);
        }

        @Override
        public void onAction(String modem, String action, String reason, long at) {
            for (EngineListener l : listeners) l.onAction(modem, action, reason, at);
        }

        @Override
        public void onIpChanged(String modem) {
            for (EngineListener l : listeners) l.onIpChanged(modem);
        }
    };

    private synchronized Entry entry(String modem) {
        return modem == null ? null : modems.get(modem);
    }

    @Override
    public synchronized List<ModemStatus> statuses() {
        List<ModemStatus> out = new ArrayList<>();
        for (Entry e : modems.values()) out.add(e.reconciler().status());
        return out;
    }

    @Override
    public ModemStatus status(String modem) {
        Entry e = entry(modem);
        return e == null ? null : e.reconciler().status();
    }

    @Override
    public DeviceInfo device(String modem) {
        Entry e = entry(modem);
        if (e == null) return null;
        // What discovery saw when it chose the drivers; netdev and protocol fall back to the last status.
        DeviceInfo d = e.parts().drivers().describe();
        ModemStatus s = e.reconciler().status();
        if (d == null) return new DeviceInfo(null, null, null, null, null, s.netdev(), null, s.protocol(), null);
        return new DeviceInfo(d.vid(), d.pid(), d.usbPath(), d.atPort(), d.controlPort(),
                d.netdev() != null ? d.netdev() : s.netdev(), d.driver(), d.protocol() != null ? d.protocol() : s.protocol(),
                d.profile());
    }

    @Override
    public CompletableFuture<ModemStatus> connect(String modem, long timeoutMs) {
        Entry e = entry(modem);
        if (e == null) throw new IllegalArgumentException("unknown modem " + modem);
        CompletableFuture<ModemStatus> f = new CompletableFuture<>();
        Reconciler r = e.reconciler();
        EngineListener watch = new EngineListener() {
            @Override
            public void onStateChange(StateEvent ev) {
                if (settled(r.status())) f.complete(r.status());
            }
        };
        listeners.add(watch);
        f.whenComplete((v, t) -> listeners.remove(watch));
        timer.schedule(() -> f.complete(r.status()), timeoutMs, TimeUnit.MILLISECONDS);
        r.setUp(true);
        if (settled(r.status())) f.complete(r.status());
        return f;
    }

    /** Online, or stopped on something only a person can fix. */
    private static boolean settled(ModemStatus s) {
        return s.state().kind() == StateKind.ONLINE || (s.state().error() != null && s.state().error().needsUser());
    }

    @Override
    public void disconnect(String modem) {
        Entry e = entry(modem);
        if (e != null) e.reconciler().setUp(false);
    }

    @Override
    public boolean reset(String modem, RecoveryLevel level) {
        Entry e = entry(modem);
        if (e == null) return false;
        e.reconciler().requestReset(Objects.requireNonNull(level));
        return true;
    }

    @Override
    public AtResult at(String modem, String command, long timeoutMs) {
        Entry e = entry(modem);
        if (e == null) return null;
        return e.parts().channel().send(AtCommand.of(command, timeoutMs));
    }

    @Override
    public synchronized List<String> reload() {
        ConfigSource.Loaded c = source.load();
        List<String> report = new ArrayList<>(c.errors());
        boolean daemonChanged = !c.daemon().equals(config);
        config = c.daemon();
        Map<String, ModemConfig> wanted = new LinkedHashMap<>();
        for (ModemConfig m : c.modems()) wanted.put(m.name(), m);
        for (String name : new ArrayList<>(modems.keySet())) {
            if (!wanted.containsKey(name)) {
                Entry gone = modems.remove(name);
                gone.reconciler().close();
                gone.parts().drivers().close();
                gone.parts().channel().close();
                report.add(name + ": removed");
            }
        }
        for (ModemConfig m : wanted.values()) {
            Entry e = modems.get(m.name());
            if (e == null) {
                add(m);
                report.add(m.name() + ": added");
            } else if (!e.config().equals(m) || daemonChanged) {
                // Only what changed is touched: an unchanged modem keeps its session and is not even woken.
                if (!e.config().equals(m)) report.add(m.name() + ": changed");
                e.reconciler().update(m, Reconciler.DaemonSettings.from(config));
                modems.put(m.name(), new Entry(m, e.reconciler(), e.parts()));
            }
        }
        if (daemonChanged) report.add("daemon settings changed");
        report.forEach(l -> log.info("reload: {}", l));
        return report;
    }

    @Override
    public synchronized void hotplug(String action, String subsystem, String devname, String devpath) {
        log.debug("hotplug {} {} {} {}", action, subsystem, devname, devpath);
        for (Entry e : modems.values()) e.reconciler().wake();
    }

    @Override
    public void addListener(EngineListener l) {
        listeners.add(l);
    }

    @Override
    public DaemonConfig daemonConfig() {
        return config;
    }

    @Override
    public synchronized void close() {
        for (Entry e : modems.values()) {
            e.reconciler().close();
            e.parts().drivers().close();
            e.parts().channel().close();
        }
        modems.clear();
        timer.shutdownNow();
    }
}
