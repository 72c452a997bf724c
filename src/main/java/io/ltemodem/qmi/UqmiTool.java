package io.ltemodem.qmi;

import io.ltemodem.sys.ToolCommand;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.model.Signal;
import io.ltemodem.sys.ProcessRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * QMI through OpenWrt's {@code uqmi}: {@code uqmi -s -d <dev> -t <ms> ...}, JSON on stdout. {@code -t} is
 * never left out: without it uqmi waits forever for a modem that dropped the request (openwrt/openwrt#10472).
 * Our process deadline is that timeout plus a margin, and past it uqmi is killed.
 *
 * <p>Client ids: {@code --get-client-id wds} allocates and keeps one, {@code --set-client-id wds,N} uses it
 * (and implies keeping it), {@code --release-client-id wds} releases it at exit. Errors are printed as a JSON
 * string ({@code "Call failed"}) with exit code 255; uqmi gives no call end reasons and no PIN retries.
 */
public final class UqmiTool implements QmiTool {
    private static final Logger log = LoggerFactory.getLogger(UqmiTool.class);
    /** Time for uqmi to start and exit around its own request timeout. */
    static final long MARGIN_MS = 2_000;

    private final String program;
    private final String device;
    private final ProcessRunner runner;
    private final QmiTimeouts timeouts;

    public UqmiTool(String program, String device, ProcessRunner runner, QmiTimeouts timeouts) {
        this.program = program;
        this.device = device;
        this.runner = runner;
        this.timeouts = timeouts;
    }

    @Override
    public String name() {
        return "uqmi";
    }

    @Override
    public String device() {
        return device;
    }

    /** Base command with uqmi's request timeout = our deadline less the margin. */
    private ToolCommand cmd(long deadlineMs, String... args) {
        long t = Math.max(500, deadlineMs - MARGIN_MS);
        ToolCommand c = new ToolCommand(program, "-s", "-d", device, "-t", Long.toString(t));
        for (String a : args) c.arg(a);
        return c;
    }

    private ToolCommand cmd(String... args) {
        return cmd(timeouts.requestMs(), args);
    }

    private static ToolCommand client(ToolCommand c, Integer cid) {
        if (cid != null) c.arg("--set-client-id").arg("wds," + cid);
        return c;
    }

    @Override
    public QmiResult<DeviceIds> deviceIds() {
        return run(cmd("--get-imei"), timeouts.requestMs(), out -> {
            String imei = UqmiParsers.string(out);
            return imei == null ? null : new DeviceIds(null, imei, null, null);
        });
    }

    @Override
    public QmiResult<OperatingMode> operatingMode() {
        return run(cmd("--get-device-operating-mode"), timeouts.requestMs(), UqmiParsers::operatingMode);
    }

    @Override
    public QmiResult<Void> setOperatingMode(OperatingMode mode) {
        return done(cmd("--set-device-operating-mode", mode.uqmi()), timeouts.requestMs());
    }

    @Override
    public QmiResult<CardStatus> cardStatus() {
        QmiResult<CardStatus> r = run(cmd("--uim-get-sim-state"), timeouts.requestMs(), UqmiParsers::simState);
        if (r.is(QmiProtocolError.INVALID_QMI_COMMAND) || r.is(QmiProtocolError.NOT_SUPPORTED)) {
            // Firmware without the UIM service: the legacy DMS PIN status is all there is.
            return run(cmd("--get-pin-status"), timeouts.requestMs(), UqmiParsers::pinStatus);
        }
        return r;
    }

    @Override
    public QmiResult<PinRetries> verifyPin(String pin) {
        if (pin == null || pin.isEmpty() || !pin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return QmiResult.failed("the PIN must be digits");
        }
        ToolCommand c = cmd("--uim-verify-pin1").secret(pin, "***", pin);
        QmiResult<PinRetries> r = run(c, timeouts.requestMs(), out -> new PinRetries(null, null));
        if (r.is(QmiProtocolError.INVALID_QMI_COMMAND) || r.is(QmiProtocolError.NOT_SUPPORTED)) {
            ToolCommand legacy = cmd("--verify-pin1").secret(pin, "***", pin);
            r = run(legacy, timeouts.requestMs(), out -> new PinRetries(null, null));
        }
        return r;
    }

    @Override
    public QmiResult<ServingSystem> servingSystem() {
        return run(cmd("--get-serving-system"), timeouts.requestMs(), UqmiParsers::servingSystem);
    }

    @Override
    public QmiResult<Signal> signalInfo() {
        return run(cmd("--get-signal-info"), timeouts.requestMs(), UqmiParsers::signalInfo);
    }

    @Override
    public QmiResult<DataFormat> dataFormat() {
        return run(cmd("--wda-get-data-format"), timeouts.requestMs(), UqmiParsers::dataFormat);
    }

    @Override
    public QmiResult<DataFormat> setDataFormat(DataFormat.LinkLayer linkLayer) {
        QmiResult<Void> set = done(cmd("--wda-set-data-format", linkLayer.uqmi()), timeouts.requestMs());
        if (!set.ok()) return set.withoutValue();
        return dataFormat(); // uqmi's set prints nothing useful: read back what is in effect
    }

    @Override
    public QmiResult<Integer> allocateWdsClient() {
        return run(cmd("--get-client-id", "wds"), timeouts.requestMs(), out -> {
            Long n = UqmiParsers.number(out);
            return n == null || n < 1 || n > 255 ? null : n.intValue();
        });
    }

    @Override
    public QmiResult<Void> releaseWdsClient(int cid) {
        QmiResult<Void> r = done(client(cmd(), cid).arg("--release-client-id").arg("wds"), timeouts.requestMs());
        return r.is(QmiProtocolError.INVALID_CLIENT_ID) ? QmiResult.ok(null) : r;
    }

    @Override
    public QmiResult<Void> setIpFamily(int cid, IpFamily family) {
        return done(client(cmd(), cid).arg("--set-ip-family").arg(family.uqmi()), timeouts.requestMs());
    }

    @Override
    public QmiResult<NetworkStart> startNetwork(int cid, StartNetworkRequest r) {
        ToolCommand c = client(cmd(timeouts.startNetworkMs()), cid).arg("--start-network");
        if (!r.apn().isEmpty()) c.arg("--apn").arg(r.apn());
        c.arg("--ip-family").arg(r.family().uqmi());
        if (r.profile() != null && r.profile() > 0) c.arg("--profile").arg(r.profile().toString());
        if (r.auth() != ModemConfig.Auth.NONE) {
            c.arg("--auth-type").arg(switch (r.auth()) {
                case PAP -> "pap";
                case CHAP -> "chap";
                default -> "both";
            });
        }
        if (!r.username().isEmpty()) c.arg("--username").secret(r.username(), "***", r.username());
        if (!r.password().isEmpty()) c.arg("--password").secret(r.password(), "***", r.password());
        return run(c, timeouts.startNetworkMs(), out -> {
            Long h = UqmiParsers.number(out);
            return h == null || h < 0 || h > 0xFFFFFFFFL ? null : new NetworkStart(h, cid, null);
        });
    }

    @Override
    public QmiResult<Void> stopNetwork(int cid, long handle, boolean releaseCid) {
        ToolCommand c = client(cmd(timeouts.stopNetworkMs()), cid).arg("--stop-network").arg(Long.toString(handle));
        if (releaseCid) c.arg("--release-client-id").arg("wds");
        return done(c, timeouts.stopNetworkMs());
    }

    @Override
    public QmiResult<ConnectionStatus> packetServiceStatus(Integer cid) {
        return run(client(cmd(), cid).arg("--get-data-status"), timeouts.requestMs(), UqmiParsers::connectionStatus);
    }

    @Override
    public QmiResult<CurrentSettings> currentSettings(Integer cid) {
        return run(client(cmd(), cid).arg("--get-current-settings"), timeouts.requestMs(), UqmiParsers::currentSettings);
    }

    @Override
    public QmiResult<Void> sync() {
        return done(cmd("--sync"), timeouts.requestMs());
    }

    // ---------------------------------------------------------------- running

    /** An action whose success prints nothing (or nothing we need). */
    private QmiResult<Void> done(ToolCommand c, long deadlineMs) {
        return run(c, deadlineMs, out -> Boolean.TRUE).withoutValue();
    }

    private <T> QmiResult<T> run(ToolCommand c, long deadlineMs, Function<String, T> parse) {
        ProcessRunner.Result r = runner.run(c.argv(), deadlineMs);
        QmiResult<T> res = interpret(c, r, parse);
        if (res.timedOut()) log.warn("{} → {} ({} ms)", c.display(), res.describe(), r.millis());
        else log.debug("{} → {} ({} ms)", c.display(), res.describe(), r.millis());
        return res;
    }

    static <T> QmiResult<T> interpret(ToolCommand c, ProcessRunner.Result r, Function<String, T> parse) {
        if (r.timedOut()) return QmiResult.timeout("no answer within " + r.millis() + " ms; uqmi killed");
        String out = c.scrub(r.stdout());
        String err = c.scrub(r.stderr());
        if (err.contains("Request timed out")) return QmiResult.timeout("uqmi: request timed out");
        // uqmi prints a QMI error as the result itself (exit 255), so look for one whatever the exit code.
        QmiProtocolError e = UqmiParsers.error(out);
        if (e != null) return QmiResult.protocolError(e, null, e.text());
        if (r.exitCode() == 0) {
            T v;
            try {
                v = parse.apply(out);
            } catch (RuntimeException ex) {
                v = null;
            }
            if (v != null) return QmiResult.ok(v);
            return QmiResult.failed("uqmi answered, but not in a form understood: " + firstLine(out));
        }
        String what = UqmiParsers.string(out);
        if (what != null) return QmiResult.failed("uqmi: " + what);
        return QmiResult.failed(r.exitCode() == 127 ? firstLine(err) : "uqmi exited with " + r.exitCode()
                + (err.isBlank() ? "" : ": " + firstLine(err)));
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) return "(no output)";
        return s.strip().lines().findFirst().orElse("");
    }
}
