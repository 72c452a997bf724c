package io.ltemodem.device;

import java.util.List;
import java.util.Map;

/**
 * What the engine needs to know about a module family, as data (DESIGN §2: quirks live in profiles, never in
 * {@code if (vendor)} branches). Loaded from {@code profiles.json}; {@link #GENERIC} is the 27.007 baseline.
 *
 * @param resetCommand        the soft reset (L3), e.g. {@code AT+CFUN=1,1}, {@code AT!RESET}
 * @param powerDownCommand    a power-down (L5 without GPIO), e.g. {@code AT+QPOWD=1}; null when none
 * @param boardRepowers       true when the carrier board powers the module up again after a power-down
 * @param retriesCommands     commands that tell PIN/PUK tries left, tried in order
 * @param iccidCommands       commands that read the ICCID, tried in order
 * @param servingCellCommand  a vendor serving-cell query ({@code AT+QENG="servingcell"}), or null
 * @param atInterfaces        USB interface number of the primary AT port per USB composition (keyed by the
 *                            protocol the drivers show: qmi, mbim, rndis, ecm, ncm; "default" otherwise);
 *                            absent = probe the candidates with AT
 * @param pppInterfaces       USB interface number of the port PPP dials on (the "modem" port, not the AT port the
 *                            probe keeps), keyed like {@code atInterfaces}; absent = another tty than the AT port
 */
public record ModemProfile(String id, String name, List<String> usbIds, String control, Map<String, Integer> atInterfaces,
                           String resetCommand, String powerDownCommand, boolean boardRepowers,
                           List<String> retriesCommands, List<String> iccidCommands, String servingCellCommand,
                           List<String> quirks, Map<String, Integer> pppInterfaces) {

    public static final ModemProfile GENERIC = new ModemProfile("generic", "Generic 27.007 modem", List.of(), "auto", Map.of(),
            "AT+CFUN=1,1", null, false, List.of("AT+CPINR=\"SIM*\""), List.of("AT+ICCID", "AT+CCID"), null, List.of(), Map.of());

    public ModemProfile {
        usbIds = usbIds == null ? List.of() : List.copyOf(usbIds);
        atInterfaces = atInterfaces == null ? Map.of() : Map.copyOf(atInterfaces);
        pppInterfaces = pppInterfaces == null ? Map.of() : Map.copyOf(pppInterfaces);
        retriesCommands = retriesCommands == null ? List.of() : List.copyOf(retriesCommands);
        iccidCommands = iccidCommands == null ? List.of() : List.copyOf(iccidCommands);
        quirks = quirks == null ? List.of() : List.copyOf(quirks);
        if (resetCommand == null || resetCommand.isBlank()) resetCommand = "AT+CFUN=1,1";
        if (control == null) control = "auto";
    }

    /** The AT interface number in the composition that {@code protocol} indicates, or -1 (probe). */
    public int atInterface(String protocol) {
        return interfaceFor(atInterfaces, protocol);
    }

    /** The PPP port's interface number in the composition that {@code protocol} indicates, or -1 (none named). */
    public int pppInterface(String protocol) {
        return interfaceFor(pppInterfaces, protocol);
    }

    public boolean hasQuirk(String q) {
        return quirks.contains(q);
    }

    private static int interfaceFor(Map<String, Integer> byProtocol, String protocol) {
        Integer n = byProtocol.get(protocol);
        if (n == null) n = byProtocol.get("default");
        return n == null ? -1 : n;
    }
}
