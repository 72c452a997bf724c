package io.ltemodem.dataplane.qmi;

import io.ltemodem.dataplane.StepResult;
import io.ltemodem.dataplane.link.SysfsNetdev;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.model.HostLink;
import io.ltemodem.sys.ProcessRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The host side of a qmi_wwan data path in sysfs: whether the netdev exists and is up, and its
 * {@code qmi/raw_ip} flag, which must match the modem's WDA link-layer protocol. The kernel refuses to change
 * {@code raw_ip} on a running device ("Cannot change a running device", ModemManager#189), so the netdev is
 * brought down first — through {@link LinkControl}, by default {@code ip link set dev X down}.
 *
 * <p>The sysfs directory is found afresh on every call ({@code class/net/<dev>}, or under the USB device tree as
 * the fake trees in tests have it): after a re-enumeration it may be somewhere else.
 */
public final class QmiNetdev {
    private static final Logger log = LoggerFactory.getLogger(QmiNetdev.class);

    /** Brings a network device down; true when the command succeeded. */
    public interface LinkControl {
        boolean setDown(String netdev);
    }

    /** {@code ip link set dev <netdev> down}, bounded by 3 s. */
    public static LinkControl ipCommand(ProcessRunner runner) {
        return netdev -> runner.run(List.of("ip", "link", "set", "dev", netdev, "down"), 3_000).ok();
    }

    private final SysfsNetdev link;
    private final String name;
    private final LinkControl control;

    /**
     * @param sysfsRoot {@code /sys} (or a fake tree's root)
     * @param name      the netdev, e.g. {@code wwan0}
     */
    public QmiNetdev(Path sysfsRoot, String name, LinkControl control) {
        this.link = new SysfsNetdev(sysfsRoot, name);
        this.name = name;
        this.control = control;
    }

    public String name() {
        return name;
    }

    public boolean present() {
        return link.present();
    }

    /** Administratively up: IFF_UP, which is what the kernel checks before raw_ip changes. */
    public boolean up() {
        return link.up();
    }

    /** {@code qmi/raw_ip}: true (Y), false (N), or null when there is no such file (not qmi_wwan, or no netdev). */
    public Boolean rawIp() {
        Path d = link.dir();
        if (d == null) return null;
        String v = read(d.resolve("qmi/raw_ip"));
        if (v == null) return null;
        if (v.equalsIgnoreCase("Y") || v.equals("1")) return Boolean.TRUE;
        if (v.equalsIgnoreCase("N") || v.equals("0")) return Boolean.FALSE;
        return null;
    }

    public HostLink hostLink() {
        HostLink h = link.hostLink();
        return h.present() ? new HostLink(name, true, h.up(), rawIp()) : h;
    }

    /**
     * Makes {@code raw_ip} say {@code wanted}; brings the netdev down first when it is up (the session is useless
     * with the wrong framing anyway). Fails, with the reason, when it cannot.
     */
    public StepResult ensureRawIp(boolean wanted) {
        Path d = link.dir();
        if (d == null) return StepResult.fail(ErrorCode.NO_DEVICE, "network device " + name + " not found");
        Boolean now = rawIp();
        if (now == null) return StepResult.fail(ErrorCode.CONNECT_FAILED, name + " has no qmi/raw_ip (not a qmi_wwan device?)");
        if (now == wanted) return StepResult.OK;
        if (up()) {
            log.info("{} is up: bringing it down to set raw_ip={}", name, wanted ? "Y" : "N");
            if (!control.setDown(name) || up()) {
                return StepResult.fail(ErrorCode.CONNECT_FAILED, "raw_ip of " + name + " must change to "
                        + (wanted ? "Y" : "N") + ", but " + name + " cannot be brought down");
            }
        }
        try {
            Files.writeString(d.resolve("qmi/raw_ip"), wanted ? "Y" : "N", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return StepResult.fail(ErrorCode.CONNECT_FAILED, "writing " + name + " qmi/raw_ip failed: " + e.getMessage());
        }
        Boolean after = rawIp();
        if (after == null || after != wanted) {
            return StepResult.fail(ErrorCode.CONNECT_FAILED, name + " qmi/raw_ip did not take the value " + (wanted ? "Y" : "N"));
        }
        log.info("{} qmi/raw_ip set to {}", name, wanted ? "Y" : "N");
        return StepResult.OK;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            return null;
        }
    }
}
