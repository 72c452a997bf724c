package io.ltemodem.qmi;

import io.ltemodem.model.Ipv4Config;
import io.ltemodem.model.RegStat;
import io.ltemodem.model.Signal;
import io.ltemodem.model.SimState;
import io.ltemodem.model.SimStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** uqmi JSON: the transcripts as captured, both data-format forms, error strings, and broken JSON. */
class UqmiParsersTest {

    @Test
    void simState() {
        CardStatus c = UqmiParsers.simState(Transcripts.of("uqmi-uim-get-sim-state"));
        assertEquals(new SimStatus(SimState.READY, 3, 10), c.toSimStatus());
        assertEquals(CardStatus.Pin.DISABLED, c.pin1());
        assertEquals(new SimStatus(SimState.ABSENT, null, null), UqmiParsers.simState("{}\n").toSimStatus());
        assertEquals(new SimStatus(SimState.PIN, 3, 10), UqmiParsers.simState(
                "{\"card_slot\":1,\"card_application_state\":\"pin-required\",\"pin1_status\":\"not_verified\",\"pin1_verify_tries\":3,\"pin1_unlock_tries\":10}").toSimStatus());
        assertEquals(new SimStatus(SimState.PUK, 0, 10), UqmiParsers.simState(
                "{\"card_slot\":1,\"card_application_state\":\"puk-required\",\"pin1_status\":\"blocked\",\"pin1_verify_tries\":0,\"pin1_unlock_tries\":10}").toSimStatus());
    }

    @Test
    void legacyPinStatus() {
        CardStatus c = UqmiParsers.pinStatus(Transcripts.of("uqmi-get-pin-status"));
        assertEquals(new SimStatus(SimState.READY, 3, 10), c.toSimStatus());
        assertEquals(SimState.PIN, UqmiParsers.pinStatus(
                "{\"pin1_status\":\"not_verified\",\"pin1_verify_tries\":2,\"pin1_unblock_tries\":10}").toSimStatus().state());
    }

    @Test
    void operatingMode() {
        assertEquals(OperatingMode.ONLINE, UqmiParsers.operatingMode(Transcripts.of("uqmi-get-device-operating-mode")));
        assertEquals(OperatingMode.LOW_POWER, UqmiParsers.operatingMode("\"low_power\""));
        assertEquals(OperatingMode.PERSISTENT_LOW_POWER, UqmiParsers.operatingMode("\"persistent_low_power\""));
    }

    @Test
    void servingSystem() {
        ServingSystem s = UqmiParsers.servingSystem(Transcripts.of("uqmi-get-serving-system"));
        assertEquals(RegStat.HOME, s.regStat());
        assertEquals(List.of("lte"), s.radioInterfaces());
        assertEquals("26201", s.toOperator().mcc() + s.toOperator().mnc());
        assertEquals("Telekom.de", s.toOperator().name());
        assertNull(s.psAttached()); // uqmi does not print it
        assertEquals(RegStat.DENIED, UqmiParsers.servingSystem("{\"registration\":\"registering_denied\"}").regStat());
        assertEquals(RegStat.SEARCHING, UqmiParsers.servingSystem("{\"registration\":\"searching\",\"radio_interface\":[]}").regStat());
        assertEquals(RegStat.ROAMING, UqmiParsers.servingSystem(
                "{\"registration\":\"registered\",\"radio_interface\":[\"lte\"],\"plmn_mcc\":262,\"plmn_mnc\":2,\"roaming\":true}").regStat());
    }

    @Test
    void signalInfo() {
        assertEquals(new Signal(-65, -95, -9.0, 12.0, "lte", null, null),
                UqmiParsers.signalInfo(Transcripts.of("uqmi-get-signal-info")));
        // EN-DC: uqmi repeats the keys in one object, LTE first then 5G
        assertEquals(new Signal(-70, -100, -11.0, 8.0, "lte", null, null), UqmiParsers.signalInfo(
                "{\"type\":\"lte\",\"rssi\":-70,\"rsrq\":-11,\"rsrp\":-100,\"snr\":8.0,\"type\":\"5gnr\",\"rsrp\":-90,\"snr\":15.5}"));
        assertEquals(new Signal(null, -90, null, 15.5, "nr5g", null, null),
                UqmiParsers.signalInfo("{\"type\":\"5gnr\",\"rsrp\":-90,\"snr\":15.500000}"));
        assertEquals(new Signal(-80, null, null, null, "gsm", null, null), UqmiParsers.signalInfo("{\"type\":\"gsm\",\"signal\":-80}"));
        assertEquals(Signal.UNKNOWN, UqmiParsers.signalInfo("{}"));
    }

