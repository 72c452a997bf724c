package io.ltemodem.dataplane.ndis;

import io.ltemodem.at.AtCommand;
import io.ltemodem.at.AtResult;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.model.Ipv4Config;

import java.util.List;

/**
 * How one family of modems starts, stops and reports the data session behind its USB network interface
 * (ECM/RNDIS/NCM) over AT. One implementation per vendor mechanism, chosen by profile data ({@link DialStrategies}),
 * never by {@code if (vendor)} in the plane. The plane defines the PDP context ({@code +CGDCONT}), then sends
 * {@link #credentials} and {@link #connect}.
 */
public interface DialStrategy {
    /** Stable id used in the selection table, e.g. {@code quectel-qnetdevctl}. */
    String id();

    /** The commands that start the session on {@code want.profile()}, in order. */
    List<AtCommand> connect(ModemConfig want);

    AtCommand disconnect(ModemConfig want);

    /** The query whose answer {@link #parseActive} reads. */
    AtCommand statusQuery(ModemConfig want);

    /** True up, false down, null unknown (unreadable). */
    Boolean parseActive(ModemConfig want, AtResult answer);

    /** The query for the address the modem assigned (the host gets it by DHCP; this one confirms it exists). */
    AtCommand addressQuery(ModemConfig want);

    /** The IPv4 settings from the address answer, or null when it has none. */
    Ipv4Config parseAddress(ModemConfig want, AtResult answer);

    /**
     * The commands that set username, password and authentication for {@code want.profile()} before the dial-up:
     * empty when {@code want} has none, or when {@link #connect} carries them itself (Huawei NDISDUP). Their
     * {@link AtCommand#loggable()} form masks the secrets.
     */
    List<AtCommand> credentials(ModemConfig want);
}
