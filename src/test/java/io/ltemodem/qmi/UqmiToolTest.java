package io.ltemodem.qmi;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.model.SimState;
import io.ltemodem.sys.ProcessRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * uqmi is not packaged in Debian: its runner is tested against a stand-in script that records its arguments and
 * prints what the real uqmi printed in the transcripts (or its error strings, or nothing for a long time).
 */
class UqmiToolTest {
    @TempDir
    Path dir;
    private Path log;
    private UqmiTool tool;
    private final ProcessRunner runner = new ProcessRunner();

    @BeforeEach
    void fakeUqmi() throws Exception {
        log = dir.resolve("args.log");
        Path script = dir.resolve("uqmi");
        Files.writeString(script, """
                #!/bin/sh
                echo "$*" >> '%s'
                case "$*" in
                  *--get-client-id*) echo 7 ;;
                  *--start-network*--apn\\ bad*) echo '"Call failed"'; exit 255 ;;
                  *--start-network*) echo 305419896 ;;
                  *--stop-network*) echo '"No effect"'; exit 255 ;;
                  *--get-data-status*) echo '"connected"' ;;
                  *--get-current-settings*) echo '{"ip-family":"ipv4","mtu":1500,"ipv4":{"ip":"10.123.45.67","dns1":"10.74.210.210","dns2":"10.74.210.211","gateway":"10.123.45.68","subnet":"255.255.255.248"},"ipv6":{},"domain-names":{}}' ;;
                  *--wda-get-data-format*) echo '"raw-ip"' ;;
                  *--wda-set-data-format*) ;;
                  *--uim-verify-pin1*) echo '"Incorrect PIN"'; exit 255 ;;
                  *--uim-get-sim-state*) echo '"Invalid QMI command"'; exit 255 ;;
                  *--get-pin-status*) echo '{"pin1_status":"not_verified","pin1_verify_tries":2,"pin1_unblock_tries":10}' ;;
                  *--get-serving-system*) sleep 30 ;;
                  *--get-signal-info*) echo 'Request timed out' >&2; exit 255 ;;
                  *--get-device-operating-mode*) echo '"online"' ;;
                  *--sync*) ;;
                  *) echo '"Unknown error"'; exit 255 ;;
                esac
                """.formatted(log));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        tool = new UqmiTool(script.toString(), "/dev/cdc-wdm0", runner, new QmiTimeouts(3_000, 4_000, 4_000));
    }

    private List<String> calls() throws Exception {
        return Files.readAllLines(log);
    }

    @Test
    void alwaysPassesATimeout() throws Exception {
        assertTrue(tool.operatingMode().ok());
        assertEquals("-s -d /dev/cdc-wdm0 -t 1000 --get-device-operating-mode", calls().get(0));
    }

    @Test
    void ownsTheClientId() throws Exception {
        assertEquals(7, tool.allocateWdsClient().value());
        ModemConfig want = new ModemConfig("wwan", "auto", "internet", ModemConfig.PdpType.IPV4, ModemConfig.Auth.CHAP,
                "me", "hunter2-secret", "", "qmi", false, 1, 0, true, true, true);
        QmiResult<NetworkStart> s = tool.startNetwork(7, StartNetworkRequest.of(want, IpFamily.V4));
        assertEquals(305419896L, s.value().handle());
        assertEquals(ConnectionStatus.CONNECTED, tool.packetServiceStatus(7).value());
        assertEquals("10.123.45.67", tool.currentSettings(7).value().ipv4().address());
        assertTrue(tool.stopNetwork(7, 305419896L, true).is(QmiProtocolError.NO_EFFECT));
        List<String> c = calls();
        assertEquals("-s -d /dev/cdc-wdm0 -t 1000 --get-client-id wds", c.get(0));
        assertEquals("-s -d /dev/cdc-wdm0 -t 2000 --set-client-id wds,7 --start-network --apn internet --ip-family ipv4"
                + " --profile 1 --auth-type chap --username me --password hunter2-secret", c.get(1));
        assertEquals("-s -d /dev/cdc-wdm0 -t 1000 --set-client-id wds,7 --get-data-status", c.get(2));
        assertEquals("-s -d /dev/cdc-wdm0 -t 2000 --set-client-id wds,7 --stop-network 305419896 --release-client-id wds", c.get(4));
        assertFalse(s.describe().contains("hunter2"));
    }

    @Test
    void errorsAreTyped() {
        QmiResult<NetworkStart> failed = tool.startNetwork(7, new StartNetworkRequest("bad", IpFamily.V4, null, null, null, null));
        assertTrue(failed.is(QmiProtocolError.CALL_FAILED), failed.describe());
        assertNull(failed.value(), "uqmi gives no call end reason");
        QmiResult<PinRetries> pin = tool.verifyPin("1234");
        assertTrue(pin.is(QmiProtocolError.INCORRECT_PIN));
        assertFalse(pin.describe().contains("1234"));
    }

    @Test
    void cardStatusFallsBackToTheLegacyPinStatus() {
        QmiResult<CardStatus> r = tool.cardStatus();
        assertTrue(r.ok(), r.describe());
        assertEquals(SimState.PIN, r.value().toSimStatus().state());
        assertEquals(2, r.value().toSimStatus().pinRetries());
    }

    @Test
    void dataFormatOldFormAndSetReadsBack() throws Exception {
        assertEquals(DataFormat.LinkLayer.RAW_IP, tool.dataFormat().value().linkLayer());
        assertEquals(DataFormat.LinkLayer.RAW_IP, tool.setDataFormat(DataFormat.LinkLayer.ETHERNET).value().linkLayer());
        assertTrue(calls().get(1).endsWith("--wda-set-data-format 802.3"));
    }

    @Test
    void uqmisOwnTimeoutAndOursBothEndAsTimeouts() {
        QmiResult<io.ltemodem.model.Signal> own = tool.signalInfo();
        assertTrue(own.timedOut(), own.describe());
        long t0 = System.nanoTime();
        QmiResult<ServingSystem> hung = tool.servingSystem(); // the script ignores -t and hangs: we kill it
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(hung.timedOut(), hung.describe());
        assertTrue(ms < 3_000 + 3_000, ms + " ms");
        assertEquals(0, runner.liveChildren());
    }

    @Test
    void aMissingProgramIsAFailureNotAnException() {
        UqmiTool none = new UqmiTool(dir.resolve("nope").toString(), "/dev/cdc-wdm0", runner, QmiTimeouts.DEFAULTS);
        QmiResult<OperatingMode> r = none.operatingMode();
        assertEquals(QmiResult.Status.FAILED, r.status());
    }
}
