package io.ltemodem.qmi;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.model.RegStat;
import io.ltemodem.model.Signal;
import io.ltemodem.model.SimState;
import io.ltemodem.model.SimStatus;
import io.ltemodem.sim.qmi.QmiModemModel;
import io.ltemodem.sim.qmi.QmiServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Every QMI step through the real qmicli against the simulator: requests, answers, errors, client ids. */
class QmicliToolSimulatorTest {
    private RealQmicli q;
    private QmicliTool tool;

    @BeforeEach
    void start() throws Exception {
        q = RealQmicli.start();
        tool = q.tool;
    }

    @AfterEach
    void stop() {
        if (q != null) {
            // Temporary clients are always given back: whatever a test did, no id stays taken but those it kept.
            q.close();
        }
    }

    @Test
    void deviceIds() {
        QmiResult<DeviceIds> r = tool.deviceIds();
        assertTrue(r.ok(), r.describe());
        assertEquals("867962041234567", r.value().imei());
        assertEquals(0, q.sim.cidsInUse(QmiServices.DMS));
    }

    @Test
    void operatingModeGetAndSet() {
        assertEquals(OperatingMode.ONLINE, tool.operatingMode().value());
        assertTrue(tool.setOperatingMode(OperatingMode.LOW_POWER).ok());
        assertEquals(OperatingMode.LOW_POWER, tool.operatingMode().value());
        assertEquals(4, tool.operatingMode().value().cfun());
        assertEquals(QmiModemModel.Power.LOW_POWER, q.model.power());
        assertTrue(tool.setOperatingMode(OperatingMode.ONLINE).ok());
        assertEquals(1, tool.operatingMode().value().cfun());
    }

    @Test
    void cardStatusReadyLockedAbsentAndBooting() {
        assertEquals(new SimStatus(SimState.READY, 3, 10), tool.cardStatus().value().toSimStatus());
        q.model.requirePin("4321");
        assertEquals(new SimStatus(SimState.PIN, 3, 10), tool.cardStatus().value().toSimStatus());
        q.model.simAbsent();
        assertEquals(SimState.ABSENT, tool.cardStatus().value().toSimStatus().state());
        q.model.simPresent().uimInitializing(true);
        QmiResult<CardStatus> booting = tool.cardStatus();
        assertTrue(booting.is(QmiProtocolError.UIM_UNINITIALIZED), booting.describe());
    }

    @Test
    void verifyPinWrongThenRight() {
        q.model.requirePin("4321");
        QmiResult<PinRetries> wrong = tool.verifyPin("1111");
        assertTrue(wrong.is(QmiProtocolError.INCORRECT_PIN), wrong.describe());
        assertEquals(new PinRetries(2, 10), wrong.value());
        PinVerifyResult typed = PinVerifyResult.of(wrong);
        assertEquals(PinVerifyResult.Outcome.INCORRECT_PIN, typed.outcome());
        assertEquals(2, typed.pinRetries());
        assertFalse(String.valueOf(typed).contains("1111"));
        assertFalse(wrong.describe().contains("1111"));

        QmiResult<PinRetries> right = tool.verifyPin("4321");
        assertTrue(right.ok(), right.describe());
        assertEquals(new SimStatus(SimState.READY, 3, 10), tool.cardStatus().value().toSimStatus());
        assertEquals(2, q.model.pinAttempts());
        assertFalse(tool.verifyPin("12a4").ok()); // not even sent
        assertEquals(2, q.model.pinAttempts());
    }

    @Test
    void servingSystemSearchingRegisteredDeniedRoaming() {
        ServingSystem home = tool.servingSystem().value();
        assertEquals(RegStat.HOME, home.regStat());
        assertEquals(Boolean.TRUE, home.psAttached());
        assertEquals("262", home.toOperator().mcc());
        assertEquals("01", home.toOperator().mnc());
        assertEquals(7, home.act());

        q.model.registration(QmiModemModel.RegState.SEARCHING);
        ServingSystem searching = tool.servingSystem().value();
        assertEquals(RegStat.SEARCHING, searching.regStat());
        assertEquals(Boolean.FALSE, searching.psAttached());
        assertNull(searching.toOperator());

        q.model.registration(QmiModemModel.RegState.DENIED);
        assertEquals(RegStat.DENIED, tool.servingSystem().value().regStat());

        q.model.registration(null).roaming(true).network(310, 260, true, "T-Mobile", io.ltemodem.model.Rat.LTE);
        ServingSystem roaming = tool.servingSystem().value();
        assertEquals(RegStat.ROAMING, roaming.regStat());
        assertEquals("260", roaming.toOperator().mnc());
    }

