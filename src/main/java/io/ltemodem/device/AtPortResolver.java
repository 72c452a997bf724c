package io.ltemodem.device;

import java.util.ArrayList;
import java.util.List;

/**
 * Which tty of a modem is its AT port: the profile's interface number when the composition has a tty there,
 * otherwise every tty candidate in a sensible order for probing with {@code AT}. Never {@code /dev/ttyUSB2}
 * by habit: the interface map changes with the USB composition (Quectel RNDIS: AT on if4; EM060K: if5).
 */
public final class AtPortResolver {
    private AtPortResolver() {
    }

    /** Device node names (e.g. {@code ttyUSB2}), best first. Empty when the modem has no tty at all. */
    public static List<String> candidates(UsbModem m, ModemProfile profile) {
        List<String> out = new ArrayList<>();
        int named = profile.atInterface(ProtocolChooser.choose(m, profile));
        if (named >= 0) {
            UsbInterface i = m.iface(named);
            if (i != null && i.hasTty()) out.add(i.ttys().get(0));
        }
        // Vendor-specific serial interfaces (ff/ff/ff is DIAG on Qualcomm: try it last), then CDC ACM.
        List<String> later = new ArrayList<>();
        for (UsbInterface i : m.interfaces()) {
            if (!i.hasTty()) continue;
            String tty = i.ttys().get(0);
            if (out.contains(tty)) continue;
            boolean diag = "ff".equals(i.cls()) && "ff".equals(i.subclass()) && "30".equals(i.protocol());
            boolean qcdmLike = "ff".equals(i.cls()) && "ff".equals(i.subclass()) && "ff".equals(i.protocol()) && i.number() == 0;
            if (diag || qcdmLike) later.add(tty);
            else out.add(tty);
        }
        out.addAll(later);
        return out;
    }
}
