package io.ltemodem.engine;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.Fact;
import io.ltemodem.model.ModemState;
import io.ltemodem.model.HostLink;
import io.ltemodem.model.Identity;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.Ipv4Config;
import io.ltemodem.model.PdpActivation;
import io.ltemodem.model.PdpContext;
import io.ltemodem.model.RegDomain;
import io.ltemodem.model.RegStat;
import io.ltemodem.model.ReportingConfig;
import io.ltemodem.model.Registration;
import io.ltemodem.model.SimState;
import io.ltemodem.model.SimStatus;
import io.ltemodem.model.Snapshot;
import io.ltemodem.model.StateKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The planner's choice of state and ONE next action for snapshots along the way to online. */
class PlannerTest {
    @TempDir
    Path dir;

    private final ModemConfig want = ModemConfig.defaults("wwan").withApn("internet").withPin("1234");

    private PinPolicy pins() {
        return new PinPolicy(new RejectedPins(dir.resolve("rejected")));
    }

    /** A modem that is online: every later test breaks one fact. */
    private static Snapshot.Builder online() {
        return Snapshot.builder(0)
                .portPresent(Fact.of(true, 0))
                .atResponsive(Fact.of(true, 0))
                .controlResponsive(Fact.of(true, 0))
                .identity(Fact.of(new Identity("Quectel", "EC25", "r1", "861234567890123", null, "8949000000000000001"), 0))
                .sim(Fact.of(new SimStatus(SimState.READY, 3, 10), 0))
                .radio(Fact.of(1, 0))
                .registration(RegDomain.EPS, Fact.of(new Registration(RegDomain.EPS, 2, RegStat.HOME, "1A2B", "01A2B3C", 7), 0))
                .registration(RegDomain.CS, Fact.of(new Registration(RegDomain.CS, 2, RegStat.NOT_REGISTERED, null, null, null), 0))
                .psAttached(Fact.of(true, 0))
                .pdpContexts(Fact.of(List.of(new PdpContext(1, "IPV4V6", "internet")), 0))
                .pdpActivations(Fact.of(List.of(new PdpActivation(1, true)), 0))
                .ipConfig(Fact.of(IpConfig.ofStatic(new Ipv4Config("10.1.2.3", 30, "10.1.2.4", List.of("8.8.8.8")), null, null), 0));
    }

    private Plan plan(Snapshot.Builder b) {
        return Planner.plan(b.build(), want, true, pins(), true);
    }

    @Test
    void onlineNeedsNothing() {
        Plan p = plan(online());
        assertEquals(StateKind.CONNECTED, p.state().kind());
        assertInstanceOf(Action.Done.class, p.action());
    }

    @Test
    void aModemWithoutControlPlaneFollowsItsLink() {
        HostLink up = new HostLink("eth1", true, true, null);
        IpConfig dhcp = new IpConfig(null, null, null, true, false);
        Snapshot absent = Snapshot.builder(0).build();
        assertEquals(StateKind.ENUMERATING, Planner.planLinkOnly(absent, true).state().kind());
        Snapshot noCarrier = Snapshot.builder(0).host(Fact.of(up, 0)).build();
        assertEquals(new ModemState(StateKind.CONNECTING, Planner.NO_CONTROL_PLANE, null), Planner.planLinkOnly(noCarrier, true).state());
        assertInstanceOf(Action.Wait.class, Planner.planLinkOnly(noCarrier, true).action());
        Snapshot linked = Snapshot.builder(0).host(Fact.of(up, 0)).ipConfig(Fact.of(dhcp, 0)).build();
        Plan p = Planner.planLinkOnly(linked, true);
        assertEquals(new ModemState(StateKind.CONNECTED, Planner.NO_CONTROL_PLANE, null), p.state());
        assertInstanceOf(Action.Done.class, p.action());
        // netifd's disconnect cannot end the stick's own session: nothing is planned against it.
        assertEquals(StateKind.ATTACHED, Planner.planLinkOnly(linked, false).state().kind());
        assertInstanceOf(Action.Done.class, Planner.planLinkOnly(linked, false).action());
    }

