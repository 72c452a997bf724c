package io.ltemodem.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the last probe saw (DESIGN §3). Every field is a {@link Fact}: a value with the time it was seen,
 * or unknown. A Snapshot is never patched with beliefs; the next probe makes a new one.
 */
public final class Snapshot {
    private final long takenAt;
    private final Fact<Boolean> portPresent;
    private final Fact<Boolean> atResponsive;
    private final Fact<Boolean> controlResponsive;
    private final Fact<Identity> identity;
    private final Fact<SimStatus> sim;
    private final Fact<Integer> radio;
    private final Map<RegDomain, Fact<Registration>> registrations;
    private final Fact<Operator> operator;
    private final Fact<Boolean> psAttached;
    private final Fact<List<PdpContext>> pdpContexts;
    private final Fact<List<PdpActivation>> pdpActivations;
    private final Fact<List<PdpAddress>> pdpAddresses;
    private final Fact<IpConfig> ipConfig;
    private final Fact<HostLink> host;
    private final Fact<DataPath> dataPath;
    private final Fact<Signal> signal;
    private final Fact<ServingCell> servingCell;
    private final Fact<NetworkInfo> networkInfo;
    private final Fact<ReportingConfig> reporting;

    private Snapshot(Builder b) {
        takenAt = b.takenAt;
        portPresent = b.portPresent;
        atResponsive = b.atResponsive;
        controlResponsive = b.controlResponsive;
        identity = b.identity;
        sim = b.sim;
        radio = b.radio;
        registrations = Collections.unmodifiableMap(new EnumMap<>(b.registrations));
        operator = b.operator;
        psAttached = b.psAttached;
        pdpContexts = b.pdpContexts;
        pdpActivations = b.pdpActivations;
        pdpAddresses = b.pdpAddresses;
        ipConfig = b.ipConfig;
        host = b.host;
        dataPath = b.dataPath;
        signal = b.signal;
        servingCell = b.servingCell;
        networkInfo = b.networkInfo;
        reporting = b.reporting;
    }

    public static Builder builder(long takenAt) {
        return new Builder(takenAt);
    }

    /** A snapshot in which nothing is known (before the first probe, or right after a reset). */
    public static Snapshot empty(long at) {
        return builder(at).build();
    }

    public long takenAt() { return takenAt; }
    public Fact<Boolean> portPresent() { return portPresent; }
    public Fact<Boolean> atResponsive() { return atResponsive; }
    /** Whether the port the engine controls the modem through answered: the AT port, or QMI on a modem without one. */
    public Fact<Boolean> controlResponsive() { return controlResponsive; }
    public Fact<Identity> identity() { return identity; }
    public Fact<SimStatus> sim() { return sim; }
    /** +CFUN value (0 minimum, 1 full, 4 RF off, ...). */
    public Fact<Integer> radio() { return radio; }
    public Map<RegDomain, Fact<Registration>> registrations() { return registrations; }
    public Fact<Operator> operator() { return operator; }
    public Fact<Boolean> psAttached() { return psAttached; }
    public Fact<List<PdpContext>> pdpContexts() { return pdpContexts; }
    public Fact<List<PdpActivation>> pdpActivations() { return pdpActivations; }
    public Fact<List<PdpAddress>> pdpAddresses() { return pdpAddresses; }
    public Fact<IpConfig> ipConfig() { return ipConfig; }
    public Fact<HostLink> host() { return host; }
    public Fact<DataPath> dataPath() { return dataPath; }
    public Fact<Signal> signal() { return signal; }
    public Fact<ServingCell> servingCell() { return servingCell; }
    public Fact<NetworkInfo> networkInfo() { return networkInfo; }
    public Fact<ReportingConfig> reporting() { return reporting; }

    public Fact<Registration> registration(RegDomain d) {
        return registrations.getOrDefault(d, Fact.unknown());
    }

    /**
     * The best registration over all domains (an LTE-only modem may report CREG 0 and CEREG 1:
     * take the best, as ModemManager does). Unknown when no domain is known.
     */
    public Fact<Registration> bestRegistration() {
        Fact<Registration> best = Fact.unknown();
        for (Fact<Registration> f : registrations.values()) {
            if (!f.known()) continue;
            if (!best.known() || f.value().stat().rank() > best.value().stat().rank()) best = f;
        }
        return best;
    }

    /** The +CGACT state of {@code cid}: true/false, or null when unknown. */
    public Boolean contextActive(int cid) {
        if (!pdpActivations.known()) return null;
        for (PdpActivation a : pdpActivations.value()) if (a.cid() == cid) return a.active();
        return false;
    }

