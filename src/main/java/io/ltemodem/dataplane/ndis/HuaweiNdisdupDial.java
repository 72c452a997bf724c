package io.ltemodem.dataplane.ndis;

import io.ltemodem.at.AtCommand;
import io.ltemodem.at.AtResult;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.model.Ipv4Config;

import java.util.List;

/**
 * Huawei sticks in NCM mode (E3372h stick firmware, ME909, MU709; huawei_cdc_ncm): {@code AT^NDISDUP=<cid>,1,"<apn>"}
 * with the credentials appended as {@code ,"<user>","<password>",<auth>} (auth 0 none, 1 PAP, 2 CHAP) connects,
 * {@code AT^NDISDUP=<cid>,0} disconnects (ModemManager's huawei plugin; OpenWrt ncm.json). The state is
 * {@code AT^NDISSTATQRY?}, the address {@code AT^DHCP?} (little-endian hex). The credentials go in the command, which
 * {@link AtCommand#loggable()} masks after the APN.
 */
public final class HuaweiNdisdupDial implements DialStrategy {
    @Override
    public String id() {
        return "huawei-ndisdup";
    }

    @Override
    public List<AtCommand> connect(ModemConfig want) {
        StringBuilder cmd = new StringBuilder("AT^NDISDUP=").append(want.profile()).append(",1,\"").append(want.apn()).append('"');
        if (want.auth() != ModemConfig.Auth.NONE) {
            int auth = switch (want.auth()) {
                case PAP -> 1;
                case CHAP, BOTH -> 2;
                case NONE -> 0;
            };
            cmd.append(",\"").append(want.username()).append("\",\"").append(want.password()).append("\",").append(auth);
        }
        return List.of(AtCommand.of(cmd.toString(), CgactDial.ACTIVATE_TIMEOUT_MS));
    }

    @Override
    public AtCommand disconnect(ModemConfig want) {
        return AtCommand.of("AT^NDISDUP=" + want.profile() + ",0", CgactDial.ACTIVATE_TIMEOUT_MS);
    }

    @Override
    public AtCommand statusQuery(ModemConfig want) {
        return AtCommand.of("AT^NDISSTATQRY?");
    }

    @Override
    public Boolean parseActive(ModemConfig want, AtResult answer) {
        return answer.ok() ? NdisParsers.parseNdisstatqry(answer.lines()) : null;
    }

    @Override
    public AtCommand addressQuery(ModemConfig want) {
        return AtCommand.of("AT^DHCP?");
    }

    @Override
    public Ipv4Config parseAddress(ModemConfig want, AtResult answer) {
        return answer.ok() ? NdisParsers.parseHuaweiDhcp(answer.lines()) : null;
    }

    /** None: {@code ^NDISDUP} carries them. */
    @Override
    public List<AtCommand> credentials(ModemConfig want) {
        return List.of();
    }
}
