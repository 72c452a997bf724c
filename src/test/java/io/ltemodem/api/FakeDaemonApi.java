package io.ltemodem.api;

import io.ltemodem.at.AtResult;
import io.ltemodem.config.DaemonConfig;
import io.ltemodem.engine.DaemonApi;
import io.ltemodem.engine.EngineListener;
import io.ltemodem.engine.ModemStatus;
import io.ltemodem.engine.RecoveryLevel;
import io.ltemodem.engine.StateEvent;
import io.ltemodem.model.DeviceInfo;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.Fact;
import io.ltemodem.model.HostLink;
import io.ltemodem.model.Identity;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.Ipv4Config;
import io.ltemodem.model.Ipv6Config;
import io.ltemodem.model.ModemState;
import io.ltemodem.model.Operator;
import io.ltemodem.model.RegDomain;
import io.ltemodem.model.RegStat;
import io.ltemodem.model.Registration;
import io.ltemodem.model.Signal;
import io.ltemodem.model.SimState;
import io.ltemodem.model.SimStatus;
import io.ltemodem.model.Snapshot;
import io.ltemodem.model.StateKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * An in-test daemon: statuses set by the test, every call recorded, connect futures completed by the test.
 * Stands in for the real daemon (which the integrator swaps in with a simulated modem).
 */
public class FakeDaemonApi implements DaemonApi {
    public static final long NOW = 1_000_000;

    private final Map<String, ModemStatus> statuses = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, DeviceInfo> devices = new ConcurrentHashMap<>();
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final Map<String, CompletableFuture<ModemStatus>> pendingConnects = new ConcurrentHashMap<>();
    public volatile DaemonConfig config = DaemonConfig.defaults();
    public volatile BiFunction<String, String, AtResult> atHandler =
            (modem, cmd) -> AtResult.of(AtResult.Kind.OK, List.of("echo: " + cmd));
    public volatile Supplier<List<String>> reloadHandler = List::of;

    public FakeDaemonApi put(ModemStatus s) {
        statuses.put(s.modem(), s);
        return this;
    }

    public FakeDaemonApi device(String modem, DeviceInfo d) {
        devices.put(modem, d);
        return this;
    }

    /** Publishes a state change to every listener and updates the cached status. */
    public void fire(StateEvent e) {
        ModemStatus old = statuses.get(e.modem());
        if (old != null) put(withState(old, e.to()));
        for (EngineListener l : listeners) l.onStateChange(e);
    }

    public void fireIpChanged(String modem) {
        for (EngineListener l : listeners) l.onIpChanged(modem);
    }

    /** Completes a pending connect with the cached status (after the test changed it). */
    public void completeConnect(String modem) {
        CompletableFuture<ModemStatus> f = pendingConnects.remove(modem);
        if (f != null) f.complete(statuses.get(modem));
    }

    public int listenerCount() {
        return listeners.size();
    }

    @Override
    public List<ModemStatus> statuses() {
        synchronized (statuses) {
            return new ArrayList<>(statuses.values());
        }
    }

    @Override
    public ModemStatus status(String modem) {
        return modem == null ? null : statuses.get(modem);
    }

    @Override
    public DeviceInfo device(String modem) {
        return devices.get(modem);
    }

    @Override
    public CompletableFuture<ModemStatus> connect(String modem, long timeoutMs) {
        if (!statuses.containsKey(modem)) throw new IllegalArgumentException("unknown modem " + modem);
        calls.add("connect " + modem + " " + timeoutMs);
        ModemStatus s = statuses.get(modem);
        if (s.state().is(StateKind.ONLINE)) return CompletableFuture.completedFuture(s);
        return pendingConnects.computeIfAbsent(modem, m -> new CompletableFuture<>());
    }

    @Override
    public void disconnect(String modem) {
        calls.add("disconnect " + modem);
    }

    @Override
    public boolean reset(String modem, RecoveryLevel level) {
        if (!statuses.containsKey(modem)) return false;
        calls.add("reset " + modem + " " + level.wireName());
        return true;
    }

