package io.ltemodem.api;

import com.google.gson.JsonObject;
import io.ltemodem.engine.ModemStatus;
import io.ltemodem.engine.RecoveryLevel;
import io.ltemodem.model.DeviceInfo;
import io.ltemodem.model.ModemState;
import io.ltemodem.model.Snapshot;
import io.ltemodem.model.StateKind;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

class StatusJsonTest {
    private final StatusJson json = new StatusJson(ApiDispatcherTest.TIME);

    private static Set<String> keys(JsonObject o) {
        return new TreeSet<>(o.keySet());
    }

    @Test
    void statusHasTheDesignShape() {
        JsonObject s = json.status(FakeDaemonApi.online("wwan"));
        assertEquals(new TreeSet<>(Set.of("modem", "state", "since", "duration", "sim", "registration", "signal", "bearer",
                "recovery")), keys(s));
        assertEquals("online", s.get("state").getAsString());
        assertEquals(5, s.get("duration").getAsLong());
        assertEquals(1_700_000_000L - 5, s.get("since").getAsLong());
        assertEquals("{\"state\":\"ready\",\"pin_retries\":3,\"puk_retries\":10}", s.get("sim").toString());
        JsonObject reg = s.getAsJsonObject("registration");
        assertEquals("home", reg.get("state").getAsString());
        assertEquals("26201", reg.get("operator").getAsString());
        assertEquals("262", reg.get("mcc").getAsString());
        assertEquals("01", reg.get("mnc").getAsString());
        assertEquals("lte", reg.get("rat").getAsString());
        assertFalse(reg.get("roaming").getAsBoolean());
        assertEquals("{\"rssi\":-65,\"rsrp\":-90,\"rsrq\":-10.5,\"sinr\":12.0,\"bars\":4}", s.get("signal").toString());
        JsonObject bearer = s.getAsJsonObject("bearer");
        assertEquals("connected", bearer.get("state").getAsString());
        assertEquals("wwan0", bearer.get("netdev").getAsString());
        assertEquals(Set.of("address", "prefix", "gateway", "dns"), bearer.getAsJsonObject("ipv4").keySet());
        assertEquals(Set.of("address", "prefix", "gateway", "dns"), bearer.getAsJsonObject("ipv6").keySet());
        assertEquals("{\"level\":\"reprobe\",\"attempts\":0,\"last_action\":\"start_session\",\"resets_last_hour\":0}",
                s.get("recovery").toString());
    }

    @Test
    void errorsCarryCodeAndMessage() {
        JsonObject s = json.status(FakeDaemonApi.needsPin("lte2"));
        assertEquals("needs_user", s.get("state").getAsString());
        assertEquals("PIN_REQUIRED", s.get("detail").getAsString());
        assertEquals(Set.of("code", "message"), s.getAsJsonObject("error").keySet());
        assertEquals("pin", s.getAsJsonObject("sim").get("state").getAsString());
        assertEquals("unknown", s.getAsJsonObject("registration").get("state").getAsString());
        assertEquals("disconnected", s.getAsJsonObject("bearer").get("state").getAsString());
    }

    @Test
    void nothingKnownStillHasEveryObject() {
        ModemStatus s = new ModemStatus("wwan", ModemState.of(StateKind.ABSENT), FakeDaemonApi.NOW, null, null, null, null,
                null, 0, null, 0);
        JsonObject o = json.status(s);
        assertEquals("absent", o.get("state").getAsString());
        assertEquals("{\"state\":\"unknown\"}", o.get("sim").toString());
        assertEquals("{\"state\":\"unknown\"}", o.get("registration").toString());
        assertEquals("{}", o.get("signal").toString());
        assertEquals("{\"state\":\"disconnected\"}", o.get("bearer").toString());
        assertEquals("reprobe", o.getAsJsonObject("recovery").get("level").getAsString());
        JsonObject info = json.info(s, null);
        assertEquals("{\"usb\":{},\"ports\":{}}", info.toString());
    }

    @Test
    void infoAndSignalShapes() {
        ModemStatus s = FakeDaemonApi.online("wwan");
        JsonObject info = json.info(s, new DeviceInfo("2c7c", "0125", "1-1.2", "/dev/ttyUSB2", "/dev/cdc-wdm0", "wwan0",
                "qmi_wwan", "qmi", "quectel"));
        assertEquals(new TreeSet<>(Set.of("manufacturer", "model", "revision", "imei", "iccid", "usb", "ports", "driver",
                "protocol", "profile")), keys(info));
        assertEquals("{\"vid\":\"2c7c\",\"pid\":\"0125\",\"path\":\"1-1.2\"}", info.get("usb").toString());
        assertEquals("{\"at\":\"/dev/ttyUSB2\",\"control\":\"/dev/cdc-wdm0\",\"netdev\":\"wwan0\"}", info.get("ports").toString());
        assertFalse(info.toString().contains("262011234567890"), "the IMSI is not published");
        JsonObject sig = json.signal(s);
        assertEquals(new TreeSet<>(Set.of("rssi", "rsrp", "rsrq", "sinr", "bars", "rat", "band", "cell")), keys(sig));
        assertEquals("B3", sig.get("band").getAsString());
    }

    @Test
    void connectReplyShape() {
        JsonObject up = json.connectReply(FakeDaemonApi.online("wwan"));
        assertEquals(new TreeSet<>(Set.of("up", "state", "netdev", "ipv4", "ipv6", "dhcp", "dhcpv6", "mtu")), keys(up));
        JsonObject down = json.connectReply(FakeDaemonApi.needsPin("wwan"));
        assertEquals(new TreeSet<>(Set.of("up", "state", "error", "dhcp", "dhcpv6")), keys(down));
    }

    @Test
    void modemStatusHoldsNoSecretsSoNoReplyCan() {
        // The status record is what replies are built from: it has no configuration, PIN or password in it.
        Set<String> names = new TreeSet<>();
        for (RecordComponent c : ModemStatus.class.getRecordComponents()) names.add(c.getName().toLowerCase());
        for (String secret : new String[]{"pin", "pincode", "password", "puk", "config", "username"}) {
            assertFalse(names.contains(secret), "ModemStatus has no " + secret + ": " + names);
        }
        assertTrue(Arrays.stream(Snapshot.class.getDeclaredFields()).noneMatch(f -> f.getName().toLowerCase().contains("pin")
                && !f.getName().toLowerCase().contains("ping")));
        String all = json.status(FakeDaemonApi.online("wwan")) + json.info(FakeDaemonApi.online("wwan"), null).toString()
                + json.connectReply(FakeDaemonApi.online("wwan"));
        assertFalse(all.contains("pincode") || all.contains("password"));
    }

    @Test
    void recoveryLevelUsesWireNames() {
        ModemStatus s = FakeDaemonApi.registered("wwan");
        JsonObject r = json.status(s).getAsJsonObject("recovery");
        assertEquals(RecoveryLevel.L1_SESSION.wireName(), r.get("level").getAsString());
        assertEquals(2, r.get("attempts").getAsInt());
        assertEquals(1, r.get("resets_last_hour").getAsInt());
        assertTrue(json.status(s).getAsJsonObject("registration").get("roaming").getAsBoolean());
    }
}
