package io.ltemodem.probe;

import io.ltemodem.at.AtChannel;
import io.ltemodem.at.AtCommand;
import io.ltemodem.at.AtResult;
import io.ltemodem.at.CmeError;
import io.ltemodem.at.parse.IdentityParsers;
import io.ltemodem.at.parse.IpConfigParser;
import io.ltemodem.at.parse.QuectelParsers;
import io.ltemodem.at.parse.OperatorParser;
import io.ltemodem.at.parse.PacketParsers;
import io.ltemodem.at.parse.RadioParser;
import io.ltemodem.at.parse.RegistrationParser;
import io.ltemodem.at.parse.SignalParsers;
import io.ltemodem.at.parse.SimParsers;
import io.ltemodem.device.ModemProfile;
import io.ltemodem.model.Fact;
import io.ltemodem.model.Identity;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.PdpActivation;
import io.ltemodem.model.PinRetries;
import io.ltemodem.model.RegDomain;
import io.ltemodem.model.ReportingConfig;
import io.ltemodem.model.Registration;
import io.ltemodem.model.ServingCell;
import io.ltemodem.model.Signal;
import io.ltemodem.model.SimState;
import io.ltemodem.model.SimStatus;
import io.ltemodem.model.Snapshot;
import io.ltemodem.sys.Clock;

import java.util.List;
import java.util.Optional;

/**
 * Reads every fact of DESIGN §3 that AT can tell into a {@link Snapshot}. Read-only: it never changes the
 * modem. A step that fails (timeout, error, unparseable answer) leaves its fact unknown; it never guesses.
 * Once the port stops answering, the remaining steps are skipped (they would only wait for their deadlines).
 */
public final class Probe {
    private static final List<RegDomain> DOMAINS = List.of(RegDomain.CS, RegDomain.GPRS, RegDomain.EPS);

    /** Quectel lists 300 ms for simple commands; a plain AT gets a little more. */
    static final long LIVENESS_TIMEOUT_MS = 1_000;

    private final Clock clock;
    private final long commandTimeoutMs;

    public Probe(Clock clock, long commandTimeoutMs) {
        this.clock = clock;
        this.commandTimeoutMs = commandTimeoutMs;
    }

    /** The identity is read once per port opening (it changes only with the hardware); pass null to read it. */
    public Snapshot probe(AtChannel ch, ModemProfile profile, Identity knownIdentity, int profileCid) {
        Snapshot.Builder b = Snapshot.builder(clock.millis());
        b.portPresent(fact(true));
        Step step = new Step(ch);
        // A modem that is booting swallows commands: ask briefly, so its first answer is not missed by seconds.
        AtResult at = step.send("AT", Math.min(commandTimeoutMs, LIVENESS_TIMEOUT_MS));
        b.atResponsive(fact(at.answered()));
        if (!at.answered()) return b.build();

        Fact<SimStatus> sim = readSim(step, profile);
        b.sim(sim);
        b.identity(fact(knownIdentity != null ? knownIdentity : readIdentity(step, profile, sim)));
        if (step.dead) return b.atResponsive(fact(false)).build();

        b.radio(step.parse("AT+CFUN?", RadioParser::parseCfun));
        for (RegDomain d : DOMAINS) {
            b.registration(d, step.parse("AT" + d.command() + "?", lines -> RegistrationParser.parseRead(d, lines)));
        }
        b.reporting(readReporting(step, b));
        b.operator(step.parse("AT+COPS?", OperatorParser::parse));
        b.psAttached(step.parse("AT+CGATT?", PacketParsers::parseCgatt));
        b.pdpContexts(step.parse("AT+CGDCONT?", PacketParsers::parseCgdcont));
        Fact<List<PdpActivation>> acts = step.parse("AT+CGACT?", PacketParsers::parseCgact);
        b.pdpActivations(acts);
        boolean anyActive = acts.known() && acts.value().stream().anyMatch(PdpActivation::active);
        if (anyActive) {
            b.pdpAddresses(step.parse("AT+CGPADDR", PacketParsers::parseCgpaddr));
            b.ipConfig(step.parse("AT+CGCONTRDP", lines -> IpConfigParser.parseCgcontrdp(profileCid, lines)));
        } else if (acts.known()) {
            // Known to have no active context: no IP configuration, as a fact.
            b.pdpAddresses(fact(List.of()));
        }
        b.signal(readSignal(step, profile, b));
        // It answered "AT" but fell silent mid-probe: it is not responsive now, whatever the first answer said.
        if (step.dead) b.atResponsive(fact(false));
        return b.build();
    }

    /** Error format and URC switches; +CEREG's n comes from the registration read just made. */
    private Fact<ReportingConfig> readReporting(Step step, Snapshot.Builder b) {
        Integer cmee = firstNumber(step, "AT+CMEE?", "+CMEE:");
        Integer cgerep = firstNumber(step, "AT+CGEREP?", "+CGEREP:");
        Registration eps = b.build().registration(RegDomain.EPS).value();
        Integer n = eps != null ? eps.n() : null;
        if (cmee == null && cgerep == null && n == null) return Fact.unknown();
        return fact(new ReportingConfig(cmee, n, cgerep));
    }

