package io.ltemodem.device;

/**
 * {@code protocol 'auto'}: the control protocol follows from the drivers the kernel bound, the way
 * OpenWrt users would pick a proto by hand (qmi_wwan → qmi, cdc_mbim → mbim, …).
 */
public final class ProtocolChooser {
    private ProtocolChooser() {
    }

    public static String choose(UsbModem m, ModemProfile profile) {
        if (m.hasDriver("qmi_wwan")) return "qmi";
        if (m.hasDriver("cdc_mbim")) return "mbim";
        if (m.hasDriver("cdc_ncm") || m.hasDriver("huawei_cdc_ncm")) return "ncm";
        if (m.hasDriver("rndis_host")) return "rndis";
        boolean tty = m.interfaces().stream().anyMatch(UsbInterface::hasTty);
        if (m.hasDriver("cdc_ether")) return tty ? "ecm" : "cdc_ether";
        if (tty) return "ppp";
        return profile.control();
    }
}
