package io.ltemodem.qmi;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.sim.qmi.QmiServices;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code qmicli -p}: through qmi-proxy, which shares the device with other programs. The test starts its own
 * qmi-proxy (qmicli would otherwise spawn one that outlives the test) and ends it by its own handle.
 */
class QmicliProxyTest {
    private static boolean proxyListening() {
        try {
            return Files.readAllLines(Path.of("/proc/net/unix")).stream().anyMatch(l -> l.endsWith("@qmi-proxy"));
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aSessionThroughQmiProxy() throws Exception {
        Path qmicli = RealQmicli.require();
        Path proxy = QmiTools.PROXY_PATHS.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        if (proxy == null) System.err.println("SKIPPED: qmi-proxy is not installed; qmicli -p not tested");
        Assumptions.assumeTrue(proxy != null, "qmi-proxy not installed");
        Assumptions.assumeFalse(proxyListening(), "a qmi-proxy that is not ours is running");
        Process p = new ProcessBuilder(proxy.toString(), "--empty-timeout=5").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (RealQmicli q = RealQmicli.start()) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!proxyListening() && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(proxyListening(), "qmi-proxy listens");
            QmicliTool tool = new QmicliTool(qmicli.toString(), q.sim.devicePath(), true, q.runner, RealQmicli.TEST_TIMEOUTS);
            assertEquals(OperatingMode.ONLINE, tool.operatingMode().value());
            int cid = tool.allocateWdsClient().value();
            QmiResult<NetworkStart> s = tool.startNetwork(cid, StartNetworkRequest.of(ModemConfig.defaults("wwan"), IpFamily.V4));
            assertTrue(s.ok(), s.describe());
            assertEquals(1, q.model.activeSessions());
            assertTrue(tool.stopNetwork(cid, s.value().handle(), true).ok());
            assertEquals(0, q.sim.cidsInUse(QmiServices.WDS));
        } finally {
            p.destroy();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(2, TimeUnit.SECONDS);
            }
        }
    }
}
