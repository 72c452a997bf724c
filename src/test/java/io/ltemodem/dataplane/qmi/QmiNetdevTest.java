package io.ltemodem.dataplane.qmi;

import io.ltemodem.dataplane.StepResult;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.HostLink;
import io.ltemodem.sim.sysfs.FakeUsbTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class QmiNetdevTest {
    @TempDir
    Path root;

    /** An EC25 with its qmi_wwan netdev wwan0 (raw_ip N, operstate as given). */
    static Path ec25(Path root, String operstate) throws Exception {
        FakeUsbTree t = new FakeUsbTree(root);
        t.device("1-1", "2c7c", "0125").iface(2, "ff", "00", "00", "option", "ttyUSB2")
                .iface(4, "ff", "ff", "ff", "qmi_wwan", "cdc-wdm0", "wwan0");
        Path net = root.resolve("bus/usb/devices/1-1/1-1:1.4/net/wwan0");
        Files.writeString(net.resolve("operstate"), operstate + "\n");
        return net;
    }

    /** Stands in for {@code ip link set dev X down}: writes operstate, remembers the call. */
    static final class FakeLink implements QmiNetdev.LinkControl {
        final Path net;
        final List<String> calls = new ArrayList<>();
        boolean refuse;

        FakeLink(Path net) {
            this.net = net;
        }

        @Override
        public boolean setDown(String netdev) {
            calls.add(netdev);
            if (refuse) return false;
            try {
                Files.writeString(net.resolve("operstate"), "down\n");
            } catch (Exception e) {
                return false;
            }
            return true;
        }
    }

    @Test
    void readsTheHostLink() throws Exception {
        ec25(root, "up");
        QmiNetdev d = new QmiNetdev(root, "wwan0", n -> true);
        assertEquals(new HostLink("wwan0", true, true, false), d.hostLink());
        assertEquals(new HostLink("wwan9", false, false, null), new QmiNetdev(root, "wwan9", n -> true).hostLink());
    }

    @Test
    void flagsWinOverOperstate() throws Exception {
        Path net = ec25(root, "unknown");
        Files.writeString(net.resolve("flags"), "0x1002\n");
        assertFalse(new QmiNetdev(root, "wwan0", n -> true).up());
        Files.writeString(net.resolve("flags"), "0x1003\n");
        assertTrue(new QmiNetdev(root, "wwan0", n -> true).up());
    }

    @Test
    void rawIpIsWrittenOnlyWhileDown() throws Exception {
        Path net = ec25(root, "up");
        FakeLink link = new FakeLink(net);
        QmiNetdev d = new QmiNetdev(root, "wwan0", link);
        assertTrue(d.ensureRawIp(true).ok());
        assertEquals(List.of("wwan0"), link.calls, "brought down first");
        assertEquals("Y", Files.readString(net.resolve("qmi/raw_ip")).trim());
        assertTrue(d.ensureRawIp(true).ok());
        assertEquals(1, link.calls.size(), "already right: nothing to do");
    }

    @Test
    void aNetdevThatStaysUpIsReportedNotForced() throws Exception {
        Path net = ec25(root, "up");
        FakeLink link = new FakeLink(net);
        link.refuse = true;
        StepResult r = new QmiNetdev(root, "wwan0", link).ensureRawIp(true);
        assertFalse(r.ok());
        assertEquals(ErrorCode.CONNECT_FAILED, r.error());
        assertTrue(r.message().contains("cannot be brought down"), r.message());
        assertEquals("N", Files.readString(net.resolve("qmi/raw_ip")).trim());
    }

    @Test
    void missingNetdevOrNoRawIpFile() throws Exception {
        Path net = ec25(root, "down");
        assertEquals(ErrorCode.NO_DEVICE, new QmiNetdev(root, "wwan7", n -> true).ensureRawIp(true).error());
        Files.delete(net.resolve("qmi/raw_ip"));
        assertFalse(new QmiNetdev(root, "wwan0", n -> true).ensureRawIp(true).ok());
    }

    @Test
    void findsTheRealKernelLayoutToo() throws Exception {
        Path net = root.resolve("class/net/wwan0");
        Files.createDirectories(net.resolve("qmi"));
        Files.writeString(net.resolve("qmi/raw_ip"), "Y\n");
        Files.writeString(net.resolve("flags"), "0x1002\n");
        assertEquals(new HostLink("wwan0", true, false, true), new QmiNetdev(root, "wwan0", n -> true).hostLink());
    }
}
