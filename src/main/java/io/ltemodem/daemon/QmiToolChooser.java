package io.ltemodem.daemon;

import io.ltemodem.control.QmiControl;
import io.ltemodem.dataplane.qmi.QmiDataPlane;
import io.ltemodem.dataplane.qmi.QmiNetdev;
import io.ltemodem.engine.Drivers;
import io.ltemodem.engine.ModemControl;
import io.ltemodem.model.ErrorCode;
import io.ltemodem.qmi.QmiTimeouts;
import io.ltemodem.qmi.QmiTool;
import io.ltemodem.qmi.QmiTools;
import io.ltemodem.sys.Clock;
import io.ltemodem.sys.ProcessRunner;

/** Which QMI tool drives a control node; a seam so tests can fix the tool, its deadlines and the proxy. */
@FunctionalInterface
public interface QmiToolChooser {
    /** What a modem on QMI reports when no tool can be found (a person must install one). */
    String NOT_INSTALLED = "protocol 'qmi' needs qmicli (libqmi-utils) or uqmi, and neither is installed";

    /** The tool on {@code device}, or null when none is installed. */
    QmiTool on(String device);

    /**
     * Drivers with the data over QMI on {@code node} through the chosen tool; control over {@code at} when the
     * modem has an AT port (null: it has none, and control goes over QMI too). Unusable when no tool is installed.
     */
    default Drivers drivers(String node, QmiNetdev netdev, ModemControl at, Clock clock) {
        QmiTool tool = on(node);
        if (tool == null) return Drivers.unusable(ErrorCode.CONFIG_INVALID, NOT_INSTALLED);
        QmiDataPlane plane = new QmiDataPlane(tool, netdev, clock);
        return Drivers.of(at != null ? at : new QmiControl(plane, clock), plane);
    }

    /** What is installed: qmicli before uqmi, through qmi-proxy when that is installed ({@link QmiTools#choose}). */
    static QmiToolChooser installed(ProcessRunner runner, QmiTimeouts timeouts) {
        return device -> QmiTools.choose(QmiTools.Choice.AUTO, QmiTools.Proxy.AUTO, device, runner, timeouts);
    }
}