    @Test
    void silentPortWaits() {
        Plan p = plan(online().atResponsive(Fact.of(false, 0)).controlResponsive(Fact.of(false, 0)));
        assertEquals(StateKind.NOT_RESPONDING, p.state().kind());
        assertInstanceOf(Action.Wait.class, p.action());
    }

    /**
     * A QMI-controlled modem (no AT port): AT responsiveness is unknown, QMI answers; what QMI cannot report
     * (contexts, reporting switches) stays unknown, and the plan still goes all the way.
     */
    @Test
    void aModemControlledOverQmiNeedsNoAtPort() {
        Snapshot qmi = online().atResponsive(Fact.unknown()).pdpContexts(Fact.unknown()).build();
        assertEquals(StateKind.CONNECTED, Planner.plan(qmi, want, true, pins(), true).state().kind());
        assertInstanceOf(Action.Done.class, Planner.plan(qmi, want, true, pins(), true).action());
        Snapshot silent = online().atResponsive(Fact.unknown()).controlResponsive(Fact.of(false, 0)).build();
        assertEquals(StateKind.NOT_RESPONDING, Planner.plan(silent, want, true, pins(), true).state().kind());
        Snapshot atOnlyAnswers = online().controlResponsive(Fact.unknown()).build();
        assertEquals(StateKind.NOT_RESPONDING, Planner.plan(atOnlyAnswers, want, true, pins(), true).state().kind(),
                "what counts is the control port, whatever it is");
    }

    @Test
    void initComesFirstAfterAnOpen() {
        Plan p = Planner.plan(online().build(), want, true, pins(), false);
        assertInstanceOf(Action.Init.class, p.action());
    }

    @Test
    void initFollowsWhatTheModemReportsNotWhatWeRemember() {
        Snapshot configured = online().reporting(Fact.of(new ReportingConfig(1, 2, 2), 0)).build();
        assertInstanceOf(Action.Done.class, Planner.plan(configured, want, true, pins(), false).action(),
                "already set up (say by a daemon before a restart): nothing to send");
        Snapshot forgot = online().reporting(Fact.of(new ReportingConfig(0, 0, 0), 0)).build();
        assertInstanceOf(Action.Init.class, Planner.plan(forgot, want, true, pins(), true).action(),
                "rebooted and forgot its settings: init again");
    }

    @Test
    void simStates() {
        assertEquals(new Action.Park(ErrorCode.SIM_ABSENT), plan(online().sim(Fact.of(new SimStatus(SimState.ABSENT, null, null), 0))).action());
        assertEquals(StateKind.SIM_BUSY, plan(online().sim(Fact.of(new SimStatus(SimState.BUSY, null, null), 0))).state().kind());
        Plan pin = plan(online().sim(Fact.of(new SimStatus(SimState.PIN, 3, 10), 0)));
        assertEquals("LOCKED(pin)", pin.state().toString());
        assertEquals(new Action.EnterPin("1234"), pin.action());
        Plan one = plan(online().sim(Fact.of(new SimStatus(SimState.PIN, 1, 10), 0)));
        assertEquals("NEEDS_USER(PIN_TRIES_BELOW_LIMIT)", one.state().toString());
        assertEquals(new Action.Park(ErrorCode.PIN_TRIES_BELOW_LIMIT), one.action());
        assertEquals(new Action.Park(ErrorCode.PUK_REQUIRED), plan(online().sim(Fact.of(new SimStatus(SimState.PUK, 0, 10), 0))).action());
        assertInstanceOf(Action.Wait.class, plan(online().sim(Fact.unknown())).action(), "unknown SIM: wait, never guess");
    }

