package io.ltemodem.sim;

import io.ltemodem.sim.qmi.QmiFaults;
import io.ltemodem.sim.qmi.QmiSimPort;
import io.ltemodem.sys.Clock;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One simulated LTE modem: a {@link ModemModel} (the state), its {@link AtSimPort} (an AT port on a real
 * pseudo-terminal), optionally a QMI port over the same state ({@link Builder#qmi(boolean)}: {@link #qmiPath()} is
 * what {@code qmicli -d ... --device-open-qmi} opens), {@link Faults} and {@link Scenario} playback. The daemon's tests and the demo talk to it
 * exactly as to a USB modem.
 *
 * <pre>{@code
 * try (SimModem sim = SimModem.builder().persona("quectel-ec25").clock(new ScaledClock(50))
 *         .pin("1234").simState(SimCardState.PIN).build()) {
 *     sim.start();
 *     String tty = sim.atPort().awaitPath(60_000);
 *     ...
 * }
 * }</pre>
 */
public final class SimModem implements AutoCloseable {
    private final SimConfig cfg;
    private final SimScheduler scheduler;
    private final ModemModel model;
    private final AtSimPort atPort;
    private final AtSimPort modemPort;
    private final QmiSimPort qmiPort;
    private final Faults faults;
    private boolean started;
    private boolean closed;

    private SimModem(SimConfig cfg) {
        this.cfg = cfg;
        this.scheduler = new SimScheduler(cfg.clock(), "sim-" + cfg.name() + "-clock");
        this.model = new ModemModel(cfg, scheduler);
        this.atPort = new AtSimPort(model, cfg);
        this.model.addListener(atPort);
        this.modemPort = cfg.modemPortLink() == null ? null : new AtSimPort(model, cfg, cfg.modemPortLink(), cfg.name() + "-modem");
        if (modemPort != null) model.addListener(modemPort);
        this.qmiPort = cfg.qmi() ? new QmiSimPort(model, cfg.clock(), cfg.name(), cfg.qmiPortLink(), cfg.qmiCidPoolSize()) : null;
        this.faults = new Faults(model, atPort, scheduler);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the clock thread and, unless built with {@code poweredOnAtStart(false)}, applies power. */
    public synchronized SimModem start() {
        if (closed) throw new IllegalStateException("closed");
        if (!started) {
            started = true;
            scheduler.start();
            if (cfg.poweredOnAtStart()) model.powerOn();
        }
        return this;
    }

    /** Stops everything: timers, the port (the pty hangs up, the symlink goes), every thread this simulator started. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        scheduler.close();
        atPort.close();
        if (modemPort != null) modemPort.close();
        if (qmiPort != null) qmiPort.close();
    }

    public String name() {
        return cfg.name();
    }

    public Persona persona() {
        return cfg.persona();
    }

    public Clock clock() {
        return cfg.clock();
    }

    public ModemModel model() {
        return model;
    }

    public AtSimPort atPort() {
        return atPort;
    }

    /** The second AT interface ({@link Builder#modemPortLink}), or null when it was not asked for. */
    public AtSimPort modemPort() {
        return modemPort;
    }

    public Faults faults() {
        return faults;
    }

    /**
     * The QMI control port (built with {@link Builder#qmi(boolean)}): a QMI simulator over this same modem, so what
     * is done through one port shows on the other. Null when the modem has none.
     */
    public QmiSimPort qmiPort() {
        return qmiPort;
    }

    /** The QMI port's faults; the modem must have a QMI port. */
    public QmiFaults qmiFaults() {
        return requireQmi().faults();
    }

    /** The QMI port's pty path now (give it to {@code qmicli -d ... --device-open-qmi}), or null while the device is gone. */
    public String qmiPath() {
        return qmiPort == null ? null : qmiPort.currentPath();
    }

    private QmiSimPort requireQmi() {
        if (qmiPort == null) throw new IllegalStateException(cfg.name() + " was built without a QMI port");
        return qmiPort;
    }

    /** Plays a fault timeline from now on. */
    public ScenarioRun play(Scenario scenario) {
        return new ScenarioRun(this, scenario, scheduler);
    }

    // ---------------------------------------------------------------- the power line

    /** Applies power (like a GPIO power line): boots, unless already on. */
    public void powerOn() {
        model.powerOn();
    }

    /** Cuts power at once. */
    public void powerOff() {
        model.powerOff();
    }

    // ---------------------------------------------------------------- observations for tests

    /** The AT port's pty path now, or null while the device is gone. */
    public String currentPath() {
        return atPort.currentPath();
    }

    public PowerState power() {
        return model.power();
    }

    public SimCardState simState() {
        return model.simState();
    }

    /** PIN checks made (right or wrong) since the simulator was built. */
    public int pinAttempts() {
        return model.pinAttempts();
    }

    public int pukAttempts() {
        return model.pukAttempts();
    }

    public int pinRetriesLeft() {
        return model.pinRetriesLeft();
    }

    public int pukRetriesLeft() {
        return model.pukRetriesLeft();
    }

    /** Reboots (reset commands and spontaneous ones). */
    public int resetCount() {
        return model.resetCount();
    }

    /** Boots (power-ons and reboots). */
    public int bootCount() {
        return model.bootCount();
    }

    public int cfun() {
        return model.cfun();
    }

    public Registration registration() {
        return model.registration();
    }

    public boolean attached() {
        return model.attached();
    }

    public List<PdpContextInfo> contexts() {
        return model.contexts();
    }

    public List<Integer> activeContexts() {
        return model.activeContexts();
    }

    /** Command lines received on the AT port, oldest first, PIN/PUK masked. */
    public List<String> commandLog() {
        return atPort.commandLog();
    }

    /** Builds a {@link SimModem}; every setting has a sensible default (a Quectel EC25 with a ready SIM). */
    public static final class Builder {
        private String name = "sim";
        private Persona persona = Personas.get("quectel-ec25");
        private Clock clock = Clock.SYSTEM;
        private String pin = "1234";
        private String puk = "12345678";
        private SimCardState simState = SimCardState.READY;
        private int pinRetries = 3;
        private int pukRetries = 10;
        private String iccid = "89490200000123456787";
        private String imsi = "262011234567890";
        private int radio = 1;
        private Long bootMillis;
        private Long usbEnumerationMillis;
        private Long resetDetachMillis;
        private long simBusyAfterBootMillis;
        private long registrationDelayMillis = 3000;
        private Registration outcome = Registration.HOME;
        private NetworkConfig network = NetworkConfig.DEFAULT;
        private RadioSignal signal = RadioSignal.GOOD;
        private String requiredApn;
        private String defaultApn = "";
        private String defaultPdpType = "IPV4V6";
        private boolean autoActivateDefaultBearer;
        private Boolean boardRepowers;
        private long repowerDelayMillis = 3000;
        private long immediatePowerDownMillis = 300;
        private Path portLink;
        private long seed = 1;
        private boolean poweredOnAtStart = true;
        private int mtu = 1500;
        private boolean qmi;
        private Path qmiPortLink;
        private Path modemPortLink;
        private int qmiCidPoolSize = 16;

        private Builder() {
        }

        /** Names the simulator's threads and log lines. */
        public Builder name(String v) {
            name = Objects.requireNonNull(v);
            return this;
        }

        /** A built-in persona by id ({@link Personas#ids()}). */
        public Builder persona(String id) {
            persona = Personas.get(id);
            return this;
        }

        public Builder persona(Persona v) {
            persona = Objects.requireNonNull(v);
            return this;
        }

        /** The clock of every simulated delay; share it with the daemon under test (e.g. a {@code ScaledClock}). */
        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v);
            return this;
        }

        public Builder pin(String v) {
            pin = requireDigits(v, 4, 8, "pin");
            return this;
        }

        public Builder puk(String v) {
            puk = requireDigits(v, 8, 8, "puk");
            return this;
        }

        /** The SIM at first boot: READY (no PIN), PIN (PIN enabled), PUK (PIN tries used up), BLOCKED, ABSENT. */
        public Builder simState(SimCardState v) {
            if (v == SimCardState.BUSY) throw new IllegalArgumentException("use simBusyAfterBootMillis for a busy SIM");
            simState = Objects.requireNonNull(v);
            return this;
        }

        public Builder pinRetries(int v) {
            if (v < 1) throw new IllegalArgumentException("pinRetries >= 1");
            pinRetries = v;
            return this;
        }

        public Builder pukRetries(int v) {
            if (v < 1) throw new IllegalArgumentException("pukRetries >= 1");
            pukRetries = v;
            return this;
        }

        public Builder iccid(String v) {
            iccid = requireDigits(v, 18, 22, "iccid");
            return this;
        }

        public Builder imsi(String v) {
            imsi = requireDigits(v, 14, 15, "imsi");
            return this;
        }

        /** CFUN after every boot: 0, 1 or 4. */
        public Builder radio(int cfun) {
            if (cfun != 0 && cfun != 1 && cfun != 4) throw new IllegalArgumentException("radio must be 0, 1 or 4: " + cfun);
            radio = cfun;
            return this;
        }

        /** Power-on (or reset) to firmware up; default the persona's. */
        public Builder bootMillis(long v) {
            bootMillis = nonNegative(v, "bootMillis");
            return this;
        }

        /** Power-on to USB device present (the pty appears); default the persona's share of the boot time. */
        public Builder usbEnumerationMillis(long v) {
            usbEnumerationMillis = nonNegative(v, "usbEnumerationMillis");
            return this;
        }

        /** A reset command's OK to the USB device going away; default the persona's. */
        public Builder resetDetachMillis(long v) {
            resetDetachMillis = nonNegative(v, "resetDetachMillis");
            return this;
        }

        /** After each boot the SIM answers {@code +CME ERROR: 14} this long (0 = ready at once). */
        public Builder simBusyAfterBootMillis(long v) {
            simBusyAfterBootMillis = nonNegative(v, "simBusyAfterBootMillis");
            return this;
        }

        /** Searching to the registration outcome. */
        public Builder registrationDelayMillis(long v) {
            registrationDelayMillis = nonNegative(v, "registrationDelayMillis");
            return this;
        }

        /** How registration ends: HOME, ROAMING or DENIED. */
        public Builder registrationOutcome(Registration v) {
            if (v != Registration.HOME && v != Registration.ROAMING && v != Registration.DENIED) {
                throw new IllegalArgumentException("outcome must be HOME, ROAMING or DENIED: " + v);
            }
            outcome = v;
            return this;
        }

        public Builder network(NetworkConfig v) {
            network = Objects.requireNonNull(v);
            return this;
        }

        public Builder signal(RadioSignal v) {
            signal = Objects.requireNonNull(v);
            return this;
        }

        /** The network rejects activation of a context with another APN ({@code +CME ERROR: 127}); null = any. */
        public Builder requiredApn(String v) {
            requiredApn = v;
            return this;
        }

        /** Context 1 as the module ships: type and APN ("" = the network chooses). */
        public Builder defaultContext(String pdpType, String apn) {
            defaultPdpType = Objects.requireNonNull(pdpType).toUpperCase(java.util.Locale.ROOT);
            if (!List.of("IP", "IPV6", "IPV4V6").contains(defaultPdpType)) throw new IllegalArgumentException(pdpType);
            defaultApn = Objects.requireNonNull(apn);
            return this;
        }

        /** Activate context 1 by itself on attach, as many LTE modules do (default off: the host activates). */
        public Builder autoActivateDefaultBearer(boolean v) {
            autoActivateDefaultBearer = v;
            return this;
        }

        /** The carrier board powers the module up again after a power-down; default the persona's. */
        public Builder boardRepowers(boolean v) {
            boardRepowers = v;
            return this;
        }

        /** Power-down finished to the board re-powering the module. */
        public Builder repowerDelayMillis(long v) {
            repowerDelayMillis = nonNegative(v, "repowerDelayMillis");
            return this;
        }

        /** Log-off time of an immediate power-down ({@code AT+QPOWD=0}). */
        public Builder immediatePowerDownMillis(long v) {
            immediatePowerDownMillis = nonNegative(v, "immediatePowerDownMillis");
            return this;
        }

        /** A stable symlink to the current pty (like {@code /dev/ttyUSB2}); removed while the device is gone. */
        public Builder portLink(Path v) {
            portLink = v;
            return this;
        }

        /** Seeds addresses and noise, so runs repeat. */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** false: {@link #start()} leaves the module off until {@link SimModem#powerOn()}. */
        public Builder poweredOnAtStart(boolean v) {
            poweredOnAtStart = v;
            return this;
        }

        /** A QMI control port besides the AT port (as an EC25 in its QMI composition has): one modem, two ports. */
        public Builder qmi(boolean v) {
            qmi = v;
            return this;
        }

        /** A stable symlink to the QMI port's current pty (like {@code /dev/cdc-wdm0}); implies {@link #qmi(boolean)}. */
        public Builder qmiPortLink(Path v) {
            qmiPortLink = v;
            qmi = v != null || qmi;
            return this;
        }

        /**
         * A second AT interface over the same state, as a Quectel's "modem" port (ttyUSB3 beside the AT port ttyUSB2),
         * with a stable symlink like {@link #portLink}: PPP dials there while the AT port stays free for the probe.
         */
        public Builder modemPortLink(Path v) {
            modemPortLink = v;
            return this;
        }

        /** Client ids per QMI service on each USB appearance (1..254; real modems may have as few as 10). */
        public Builder qmiCidPoolSize(int v) {
            if (v < 1 || v > 254) throw new IllegalArgumentException("qmiCidPoolSize 1..254: " + v);
            qmiCidPoolSize = v;
            return this;
        }

        public Builder mtu(int v) {
            if (v < 576 || v > 9000) throw new IllegalArgumentException("mtu 576..9000: " + v);
            mtu = v;
            return this;
        }

        public SimModem build() {
            long boot = bootMillis != null ? bootMillis : persona.bootMillis();
            long usb = usbEnumerationMillis != null ? usbEnumerationMillis
                    : boot * persona.usbEnumerationMillis() / Math.max(1, persona.bootMillis());
            if (usb > boot) throw new IllegalArgumentException("usbEnumerationMillis > bootMillis");
            SimConfig cfg = new SimConfig(name, persona, clock, pin, puk, simState, pinRetries, pukRetries, iccid, imsi,
                    radio, boot, usb, resetDetachMillis != null ? resetDetachMillis : persona.resetDetachMillis(),
                    simBusyAfterBootMillis, registrationDelayMillis, outcome, network, signal, requiredApn, defaultApn,
                    defaultPdpType, autoActivateDefaultBearer,
                    boardRepowers != null ? boardRepowers : persona.boardRepowers(), repowerDelayMillis,
                    immediatePowerDownMillis, portLink, seed, poweredOnAtStart, mtu, qmi, qmiPortLink, qmiCidPoolSize, modemPortLink);
            return new SimModem(cfg);
        }

        private static String requireDigits(String v, int min, int max, String what) {
            if (v == null || !v.matches("[0-9]{" + min + "," + max + "}")) {
                throw new IllegalArgumentException(what + " must be " + min + ".." + max + " digits");
            }
            return v;
        }

        private static long nonNegative(long v, String what) {
            if (v < 0) throw new IllegalArgumentException(what + " must not be negative");
            return v;
        }
    }
}
