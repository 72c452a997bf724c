package io.ltemodem.daemon;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.device.UsbCompositions;
import io.ltemodem.engine.ModemStatus;
import io.ltemodem.engine.RecoveryLevel;
import io.ltemodem.mbim.MbimTimeouts;
import io.ltemodem.mbim.MbimcliTool;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.StateKind;
import io.ltemodem.sim.Registration;
import io.ltemodem.sim.SimCardState;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sim.mbim.AtModemMbimModel;
import io.ltemodem.sim.mbim.MbimSimulator;
import io.ltemodem.sim.mbim.RealMbimcli;
import io.ltemodem.sys.Leaks;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The MBIM rows of the fault matrix ({@code engine.scenario.FaultMatrixTest} has AT and QMI): the production wiring on
 * a fake sysfs tree, the real mbimcli against the MBIM simulator sharing the simulated modem's state. Rows run on a
 * module with only its MBIM function (control over MBIM) unless they say AT; each asserts the end state, a bound in
 * modem time and no leaks (children, fds, and the MBIM session closed on the simulator once the daemon stops).
 */
class MbimFaultMatrixTest {
    private static final long SLACK_MS = 15_000;
    private static final int FD_SLACK = 4;
    /** Real time, as mbimcli runs: the simulator answers in tens of milliseconds. */
    private static final MbimTimeouts TIMEOUTS = new MbimTimeouts(1_500, 4_000);
    private static final long BOOT_MS = 5_000;
    /** How long a parked modem is watched for "nothing more happens": four parked polls. */
    private static final long PARKED_MS = 20_000;

    @TempDir
    Path dir;

    @FunctionalInterface
    interface Step {
        void run(SysfsRig rig, SimModem sim, MbimSimulator mbim) throws Exception;
    }

    record Row(String name, boolean withAt, UnaryOperator<SimModem.Builder> modem, Step inject, StateKind end, ErrorCode error,
               long boundMs, Step check) {
        @Override
        public String toString() {
            return (withAt ? "mbim+at: " : "mbim: ") + name;
        }
    }

    private static final ModemConfig WANT = ModemConfig.defaults("wwan").withApn("internet").withPin("7361");
    private static final Step ONE_SESSION = (rig, sim, mbim) -> assertEquals(List.of(1), sim.activeContexts(), "one session");

    /** A modem that needs a person stays parked: no PIN or PUK sent, no reset, the same state, some modem time later. */
    private static final Step NOTHING_SENT = (rig, sim, mbim) -> {
        StateKind parked = rig.daemon.status("wwan").state().kind();
        rig.clock.sleep(PARKED_MS);
        assertEquals(0, sim.pinAttempts(), "no PIN sent");
        assertEquals(0, sim.pukAttempts(), "no PUK sent");
        assertEquals(0, sim.resetCount(), "no reset");
        assertEquals(parked, rig.daemon.status("wwan").state().kind());
    };

    /** Something the network or the SIM does, after which the modem must be back on line. */
    private static Row online(String name, Step inject) {
        return new Row(name, false, b -> b, inject, StateKind.ONLINE, null, 150_000, ONE_SESSION);
    }

