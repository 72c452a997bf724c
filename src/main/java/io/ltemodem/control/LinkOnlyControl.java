package io.ltemodem.control;

import io.ltemodem.config.ModemConfig;
import io.ltemodem.dataplane.link.SysfsNetdev;
import io.ltemodem.engine.ModemControl;
import io.ltemodem.engine.ModemPorts;
import io.ltemodem.engine.RecoveryLevel;
import io.ltemodem.model.Fact;
import io.ltemodem.model.Identity;
import io.ltemodem.model.Snapshot;
import io.ltemodem.sys.Clock;

import java.nio.file.Path;

/**
 * The "control" of a modem that has none: a HiLink stick is a router in a USB stick that dials by itself, and shows
 * the host only an Ethernet link (cdc_ether) with DHCP behind it. Nothing here can be asked or ordered; the port
 * the engine watches is the link's sysfs directory, so the stick counts as present exactly while its link is.
 * Recovery starts where the host can act without the modem's help: the USB reset (L4), then power (L5).
 */
public final class LinkOnlyControl implements ModemControl {
    private final SysfsNetdev link;
    private final Clock clock;
    // Loop thread only.
    private String path;

    public LinkOnlyControl(SysfsNetdev link, Clock clock) {
        this.link = link;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "link";
    }

    @Override
    public boolean controlsModem() {
        return false;
    }

    @Override
    public boolean can(RecoveryLevel level) {
        return level == RecoveryLevel.L0_REPROBE || level.ordinal() >= RecoveryLevel.L4_USB.ordinal();
    }

    /** The link's sysfs directory: present while the stick is. */
    @Override
    public String locate(ModemPorts ports) {
        Path d = link.dir();
        return d == null ? null : d.toString();
    }

    @Override
    public boolean connect(String path) {
        boolean changed = !path.equals(this.path);
        this.path = path;
        return changed;
    }

    @Override
    public boolean connected() {
        return path != null && link.present();
    }

    @Override
    public void release() {
        path = null;
    }

    /** Only that the stick is there: SIM, radio, registration stay unknown (the plane adds the link and DHCP). */
    @Override
    public Snapshot.Builder probe(ModemConfig want, Identity knownIdentity) {
        long now = clock.millis();
        return Snapshot.builder(now).portPresent(Fact.of(link.present(), now));
    }

    @Override
    public boolean init() {
        return true;
    }

    /** Never asked: the planner of a link-only modem plans no PIN, radio, context or attach steps. */
    @Override
    public PinResult enterPin(String pin) {
        return PinResult.UNCLEAR;
    }

    @Override
    public boolean setRadio(boolean on) {
        return false;
    }

    @Override
    public boolean defineContext(int cid, String pdpType, String apn) {
        return false;
    }

    @Override
    public boolean attach() {
        return false;
    }

    @Override
    public void requestSoftReset() {
        // can(L3) is false: the ladder never gets here.
    }

    @Override
    public boolean requestPowerDown() {
        return false;
    }

    @Override
    public void listen(Events events) {
        // The stick reports nothing; link changes are seen by the next probe.
    }
}
