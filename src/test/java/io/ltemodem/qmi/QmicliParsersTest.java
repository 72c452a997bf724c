package io.ltemodem.qmi;

import io.ltemodem.model.Ipv4Config;
import io.ltemodem.model.Operator;
import io.ltemodem.model.RegDomain;
import io.ltemodem.model.RegStat;
import io.ltemodem.model.Registration;
import io.ltemodem.model.Signal;
import io.ltemodem.model.SimState;
import io.ltemodem.model.SimStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** qmicli 1.32 text: the transcripts as captured, the variants modem-domain.md §3.3 lists, and broken text. */
class QmicliParsersTest {

    // ------------------------------------------------------------ transcripts, exact

    @Test
    void deviceIds() {
        DeviceIds ids = QmicliParsers.deviceIds(Transcripts.of("qmicli-dms-get-ids"));
        assertEquals(new DeviceIds("0", "867962041234567", "0", "10"), ids);
    }

    @Test
    void operatingMode() {
        assertEquals(OperatingMode.ONLINE, QmicliParsers.operatingMode(Transcripts.of("qmicli-dms-get-operating-mode")));
    }

    @Test
    void cardStatusReady() {
        CardStatus c = QmicliParsers.cardStatus(Transcripts.of("qmicli-uim-get-card-status"));
        assertEquals(CardStatus.Card.PRESENT, c.card());
        assertEquals(CardStatus.App.READY, c.app());
        assertEquals(CardStatus.Pin.DISABLED, c.pin1());
        assertEquals(3, c.pin1Retries());
        assertEquals(10, c.puk1Retries());
        assertEquals(new SimStatus(SimState.READY, 3, 10), c.toSimStatus());
    }

    @Test
    void servingSystem() {
        ServingSystem s = QmicliParsers.servingSystem(Transcripts.of("qmicli-nas-get-serving-system"));
        assertEquals(ServingSystem.State.REGISTERED, s.registration());
        assertEquals(Boolean.TRUE, s.psAttached());
        assertEquals(List.of("lte"), s.radioInterfaces()); // not the data capabilities list
        assertEquals(Boolean.FALSE, s.roaming());
        assertEquals(262, s.mcc());
        assertEquals(1, s.mnc());
        assertEquals("Telekom.de", s.description());
        assertEquals(171, s.lac());
        assertEquals(1715004L, s.cellId());
        assertEquals(4660, s.tac());
        assertEquals(new Registration(RegDomain.EPS, null, RegStat.HOME, "1234", "01A2B3C", 7), s.toRegistration());
        assertEquals(new Operator(0, 0, "Telekom.de", 7, "262", "01"), s.toOperator());
    }

    @Test
    void signalInfo() {
        assertEquals(new Signal(-65, -95, -9.0, 12.0, "lte", null, null),
                QmicliParsers.signalInfo(Transcripts.of("qmicli-nas-get-signal-info")));
    }

    @Test
    void packetServiceStatus() {
        assertEquals(ConnectionStatus.DISCONNECTED,
                QmicliParsers.connectionStatus(Transcripts.of("qmicli-wds-get-packet-service-status")));
        assertEquals(ConnectionStatus.CONNECTED,
                QmicliParsers.connectionStatus(Transcripts.of("qmicli-wds-get-packet-service-status-2")));
    }

    @Test
    void startNetworkGivesHandleAndKeptClient() {
        assertEquals(new NetworkStart(305419896L, 2, null),
                QmicliParsers.networkStarted(Transcripts.of("qmicli-wds-start-network")));
        assertEquals(2, QmicliParsers.keptClientId(Transcripts.of("qmicli-wds-start-network")));
    }

