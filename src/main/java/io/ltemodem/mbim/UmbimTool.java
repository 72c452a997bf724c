package io.ltemodem.mbim;

import io.ltemodem.sys.ToolCommand;
import io.ltemodem.model.IpConfig;
import io.ltemodem.sys.ProcessRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Function;

/**
 * MBIM through OpenWrt's {@code umbim}, the way its mbim.sh drives it: {@code umbim -n [-t <trid>] -d <dev> <cmd>},
 * the first call opening the device and leaving it open ({@code -n}), later ones continuing with the next transaction
 * id ({@code -t}), which umbim does not print but which is predictable (it numbers every message it sends from 1,
 * or from the {@code -t} value). umbim has no proxy (OpenWrt builds it without), no radio switch, no register
 * command, no packet service query and no connection query: {@link #connectionState} asks for the IP configuration
 * instead, which only an active session has.
 *
 * <p>umbim's exit code is the state number for anything but the "good" state, so results come from the output; a
 * status error with no buffer shows as exit code 256 − status.
 */
public final class UmbimTool implements MbimTool {
    private static final Logger log = LoggerFactory.getLogger(UmbimTool.class);

    private final String program;
    private final String device;
    private final ProcessRunner runner;
    private final MbimTimeouts timeouts;
    private final TransactionIds trids = new TransactionIds();

    public UmbimTool(String program, String device, ProcessRunner runner, MbimTimeouts timeouts) {
        this.program = program;
        this.device = device;
        this.runner = runner;
        this.timeouts = timeouts;
    }

    @Override
    public String name() {
        return "umbim";
    }

    @Override
    public String device() {
        return device;
    }

    public Integer nextTransactionId() {
        return trids.next();
    }

    @Override
    public synchronized MbimResult<SubscriberStatus> subscriberReadyStatus() {
        return run(List.of("subscriber"), timeouts.requestMs(), (out, err) -> UmbimParsers.subscriber(out));
    }

    @Override
    public synchronized MbimResult<PinInfo> pinState() {
        return run(List.of("pinstate"), timeouts.requestMs(), (out, err) -> UmbimParsers.pinState(err));
    }

    @Override
    public synchronized MbimResult<PinInfo> enterPin(String pin) {
        if (pin == null || !pin.matches("[0-9]{4,8}")) return MbimResult.failed("the PIN must be 4 to 8 digits");
        ToolCommand c = base().arg("unlock").secret(pin, "***", pin);
        MbimResult<PinInfo> r = run(c, timeouts.requestMs(), (out, err) -> UmbimParsers.pinState(err));
        if (r.ok() && r.value().locked()) {
            // umbim reports a rejected PIN as the PIN state that follows it.
            return MbimResult.statusError(MbimStatus.FAILURE, "umbim: the PIN was not accepted ("
                    + r.value().remainingAttempts() + " tries left)");
        }
        return r;
    }

    @Override
    public synchronized MbimResult<RadioState> radioState() {
        return run(List.of("radio"), timeouts.requestMs(), (out, err) -> UmbimParsers.radio(out));
    }

    @Override
    public MbimResult<RadioState> setRadio(boolean on) {
        return MbimResult.failed("umbim cannot switch the radio");
    }

    @Override
    public synchronized MbimResult<RegistrationStatus> registrationState() {
        return run(List.of("registration"), timeouts.requestMs(), (out, err) -> UmbimParsers.registration(out));
    }

    /** umbim has no register command; modems register automatically by default: this reads the state. */
    @Override
    public synchronized MbimResult<RegistrationStatus> registerAutomatic() {
        return registrationState();
    }

    /**
     * umbim has no packet service query (only {@code attach}/{@code detach}, which answer with the state): an
     * observation must not act, so the state stays unknown here and {@code start} attaches anyway.
     */
    @Override
    public MbimResult<PacketServiceStatus> packetServiceState() {
        return MbimResult.failed("umbim cannot query the packet service state");
    }

    @Override
    public synchronized MbimResult<PacketServiceStatus> attachPacketService() {
        return run(List.of("attach"), timeouts.connectMs(), (out, err) -> UmbimParsers.packetService(out));
    }

    @Override
    public synchronized MbimResult<ConnectResult> connect(ConnectRequest r) {
        if (r.sessionId() != 0) return MbimResult.failed("umbim connects session 0 only");
        String type = switch (r.ipType()) {
            case IPV4 -> "ipv4:";
            case IPV6 -> "ipv6:";
            case IPV4V6, IPV4_AND_IPV6 -> "ipv4v6:";
            case DEFAULT -> "";
        };
        ToolCommand c = base().arg("connect").arg(type + r.accessString());
        if (r.authName() != null) {
            // umbim takes the credentials only as the 3rd and 4th arguments after the auth protocol.
            c.arg(r.authName()).secret(r.username(), "***", r.username()).secret(r.password(), "***", r.password());
        }
        return run(c, timeouts.connectMs(), (out, err) -> {
            ConnectionStatus s = UmbimParsers.connection(out);
            return s == null ? null : new ConnectResult(s, null);
        });
    }

