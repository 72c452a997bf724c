package io.ltemodem.mbim;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.sys.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link UmbimTool} against a stand-in {@code umbim} (umbim is not in Debian): a script that logs its arguments and
 * prints umbim's output formats with umbim's exit codes (the state number when not "good", 256 − status on a
 * status error). What it shows: the command lines mbim.sh uses, the transaction ids carried from call to call, the
 * exit codes read as umbim means them, and credentials never in a result.
 */
class UmbimToolTest {
    @TempDir
    Path dir;

    private UmbimTool tool(String script) throws Exception {
        Path exe = dir.resolve("umbim");
        Files.writeString(exe, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> " + dir.resolve("argv.log") + "\n" + script);
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwx------"));
        return new UmbimTool(exe.toString(), "/dev/cdc-wdm0", new ProcessRunner(), new MbimTimeouts(3_000, 3_000));
    }

    private List<String> argv() throws Exception {
        return Files.readAllLines(dir.resolve("argv.log"));
    }

    private static final String SCRIPT = """
            for a in "$@"; do cmd="$a"; case "$a" in subscriber|registration|attach|connect|disconnect|config|pinstate|unlock|radio) break;; esac; done
            case "$cmd" in
            subscriber) printf '  readystate: 0001 - initialized\\n  simiccid: 8949020000012345678\\n  subscriberid: 262011234567890\\n';;
            registration) printf '  nwerror: 0000 - unknown\\n  registerstate: 0004 - roaming\\n  registermode: 0001 - automatic\\n  availabledataclasses: 0020 - lte\\n  currentcellularclass: 0001 - gsm\\n  provider_id: 23415\\n  provider_name: Vodafone\\n  roamingtext: (null)\\n'; exit 4;;
            attach) printf '  nwerror: 0000 - unknown\\n  packetservicestate: 0002 - attached\\n  uplinkspeed: 0\\n  downlinkspeed: 0\\n';;
            connect) printf '  sessionid: 0\\n  activationstate: 0001 - activated\\n  voicecallstate: 0000 - none\\n  nwerror: 0000 - unknown\\n  iptype: 0001 - ipv4\\n';;
            config) printf '  ipv4address: 10.1.2.3/30\\n  ipv4gateway: 10.1.2.2\\n  ipv4mtu: 1430\\n  ipv4dnsserver: 10.1.0.53\\n  ipv6configurationavailable: 0000\\n';;
            disconnect) printf '  sessionid: 0\\n  activationstate: 0003 - deactivated\\n  voicecallstate: 0000 - none\\n  nwerror: 0000 - unknown\\n  iptype: 0000 - default\\n'; exit 3;;
            pinstate) echo 'Pin Unlocked' >&2;;
            unlock) printf 'required pin: 2 - pin1\\nremaining attempts: 2\\n' >&2; exit 2;;
            radio) exit 247;;
            esac
            """;

    @Test
    void callsCarryTheTransactionIdsAsMbimShDoes() throws Exception {
        UmbimTool t = tool(SCRIPT);
        assertEquals(ReadyState.INITIALIZED, t.subscriberReadyStatus().value().readyState());
        RegistrationStatus reg = t.registrationState().value();
        assertEquals(RegisterState.ROAMING, reg.state(), "exit code 4 is roaming, not a failure");
        assertTrue(t.attachPacketService().value().attached());
        ModemConfig want = new ModemConfig("wwan", "auto", "web.apn", ModemConfig.PdpType.IPV4, ModemConfig.Auth.PAP,
                "user", "hunter2", "", "mbim", false, 1, 0, true, true, true);
        MbimResult<ConnectResult> c = t.connect(ConnectRequest.of(want, 0));
        assertTrue(c.value().connection().active());
        assertEquals("10.1.2.3", t.ipConfiguration(0).value().ipv4().address());
        assertTrue(t.connectionState(0).value().active(), "an address means an active session");
        assertFalse(t.disconnect(0).value().active());
        assertNull(t.nextTransactionId(), "umbim closes after a disconnect");
        assertEquals(List.of(
                "-n -d /dev/cdc-wdm0 subscriber",
                "-n -t 3 -d /dev/cdc-wdm0 registration",
                "-n -t 4 -d /dev/cdc-wdm0 attach",
                "-n -t 5 -d /dev/cdc-wdm0 connect ipv4:web.apn pap user hunter2",
                "-n -t 6 -d /dev/cdc-wdm0 config",
                "-n -t 7 -d /dev/cdc-wdm0 config",
                "-n -t 8 -d /dev/cdc-wdm0 disconnect"), argv());
    }

    @Test
    void statusErrorsPinAndUnsupportedRequests() throws Exception {
        UmbimTool t = tool(SCRIPT);
        assertFalse(t.pinState().value().locked());
        MbimResult<PinInfo> wrong = t.enterPin("1234");
        assertTrue(wrong.is(MbimStatus.FAILURE), wrong.describe());
        assertTrue(wrong.message().contains("2 tries left"));
        assertFalse(wrong.describe().contains("1234"));
        assertTrue(t.radioState().is(MbimStatus.NO_DEVICE_SUPPORT), "exit 247 = status 9");
        assertEquals(MbimResult.Status.FAILED, t.setRadio(true).status());
        assertEquals(MbimResult.Status.FAILED, t.packetServiceState().status(), "observing must not attach");
        assertEquals(MbimResult.Status.FAILED, t.connectionState(1).status(), "session 0 only");
    }

    @Test
    void aHangingUmbimIsKilledAtTheDeadline() throws Exception {
        UmbimTool t = new UmbimTool(write("sleep 30\n").toString(), "/dev/cdc-wdm0", new ProcessRunner(), new MbimTimeouts(500, 500));
        long t0 = System.nanoTime();
        assertTrue(t.subscriberReadyStatus().timedOut());
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 4_000);
        assertNull(t.nextTransactionId());
    }

    private Path write(String body) throws Exception {
        Path exe = dir.resolve("umbim-hang");
        Files.writeString(exe, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwx------"));
        return exe;
    }
}
