package io.ltemodem.qmi;

import io.ltemodem.sys.ToolCommand;
import io.ltemodem.model.Signal;
import io.ltemodem.sys.ProcessRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * QMI through libqmi's {@code qmicli} (1.32 output formats). Every call is
 * {@code qmicli -d <dev> --device-open-qmi [-p] <action> [--client-cid=N] [--client-no-release-cid]}:
 * {@code --device-open-qmi} is needed on anything but a cdc-wdm bound to qmi_wwan (a pty in tests, some
 * PCIe/wwan nodes) and harmless there; {@code -p} goes through qmi-proxy when the device is shared.
 *
 * <p>Output goes to stdout, errors and call-end reasons to stderr; both are scrubbed of secrets first.
 */
public final class QmicliTool implements QmiTool {
    private static final Logger log = LoggerFactory.getLogger(QmicliTool.class);

    private final String program;
    private final String device;
    private final boolean proxy;
    private final ProcessRunner runner;
    private final QmiTimeouts timeouts;

    /**
     * @param program {@code qmicli} or a path to it
     * @param proxy   use {@code -p} (qmi-proxy) so other programs can share the device
     */
    public QmicliTool(String program, String device, boolean proxy, ProcessRunner runner, QmiTimeouts timeouts) {
        this.program = program;
        this.device = device;
        this.proxy = proxy;
        this.runner = runner;
        this.timeouts = timeouts;
    }

    @Override
    public String name() {
        return "qmicli";
    }

    @Override
    public String device() {
        return device;
    }

    private ToolCommand cmd(String action) {
        ToolCommand c = new ToolCommand(program, "-d", device, "--device-open-qmi");
        if (proxy) c.arg("-p");
        if (action != null) c.arg(action);
        return c;
    }

    private static ToolCommand keep(ToolCommand c, Integer cid) {
        if (cid != null) c.arg("--client-cid=" + cid).arg("--client-no-release-cid");
        return c;
    }

    // ---------------------------------------------------------------- requests

    @Override
    public QmiResult<DeviceIds> deviceIds() {
        return query(cmd("--dms-get-ids"), QmicliParsers::deviceIds);
    }

    @Override
    public QmiResult<OperatingMode> operatingMode() {
        return query(cmd("--dms-get-operating-mode"), QmicliParsers::operatingMode);
    }

    @Override
    public QmiResult<Void> setOperatingMode(OperatingMode mode) {
        return action(cmd("--dms-set-operating-mode=" + mode.qmicli()), timeouts.requestMs(), "Operating mode set");
    }

    @Override
    public QmiResult<CardStatus> cardStatus() {
        return query(cmd("--uim-get-card-status"), QmicliParsers::cardStatus);
    }

    @Override
    public QmiResult<PinRetries> verifyPin(String pin) {
        if (pin == null || pin.isEmpty() || !pin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return QmiResult.failed("the PIN must be digits");
        }
        ToolCommand c = cmd(null).secret("--uim-verify-pin=PIN1," + pin, "--uim-verify-pin=PIN1,***", pin);
        return run(c, timeouts.requestMs(),
                out -> out.contains("PIN verified successfully") ? new PinRetries(null, null) : null,
                QmicliParsers::pinRetries);
    }

    @Override
    public QmiResult<ServingSystem> servingSystem() {
        return query(cmd("--nas-get-serving-system"), QmicliParsers::servingSystem);
    }

    @Override
    public QmiResult<Signal> signalInfo() {
        return query(cmd("--nas-get-signal-info"), QmicliParsers::signalInfo);
    }

    @Override
    public QmiResult<DataFormat> dataFormat() {
        return query(cmd("--wda-get-data-format"), QmicliParsers::dataFormat);
    }

    @Override
    public QmiResult<DataFormat> setDataFormat(DataFormat.LinkLayer linkLayer) {
        return query(cmd("--wda-set-data-format=" + linkLayer.qmicli()), QmicliParsers::dataFormat);
    }

    @Override
    public QmiResult<Integer> allocateWdsClient() {
        return query(cmd("--wds-noop").arg("--client-no-release-cid"), QmicliParsers::keptClientId);
    }

