package io.ltemodem.mbim;

import io.ltemodem.model.IpConfig;
import io.ltemodem.model.RegDomain;
import io.ltemodem.model.RegStat;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** mbimcli 1.28 output, first the reference transcript verbatim, then the other forms mbimcli prints. */
class MbimcliParsersTest {

    // ---------------------------------------------------------------- the transcript

    @Test
    void radioStateFromTheTranscript() {
        RadioState r = MbimcliParsers.radioState(MbimTranscript.of("--query-radio-state"));
        assertEquals(new RadioState(true, true), r);
        assertEquals(1, r.cfun());
    }

    @Test
    void packetServiceFromTheTranscript() {
        PacketServiceStatus p = MbimcliParsers.packetServiceStatus(MbimTranscript.of("--query-packet-service-state"));
        assertEquals(PacketServiceState.ATTACHED, p.state());
        assertEquals("none", p.nwError());
        assertTrue(p.attached());
    }

    @Test
    void registrationFromTheTranscript() {
        RegistrationStatus r = MbimcliParsers.registrationStatus(MbimTranscript.of("--query-registration-state"));
        assertEquals(RegisterState.HOME, r.state());
        assertEquals("26201", r.providerId());
        assertEquals("Telekom.de", r.providerName());
        assertEquals(RegStat.HOME, r.toRegistration().stat());
        assertEquals(RegDomain.EPS, r.toRegistration().domain());
        assertEquals(7, r.toRegistration().act());
        assertEquals("262", r.toOperator().mcc());
        assertEquals("01", r.toOperator().mnc());
        assertEquals("Telekom.de", r.toOperator().name());
    }

    @Test
    void subscriberFromTheTranscript() {
        SubscriberStatus s = MbimcliParsers.subscriberStatus(MbimTranscript.of("--query-subscriber-ready-status"));
        assertEquals(new SubscriberStatus(ReadyState.INITIALIZED, "262011234567890", "8949020000012345678"), s);
    }

    @Test
    void errorOfTheTranscript() {
        String out = MbimTranscript.of("--query-device-caps");
        assertEquals("NoDeviceSupport", MbimcliParsers.operationFailure(out));
        assertEquals(MbimStatus.NO_DEVICE_SUPPORT, MbimStatus.fromNick(MbimcliParsers.operationFailure(out)));
    }

    @Test
    void connectFromTheTranscript() {
        String out = MbimTranscript.of("--connect=apn=internet,ip-type=ipv4 --no-close");
        ConnectionStatus c = MbimcliParsers.connectionStatus(out);
        assertEquals(new ConnectionStatus(0, ActivationState.ACTIVATED, MbimIpType.IPV4, "none"), c);
        IpConfig ip = MbimcliParsers.ipConfiguration(out);
        assertEquals("10.123.45.67", ip.ipv4().address());
        assertEquals(29, ip.ipv4().prefix());
        assertEquals("10.123.45.68", ip.ipv4().gateway());
        assertEquals(List.of("10.74.210.210", "10.74.210.211"), ip.ipv4().dns());
        assertEquals(1500, ip.mtu());
        assertNull(ip.ipv6());
        assertFalse(ip.dhcp());
        assertEquals(4, MbimcliParsers.nextTransactionId(out));
    }

    @Test
    void chainedIpConfigurationFromTheTranscript() {
        String out = MbimTranscript.of("--no-open=4 --query-ip-configuration --no-close");
        assertEquals("10.123.45.67", MbimcliParsers.ipConfiguration(out).ipv4().address());
        assertEquals(5, MbimcliParsers.nextTransactionId(out));
        String closed = MbimTranscript.of("--query-ip-configuration=0");
        assertEquals(29, MbimcliParsers.ipConfiguration(closed).ipv4().prefix());
        assertNull(MbimcliParsers.nextTransactionId(closed), "closed sessions print no TRID");
    }

    // ---------------------------------------------------------------- other forms (libmbim 1.28 print formats)