    @Override
    public synchronized MbimResult<ConnectionStatus> connectionState(int sessionId) {
        if (sessionId != 0) return MbimResult.failed("umbim knows session 0 only");
        MbimResult<IpConfig> ip = ipConfiguration(sessionId);
        if (ip.ok() && ip.value().hasAddress()) {
            return MbimResult.ok(new ConnectionStatus(0, ActivationState.ACTIVATED, MbimIpType.DEFAULT, null));
        }
        if (ip.ok() || ip.is(MbimStatus.CONTEXT_NOT_ACTIVATED)) {
            return MbimResult.ok(new ConnectionStatus(0, ActivationState.DEACTIVATED, MbimIpType.DEFAULT, null));
        }
        return ip.withoutValue();
    }

    @Override
    public synchronized MbimResult<IpConfig> ipConfiguration(int sessionId) {
        if (sessionId != 0) return MbimResult.failed("umbim knows session 0 only");
        MbimResult<IpConfig> r = run(List.of("config"), timeouts.requestMs(), (out, err) -> {
            IpConfig c = UmbimParsers.config(out);
            // "config" on a session without addresses prints only the IPv6 flags line: a valid answer, no address.
            return c != null ? c : out != null && out.contains("ipv6configurationavailable") ? IpConfig.ofStatic(null, null, null) : null;
        });
        return r;
    }

    @Override
    public synchronized MbimResult<ConnectionStatus> disconnect(int sessionId) {
        if (sessionId != 0) return MbimResult.failed("umbim knows session 0 only");
        MbimResult<ConnectionStatus> r = run(List.of("disconnect"), timeouts.connectMs(), (out, err) -> UmbimParsers.connection(out));
        trids.forget(); // umbim closes the session after a disconnect, -n or not
        return r;
    }

    /** umbim has no "noop"; the session stays until the next open replaces it (mbim.sh does the same). */
    @Override
    public synchronized void endSession() {
        trids.forget();
    }

    // ---------------------------------------------------------------- running

    private ToolCommand base() {
        ToolCommand c = new ToolCommand(program, "-n");
        Integer trid = trids.next();
        if (trid != null) c.arg("-t").arg(String.valueOf(trid));
        return c.arg("-d").arg(device);
    }

    private <T> MbimResult<T> run(List<String> action, long timeoutMs, Parser<T> parse) {
        ToolCommand c = base();
        for (String a : action) c.arg(a);
        return run(c, timeoutMs, parse);
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String stdout, String stderr);
    }

    private <T> MbimResult<T> run(ToolCommand c, long timeoutMs, Parser<T> parse) {
        Integer trid = trids.next();
        ProcessRunner.Result r = runner.run(c.argv(), timeoutMs);
        MbimResult<T> res = interpret(c, r, parse);
        if (r.timedOut() || (r.exitCode() & 0xFF) == 0xFF) {
            trids.forget(); // killed, or a function error (umbim then closes): the session is in an unknown state
        } else {
            // umbim numbered OPEN 1 and the request 2 when it opened; with -t N the request was N.
            trids.continueWith(trid == null ? 3 : trid + 1);
        }
        if (res.timedOut()) log.warn("{} → {} ({} ms)", c.display(), res.describe(), r.millis());
        else log.debug("{} → {} ({} ms)", c.display(), res.describe(), r.millis());
        return res;
    }

    private <T> MbimResult<T> interpret(ToolCommand c, ProcessRunner.Result r, Parser<T> parse) {
        if (r.timedOut()) return MbimResult.timeout("no answer within " + r.millis() + " ms; umbim killed");
        String out = c.scrub(r.stdout());
        String err = c.scrub(r.stderr());
        if (r.exitCode() == 127) return MbimResult.failed(firstLine(err));
        T v;
        try {
            v = parse.parse(out, err);
        } catch (RuntimeException e) {
            v = null;
        }
        if (v != null) return MbimResult.ok(v);
        if (err != null && err.contains("mbim message timeout")) return MbimResult.timeout("umbim: mbim message timeout");
        int code = r.exitCode() & 0xFF;
        if (code > 128 && code < 255) {
            int status = 256 - code;
            MbimStatus s = MbimStatus.fromCode(status);
            return s != null ? MbimResult.statusError(s, "umbim: " + s.nick())
                    : MbimResult.statusError(status, null, "umbim: status " + status);
        }
        return MbimResult.failed("umbim exited with " + r.exitCode() + ": " + firstLine(err.isBlank() ? out : err));
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) return "(no output)";
        return s.strip().lines().findFirst().orElse("");
    }
}