    @Override
    public QmiResult<Void> releaseWdsClient(int cid) {
        ToolCommand c = cmd("--wds-noop").arg("--client-cid=" + cid);
        ProcessRunner.Result r = exec(c, timeouts.requestMs());
        QmiResult<Void> res = released(c, r);
        logResult(c, r, res);
        return res;
    }

    /** The noop itself cannot fail; what matters is the release qmicli reports (or not) on stderr. */
    private QmiResult<Void> released(ToolCommand c, ProcessRunner.Result r) {
        if (r.timedOut()) return QmiResult.timeout(timeoutText(c, r));
        String err = c.scrub(r.stderr());
        if (r.exitCode() != 0) return interpretFailure(c, r);
        if (err.contains("couldn't release client")) {
            QmicliParsers.ErrorText e = QmicliParsers.protocolError(err);
            if (e != null && e.code() == QmiProtocolError.INVALID_CLIENT_ID.code()) return QmiResult.ok(null); // gone already
            if (e != null) return QmiResult.protocolError(e.code(), e.nick(), null, QmicliParsers.errorLine(err));
            return QmiResult.failed(QmicliParsers.errorLine(err));
        }
        return QmiResult.ok(null);
    }

    @Override
    public QmiResult<Void> setIpFamily(int cid, IpFamily family) {
        ToolCommand c = keep(cmd("--wds-set-ip-family=" + family.qmi()), cid);
        return run(c, timeouts.requestMs(), out -> Boolean.TRUE, null).withoutValue();
    }

    @Override
    public QmiResult<NetworkStart> startNetwork(int cid, StartNetworkRequest r) {
        String user = r.username();
        String pass = r.password();
        StringBuilder real = new StringBuilder("--wds-start-network=");
        StringBuilder shown = new StringBuilder("--wds-start-network=");
        java.util.List<String> parts = new java.util.ArrayList<>();
        java.util.List<String> shownParts = new java.util.ArrayList<>();
        if (!r.apn().isEmpty()) {
            String v = quote(r.apn());
            if (v == null) return QmiResult.failed("the APN cannot be passed to qmicli (it holds both quote characters)");
            parts.add("apn=" + v);
            shownParts.add("apn=" + v);
        }
        parts.add("ip-type=" + r.family().qmi());
        shownParts.add("ip-type=" + r.family().qmi());
        if (r.profile() != null && r.profile() > 0) {
            parts.add("3gpp-profile=" + r.profile());
            shownParts.add("3gpp-profile=" + r.profile());
        }
        if (r.auth() != io.ltemodem.config.ModemConfig.Auth.NONE) {
            String a = switch (r.auth()) {
                case PAP -> "PAP";
                case CHAP -> "CHAP";
                default -> "BOTH";
            };
            parts.add("auth=" + a);
            shownParts.add("auth=" + a);
        }
        if (!user.isEmpty()) {
            String v = quote(user);
            if (v == null) return QmiResult.failed("the username cannot be passed to qmicli (it holds both quote characters)");
            parts.add("username=" + v);
            shownParts.add("username=***");
        }
        if (!pass.isEmpty()) {
            String v = quote(pass);
            if (v == null) return QmiResult.failed("the password cannot be passed to qmicli (it holds both quote characters)");
            parts.add("password=" + v);
            shownParts.add("password=***");
        }
        real.append(String.join(",", parts));
        shown.append(String.join(",", shownParts));
        ToolCommand c = keep(cmd(null).secret(real.toString(), shown.toString(), user, pass), cid);
        return run(c, timeouts.startNetworkMs(), QmicliParsers::networkStarted,
                err -> {
                    CallEndReason why = QmicliParsers.callEndReason(err);
                    return why == null ? null : new NetworkStart(null, null, why);
                });
    }

