package io.ltemodem.sim;

import java.util.EnumMap;

/**
 * The AT port's per-boot settings (echo, verbosity, error mode, URC switches, operator format). A reboot brings back
 * the defaults: echo on, {@code +CEREG=0}, {@code +CGEREP=0} — the daemon must set them again every time.
 * Guarded by the model's monitor (commands and events both run under it).
 */
final class AtSettings {
    boolean echo = true;
    boolean verbose = true;
    int cmee;
    final EnumMap<RegDomain, Integer> regUrcMode = new EnumMap<>(RegDomain.class);
    int cgerepMode;
    int cgerepBuffer;
    int copsFormat;
    /** {@code +CGPIAF}: IPv6 in colon notation (else 16 dotted decimals), subnet as {@code /len}, leading zeros, :: compression. */
    final int[] cgpiaf = {0, 0, 0, 0};

    AtSettings(Persona persona) {
        reset(persona);
    }

    /** {@code ATZ} / {@code AT&F} / boot. */
    void reset(Persona persona) {
        echo = true;
        verbose = true;
        cmee = persona.cmeeDefault();
        for (RegDomain d : RegDomain.values()) regUrcMode.put(d, 0);
        cgerepMode = 0;
        cgerepBuffer = 0;
        copsFormat = 0;
        java.util.Arrays.fill(cgpiaf, 0);
    }
}
