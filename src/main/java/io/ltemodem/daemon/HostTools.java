package io.ltemodem.daemon;

import io.ltemodem.dataplane.qmi.QmiNetdev;
import io.ltemodem.mbim.MbimTimeouts;
import io.ltemodem.ppp.PppSetup;
import io.ltemodem.qmi.QmiTimeouts;
import io.ltemodem.sys.ProcessRunner;

/**
 * The host programs a modem's drivers run, chosen once per daemon: the QMI and MBIM tools, pppd and chat, and how a
 * netdev is brought down. One seam, so tests can put the real tools with short deadlines, or stand-ins, in their place.
 *
 * @param qmi   which QMI tool drives a control node
 * @param mbim  which MBIM tool drives a control node
 * @param ppp   where PPP runs for a modem (programs, run directory, deadlines)
 * @param links brings a qmi_wwan netdev down before its raw_ip changes
 */
public record HostTools(QmiToolChooser qmi, MbimToolChooser mbim, PppSetup.Factory ppp, QmiNetdev.LinkControl links) {
    /** What is installed on this host, with the default deadlines. */
    public static HostTools installed(ProcessRunner runner) {
        return new HostTools(QmiToolChooser.installed(runner, QmiTimeouts.DEFAULTS),
                MbimToolChooser.installed(runner, MbimTimeouts.DEFAULTS), PppSetup::openWrt, QmiNetdev.ipCommand(runner));
    }

    public HostTools withQmi(QmiToolChooser v) {
        return new HostTools(v, mbim, ppp, links);
    }

    public HostTools withMbim(MbimToolChooser v) {
        return new HostTools(qmi, v, ppp, links);
    }

    public HostTools withPpp(PppSetup.Factory v) {
        return new HostTools(qmi, mbim, v, links);
    }

    public HostTools withLinks(QmiNetdev.LinkControl v) {
        return new HostTools(qmi, mbim, ppp, v);
    }
}
