package io.ltemodem.daemon;

import io.ltemodem.qmi.QmiTimeouts;
import io.ltemodem.qmi.QmiTool;
import io.ltemodem.qmi.QmiTools;
import io.ltemodem.sys.ProcessRunner;

/** Which QMI tool drives a control node; a seam so tests can fix the tool, its deadlines and the proxy. */
@FunctionalInterface
public interface QmiToolChooser {
    /** What a modem on QMI reports when no tool can be found (a person must install one). */
    String NOT_INSTALLED = "protocol 'qmi' needs qmicli (libqmi-utils) or uqmi, and neither is installed";

    /** The tool on {@code device}, or null when none is installed. */
    QmiTool on(String device);

    /** What is installed: qmicli before uqmi, through qmi-proxy when that is installed ({@link QmiTools#choose}). */
    static QmiToolChooser installed(ProcessRunner runner, QmiTimeouts timeouts) {
        return device -> QmiTools.choose(QmiTools.Choice.AUTO, QmiTools.Proxy.AUTO, device, runner, timeouts);
    }
}
