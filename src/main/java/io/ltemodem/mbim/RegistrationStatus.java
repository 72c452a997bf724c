package io.ltemodem.mbim;

import io.ltemodem.model.Operator;
import io.ltemodem.model.RegDomain;
import io.ltemodem.model.RegStat;
import io.ltemodem.model.Registration;

import java.util.Locale;

/**
 * REGISTER_STATE: the register state, the network error and the provider (MCC+MNC and name; null when the modem
 * reports none), plus the available data classes as printed ({@code lte}, {@code 5g-nsa, lte}, ...).
 */
public record RegistrationStatus(RegisterState state, String nwError, String providerId, String providerName,
                                 String dataClasses) {

    /** The 27.007 view (the snapshot's EPS registration): MBIM has no area or cell in REGISTER_STATE. */
    public Registration toRegistration() {
        RegStat stat = regStat();
        return stat == null ? null : new Registration(RegDomain.EPS, null, stat, null, null, act());
    }

    public RegStat regStat() {
        if (state == null) return null;
        return switch (state) {
            case HOME -> RegStat.HOME;
            case ROAMING, PARTNER -> RegStat.ROAMING;
            case SEARCHING -> RegStat.SEARCHING;
            case DENIED -> RegStat.DENIED;
            case DEREGISTERED -> RegStat.NOT_REGISTERED;
            case UNKNOWN -> RegStat.UNKNOWN;
        };
    }

    /** 27.007 AcT from the data classes: 7 LTE, 13 EN-DC (5G NSA), 11 NR (5G SA); null when none of them. */
    public Integer act() {
        if (dataClasses == null) return null;
        String d = dataClasses.toLowerCase(Locale.ROOT);
        if (d.contains("5g-sa")) return 11;
        if (d.contains("5g-nsa")) return 13;
        if (d.contains("lte")) return 7;
        return null;
    }

    /** The operator when registered (or denied by it), numeric id split into MCC/MNC; null otherwise. */
    public Operator toOperator() {
        if (providerId == null || !providerId.matches("[0-9]{5,6}")) return null;
        String name = providerName != null && !providerName.isEmpty() ? providerName : providerId;
        int format = name.equals(providerId) ? 2 : 0;
        return new Operator(0, format, name, act(), providerId.substring(0, 3), providerId.substring(3));
    }
}
