package io.ltemodem.mbim;

import io.ltemodem.sys.ToolCommand;
import io.ltemodem.model.IpConfig;
import io.ltemodem.sys.ProcessRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * MBIM through libmbim's {@code mbimcli} (1.28 output formats). Every call is
 * {@code mbimcli -d <dev> [-p | [--no-open=<trid>] --no-close] <action>}:
 * <ul>
 *   <li>with {@code -p} the device is shared through mbim-proxy, which keeps it open and hands out transaction ids
 *       itself, so every call simply opens its proxy session;</li>
 *   <li>without it, the first call opens the device and leaves the session open, later calls continue it with
 *       {@code --no-open=<trid>} (the id mbimcli printed as {@code Session not closed: TRID: 'N'}), as OpenWrt's
 *       mbim.sh does with umbim. A modem that lost the session answers NotOpened: the call is repeated once with a
 *       fresh open.</li>
 * </ul>
 * Results go to stdout, errors to stderr; both are scrubbed of secrets before they reach a log or a result.
 */
public final class MbimcliTool implements MbimTool {
    private static final Logger log = LoggerFactory.getLogger(MbimcliTool.class);

    private final String program;
    private final String device;
    private final boolean proxy;
    private final ProcessRunner runner;
    private final MbimTimeouts timeouts;
    private final TransactionIds trids = new TransactionIds();

    /**
     * @param program {@code mbimcli} or a path to it
     * @param proxy   go through mbim-proxy ({@code -p}) so other programs can share the device
     */
    public MbimcliTool(String program, String device, boolean proxy, ProcessRunner runner, MbimTimeouts timeouts) {
        this.program = program;
        this.device = device;
        this.proxy = proxy;
        this.runner = runner;
        this.timeouts = timeouts;
    }

    @Override
    public String name() {
        return "mbimcli";
    }

    @Override
    public String device() {
        return device;
    }

    /** The transaction id the next call continues with; null when it will open a session (or with the proxy). */
    public Integer nextTransactionId() {
        return trids.next();
    }

    // ---------------------------------------------------------------- requests

    @Override
    public synchronized MbimResult<SubscriberStatus> subscriberReadyStatus() {
        return run(List.of("--query-subscriber-ready-status"), timeouts.requestMs(), MbimcliParsers::subscriberStatus);
    }

    @Override
    public synchronized MbimResult<PinInfo> pinState() {
        return run(List.of("--query-pin-state"), timeouts.requestMs(), MbimcliParsers::pinInfo);
    }

    @Override
    public synchronized MbimResult<PinInfo> enterPin(String pin) {
        if (pin == null || !pin.matches("[0-9]{4,8}")) return MbimResult.failed("the PIN must be 4 to 8 digits");
        return run(c -> c.secret("--enter-pin=" + pin, "--enter-pin=***", pin), timeouts.requestMs(), MbimcliParsers::pinInfo);
    }

    @Override
    public synchronized MbimResult<RadioState> radioState() {
        return run(List.of("--query-radio-state"), timeouts.requestMs(), MbimcliParsers::radioState);
    }

    @Override
    public synchronized MbimResult<RadioState> setRadio(boolean on) {
        return run(List.of("--set-radio-state=" + (on ? "on" : "off")), timeouts.requestMs(), MbimcliParsers::radioState);
    }

    @Override
    public synchronized MbimResult<RegistrationStatus> registrationState() {
        return run(List.of("--query-registration-state"), timeouts.requestMs(), MbimcliParsers::registrationStatus);
    }

    @Override
    public synchronized MbimResult<RegistrationStatus> registerAutomatic() {
        // mbimcli itself allows 120 s ("needs to look for the home network"); the state comes back at once.
        return run(List.of("--register-automatic"), timeouts.connectMs(), MbimcliParsers::registrationStatus);
    }

    @Override
    public synchronized MbimResult<PacketServiceStatus> packetServiceState() {
        return run(List.of("--query-packet-service-state"), timeouts.requestMs(), MbimcliParsers::packetServiceStatus);
    }

    @Override
    public synchronized MbimResult<PacketServiceStatus> attachPacketService() {
        return run(List.of("--attach-packet-service"), timeouts.connectMs(), MbimcliParsers::packetServiceStatus);
    }

    @Override
    public synchronized MbimResult<ConnectResult> connect(ConnectRequest r) {
        List<String> parts = new ArrayList<>();
        List<String> shownParts = new ArrayList<>();
        parts.add("session-id=" + r.sessionId());
        shownParts.add("session-id=" + r.sessionId());
        if (!r.accessString().isEmpty()) {
            String v = quote(r.accessString());
            if (v == null) return MbimResult.failed("the APN cannot be passed to mbimcli (it holds both quote characters)");
            parts.add("access-string=" + v);
            shownParts.add("access-string=" + v);
        }
        parts.add("ip-type=" + r.ipType().nick());
        shownParts.add("ip-type=" + r.ipType().nick());
        if (r.authName() != null) {
            parts.add("auth=" + r.authName());
            shownParts.add("auth=" + r.authName());
            if (!r.username().isEmpty()) {
                String v = quote(r.username());
                if (v == null) return MbimResult.failed("the username cannot be passed to mbimcli (it holds both quote characters)");
                parts.add("username=" + v);
                shownParts.add("username=***");
            }
            if (!r.password().isEmpty()) {
                String v = quote(r.password());
                if (v == null) return MbimResult.failed("the password cannot be passed to mbimcli (it holds both quote characters)");
                parts.add("password=" + v);
                shownParts.add("password=***");
            }
        }
        String real = "--connect=" + String.join(",", parts);
        String shown = "--connect=" + String.join(",", shownParts);
        return run(c -> c.secret(real, shown, r.username(), r.password()), timeouts.connectMs(), out -> {
            ConnectionStatus s = MbimcliParsers.connectionStatus(out);
            return s == null ? null : new ConnectResult(s, MbimcliParsers.ipConfiguration(out));
        });
    }