    @Test
    void radioOffIsSwitchedOn() {
        Plan p = plan(online().radio(Fact.of(4, 0)));
        assertEquals(StateKind.RADIO_OFF, p.state().kind());
        assertInstanceOf(Action.RadioOn.class, p.action());
    }

    @Test
    void contextIsDefinedOnlyWhenItDiffers() {
        assertEquals(new Action.DefineContext(1, "IPV4V6", "internet"),
                plan(online().pdpContexts(Fact.of(List.of(new PdpContext(1, "IP", "internet")), 0))).action());
        assertEquals(new Action.DefineContext(1, "IPV4V6", "internet"),
                plan(online().pdpContexts(Fact.of(List.of(), 0))).action());
        assertInstanceOf(Action.Done.class, plan(online().pdpContexts(Fact.of(List.of(new PdpContext(1, "ipv4v6", "INTERNET")), 0))).action(),
                "case differences are no difference");
    }

    @Test
    void registrationStates() {
        Plan searching = plan(online().registration(RegDomain.EPS, Fact.of(new Registration(RegDomain.EPS, 2, RegStat.SEARCHING, null, null, null), 0)));
        assertEquals(StateKind.SEARCHING, searching.state().kind());
        assertInstanceOf(Action.Wait.class, searching.action());
        Plan denied = plan(online().registration(RegDomain.EPS, Fact.of(new Registration(RegDomain.EPS, 2, RegStat.DENIED, null, null, null), 0)));
        assertEquals(StateKind.DENIED, denied.state().kind());
        assertEquals(new Action.Park(ErrorCode.REGISTRATION_DENIED), denied.action());
        Plan roaming = plan(online().registration(RegDomain.EPS, Fact.of(new Registration(RegDomain.EPS, 2, RegStat.ROAMING, null, null, 7), 0)));
        assertEquals(ErrorCode.ROAMING_NOT_ALLOWED, roaming.state().error());
        assertInstanceOf(Action.StopBearer.class, roaming.action(), "a roaming session that is not allowed is stopped");
        Plan allowed = Planner.plan(online().registration(RegDomain.EPS,
                Fact.of(new Registration(RegDomain.EPS, 2, RegStat.ROAMING, null, null, 7), 0)).build(), want.withRoaming(true), true, pins(), true);
        assertInstanceOf(Action.Done.class, allowed.action());
    }

    @Test
    void bestDomainCounts() {
        // LTE-only: CREG says not registered while CEREG says home.
        assertInstanceOf(Action.Done.class, plan(online()).action());
    }

    @Test
    void attachThenBearerThenIp() {
        Plan detached = plan(online().psAttached(Fact.of(false, 0)));
        assertEquals("REGISTERED(home)", detached.state().toString());
        assertInstanceOf(Action.Attach.class, detached.action());
        Plan noBearer = plan(online().pdpActivations(Fact.of(List.of(new PdpActivation(1, false)), 0)));
        assertEquals(StateKind.ATTACHED, noBearer.state().kind());
        assertInstanceOf(Action.StartBearer.class, noBearer.action());
        Plan unknownIp = plan(online().ipConfig(Fact.unknown()));
        assertEquals(StateKind.CONNECTING, unknownIp.state().kind());
        assertNull(unknownIp.state().error(), "unknown is not absent");
        Plan noIp = plan(online().ipConfig(Fact.of(IpConfig.ofStatic(null, null, null), 0)));
        assertEquals(StateKind.CONNECTING, noIp.state().kind());
        assertEquals(ErrorCode.NO_IP, noIp.state().error());
    }

    @Test
    void disconnectStopsTheBearer() {
        Plan p = Planner.plan(online().build(), want, false, pins(), true);
        assertInstanceOf(Action.StopBearer.class, p.action());
        Plan stopped = Planner.plan(online().pdpActivations(Fact.of(List.of(new PdpActivation(1, false)), 0)).build(), want, false, pins(), true);
        assertInstanceOf(Action.Done.class, stopped.action());
    }
}