    static final String PIN_LOCKED = """
            [/dev/cdc-wdm0] PIN info:
            \t         PIN state: 'locked'
            \t          PIN type: 'pin1'
            \tRemaining attempts: '3'
            """;
    static final String PIN_UNLOCKED = """
            [/dev/cdc-wdm0] PIN info:
            \t         PIN state: 'unlocked'
            """;
    static final String PIN_ENTERED = """
            [/dev/cdc-wdm0] PIN operation successful

            [/dev/cdc-wdm0] PIN info:
            \t         PIN state: 'unlocked'
            \t          PIN type: 'pin1'
            \tRemaining attempts: '3'
            """;
    static final String PUK_LOCKED = """
            [/dev/cdc-wdm0] PIN info:
            \t         PIN state: 'locked'
            \t          PIN type: 'puk1'
            \tRemaining attempts: '10'
            """;
    static final String SUBSCRIBER_LOCKED = """
            [/dev/cdc-wdm0] Subscriber ready status retrieved:
            \t      Ready state: 'device-locked'
            \t    Subscriber ID: 'unknown'
            \t        SIM ICCID: '8949020000012345678'
            \t       Ready info: 'none'
            \tTelephone numbers: (0) 'unknown'
            """;
    static final String DISCONNECTED = """
            [/dev/cdc-wdm0] Successfully disconnected

            [/dev/cdc-wdm0] Connection status:
            \t      Session ID: '0'
            \tActivation state: 'deactivated'
            \tVoice call state: 'none'
            \t         IP type: 'default'
            \t    Context type: 'internet'
            \t   Network error: 'none'
            """;
    static final String ROAMING = """
            [/dev/cdc-wdm0] Registration status:
            \t         Network error: 'none'
            \t        Register state: 'roaming'
            \t         Register mode: 'automatic'
            \tAvailable data classes: '5g-nsa, lte'
            \tCurrent cellular class: 'gsm'
            \t           Provider ID: '310260'
            \t         Provider name: 'T-Mobile'
            \t          Roaming text: 'unknown'
            \t    Registration flags: 'none'
            """;
    static final String SEARCHING = """
            [/dev/cdc-wdm0] Registration status:
            \t         Network error: 'none'
            \t        Register state: 'searching'
            \t         Register mode: 'automatic'
            \tAvailable data classes: 'unknown'
            \tCurrent cellular class: 'gsm'
            \t           Provider ID: 'unknown'
            \t         Provider name: 'unknown'
            \t          Roaming text: 'unknown'
            \t    Registration flags: 'none'
            """;
    static final String DUAL_STACK = """

            [/dev/cdc-wdm0] IPv4 configuration available: 'address, gateway, dns, mtu'
                 IP [0]: '10.123.45.67/29'
                Gateway: '10.123.45.68'
                DNS [0]: '10.74.210.210'
                    MTU: '1500'

            [/dev/cdc-wdm0] IPv6 configuration available: 'address, gateway, dns, mtu'
                 IP [0]: '2001:db8:1234:5678::1/64'
                Gateway: '2001:db8:1234:5678::2'
                DNS [0]: '2001:db8::53'
                DNS [1]: '::'
                    MTU: '1500'
            [/dev/cdc-wdm0] Session not closed:
            \t    TRID: '12'
            """;
    static final String NO_ADDRESS = """

            [/dev/cdc-wdm0] IPv4 configuration available: 'none'

            [/dev/cdc-wdm0] IPv6 configuration available: 'none'
            """;
    static final String RADIO_OFF = """
            [/dev/cdc-wdm0] Radio state retrieved:
            \t     Hardware radio state: 'on'
            \t     Software radio state: 'off'
            """;

    @Test
    void pinStates() {
        assertEquals(new PinInfo(true, PinType.PIN1, 3), MbimcliParsers.pinInfo(PIN_LOCKED));
        assertEquals(new PinInfo(false, PinType.UNKNOWN, null), MbimcliParsers.pinInfo(PIN_UNLOCKED));
        assertEquals(new PinInfo(false, PinType.PIN1, 3), MbimcliParsers.pinInfo(PIN_ENTERED));
        PinInfo puk = MbimcliParsers.pinInfo(PUK_LOCKED);
        assertTrue(puk.pukPending());
        assertEquals(10, puk.remainingAttempts());
    }

    @Test
    void lockedSubscriberHasNoImsi() {
        SubscriberStatus s = MbimcliParsers.subscriberStatus(SUBSCRIBER_LOCKED);
        assertEquals(ReadyState.DEVICE_LOCKED, s.readyState());
        assertNull(s.subscriberId(), "'unknown' is no IMSI");
        assertEquals("8949020000012345678", s.iccid());
    }

    @Test
    void disconnectedSession() {
        ConnectionStatus c = MbimcliParsers.connectionStatus(DISCONNECTED);
        assertFalse(c.active());
        assertEquals(ActivationState.DEACTIVATED, c.state());
        assertEquals(MbimIpType.DEFAULT, c.ipType());
    }

    @Test
    void roamingOnFiveGNonStandalone() {
        RegistrationStatus r = MbimcliParsers.registrationStatus(ROAMING);
        assertEquals(RegStat.ROAMING, r.regStat());
        assertEquals(13, r.act());
        assertEquals("310", r.toOperator().mcc());
        assertEquals("260", r.toOperator().mnc());
    }

