package io.ltemodem.ppp;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.DataPlane;
import io.ltemodem.dataplane.StepResult;
import io.ltemodem.dataplane.link.SysfsNetdev;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.Fact;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.PdpActivation;
import io.ltemodem.model.Snapshot;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.SupervisedProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The PPP data plane (name {@code ppp}): pppd on the modem's data tty, dialling with a generated chat script
 * ({@code AT+CGDCONT}, {@code ATD*99#}, {@code CONNECT}), as OpenWrt's 3g proto does — but supervised: pppd is a
 * child of the daemon ({@link SupervisedProcess}), started as {@code pppd file <options>} so no secret is on its
 * command line, stopped with SIGTERM (it hangs up) and killed past a grace period, never looked for by name.
 *
 * <p>{@code start} waits, up to the setup's deadline, for the link to come up (pppd's ip-up hook reports it) or for
 * pppd to give up (its exit code says why: chat failed, authentication refused, no kernel PPP support ...). A pppd
 * still negotiating at the deadline keeps running and the next {@code start} keeps waiting for it.
 * {@code observe} reports the link as the session ({@code pdpActivations} of {@code want.profile()}), the addresses
 * pppd negotiated as static settings (a /32 with the peer as gateway; {@code dhcpv6=true} for an IPv6 link, which
 * netifd completes with DHCPv6 on the PPP interface), and the PPP netdev as the host link. The modem itself is not
 * asked: its data tty is in data mode while the link is up.
 */
public final class PppDataPlane implements DataPlane {
    private static final Logger log = LoggerFactory.getLogger(PppDataPlane.class);
    private static final long POLL_MS = 25;

    private final PppSetup setup;
    private final Clock clock;
    private final SysfsNetdev netdev;

    private SupervisedProcess pppd;
    private ModemConfig running;
    private Integer lastExit;
    private List<String> lastOutput = List.of();

    public PppDataPlane(PppSetup setup, Clock clock) {
        this.setup = setup;
        this.clock = clock;
        this.netdev = new SysfsNetdev(setup.sysfsRoot(), setup.ifname());
    }

    @Override
    public String name() {
        return "ppp";
    }

    @Override
    public String netdev() {
        return setup.ifname();
    }

    /** pppd's pid while it runs, else null (for status and leak checks). */
    public synchronized Long pid() {
        return pppd != null && pppd.alive() ? pppd.pid() : null;
    }

    /** The exit code of the last pppd that ended by itself, or null. */
    public synchronized Integer lastExitCode() {
        return lastExit;
    }

    /** What the running (or else the last) pppd printed, scrubbed: for a status page or a failing test. */
    public synchronized List<String> pppdOutput() {
        return pppd == null ? lastOutput : pppd.output();
    }

    // ---------------------------------------------------------------- start / stop

    @Override
    public synchronized StepResult start(ModemConfig want) {
        try {
            PppFiles.validate(want);
        } catch (IllegalArgumentException e) {
            return StepResult.fail(ErrorCode.CONFIG_INVALID, e.getMessage());
        }
        if (pppd != null && pppd.alive() && !sameLink(running, want)) {
            log.info("{}: the configuration changed; restarting pppd", setup.ifname());
            stopPppd();
        }
        if (pppd == null || !pppd.alive()) {
            StepResult s = spawn(want);
            if (!s.ok()) return s;
        }
        return awaitUp(want);
    }

    private StepResult spawn(ModemConfig want) {
        Path options;
        try {
            options = PppFiles.write(setup, want);
        } catch (IOException e) {
            return StepResult.fail(ErrorCode.CONNECT_FAILED, "cannot write the pppd files in " + setup.runDir() + ": " + e.getMessage());
        }
        List<String> argv = List.of(setup.pppd().toString(), "file", options.toString());
        try {
            pppd = SupervisedProcess.start("pppd-" + want.name(), argv, null, scrubber(want));
        } catch (IOException e) {
            PppFiles.clean(setup);
            return StepResult.fail(ErrorCode.CONNECT_FAILED, "cannot start " + setup.pppd() + ": " + e.getMessage());
        }
        running = want;
        lastExit = null;
        log.info("{}: pppd {} started on {} ({})", setup.ifname(), pppd.pid(), setup.tty(), String.join(" ", argv));
        return StepResult.OK;
    }

    /** Up when the hook reported an address of a wanted family; gone when pppd ended; else wait, boundedly. */
    private StepResult awaitUp(ModemConfig want) {
        long deadline = System.nanoTime() + setup.connectTimeoutMs() * 1_000_000L;
        while (true) {
            if (up(want)) return StepResult.OK;
            if (!pppd.alive()) return ended();
            if (System.nanoTime() >= deadline) {
                return StepResult.fail(ErrorCode.TIMEOUT, "pppd is still negotiating after " + setup.connectTimeoutMs() + " ms");
            }
            try {
                pppd.awaitExit(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return StepResult.fail(ErrorCode.TIMEOUT, "interrupted while pppd was connecting");
            }
        }
    }

    private boolean up(ModemConfig want) {
        if (want.pdpType() == ModemConfig.PdpType.IPV6) return pppd != null && PppLinkState.ipv6Up(pppd.output());
        return PppLinkState.read(setup.runDir()) != null;
    }

    /** pppd ended by itself: remember why, clean up, say why. */
    private StepResult ended() {
        int code = pppd.stop(setup.stopGraceMs()); // reaps it and anything it left running
        lastExit = code;
        List<String> out = pppd.output();
        lastOutput = out;
        pppd = null;
        PppFiles.clean(setup);
        PppExit e = PppExit.of(code);
        log.warn("{}: {}; last output: {}", setup.ifname(), PppExit.describe(code), out.isEmpty() ? "(none)" : out.get(out.size() - 1));
        return StepResult.fail(e == null ? ErrorCode.CONNECT_FAILED : e.error(), PppExit.describe(code));
    }

    @Override
    public synchronized StepResult stop(ModemConfig want) {
        stopPppd();
        return StepResult.OK;
    }

    private void stopPppd() {
        if (pppd != null) {
            int code = pppd.stop(setup.stopGraceMs());
            lastOutput = pppd.output();
            log.info("{}: pppd stopped ({})", setup.ifname(), code);
            pppd = null;
        }
        running = null;
        PppFiles.clean(setup);
    }

    /** Same link: the settings that went into the generated files. */
    private static boolean sameLink(ModemConfig a, ModemConfig b) {
        return a != null && a.apn().equals(b.apn()) && a.pdpType() == b.pdpType() && a.auth() == b.auth()
                && a.username().equals(b.username()) && a.password().equals(b.password()) && a.profile() == b.profile()
                && a.mtu() == b.mtu() && Objects.equals(a.name(), b.name());
    }

    // ---------------------------------------------------------------- observe

    @Override
    public synchronized void observe(ModemConfig want, Snapshot.Builder into) {
        long now = clock.millis();
        into.host(Fact.of(netdev.hostLink(), now));
        if (pppd != null && !pppd.alive()) ended();
        boolean up = pppd != null && up(want);
        into.pdpActivations(Fact.of(List.of(new PdpActivation(want.profile(), up)), now));
        if (!up) return;
        PppLinkState st = PppLinkState.read(setup.runDir());
        boolean v6 = want.pdpType() != ModemConfig.PdpType.IPV4 && PppLinkState.ipv6Up(pppd.output());
        into.ipConfig(Fact.of(new IpConfig(st == null ? null : st.ipv4(), null, null, false, v6 && want.dhcpv6()), now));
    }

    @Override
    public synchronized void close() {
        stopPppd();
    }

    private static UnaryOperator<String> scrubber(ModemConfig want) {
        String user = want.username();
        String pass = want.password();
        return line -> {
            String l = line;
            if (!pass.isEmpty()) l = l.replace(pass, "***");
            // A very short username would mask half the log; pppd does not print it anyway.
            if (user.length() >= 3) l = l.replace(user, "***");
            return l;
        };
    }
}