    /** The +CGDCONT definition of {@code cid}, or null. */
    public PdpContext context(int cid) {
        if (!pdpContexts.known()) return null;
        for (PdpContext c : pdpContexts.value()) if (c.cid() == cid) return c;
        return null;
    }

    public Builder toBuilder() {
        Builder b = new Builder(takenAt);
        b.portPresent = portPresent;
        b.atResponsive = atResponsive;
        b.controlResponsive = controlResponsive;
        b.identity = identity;
        b.sim = sim;
        b.radio = radio;
        b.registrations.putAll(registrations);
        b.operator = operator;
        b.psAttached = psAttached;
        b.pdpContexts = pdpContexts;
        b.pdpActivations = pdpActivations;
        b.pdpAddresses = pdpAddresses;
        b.ipConfig = ipConfig;
        b.host = host;
        b.dataPath = dataPath;
        b.signal = signal;
        b.servingCell = servingCell;
        b.networkInfo = networkInfo;
        b.reporting = reporting;
        return b;
    }

    @Override
    public String toString() {
        return "Snapshot{port=" + portPresent + ", at=" + atResponsive + ", control=" + controlResponsive + ", sim=" + sim + ", cfun=" + radio
                + ", reg=" + bestRegistration() + ", op=" + operator + ", attached=" + psAttached
                + ", contexts=" + pdpContexts + ", active=" + pdpActivations + ", ip=" + ipConfig
                + ", host=" + host + ", path=" + dataPath + ", signal=" + signal + ", id=" + identity + "}";
    }

    /** Collects facts during a probe. Unset facts stay unknown. */
    public static final class Builder {
        private final long takenAt;
        private Fact<Boolean> portPresent = Fact.unknown();
        private Fact<Boolean> atResponsive = Fact.unknown();
        private Fact<Boolean> controlResponsive = Fact.unknown();
        private Fact<Identity> identity = Fact.unknown();
        private Fact<SimStatus> sim = Fact.unknown();
        private Fact<Integer> radio = Fact.unknown();
        private final Map<RegDomain, Fact<Registration>> registrations = new EnumMap<>(RegDomain.class);
        private Fact<Operator> operator = Fact.unknown();
        private Fact<Boolean> psAttached = Fact.unknown();
        private Fact<List<PdpContext>> pdpContexts = Fact.unknown();
        private Fact<List<PdpActivation>> pdpActivations = Fact.unknown();
        private Fact<List<PdpAddress>> pdpAddresses = Fact.unknown();
        private Fact<IpConfig> ipConfig = Fact.unknown();
        private Fact<HostLink> host = Fact.unknown();
        private Fact<DataPath> dataPath = Fact.unknown();
        private Fact<Signal> signal = Fact.unknown();
        private Fact<ServingCell> servingCell = Fact.unknown();
        private Fact<NetworkInfo> networkInfo = Fact.unknown();
        private Fact<ReportingConfig> reporting = Fact.unknown();

        private Builder(long takenAt) {
            this.takenAt = takenAt;
        }

        public Builder portPresent(Fact<Boolean> f) { portPresent = f; return this; }
        public Builder atResponsive(Fact<Boolean> f) { atResponsive = f; return this; }
        public Builder controlResponsive(Fact<Boolean> f) { controlResponsive = f; return this; }
        public Builder identity(Fact<Identity> f) { identity = f; return this; }
        public Builder sim(Fact<SimStatus> f) { sim = f; return this; }
        public Builder radio(Fact<Integer> f) { radio = f; return this; }
        public Builder registration(RegDomain d, Fact<Registration> f) { registrations.put(d, f); return this; }
        public Builder operator(Fact<Operator> f) { operator = f; return this; }
        public Builder psAttached(Fact<Boolean> f) { psAttached = f; return this; }
        public Builder pdpContexts(Fact<List<PdpContext>> f) { pdpContexts = f; return this; }
        public Builder pdpActivations(Fact<List<PdpActivation>> f) { pdpActivations = f; return this; }
        public Builder pdpAddresses(Fact<List<PdpAddress>> f) { pdpAddresses = f; return this; }
        public Builder ipConfig(Fact<IpConfig> f) { ipConfig = f; return this; }
        public Builder host(Fact<HostLink> f) { host = f; return this; }
        public Builder dataPath(Fact<DataPath> f) { dataPath = f; return this; }
        public Builder signal(Fact<Signal> f) { signal = f; return this; }
        public Builder servingCell(Fact<ServingCell> f) { servingCell = f; return this; }
        public Builder networkInfo(Fact<NetworkInfo> f) { networkInfo = f; return this; }
        public Builder reporting(Fact<ReportingConfig> f) { reporting = f; return this; }

        public Snapshot build() {
            return new Snapshot(this);
        }
    }
}