    static List<Row> rows() {
        List<Row> r = new ArrayList<>();
        r.add(new Row("SIM PIN, radio off, over MBIM", false, b -> b.simState(SimCardState.PIN).radio(4), null, StateKind.ONLINE, null,
                150_000, (rig, sim, mbim) -> assertEquals(1, sim.pinAttempts())));
        r.add(new Row("a wrong PIN is tried once", false, b -> b.simState(SimCardState.PIN).pin("9999"), null, StateKind.NEEDS_USER,
                ErrorCode.PIN_FAILED, 150_000, (rig, sim, mbim) -> {
                    rig.clock.sleep(PARKED_MS);
                    assertEquals(1, sim.pinAttempts());
                }));
        r.add(new Row("no SIM", false, b -> b.simState(SimCardState.ABSENT), null, StateKind.SIM_ABSENT, ErrorCode.SIM_ABSENT, 150_000,
                NOTHING_SENT));
        r.add(new Row("one PIN try left: not risked", false, b -> b.simState(SimCardState.PIN).pinRetries(1), null, StateKind.NEEDS_USER,
                ErrorCode.PIN_TRIES_BELOW_LIMIT, 150_000, NOTHING_SENT));
        r.add(new Row("SIM PUK: never sent", false, b -> b.simState(SimCardState.PUK), null, StateKind.NEEDS_USER,
                ErrorCode.PUK_REQUIRED, 150_000, NOTHING_SENT));
        r.add(new Row("registration denied", false, b -> b.registrationOutcome(Registration.DENIED), null, StateKind.DENIED,
                ErrorCode.REGISTRATION_DENIED, 150_000, NOTHING_SENT));
        r.add(new Row("SIM busy 20 s after boot", false, b -> b.simBusyAfterBootMillis(20_000), null, StateKind.ONLINE, null, 150_000,
                ONE_SESSION));
        r.add(online("bearer up, IP lost", (rig, sim, mbim) -> sim.faults().ipLost(1)));
        r.add(new Row("SIM pulled", false, b -> b, (rig, sim, mbim) -> sim.faults().simRemoved(), StateKind.SIM_ABSENT,
                ErrorCode.SIM_ABSENT, 60_000, (rig, sim, mbim) -> assertEquals(0, sim.resetCount(), "no reset for a pulled SIM")));
        r.add(online("spontaneous reboot", (rig, sim, mbim) -> sim.faults().reboot()));
        r.add(online("network deactivates the session", (rig, sim, mbim) -> sim.faults().networkDeactivatesContext(1)));
        r.add(online("registration lost for 20 s", (rig, sim, mbim) -> sim.faults().registrationLost(20_000)));
        r.add(online("first MBIM requests dropped", (rig, sim, mbim) -> {
            mbim.faults().dropNext(2);
            sim.faults().networkDeactivatesContext(1);
        }));
        r.add(online("slow MBIM answers (600 ms)", (rig, sim, mbim) -> {
            mbim.faults().delayMs(600);
            sim.faults().networkDeactivatesContext(1);
        }));
        r.add(online("fragmented MBIM messages", (rig, sim, mbim) -> {
            mbim.faults().fragment(9);
            sim.faults().networkDeactivatesContext(1);
        }));
        r.add(online("the modem forgets the MBIM session", (rig, sim, mbim) -> {
            mbim.dropSession();
            sim.faults().networkDeactivatesContext(1);
        }));
        r.add(new Row("hung MBIM firmware: no soft reset over MBIM, the USB reset", false, b -> b, (rig, sim, mbim) -> {
            mbim.faults().silent(true);
            Path authorized = rig.sys.resolve("bus/usb/devices/1-1/authorized");
            // A soft reset would hold the ladder at L3 for the whole wait for the device to go: a poll sees it.
            java.util.Set<RecoveryLevel> seen = java.util.EnumSet.noneOf(RecoveryLevel.class);
            rig.await(s -> {
                seen.add(s.level());
                return s.level() == RecoveryLevel.L4_USB;
            }, "USB reset");
            assertFalse(seen.contains(RecoveryLevel.L3_MODEM), "no soft reset over MBIM: " + seen);
            while (!Files.exists(authorized) || !Files.readString(authorized).trim().equals("0")) Thread.sleep(5);
            mbim.faults().silent(false); // the module restarts with its USB device
        }, StateKind.ONLINE, null, 600_000, null));
        r.add(new Row("network deactivates the session (control on AT)", true, b -> b, (rig, sim, mbim) -> sim.faults().networkDeactivatesContext(1),
                StateKind.ONLINE, null, 150_000, ONE_SESSION));
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void row(Row row) throws Exception {
        Leaks.Baseline before = Leaks.now();
        MbimSimulator mbim;
        SimModem sim;
        try (SysfsRig rig = new SysfsRig(dir)) {
            if (row.withAt()) UsbCompositions.quectelEc25Mbim(rig.tree, "1-1");
            else UsbCompositions.mbimOnly(rig.tree, "1-1");
            // A quicker boot than the personas' (12 s, 20 s) keeps the rows short on the rig's 10x clock.
            SimModem.Builder b = rig.modem(row.withAt() ? "quectel-ec25" : "fibocom-l850").pin("7361").bootMillis(BOOT_MS);
            if (row.withAt()) b.portLink(rig.dev.resolve("ttyUSB2"));
            sim = rig.closing(row.modem().apply(b).build().start());
            mbim = rig.closing(MbimSimulator.builder(new AtModemMbimModel(sim.model())).clock(rig.clock).start());
            Files.createSymbolicLink(rig.dev.resolve("cdc-wdm0"), Path.of(mbim.devicePath()));
            Path mbimcli = RealMbimcli.require();
            rig.start(() -> WANT, HostTools.installed(rig.runner).withQmi(d -> fail("no QMI"))
                    .withMbim(d -> new MbimcliTool(mbimcli.toString(), d, false, rig.runner, TIMEOUTS)));

            long t0 = rig.clock.millis();
            if (row.inject() != null) {
                rig.await(s -> s.state().kind() == StateKind.ONLINE, "online");
                t0 = rig.clock.millis();
                row.inject().run(rig, sim, mbim);
                rig.await(s -> s.state().kind() != StateKind.ONLINE, "off line");
            }
            ModemStatus end = awaitEnd(rig, row);
            long took = rig.clock.millis() - t0;
            assertTrue(took <= row.boundMs(), row + ": " + row.end() + " after " + took + " ms of modem time, bound " + row.boundMs());
            if (row.error() != null) assertEquals(row.error(), end.state().error());
            if (row.check() != null) row.check().run(rig, sim, mbim);

            rig.stopDaemon();
            assertFalse(mbim.isOpen(), "the daemon closed its MBIM session on the way out");
        }
        assertEquals(List.of(), Leaks.since(before, FD_SLACK, 5_000), "left behind");
    }

    private static ModemStatus awaitEnd(SysfsRig rig, Row row) throws InterruptedException {
        long realMs = (long) (row.boundMs() / rig.clock.factor()) + SLACK_MS;
        long deadline = System.nanoTime() + realMs * 1_000_000L;
        while (System.nanoTime() < deadline) {
            ModemStatus s = rig.daemon.status("wwan");
            if (s.state().kind() == row.end()) return s;
            Thread.sleep(10);
        }
        ModemStatus s = rig.daemon.status("wwan");
        throw new AssertionError(row + ": not " + row.end() + " within " + realMs + " ms; now " + s.state() + " (" + s.lastError() + ")");
    }
}