    @Test
    void searchingHasNoOperator() {
        RegistrationStatus r = MbimcliParsers.registrationStatus(SEARCHING);
        assertEquals(RegStat.SEARCHING, r.regStat());
        assertNull(r.providerId());
        assertNull(r.toOperator());
        assertNull(r.act());
    }

    @Test
    void dualStackConfiguration() {
        IpConfig ip = MbimcliParsers.ipConfiguration(DUAL_STACK);
        assertEquals("10.123.45.67", ip.ipv4().address());
        assertEquals(List.of("10.74.210.210"), ip.ipv4().dns());
        assertEquals("2001:db8:1234:5678::1", ip.ipv6().address());
        assertEquals(64, ip.ipv6().prefix());
        assertEquals("2001:db8:1234:5678::2", ip.ipv6().gateway());
        assertEquals(List.of("2001:db8::53"), ip.ipv6().dns(), "the unspecified address is no DNS server");
        assertEquals(12, MbimcliParsers.nextTransactionId(DUAL_STACK));
    }

    @Test
    void configurationWithoutAddresses() {
        IpConfig ip = MbimcliParsers.ipConfiguration(NO_ADDRESS);
        assertNotNull(ip);
        assertFalse(ip.hasAddress());
    }

    @Test
    void radioOffIsFlightMode() {
        RadioState r = MbimcliParsers.radioState(RADIO_OFF);
        assertFalse(r.on());
        assertEquals(4, r.cfun());
    }

    @Test
    void operationFailures() {
        String[][] rows = {
                {"error: operation failed: PinRequired", "PinRequired"},
                {"error: operation failed: NotOpened", "NotOpened"},
                {"error: operation failed: Transaction timed out", "Transaction timed out"},
                {"warning: key 'apn' is deprecated, use 'access-string' instead\nerror: operation failed: InvalidAccessString",
                        "InvalidAccessString"},
                {"error: couldn't open the MbimDevice: Failure", null},
        };
        for (String[] row : rows) assertEquals(row[1], MbimcliParsers.operationFailure(row[0]), row[0]);
    }

    @Test
    void theStatusIsTheTailOfTheErrorLine() {
        assertEquals("ContextNotActivated", MbimcliParsers.errorTail("error: couldn't get IP configuration response message: ContextNotActivated\n"));
        assertEquals("PinRequired", MbimcliParsers.errorTail("warning: x\nerror: operation failed: PinRequired\n"));
        assertEquals("MBIM protocol error: NotOpened".substring(21), MbimcliParsers.errorTail("error: operation failed: MBIM protocol error: NotOpened"));
        assertNull(MbimcliParsers.errorTail("no error here"));
    }

    @Test
    void errorLines() {
        assertEquals("couldn't open the MbimDevice: Failure", MbimcliParsers.errorLine("error: couldn't open the MbimDevice: Failure\n"));
        assertNull(MbimcliParsers.errorLine("all fine\n"));
    }

    // ---------------------------------------------------------------- never throws

    @Test
    void malformedInputNeverThrows() {
        List<String> samples = new ArrayList<>(MbimTranscript.sections().values());
        samples.addAll(List.of(PIN_LOCKED, PIN_UNLOCKED, PIN_ENTERED, PUK_LOCKED, SUBSCRIBER_LOCKED, DISCONNECTED, ROAMING,
                SEARCHING, DUAL_STACK, NO_ADDRESS, RADIO_OFF));
        List<Function<String, Object>> parsers = List.of(MbimcliParsers::subscriberStatus, MbimcliParsers::pinInfo,
                MbimcliParsers::radioState, MbimcliParsers::registrationStatus, MbimcliParsers::packetServiceStatus,
                MbimcliParsers::connectionStatus, MbimcliParsers::ipConfiguration, MbimcliParsers::nextTransactionId,
                MbimcliParsers::operationFailure, MbimcliParsers::errorLine, MbimcliParsers::errorTail);
        for (String s : samples) {
            for (int cut = 0; cut <= s.length(); cut += 3) {
                String t = s.substring(0, cut);
                String mangled = t.replace("'", "").replace("/29", "/299").replace(".", ":");
                for (Function<String, Object> p : parsers) {
                    assertDoesNotThrow(() -> p.apply(t));
                    assertDoesNotThrow(() -> p.apply(mangled));
                }
            }
        }
        for (Function<String, Object> p : parsers) {
            assertDoesNotThrow(() -> p.apply(null));
            assertDoesNotThrow(() -> p.apply("\u0000\uFFFF'''::''\n\t: '"));
        }
        assertNull(MbimcliParsers.ipConfiguration("[x] IPv4 configuration available: 'address'\n     IP [0]: '10.1.2.3/99'\n").ipv4(),
                "an impossible prefix is no address");
    }
}