    @Override
    public AtResult at(String modem, String command, long timeoutMs) {
        if (!statuses.containsKey(modem)) return null;
        calls.add("at " + modem + " " + command + " " + timeoutMs);
        return atHandler.apply(modem, command);
    }

    @Override
    public List<String> reload() {
        calls.add("reload");
        return reloadHandler.get();
    }

    @Override
    public void hotplug(String action, String subsystem, String devname, String devpath) {
        calls.add("hotplug " + action + " " + subsystem + " " + devname + " " + devpath);
    }

    @Override
    public void addListener(EngineListener l) {
        listeners.add(l);
    }

    @Override
    public DaemonConfig daemonConfig() {
        return config;
    }

    // ---- sample statuses ----

    public static ModemStatus withState(ModemStatus s, ModemState state) {
        return new ModemStatus(s.modem(), state, NOW, s.lastError(), s.snapshot(), s.netdev(), s.protocol(), s.level(),
                s.attempts(), s.lastAction(), s.resetsLastHour());
    }

    /** A modem that is online with IPv4 and IPv6, good signal, home network. */
    public static ModemStatus online(String modem) {
        long t = NOW - 5_000;
        Snapshot snap = Snapshot.builder(t)
                .portPresent(Fact.of(true, t))
                .atResponsive(Fact.of(true, t))
                .identity(Fact.of(new Identity("Quectel", "EC25", "EC25EFAR06A06M4G", "867698040000001",
                        "262011234567890", "89490200001234567890"), t))
                .sim(Fact.of(new SimStatus(SimState.READY, 3, 10), t))
                .registration(RegDomain.EPS, Fact.of(new Registration(RegDomain.EPS, 2, RegStat.HOME, "1A2B", "01ABCDEF", 7), t))
                .operator(Fact.of(new Operator(0, 2, "26201", 7, "262", "01"), t))
                .signal(Fact.of(new Signal(-65, -90, -10.5, 12.0, "lte", "B3", "01ABCDEF"), t))
                .ipConfig(Fact.of(IpConfig.ofStatic(
                        new Ipv4Config("10.64.1.2", 30, "10.64.1.1", List.of("10.74.210.210", "10.74.210.211")),
                        new Ipv6Config("2a01:598:1:2::1", 64, "fe80::1", List.of("2a01:598:7ff:0:10:74:210:221")),
                        1500), t))
                .host(Fact.of(new HostLink("wwan0", true, true, true), t))
                .build();
        return new ModemStatus(modem, ModemState.of(StateKind.ONLINE), t, null, snap, "wwan0", "qmi",
                RecoveryLevel.L0_REPROBE, 0, "start_session", 0);
    }

    /** A modem waiting for a PIN that is not configured. */
    public static ModemStatus needsPin(String modem) {
        long t = NOW - 60_000;
        Snapshot snap = Snapshot.builder(t)
                .portPresent(Fact.of(true, t))
                .atResponsive(Fact.of(true, t))
                .sim(Fact.of(new SimStatus(SimState.PIN, 3, 10), t))
                .build();
        return new ModemStatus(modem, ModemState.failed(StateKind.NEEDS_USER, "PIN_REQUIRED", ErrorCode.PIN_REQUIRED), t,
                ErrorCode.PIN_REQUIRED.message(), snap, null, "at", RecoveryLevel.L0_REPROBE, 0, null, 0);
    }

    /** A modem that is registered but has no session yet (connect will wait). */
    public static ModemStatus registered(String modem) {
        long t = NOW - 1_000;
        Snapshot snap = Snapshot.builder(t)
                .portPresent(Fact.of(true, t))
                .sim(Fact.of(new SimStatus(SimState.READY, null, null), t))
                .registration(RegDomain.EPS, Fact.of(new Registration(RegDomain.EPS, 2, RegStat.ROAMING, null, null, 7), t))
                .build();
        return new ModemStatus(modem, ModemState.of(StateKind.REGISTERED, "roaming"), t, null, snap, "wwan1", "mbim",
                RecoveryLevel.L1_SESSION, 2, "restart_session", 1);
    }
}