    @Test
    void currentSettings() {
        CurrentSettings s = QmicliParsers.currentSettings(Transcripts.of("qmicli-wds-get-current-settings"));
        assertEquals(IpFamily.V4, s.family());
        assertEquals(new Ipv4Config("10.123.45.67", 29, "10.123.45.68", List.of("10.74.210.210", "10.74.210.211")), s.ipv4());
        assertNull(s.ipv6());
        assertEquals(1500, s.mtu());
        assertEquals(1500, s.toIpConfig().mtu());
        assertFalse(s.toIpConfig().dhcp());
    }

    @Test
    void dataFormat() {
        DataFormat f = QmicliParsers.dataFormat(Transcripts.of("qmicli-wda-get-data-format"));
        assertEquals(new DataFormat(DataFormat.LinkLayer.RAW_IP, false, "disabled", "disabled"), f);
    }

    // ------------------------------------------------------------ variants (§3.3)

    static final String LOCKED = """
            [/dev/cdc-wdm0] Successfully got card status
            Provisioning applications:
            \tPrimary GW:   slot '1', application '1'
            \tPrimary 1X:   session doesn't exist
            \tSecondary GW: session doesn't exist
            \tSecondary 1X: session doesn't exist
            Slot [1]:
            \tCard state: 'present'
            \tUPIN state: 'not-initialized'
            \t\tUPIN retries: '0'
            \t\tUPUK retries: '0'
            \tApplication [1]:
            \t\tApplication type:  'usim (2)'
            \t\tApplication state: '%s'
            \t\tApplication ID:
            \t\t\tA0:00:00:00:87:10:02:FF:49:FF:05:89
            \t\tPersonalization state: 'ready'
            \t\tUPIN replaces PIN1: 'no'
            \t\tPIN1 state: '%s'
            \t\t\tPIN1 retries: '%d'
            \t\t\tPUK1 retries: '10'
            \t\tPIN2 state: 'enabled-not-verified'
            \t\t\tPIN2 retries: '3'
            \t\t\tPUK2 retries: '10'
            """;

    static final String ABSENT = """
            [/dev/cdc-wdm0] Successfully got card status
            Provisioning applications:
            \tPrimary GW:   session doesn't exist
            \tPrimary 1X:   session doesn't exist
            \tSecondary GW: session doesn't exist
            \tSecondary 1X: session doesn't exist
            Slot [1]:
            \tCard state: 'absent'
            \tUPIN state: 'not-initialized'
            \t\tUPIN retries: '0'
            \t\tUPUK retries: '0'
            """;

