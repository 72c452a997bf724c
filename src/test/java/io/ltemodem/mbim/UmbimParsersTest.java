package io.ltemodem.mbim;

import io.ltemodem.model.IpConfig;
import io.ltemodem.model.RegStat;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * umbim output (openwrt/umbim cli.c printf formats; enum names from mbim-enum.c; a missing string prints as
 * {@code (null)}, the way glibc and musl print a NULL {@code %s}). umbim is not in Debian: these samples are built
 * from its source, field by field.
 */
class UmbimParsersTest {
    static final String SUBSCRIBER = """
              readystate: 0001 - initialized
              simiccid: 8949020000012345678
              subscriberid: 262011234567890
            """;
    static final String SUBSCRIBER_LOCKED = """
              readystate: 0006 - device-locked
              simiccid: 8949020000012345678
              subscriberid: (null)
            """;
    static final String PIN_REQUIRED = "required pin: 2 - pin1\nremaining attempts: 3\n";
    static final String PUK_REQUIRED = "required pin: 11 - puk1\nremaining attempts: 10\n";
    static final String PIN_UNLOCKED = "Pin Unlocked\n";
    static final String REGISTRATION = """
              nwerror: 0000 - unknown
              registerstate: 0003 - home
              registermode: 0001 - automatic
              availabledataclasses: 0020 - lte
              currentcellularclass: 0001 - gsm
              provider_id: 26201
              provider_name: Telekom.de
              roamingtext: (null)
            """;
    static final String REGISTRATION_DENIED = """
              nwerror: 006F - plmn-not-allowed
              registerstate: 0006 - denied
              registermode: 0001 - automatic
              availabledataclasses: 0000 - (null)
              currentcellularclass: 0001 - gsm
              provider_id: 26202
              provider_name: (null)
              roamingtext: (null)
            """;
    static final String ATTACHED = """
              nwerror: 0000 - unknown
              packetservicestate: 0002 - attached
              uplinkspeed: 50000000
              downlinkspeed: 150000000
            """;
    static final String CONNECTED = """
              sessionid: 0
              activationstate: 0001 - activated
              voicecallstate: 0000 - none
              nwerror: 0000 - unknown
              iptype: 0003 - ipv4v6
            """;
    static final String DISCONNECTED = """
              sessionid: 0
              activationstate: 0003 - deactivated
              voicecallstate: 0000 - none
              nwerror: 0000 - unknown
              iptype: 0000 - default
            """;
    static final String CONFIG = """
              ipv4address: 10.123.45.67/29
              ipv4gateway: 10.123.45.68
              ipv4mtu: 1500
              ipv4dnsserver: 10.74.210.210
              ipv4dnsserver: 10.74.210.211
              ipv6address: 2001:db8:1234:5678::1/64
              ipv6gateway: 2001:db8:1234:5678::2
              ipv6mtu: 1500
              ipv6dnsserver: 2001:db8::53
            """;
    static final String CONFIG_EMPTY = "  ipv6configurationavailable: 0000\n";
    static final String RADIO = "  hwradiostate: on\n  swradiostate: off\n";

    @Test
    void subscriber() {
        assertEquals(new SubscriberStatus(ReadyState.INITIALIZED, "262011234567890", "8949020000012345678"),
                UmbimParsers.subscriber(SUBSCRIBER));
        SubscriberStatus locked = UmbimParsers.subscriber(SUBSCRIBER_LOCKED);
        assertEquals(ReadyState.DEVICE_LOCKED, locked.readyState());
        assertNull(locked.subscriberId());
    }

    @Test
    void pinState() {
        assertEquals(new PinInfo(true, PinType.PIN1, 3), UmbimParsers.pinState(PIN_REQUIRED));
        assertEquals(new PinInfo(true, PinType.PUK1, 10), UmbimParsers.pinState(PUK_REQUIRED));
        assertEquals(new PinInfo(false, PinType.UNKNOWN, null), UmbimParsers.pinState(PIN_UNLOCKED));
    }

    @Test
    void registration() {
        RegistrationStatus r = UmbimParsers.registration(REGISTRATION);
        assertEquals(RegisterState.HOME, r.state());
        assertEquals("26201", r.providerId());
        assertEquals("Telekom.de", r.providerName());
        assertEquals("lte", r.dataClasses());
        assertEquals(7, r.act());
        RegistrationStatus d = UmbimParsers.registration(REGISTRATION_DENIED);
        assertEquals(RegStat.DENIED, d.regStat());
        assertEquals("plmn-not-allowed", d.nwError());
        assertEquals("26202", d.toOperator().name(), "no name: the numeric id");
    }

    @Test
    void packetServiceAndConnection() {
        assertTrue(UmbimParsers.packetService(ATTACHED).attached());
        ConnectionStatus c = UmbimParsers.connection(CONNECTED);
        assertTrue(c.active());
        assertEquals(MbimIpType.IPV4V6, c.ipType());
        assertFalse(UmbimParsers.connection(DISCONNECTED).active());
    }

    @Test
    void config() {
        IpConfig ip = UmbimParsers.config(CONFIG);
        assertEquals("10.123.45.67", ip.ipv4().address());
        assertEquals(29, ip.ipv4().prefix());
        assertEquals("10.123.45.68", ip.ipv4().gateway());
        assertEquals(List.of("10.74.210.210", "10.74.210.211"), ip.ipv4().dns());
        assertEquals("2001:db8:1234:5678::1", ip.ipv6().address());
        assertEquals(List.of("2001:db8::53"), ip.ipv6().dns());
        assertEquals(1500, ip.mtu());
        assertNull(UmbimParsers.config(CONFIG_EMPTY));
    }

    @Test
    void radio() {
        RadioState r = UmbimParsers.radio(RADIO);
        assertTrue(r.hardwareOn());
        assertFalse(r.softwareOn());
        assertEquals(4, r.cfun());
    }

    @Test
    void malformedInputNeverThrows() {
        List<String> samples = List.of(SUBSCRIBER, SUBSCRIBER_LOCKED, PIN_REQUIRED, PUK_REQUIRED, PIN_UNLOCKED, REGISTRATION,
                REGISTRATION_DENIED, ATTACHED, CONNECTED, DISCONNECTED, CONFIG, CONFIG_EMPTY, RADIO);
        List<Function<String, Object>> parsers = List.of(UmbimParsers::subscriber, UmbimParsers::pinState,
                UmbimParsers::registration, UmbimParsers::packetService, UmbimParsers::connection, UmbimParsers::config,
                UmbimParsers::radio);
        for (String s : samples) {
            for (int cut = 0; cut <= s.length(); cut++) {
                String t = s.substring(0, cut);
                String mangled = t.replace("0", "FFFFFFFFFFFF").replace(":", "");
                for (Function<String, Object> p : parsers) {
                    assertDoesNotThrow(() -> p.apply(t));
                    assertDoesNotThrow(() -> p.apply(mangled));
                }
            }
        }
        for (Function<String, Object> p : parsers) assertDoesNotThrow(() -> p.apply(null));
        assertNull(UmbimParsers.subscriber("  readystate: FFFFFFFFF - x\n"));
        assertNull(UmbimParsers.config("  ipv4address: 300.1.1.1/24\n"));
    }
}