    /**
     * A value for qmicli's key=value list: bare when it holds no separator, else in the quote it does not
     * contain (qmicli has no escapes). Null when it holds both quotes.
     */
    static String quote(String v) {
        boolean plain = !v.isEmpty() && v.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\'' || Character.isWhitespace(ch));
        if (plain) return v;
        if (v.indexOf('"') < 0) return "\"" + v + "\"";
        if (v.indexOf('\'') < 0) return "'" + v + "'";
        return null;
    }

    @Override
    public QmiResult<Void> stopNetwork(int cid, long handle, boolean releaseCid) {
        ToolCommand c = cmd("--wds-stop-network=" + handle).arg("--client-cid=" + cid);
        if (!releaseCid) c.arg("--client-no-release-cid");
        return action(c, timeouts.stopNetworkMs(), "Network stopped");
    }

    @Override
    public QmiResult<ConnectionStatus> packetServiceStatus(Integer cid) {
        return query(keep(cmd("--wds-get-packet-service-status"), cid), QmicliParsers::connectionStatus);
    }

    @Override
    public QmiResult<CurrentSettings> currentSettings(Integer cid) {
        return query(keep(cmd("--wds-get-current-settings"), cid), QmicliParsers::currentSettings);
    }

    @Override
    public QmiResult<Void> sync() {
        // Sync happens while the device opens; the cheap request after it proves the modem answers.
        ToolCommand c = cmd("--device-open-sync").arg("--dms-get-operating-mode");
        return run(c, timeouts.requestMs(), QmicliParsers::operatingMode, null).withoutValue();
    }

    // ---------------------------------------------------------------- running

    private <T> QmiResult<T> query(ToolCommand c, Function<String, T> parse) {
        return run(c, timeouts.requestMs(), parse, null);
    }

    private QmiResult<Void> action(ToolCommand c, long timeoutMs, String successMarker) {
        return run(c, timeoutMs, out -> out.contains(successMarker) ? Boolean.TRUE : null, null).withoutValue();
    }

    private <T> QmiResult<T> run(ToolCommand c, long timeoutMs, Function<String, T> parse, Function<String, T> onError) {
        ProcessRunner.Result r = exec(c, timeoutMs);
        QmiResult<T> res = interpret(c, r, parse, onError);
        logResult(c, r, res);
        return res;
    }

    private ProcessRunner.Result exec(ToolCommand c, long timeoutMs) {
        return runner.run(c.argv(), timeoutMs);
    }

    private <T> QmiResult<T> interpret(ToolCommand c, ProcessRunner.Result r, Function<String, T> parse, Function<String, T> onError) {
        if (r.timedOut()) return QmiResult.timeout(timeoutText(c, r));
        if (r.exitCode() == 0) {
            T v = safe(parse, c.scrub(r.stdout()));
            if (v != null) return QmiResult.ok(v);
            return QmiResult.failed("qmicli answered, but not in a form understood: " + firstLine(c.scrub(r.stdout())));
        }
        QmiResult<T> failure = interpretFailure(c, r);
        if (failure.status() == QmiResult.Status.PROTOCOL_ERROR && onError != null) {
            T partial = safe(onError, c.scrub(r.stderr() + "\n" + r.stdout()));
            return QmiResult.protocolError(failure.errorCode(), failure.errorName(), partial, failure.message());
        }
        return failure;
    }

    private <T> QmiResult<T> interpretFailure(ToolCommand c, ProcessRunner.Result r) {
        String all = c.scrub(r.stderr() + "\n" + r.stdout());
        String line = QmicliParsers.errorLine(all);
        QmicliParsers.ErrorText e = QmicliParsers.protocolError(all);
        if (e != null) return QmiResult.protocolError(e.code(), e.nick(), null, line);
        if (all.contains("Transaction timed out")) return QmiResult.timeout("qmicli: " + (line != null ? line : "transaction timed out"));
        if (r.exitCode() == 127) return QmiResult.failed(firstLine(c.scrub(r.stderr())));
        return QmiResult.failed(line != null ? line : "qmicli exited with " + r.exitCode());
    }

    private static String timeoutText(ToolCommand c, ProcessRunner.Result r) {
        return "no answer within " + r.millis() + " ms; qmicli killed";
    }

    private static <T> T safe(Function<String, T> f, String s) {
        try {
            return f.apply(s);
        } catch (RuntimeException e) {
            return null; // a parser bug must not take the daemon down: unknown it is
        }
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) return "(no output)";
        return s.strip().lines().findFirst().orElse("");
    }

    private void logResult(ToolCommand c, ProcessRunner.Result r, QmiResult<?> res) {
        if (res.timedOut()) log.warn("{} → {} ({} ms)", c.display(), res.describe(), r.millis());
        else log.debug("{} → {} ({} ms)", c.display(), res.describe(), r.millis());
    }
}