    @Test
    void signalInfo() {
        assertEquals(new Signal(-65, -95, -9.0, 12.0, "lte", null, null), tool.signalInfo().value());
        q.model.signal(new QmiModemModel.SignalLevels(io.ltemodem.model.Rat.NR5G, 0, -11, -88, 155));
        assertEquals(new Signal(null, -88, -11.0, 15.5, "nr5g", null, null), tool.signalInfo().value());
        q.model.registration(QmiModemModel.RegState.NOT_REGISTERED);
        q.model.setPower(QmiModemModel.Power.LOW_POWER);
        assertEquals(Signal.UNKNOWN, tool.signalInfo().value());
    }

    @Test
    void dataFormatGetAndSet() {
        assertEquals(DataFormat.LinkLayer.RAW_IP, tool.dataFormat().value().linkLayer());
        assertEquals(DataFormat.LinkLayer.ETHERNET, tool.setDataFormat(DataFormat.LinkLayer.ETHERNET).value().linkLayer());
        assertEquals(DataFormat.LinkLayer.ETHERNET, tool.dataFormat().value().linkLayer());
        q.model.rawIpOnly(true);
        assertEquals(DataFormat.LinkLayer.RAW_IP, tool.setDataFormat(DataFormat.LinkLayer.ETHERNET).value().linkLayer());
    }

    @Test
    void sessionOnAnOwnedClient() {
        QmiResult<Integer> cid = tool.allocateWdsClient();
        assertTrue(cid.ok(), cid.describe());
        assertEquals(1, q.sim.cidsInUse(QmiServices.WDS));

        assertEquals(ConnectionStatus.DISCONNECTED, tool.packetServiceStatus(cid.value()).value());
        QmiResult<CurrentSettings> out = tool.currentSettings(cid.value());
        assertTrue(out.is(QmiProtocolError.OUT_OF_CALL), out.describe());

        ModemConfig want = ModemConfig.defaults("wwan").withApn("internet");
        QmiResult<NetworkStart> s = tool.startNetwork(cid.value(), StartNetworkRequest.of(want, IpFamily.V4));
        assertTrue(s.ok(), s.describe());
        assertEquals(305419896L, s.value().handle());
        assertEquals(cid.value(), s.value().cid());
        assertEquals(1, q.sim.cidsInUse(QmiServices.WDS), "kept, not leaked, not released");

        QmiResult<NetworkStart> again = tool.startNetwork(cid.value(), StartNetworkRequest.of(want, IpFamily.V4));
        assertTrue(again.is(QmiProtocolError.NO_EFFECT), again.describe());

        assertEquals(ConnectionStatus.CONNECTED, tool.packetServiceStatus(cid.value()).value());
        assertEquals(ConnectionStatus.CONNECTED, tool.packetServiceStatus(null).value());
        CurrentSettings cs = tool.currentSettings(cid.value()).value();
        assertEquals("10.123.45.67", cs.ipv4().address());
        assertEquals(29, cs.ipv4().prefix());

        QmiResult<Void> stop = tool.stopNetwork(cid.value(), s.value().handle(), true);
        assertTrue(stop.ok(), stop.describe());
        assertEquals(0, q.sim.cidsInUse(QmiServices.WDS));
        assertEquals(0, q.model.activeSessions());
        assertEquals(ConnectionStatus.DISCONNECTED, tool.packetServiceStatus(null).value());
    }

    @Test
    void stopOfAStoppedSessionIsNoEffect() {
        int cid = tool.allocateWdsClient().value();
        QmiResult<Void> r = tool.stopNetwork(cid, 305419896L, false);
        assertTrue(r.is(QmiProtocolError.NO_EFFECT), r.describe());
        assertEquals(1, q.sim.cidsInUse(QmiServices.WDS));
        assertTrue(tool.releaseWdsClient(cid).ok());
        assertEquals(0, q.sim.cidsInUse(QmiServices.WDS));
        assertTrue(tool.releaseWdsClient(cid).ok(), "an id the modem does not know counts as released");
    }

    @Test
    void callFailedCarriesTheReasons() {
        int cid = tool.allocateWdsClient().value();
        q.model.failNextStart(3, 6, 33);
        QmiResult<NetworkStart> r = tool.startNetwork(cid, StartNetworkRequest.of(ModemConfig.defaults("wwan"), IpFamily.V4));
        assertTrue(r.is(QmiProtocolError.CALL_FAILED), r.describe());
        CallEndReason why = r.value().callEnd();
        assertEquals(3, why.reason());
        assertEquals("generic-no-service", why.reasonName());
        assertEquals(6, why.verboseType());
        assertEquals(33, why.verboseReason());
        assertEquals("option-unsubscribed", why.verboseName());
    }

