package io.ltemodem.dataplane.ndis;

import io.ltemodem.at.AtCommand;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.device.ModemProfile;
import io.ltemodem.device.ModemProfiles;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The dial-up is chosen by profile data: quirk first, then profile id, then the 27.007 default. */
class DialStrategiesTest {
    private final DialStrategies table = DialStrategies.load();
    private final ModemProfiles profiles = ModemProfiles.load();

    private static ModemProfile profile(String id, List<String> quirks) {
        return new ModemProfile(id, id, List.of(), "auto", Map.of(), null, null, false, List.of(), List.of(), null, quirks, Map.of());
    }

    @Test
    void shippedProfiles() {
        assertEquals("huawei-ndisdup", table.idFor(profiles.byId("huawei-e3372")), "by its ndisdup quirk");
        assertEquals("quectel-qnetdevctl", table.idFor(profiles.byId("quectel-ec25")));
        assertEquals("quectel-qnetdevctl", table.idFor(profiles.byId("quectel-rm500q")));
        assertEquals("cgact", table.idFor(profiles.byId("fibocom-fm350")));
        assertEquals("cgact", table.idFor(ModemProfile.GENERIC));
        assertInstanceOf(HuaweiNdisdupDial.class, table.forProfile(profiles.byId("huawei-e3372")));
        assertInstanceOf(CgactDial.class, table.forProfile(profiles.byId("sierra-em7455")), "unknown to the table: default");
    }

    @Test
    void aQuirkWinsOverTheProfileId() {
        assertEquals("quectel-qnetdevctl", table.idFor(profile("some-new-module", List.of("rdy-urc", "qnetdevctl"))));
        assertEquals("cgact", table.idFor(profile("quectel-ec25", List.of("cgact-dial"))), "a quirk overrides the id");
    }

    @Test
    void aTableMustNameKnownStrategies() {
        assertThrows(IllegalArgumentException.class, () -> DialStrategies.parse(new StringReader(
                "{\"byQuirk\": {\"x\": \"no-such-dial\"}, \"byProfile\": {}, \"default\": \"cgact\"}")));
        assertThrows(IllegalArgumentException.class, () -> DialStrategies.parse(new StringReader("[1,2]")));
        DialStrategies own = DialStrategies.parse(new StringReader("{\"byProfile\": {\"m\": \"huawei-ndisdup\"}}"));
        assertEquals("huawei-ndisdup", own.idFor(profile("m", List.of())));
        assertEquals("cgact", own.idFor(profile("n", List.of())));
    }

    @Test
    void theCommandsOfEachDialUp() {
        ModemConfig want = new ModemConfig("wwan", "auto", "internet", ModemConfig.PdpType.IPV4V6, ModemConfig.Auth.CHAP,
                "user", "s3cret", "", "ncm", false, 2, 0, true, true, true);
        assertEquals("AT+QNETDEVCTL=1,2,1", new QuectelQnetdevctlDial().connect(want).get(0).text());
        assertEquals("AT+QNETDEVCTL=0,2,0", new QuectelQnetdevctlDial().disconnect(want).text());
        AtCommand ndis = new HuaweiNdisdupDial().connect(want).get(0);
        assertEquals("AT^NDISDUP=2,1,\"internet\",\"user\",\"s3cret\",2", ndis.text());
        assertFalse(ndis.loggable().contains("s3cret"), ndis.loggable());
        assertFalse(ndis.loggable().contains("user"), "the username is masked too: " + ndis.loggable());
        ModemConfig open = new ModemConfig("wwan", "auto", "internet", ModemConfig.PdpType.IPV4, ModemConfig.Auth.NONE,
                "", "", "", "ncm", false, 1, 0, true, true, true);
        assertEquals("AT^NDISDUP=1,1,\"internet\"", new HuaweiNdisdupDial().connect(open).get(0).text(), "no credentials: APN only");
        assertEquals("AT^NDISDUP=2,0", new HuaweiNdisdupDial().disconnect(want).text());
        assertEquals("AT+CGACT=1,2", new CgactDial().connect(want).get(0).text());
        assertEquals(List.of(), new HuaweiNdisdupDial().credentials(want), "NDISDUP carries them");
        AtCommand qicsgp = new QuectelQnetdevctlDial().credentials(want).get(0);
        assertEquals("AT+QICSGP=2,3,\"internet\",\"user\",\"s3cret\",2", qicsgp.text());
        assertFalse(qicsgp.loggable().contains("s3cret"));
        AtCommand cgauth = new CgactDial().credentials(want).get(0);
        assertEquals("AT+CGAUTH=2,2,\"user\",\"s3cret\"", cgauth.text());
        assertFalse(cgauth.loggable().contains("s3cret"));
        assertEquals(List.of(), new CgactDial().credentials(open), "no auth, no command");
    }
}