    static Stream<Arguments> cardVariants() {
        return Stream.of(
                Arguments.of("pin required", String.format(LOCKED, "pin1-or-upin-pin-required", "enabled-not-verified", 3),
                        new SimStatus(SimState.PIN, 3, 10)),
                Arguments.of("pin required, 1 try", String.format(LOCKED, "pin1-or-upin-pin-required", "enabled-not-verified", 1),
                        new SimStatus(SimState.PIN, 1, 10)),
                Arguments.of("puk required", String.format(LOCKED, "puk1-or-upin-puk-required", "blocked", 0),
                        new SimStatus(SimState.PUK, 0, 10)),
                Arguments.of("pin1 blocked", String.format(LOCKED, "pin1-blocked", "blocked", 0), new SimStatus(SimState.PUK, 0, 10)),
                Arguments.of("verified", String.format(LOCKED, "ready", "enabled-verified", 3), new SimStatus(SimState.READY, 3, 10)),
                Arguments.of("detected (booting)", String.format(LOCKED, "detected", "enabled-not-verified", 3),
                        new SimStatus(SimState.BUSY, 3, 10)),
                Arguments.of("personalisation", String.format(LOCKED, "check-personalization-state", "disabled", 3),
                        new SimStatus(SimState.PH_LOCK, 3, 10)),
                Arguments.of("permanently blocked", String.format(LOCKED, "illegal", "permanently-blocked", 0),
                        new SimStatus(SimState.FAILURE, 0, 10)),
                Arguments.of("absent", ABSENT, new SimStatus(SimState.ABSENT, null, null)),
                Arguments.of("card error", ABSENT.replace("'absent'", "'error: no-atr-received (3)'"),
                        new SimStatus(SimState.FAILURE, null, null)),
                Arguments.of("unknown app state word", String.format(LOCKED, "brand-new-state", "disabled", 3),
                        new SimStatus(SimState.BUSY, 3, 10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cardVariants")
    void cardStatusVariants(String what, String text, SimStatus expected) {
        CardStatus c = QmicliParsers.cardStatus(text);
        assertNotNull(c, what);
        assertEquals(expected, c.toSimStatus(), what);
    }

    static String serving(String reg, String ps, String roaming) {
        return """
                [/dev/cdc-wdm0] Successfully got serving system:
                \tRegistration state: '%s'
                \tCS: 'attached'
                \tPS: '%s'
                \tSelected network: '3gpp'
                \tRadio interfaces: '1'
                \t\t[0]: 'lte'
                \tRoaming status: '%s'
                \tData service capabilities: '1'
                \t\t[0]: 'lte'
                \tCurrent PLMN:
                \t\tMCC: '310'
                \t\tMNC: '260'
                \t\tDescription: 'T-Mobile'
                \t3GPP location area code: '171'
                \t3GPP cell ID: '1715004'
                \tLTE tracking area code: '4660'
                \tFull operator code info:
                \t\tMCC: '310'
                \t\tMNC: '260'
                \t\tMNC with PCS digit: 'yes'
                """.formatted(reg, ps, roaming);
    }

    static Stream<Arguments> servingVariants() {
        return Stream.of(
                Arguments.of(serving("registered", "attached", "on"), RegStat.ROAMING, Boolean.TRUE),
                Arguments.of(serving("not-registered-searching", "detached", "off"), RegStat.SEARCHING, Boolean.FALSE),
                Arguments.of(serving("registration-denied", "detached", "off"), RegStat.DENIED, Boolean.FALSE),
                Arguments.of(serving("not-registered", "unknown", "off"), RegStat.NOT_REGISTERED, null),
                Arguments.of(serving("unknown", "unknown", "off"), RegStat.UNKNOWN, null));
    }

    @ParameterizedTest
    @MethodSource("servingVariants")
    void servingSystemVariants(String text, RegStat stat, Boolean ps) {
        ServingSystem s = QmicliParsers.servingSystem(text);
        assertEquals(stat, s.regStat());
        assertEquals(ps, s.psAttached());
        assertEquals(3, s.mncDigits());
        assertEquals("260", s.toOperator().mnc());
        assertEquals("310", s.toOperator().mcc());
    }

    @Test
    void searchingWithoutPlmnHasNoOperator() {
        String text = """
                [/dev/cdc-wdm0] Successfully got serving system:
                \tRegistration state: 'not-registered-searching'
                \tCS: 'detached'
                \tPS: 'detached'
                \tSelected network: 'unknown'
                \tRadio interfaces: '0'
                """;
        ServingSystem s = QmicliParsers.servingSystem(text);
        assertEquals(RegStat.SEARCHING, s.regStat());
        assertNull(s.toOperator());
        assertNull(s.act());
        assertEquals(new Registration(RegDomain.EPS, null, RegStat.SEARCHING, null, null, null), s.toRegistration());
    }

    @Test
    void signalInfoFiveGAndNa() {
        String nsa = """
                [/dev/cdc-wdm0] Successfully got signal info
                5G:
                \tRSRP: '-88 dBm'
                \tSNR: '15.5 dB'
                \tRSRQ: 'n/a'
                """;
        assertEquals(new Signal(null, -88, null, 15.5, "nr5g", null, null), QmicliParsers.signalInfo(nsa));
        String wcdma = "[/dev/cdc-wdm0] Successfully got signal info\nWCDMA:\n\tRSSI: '-71 dBm'\n\tECIO: '-3.5 dBm'\n";
        assertEquals(new Signal(-71, null, null, null, "umts", null, null), QmicliParsers.signalInfo(wcdma));
        assertEquals(Signal.UNKNOWN, QmicliParsers.signalInfo("[/dev/cdc-wdm0] Successfully got signal info\n"));
    }

    @Test
    void dualStackSettingsAndIpv6() {
        String v6 = """
                [/dev/cdc-wdm0] Current settings retrieved:
                           IP Family: IPv6
                        IPv6 address: 2001:db8:1234:5678::1/64
                IPv6 gateway address: 2001:db8:1234:5678::2/64
                    IPv6 primary DNS: 2001:db8::53
                  IPv6 secondary DNS: 2001:db8::54
                                 MTU: 1420
                             Domains: none
                """;
        CurrentSettings s = QmicliParsers.currentSettings(v6);
        assertEquals(IpFamily.V6, s.family());
        assertEquals("2001:db8:1234:5678::1", s.ipv6().address());
        assertEquals(64, s.ipv6().prefix());
        assertEquals("2001:db8:1234:5678::2", s.ipv6().gateway());
        assertEquals(List.of("2001:db8::53", "2001:db8::54"), s.ipv6().dns());
        CurrentSettings v4 = QmicliParsers.currentSettings(Transcripts.of("qmicli-wds-get-current-settings"));
        var merged = CurrentSettings.merge(v4, s);
        assertEquals("10.123.45.67", merged.ipv4().address());
        assertEquals("2001:db8:1234:5678::1", merged.ipv6().address());
        assertEquals(1500, merged.mtu());
    }

    @Test
    void setDataFormatPrintsTheEffectiveFormat() {
        String set = """
                [/dev/cdc-wdm0] Successfully set data format
                                        QoS flow header: no
                                    Link layer protocol: '802-3'
                       Uplink data aggregation protocol: 'disabled'
                     Downlink data aggregation protocol: 'disabled'
                """;
        assertEquals(DataFormat.LinkLayer.ETHERNET, QmicliParsers.dataFormat(set).linkLayer());
    }

    // ------------------------------------------------------------ errors on stderr

    @Test
    void callFailedReasons() {
        String err = """
                error: couldn't start network: QMI protocol error (14): 'CallFailed'
                call end reason (3): generic-no-service
                verbose call end reason (6,33): [3gpp] option-unsubscribed
                """;
        assertEquals(new QmicliParsers.ErrorText(14, "CallFailed"), QmicliParsers.protocolError(err));
        CallEndReason r = QmicliParsers.callEndReason(err);
        assertEquals(new CallEndReason(3, "generic-no-service", 6, 33, "3gpp", "option-unsubscribed"), r);
        assertEquals("generic-no-service (3), [3gpp] option-unsubscribed (6,33)", r.describe());
        assertTrue(QmicliParsers.callEndReason("verbose call end reason (6,27): [3gpp] unknown-apn").unknownApn());
        assertNull(QmicliParsers.callEndReason("error: couldn't start network: QMI protocol error (14): 'CallFailed'"));
    }

    @Test
    void incorrectPinRetries() {
        String err = """
                error: couldn't verify PIN: QMI protocol error (12): 'IncorrectPin'
                [/dev/cdc-wdm0] Retries left:
                \tVerify: 2
                \tUnblock: 10
                """;
        assertEquals(new QmicliParsers.ErrorText(12, "IncorrectPin"), QmicliParsers.protocolError(err));
        assertEquals(new PinRetries(2, 10), QmicliParsers.pinRetries(err));
        assertEquals(PinVerifyResult.Outcome.INCORRECT_PIN,
                PinVerifyResult.of(QmiResult.protocolError(12, "IncorrectPin", new PinRetries(2, 10), "x")).outcome());
        assertEquals(PinVerifyResult.Outcome.BLOCKED,
                PinVerifyResult.of(QmiResult.protocolError(12, "IncorrectPin", new PinRetries(0, 10), "x")).outcome());
    }

    @Test
    void otherErrors() {
        assertEquals(new QmicliParsers.ErrorText(15, "OutOfCall"),
                QmicliParsers.protocolError("error: couldn't get current settings: QMI protocol error (15): 'OutOfCall'"));
        assertEquals(new QmicliParsers.ErrorText(5, "ClientIdsExhausted"), QmicliParsers.protocolError(
                "error: couldn't create client for the 'wds' service: QMI protocol error (5): 'ClientIdsExhausted'"));
        assertNull(QmicliParsers.protocolError("error: operation failed: Transaction timed out"));
        assertEquals("error: operation failed: Transaction timed out",
                QmicliParsers.errorLine("junk\nerror: operation failed: Transaction timed out\n"));
    }

    // ------------------------------------------------------------ malformed: null, never an exception

    static Stream<Arguments> parsers() {
        return Stream.of(
                Arguments.of("ids", (Function<String, Object>) QmicliParsers::deviceIds),
                Arguments.of("mode", (Function<String, Object>) QmicliParsers::operatingMode),
                Arguments.of("card", (Function<String, Object>) QmicliParsers::cardStatus),
                Arguments.of("serving", (Function<String, Object>) QmicliParsers::servingSystem),
                Arguments.of("signal", (Function<String, Object>) QmicliParsers::signalInfo),
                Arguments.of("format", (Function<String, Object>) QmicliParsers::dataFormat),
                Arguments.of("status", (Function<String, Object>) QmicliParsers::connectionStatus),
                Arguments.of("start", (Function<String, Object>) QmicliParsers::networkStarted),
                Arguments.of("settings", (Function<String, Object>) QmicliParsers::currentSettings),
                Arguments.of("cid", (Function<String, Object>) QmicliParsers::keptClientId),
                Arguments.of("retries", (Function<String, Object>) QmicliParsers::pinRetries),
                Arguments.of("callend", (Function<String, Object>) QmicliParsers::callEndReason));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsers")
    void garbageIsUnknown(String name, Function<String, Object> parser) {
        for (String junk : new String[]{null, "", "\n\n", "error: couldn't open the QmiDevice: Cannot automatically select QMI/MBIM mode",
                "[/dev/x] Successfully got", "\u0000\u0001\u00ff", "Mode: ''", "Packet data handle: 'x'"}) {
            assertNull(parser.apply(junk), name + " on " + junk);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[/dev/pts/0] Operating mode retrieved:\n\tMode: 'warp-speed'\n",
            "[/dev/pts/0] Operating mode retrieved:\n",
            "[/dev/pts/0] Successfully got serving system:\n\tCS: 'attached'\n",
            "[/dev/pts/0] Current settings retrieved:\n        IPv4 address: 10.1.2\n",
            "[/dev/pts/0] Current settings retrieved:\n        IPv6 address: zz::1/64\n",
            "[/dev/pts/0] Network started\n\tPacket data handle: '-'\n",
            "[/dev/pts/0] Successfully got data format\n               Link layer protocol: 'carrier-pigeon'\n",
    })
    void truncatedOrOddValuesAreUnknown(String text) {
        assertNull(QmicliParsers.operatingMode(text));
        assertNull(QmicliParsers.servingSystem(text));
        assertNull(QmicliParsers.currentSettings(text));
        assertNull(QmicliParsers.networkStarted(text));
        assertNull(QmicliParsers.dataFormat(text));
    }

    @Test
    void oddNumbersStayUnknownInsideAKnownReply() {
        String text = serving("registered", "attached", "off").replace("'1715004'", "'lots'").replace("MCC: '310'", "MCC: ''");
        ServingSystem s = QmicliParsers.servingSystem(text);
        assertNull(s.cellId());
        assertNull(s.mcc());
        assertNull(s.toOperator());
        assertEquals(RegStat.HOME, s.regStat());
    }
}
