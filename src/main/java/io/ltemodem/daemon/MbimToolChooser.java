package io.ltemodem.daemon;

import io.ltemodem.control.MbimControl;
import io.ltemodem.dataplane.link.SysfsNetdev;
import io.ltemodem.dataplane.mbim.MbimDataPlane;
import io.ltemodem.engine.Drivers;
import io.ltemodem.engine.ModemControl;
import io.ltemodem.mbim.MbimTimeouts;
import io.ltemodem.mbim.MbimTool;
import io.ltemodem.mbim.MbimTools;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.ProcessRunner;

/** Which MBIM tool drives a control node; a seam so tests can fix the tool, its deadlines and the proxy. */
@FunctionalInterface
public interface MbimToolChooser {
    /** What a modem on MBIM reports when no tool can be found (a person must install one). */
    String NOT_INSTALLED = "protocol 'mbim' needs mbimcli (libmbim-utils) or umbim, and neither is installed";

    /** The tool on {@code device}, or null when none is installed. */
    MbimTool on(String device);

    /**
     * Drivers with the data over MBIM on {@code node}; control over {@code at} when the modem has an AT port (null:
     * it has none, and control goes over MBIM too). Unusable when no tool is installed.
     */
    default Drivers drivers(String node, SysfsNetdev netdev, ModemControl at, Clock clock) {
        MbimTool tool = on(node);
        if (tool == null) return Drivers.unusable(ErrorCode.CONFIG_INVALID, NOT_INSTALLED);
        MbimDataPlane plane = new MbimDataPlane(tool, netdev, clock);
        return Drivers.of(at != null ? at : new MbimControl(plane, clock), plane);
    }

    /** What is installed: mbimcli before umbim, through mbim-proxy when that is installed ({@link MbimTools#choose}). */
    static MbimToolChooser installed(ProcessRunner runner, MbimTimeouts timeouts) {
        return device -> MbimTools.choose(MbimTools.Choice.AUTO, MbimTools.Proxy.AUTO, device, runner, timeouts);
    }
}