    /**
     * A value for mbimcli's key=value list: bare when it holds no separator, else in the quote it does not contain
     * (mbimcli knows no escapes). Null when it holds both quotes.
     */
    static String quote(String v) {
        boolean plain = !v.isEmpty() && v.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\'' || ch == '=' || Character.isWhitespace(ch));
        if (plain) return v;
        if (v.indexOf('"') < 0) return "\"" + v + "\"";
        if (v.indexOf('\'') < 0) return "'" + v + "'";
        return null;
    }

    @Override
    public synchronized MbimResult<ConnectionStatus> connectionState(int sessionId) {
        return run(List.of("--query-connection-state=" + sessionId), timeouts.requestMs(), MbimcliParsers::connectionStatus);
    }

    @Override
    public synchronized MbimResult<IpConfig> ipConfiguration(int sessionId) {
        return run(List.of("--query-ip-configuration=" + sessionId), timeouts.requestMs(), MbimcliParsers::ipConfiguration);
    }

    @Override
    public synchronized MbimResult<ConnectionStatus> disconnect(int sessionId) {
        return run(List.of("--disconnect=" + sessionId), timeouts.connectMs(), MbimcliParsers::connectionStatus);
    }

    @Override
    public synchronized void endSession() {
        Integer trid = trids.next();
        if (proxy || trid == null) return;
        trids.forget();
        // Without --no-close mbimcli closes the session it continued: a CLOSE with the next transaction id.
        ToolCommand c = new ToolCommand(program, "-d", device, "--no-open=" + trid, "--noop");
        ProcessRunner.Result r = runner.run(c.argv(), timeouts.requestMs());
        if (!r.ok()) log.debug("{} → {} ({} ms)", c.display(), r.timedOut() ? "TIMEOUT" : "exit " + r.exitCode(), r.millis());
    }

    // ---------------------------------------------------------------- running

    private <T> MbimResult<T> run(List<String> action, long timeoutMs, Function<String, T> parse) {
        return run(c -> {
            for (String a : action) c.arg(a);
            return c;
        }, timeoutMs, parse);
    }

    private <T> MbimResult<T> run(Function<ToolCommand, ToolCommand> action, long timeoutMs, Function<String, T> parse) {
        MbimResult<T> res = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            Integer trid = proxy ? null : trids.next();
            ToolCommand c = new ToolCommand(program, "-d", device);
            if (proxy) {
                c.arg("-p");
            } else {
                if (trid != null) c.arg("--no-open=" + trid);
                c.arg("--no-close");
            }
            action.apply(c);
            ProcessRunner.Result r = runner.run(c.argv(), timeoutMs);
            if (!proxy) track(r);
            res = interpret(c, r, parse);
            logResult(c, r, res);
            String failure = r.timedOut() ? null : MbimcliParsers.errorLine(r.stderr());
            if (trid != null && failure != null && failure.contains("NotOpened")) {
                log.info("{}: the modem lost the MBIM session; opening a new one", device);
                trids.forget();
                continue;
            }
            break;
        }
        return res;
    }

    /** Keeps the session's next transaction id, or forgets the session when the call did not say where it stands. */
    private void track(ProcessRunner.Result r) {
        Integer next = r.timedOut() ? null : MbimcliParsers.nextTransactionId(r.stdout());
        if (next != null) trids.continueWith(next);
        else trids.forget();
    }

    private <T> MbimResult<T> interpret(ToolCommand c, ProcessRunner.Result r, Function<String, T> parse) {
        if (r.timedOut()) return MbimResult.timeout("no answer within " + r.millis() + " ms; mbimcli killed");
        String out = c.scrub(r.stdout());
        String err = c.scrub(r.stderr());
        if (r.exitCode() == 0) {
            T v = safe(parse, out);
            if (v != null) return MbimResult.ok(v);
            return MbimResult.failed("mbimcli answered, but not in a form understood: " + firstLine(out));
        }
        if (r.exitCode() == 127) return MbimResult.failed(firstLine(err));
        String line = MbimcliParsers.errorLine(err);
        String tail = MbimcliParsers.errorTail(err);
        if (tail != null) {
            MbimStatus s = MbimStatus.fromNick(tail);
            if (s != null) return MbimResult.statusError(s, "mbimcli: " + line);
            if (tail.startsWith("Unknown status 0x")) {
                Integer code = hexCode(tail);
                if (code != null) return MbimResult.statusError(code, null, "mbimcli: " + line);
            }
            if (tail.contains("timed out")) return MbimResult.timeout("mbimcli: " + line);
        }
        return MbimResult.failed(line != null ? "mbimcli: " + line : "mbimcli exited with " + r.exitCode());
    }

    private static Integer hexCode(String s) {
        int i = s.indexOf("0x");
        if (i < 0) return null;
        try {
            return (int) Long.parseLong(s.substring(i + 2).trim(), 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <T> T safe(Function<String, T> f, String s) {
        try {
            return f.apply(s);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) return "(no output)";
        return s.strip().lines().findFirst().orElse("");
    }

    private void logResult(ToolCommand c, ProcessRunner.Result r, MbimResult<?> res) {
        if (res.timedOut()) log.warn("{} → {} ({} ms)", c.display(), res.describe(), r.millis());
        else log.debug("{} → {} ({} ms)", c.display(), res.describe(), r.millis());
    }
}