    @Test
    void credentialsAndAuthReachTheModemButNoLog() {
        q.model.expectApn("corp.example").expectCredentials("user,name", "pa'ss \"word");
        int cid = tool.allocateWdsClient().value();
        ModemConfig want = new ModemConfig("wwan", "auto", "corp.example", ModemConfig.PdpType.IPV4, ModemConfig.Auth.CHAP,
                "user,name", "pa'ss \"word", "", "qmi", false, 1, 0, true, true, true);
        QmiResult<NetworkStart> r = tool.startNetwork(cid, StartNetworkRequest.of(want, IpFamily.V4));
        assertFalse(r.ok(), "a password with both quotes cannot be passed to qmicli");
        assertFalse(r.describe().contains("pa'ss"));

        q.model.expectCredentials("user,name", "pa ss\"word");
        ModemConfig ok = new ModemConfig("wwan", "auto", "corp.example", ModemConfig.PdpType.IPV4, ModemConfig.Auth.CHAP,
                "user,name", "pa ss\"word", "", "qmi", false, 1, 0, true, true, true);
        QmiResult<NetworkStart> r2 = tool.startNetwork(cid, StartNetworkRequest.of(ok, IpFamily.V4));
        assertTrue(r2.ok(), r2.describe());

        q.model.dropAllSessions();
        ModemConfig bad = ok.withApn("wrong.apn");
        QmiResult<NetworkStart> r3 = tool.startNetwork(cid, StartNetworkRequest.of(bad, IpFamily.V4));
        assertTrue(r3.is(QmiProtocolError.CALL_FAILED));
        assertTrue(r3.value().callEnd().unknownApn());
        assertFalse(r3.describe().contains("word"));
    }

    @Test
    void clientIdsExhaustedThenSync() throws Exception {
        q.close();
        q = RealQmicli.start(2, RealQmicli.TEST_TIMEOUTS);
        tool = q.tool;
        assertTrue(tool.allocateWdsClient().ok());
        assertTrue(tool.allocateWdsClient().ok());
        QmiResult<Integer> none = tool.allocateWdsClient();
        assertTrue(none.is(QmiProtocolError.CLIENT_IDS_EXHAUSTED), none.describe());
        QmiResult<ConnectionStatus> temp = tool.packetServiceStatus(null);
        assertTrue(temp.is(QmiProtocolError.CLIENT_IDS_EXHAUSTED), "a temporary client cannot be had either");
        assertTrue(tool.sync().ok());
        assertEquals(0, q.sim.cidsInUse(QmiServices.WDS));
        assertTrue(tool.allocateWdsClient().ok());
    }

    @Test
    void queriesOnTemporaryClientsLeaveNoIdsBehind() {
        for (int i = 0; i < 5; i++) {
            tool.cardStatus();
            tool.servingSystem();
            tool.packetServiceStatus(null);
            tool.dataFormat();
        }
        for (int s : new int[]{QmiServices.WDS, QmiServices.DMS, QmiServices.NAS, QmiServices.UIM, QmiServices.WDA}) {
            assertEquals(0, q.sim.cidsInUse(s), QmiServices.name(s));
        }
    }

    @Test
    void offlineThenResetReboots() {
        QmiResult<Void> early = tool.setOperatingMode(OperatingMode.RESET);
        assertTrue(early.is(QmiProtocolError.INVALID_TRANSITION), "reset only from offline: " + early.describe());
        assertTrue(tool.setOperatingMode(OperatingMode.OFFLINE).ok());
        assertEquals(OperatingMode.OFFLINE, tool.operatingMode().value());
        assertTrue(tool.setOperatingMode(OperatingMode.RESET).ok());
        assertEquals(1, q.model.resets());
        assertEquals(OperatingMode.ONLINE, tool.operatingMode().value());
    }

    @Test
    void aSlowButTimelyAnswerIsStillAnAnswer() {
        q.sim.faults().delayMs(300).fragment(3);
        QmiResult<OperatingMode> r = tool.operatingMode();
        assertTrue(r.ok(), r.describe());
    }

    @Test
    void aDroppedFirstRequestIsATimeoutAndTheNextCallWorks() throws Exception {
        q.close();
        q = RealQmicli.start(16, new QmiTimeouts(1_500, 1_500, 1_500));
        tool = q.tool;
        q.sim.faults().dropNext(1);
        QmiResult<OperatingMode> r = tool.operatingMode();
        assertTrue(r.timedOut(), r.describe());
        QmiResult<OperatingMode> next = tool.operatingMode();
        assertTrue(next.ok(), next.describe());
        assertEquals(0, q.runner.liveChildren());
    }
}