    /** The first number after {@code prefix} in the answer to {@code cmd}, or null. */
    private static Integer firstNumber(Step step, String cmd, String prefix) {
        AtResult r = step.send(cmd);
        if (!r.ok()) return null;
        String line = r.line(prefix);
        if (line == null) return null;
        String v = line.substring(prefix.length()).trim();
        int comma = v.indexOf(',');
        if (comma >= 0) v = v.substring(0, comma).trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Fact<SimStatus> readSim(Step step, ModemProfile profile) {
        AtResult r = step.send("AT+CPIN?");
        SimState state;
        if (r.ok()) {
            Optional<SimState> s = SimParsers.parseCpin(r.lines());
            if (s.isEmpty()) return Fact.unknown();
            state = s.get();
        } else if (r.kind() == AtResult.Kind.CME_ERROR && r.cme() != null) {
            state = switch (r.cme()) {
                case CmeError.SIM_NOT_INSERTED -> SimState.ABSENT;
                case CmeError.SIM_BUSY -> SimState.BUSY;
                case CmeError.SIM_FAILURE, CmeError.SIM_WRONG -> SimState.FAILURE;
                case CmeError.SIM_PIN_REQUIRED -> SimState.PIN;
                case CmeError.SIM_PUK_REQUIRED -> SimState.PUK;
                default -> null;
            };
            if (state == null) return Fact.unknown();
        } else {
            return Fact.unknown();
        }
        PinRetries retries = state.locked() ? readRetries(step, profile) : null;
        return fact(new SimStatus(state, retries != null ? retries.pin() : null, retries != null ? retries.puk() : null));
    }

    /** Tries the profile's retry commands, then the 27.007 one, until one answers with a count. */
    private PinRetries readRetries(Step step, ModemProfile profile) {
        for (String cmd : withStandard(profile.retriesCommands(), "AT+CPINR=\"SIM*\"")) {
            AtResult r = step.send(cmd);
            if (!r.ok()) continue;
            Optional<PinRetries> p = retries(r.lines());
            if (p.isPresent() && p.get().pin() != null) return p.get();
        }
        return null;
    }

    private Identity readIdentity(Step step, ModemProfile profile, Fact<SimStatus> sim) {
        String manufacturer = step.text("AT+CGMI", IdentityParsers::parseManufacturer);
        String model = step.text("AT+CGMM", IdentityParsers::parseModel);
        String revision = step.text("AT+CGMR", IdentityParsers::parseRevision);
        String imei = step.text("AT+CGSN", IdentityParsers::parseImei);
        String iccid = null;
        for (String cmd : withStandard(profile.iccidCommands(), "AT+ICCID")) {
            iccid = step.text(cmd, IdentityParsers::parseIccid);
            if (iccid != null || step.dead) break;
        }
        // The IMSI needs an unlocked SIM; asking a locked one only earns a +CME ERROR.
        String imsi = sim.known() && sim.value().state() == SimState.READY ? step.text("AT+CIMI", IdentityParsers::parseImsi) : null;
        Identity id = new Identity(manufacturer, model, revision, imei, imsi, iccid);
        return id.equals(Identity.EMPTY) ? null : id;
    }

    private Fact<Signal> readSignal(Step step, ModemProfile profile, Snapshot.Builder b) {
        Signal s = Signal.UNKNOWN;
        if (profile.servingCellCommand() != null) {
            Fact<ServingCell> cell = step.parse(profile.servingCellCommand(), QuectelParsers::parseServingCell);
            b.servingCell(cell);
            if (cell.known()) s = s.merge(SignalParsers.fromServingCell(cell.value()).orElse(null));
        }
        Fact<Signal> cesq = step.parse("AT+CESQ", SignalParsers::parseCesq);
        if (cesq.known()) s = s.merge(cesq.value());
        Fact<Signal> csq = step.parse("AT+CSQ", SignalParsers::parseCsq);
        if (csq.known()) s = s.merge(csq.value());
        return s.equals(Signal.UNKNOWN) ? Fact.unknown() : fact(s);
    }

    /** Whichever retry report the modem gave: +CPINR, +QPINC, +SPIC, +CPINC or Huawei ^CPIN. */
    private static Optional<PinRetries> retries(List<String> lines) {
        for (java.util.function.Function<List<String>, Optional<PinRetries>> p : List.<java.util.function.Function<List<String>, Optional<PinRetries>>>of(
                SimParsers::parseCpinr, SimParsers::parseQpinc, SimParsers::parseSpic, SimParsers::parseCpinc, SimParsers::parseHuaweiCpin)) {
            Optional<PinRetries> r = p.apply(lines);
            if (r.isPresent()) return r;
        }
        return Optional.empty();
    }

    private static List<String> withStandard(List<String> profileCommands, String standard) {
        if (profileCommands.contains(standard)) return profileCommands;
        java.util.ArrayList<String> all = new java.util.ArrayList<>(profileCommands);
        all.add(standard);
        return all;
    }

    private <T> Fact<T> fact(T value) {
        return Fact.of(value, clock.millis());
    }

    /** One probe's traffic: stops asking once the port has stopped answering. */
    private final class Step {
        final AtChannel ch;
        boolean dead;

        Step(AtChannel ch) {
            this.ch = ch;
        }

        AtResult send(String cmd) {
            return send(cmd, commandTimeoutMs);
        }

        AtResult send(String cmd, long timeoutMs) {
            if (dead) return AtResult.closed("probe stopped: port not answering");
            AtResult r = ch.send(AtCommand.of(cmd, timeoutMs));
            if (!r.answered()) dead = true;
            return r;
        }

        <T> Fact<T> parse(String cmd, java.util.function.Function<List<String>, Optional<T>> parser) {
            AtResult r = send(cmd);
            if (!r.ok()) return Fact.unknown();
            return parser.apply(r.lines()).map(Probe.this::fact).orElse(Fact.unknown());
        }

        String text(String cmd, java.util.function.Function<List<String>, Optional<String>> parser) {
            AtResult r = send(cmd);
            return r.ok() ? parser.apply(r.lines()).orElse(null) : null;
        }
    }
}