    @Test
    void dataStatusAndNumbers() {
        assertEquals(ConnectionStatus.CONNECTED, UqmiParsers.connectionStatus(Transcripts.of("uqmi-get-data-status")));
        assertEquals(ConnectionStatus.DISCONNECTED, UqmiParsers.connectionStatus("\"disconnected\""));
        assertEquals(305419896L, UqmiParsers.number(Transcripts.of("uqmi-start-network")));
        assertEquals(7L, UqmiParsers.number(Transcripts.of("uqmi-get-client-id")));
    }

    @Test
    void currentSettings() {
        CurrentSettings s = UqmiParsers.currentSettings(Transcripts.of("uqmi-get-current-settings"));
        assertEquals(IpFamily.V4, s.family());
        assertEquals(new Ipv4Config("10.123.45.67", 29, "10.123.45.68", List.of("10.74.210.210", "10.74.210.211")), s.ipv4());
        assertNull(s.ipv6());
        assertEquals(1500, s.mtu());
        CurrentSettings v6 = UqmiParsers.currentSettings("{\"ip-family\":\"ipv6\",\"mtu\":1420,\"ipv4\":{},\"ipv6\":{\"ip\":\"2001:DB8::1\","
                + "\"ip-prefix-length\":64,\"gateway\":\"2001:db8::2\",\"gw-prefix-length\":64,\"dns1\":\"2001:db8::53\"},\"domain-names\":{}}");
        assertEquals("2001:db8::1", v6.ipv6().address());
        assertEquals(List.of("2001:db8::53"), v6.ipv6().dns());
        assertEquals(IpFamily.V6, v6.family());
    }

    @Test
    void dataFormatBothForms() {
        DataFormat object = UqmiParsers.dataFormat(Transcripts.of("uqmi-wda-get-data-format"));
        assertEquals(DataFormat.LinkLayer.RAW_IP, object.linkLayer());
        assertEquals(Boolean.FALSE, object.qosHeader());
        // uqmi before 7914da4 printed the bare string, which OpenWrt's qmi.sh still compares with '"raw-ip"'
        assertEquals(new DataFormat(DataFormat.LinkLayer.RAW_IP, null, null, null), UqmiParsers.dataFormat("\"raw-ip\"\n"));
        assertEquals(DataFormat.LinkLayer.ETHERNET, UqmiParsers.dataFormat("\"802.3\"").linkLayer());
        assertEquals(DataFormat.LinkLayer.ETHERNET,
                UqmiParsers.dataFormat("{\"qos-format\":false,\"link-layer-protocol\":\"802.3\"}").linkLayer());
    }

    @ParameterizedTest
    @CsvSource({
            "'\"Call failed\"', CALL_FAILED",
            "'\"Out of call\"', OUT_OF_CALL",
            "'\"Incorrect PIN\"', INCORRECT_PIN",
            "'\"Client IDs exhausted\"', CLIENT_IDS_EXHAUSTED",
            "'\"No effect\"', NO_EFFECT",
            "'\"UIM uninitialized\"', UIM_UNINITIALIZED",
            "'\"Invalid QMI command\"', INVALID_QMI_COMMAND",
    })
    void errorStrings(String out, QmiProtocolError expected) {
        assertEquals(expected, UqmiParsers.error(out));
    }

    @Test
    void resultsAreNotErrors() {
        assertNull(UqmiParsers.error("\"connected\""));
        assertNull(UqmiParsers.error("305419896"));
        assertNull(UqmiParsers.error("\"Unknown error\"x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"registration\":", "[1,2", "\"raw-ip", "null", "42", "{\"link-layer-protocol\":7}",
            "{\"registration\":5}", "{\"ipv4\":{\"ip\":\"not.an.ip.addr\"}}", "{\"ipv6\":{\"ip\":\"example.com\"}}", "true"})
    void malformedIsUnknown(String junk) {
        assertNull(UqmiParsers.servingSystem(junk));
        assertNull(UqmiParsers.currentSettings(junk));
        assertNull(UqmiParsers.simState(junk));
        assertNull(UqmiParsers.pinStatus(junk));
        assertNull(UqmiParsers.operatingMode(junk));
        assertNull(UqmiParsers.connectionStatus(junk));
        assertNull(UqmiParsers.dataFormat(junk));
        assertNull(UqmiParsers.error(junk));
        Signal s = UqmiParsers.signalInfo(junk);
        assertTrue(s == null || s.equals(Signal.UNKNOWN), junk);
    }
}
