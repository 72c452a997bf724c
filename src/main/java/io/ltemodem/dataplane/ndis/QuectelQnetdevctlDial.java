package io.ltemodem.dataplane.ndis;

import io.ltemodem.at.AtCommand;
import io.ltemodem.at.AtResult;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.model.Ipv4Config;

import java.util.List;

/**
 * Quectel in ECM/RNDIS/NCM mode ({@code AT+QCFG="usbnet",1|3|5}): {@code AT+QNETDEVCTL=<op>,<cid>,<urc_en>} with op 1
 * connects the context to the network interface, op 0 disconnects (OpenWrt comgt ncm.json, Quectel RG/RM manuals);
 * {@code AT+QNETDEVCTL?} answers {@code +QNETDEVCTL: <op>,<cid>,<urc_en>,<state>}. The address comes from
 * {@code +CGCONTRDP}. Op 3 (connect and keep reconnecting) is not used: the daemon does the reconnecting, and a
 * modem that redials by itself would fight the escalation ladder.
 */
public final class QuectelQnetdevctlDial implements DialStrategy {
    @Override
    public String id() {
        return "quectel-qnetdevctl";
    }

    @Override
    public List<AtCommand> connect(ModemConfig want) {
        return List.of(AtCommand.of("AT+QNETDEVCTL=1," + want.profile() + ",1", CgactDial.ACTIVATE_TIMEOUT_MS));
    }

    @Override
    public AtCommand disconnect(ModemConfig want) {
        return AtCommand.of("AT+QNETDEVCTL=0," + want.profile() + ",0", CgactDial.ACTIVATE_TIMEOUT_MS);
    }

    @Override
    public AtCommand statusQuery(ModemConfig want) {
        return AtCommand.of("AT+QNETDEVCTL?");
    }

    @Override
    public Boolean parseActive(ModemConfig want, AtResult answer) {
        if (!answer.ok()) return null;
        NdisParsers.Qnetdevctl q = NdisParsers.parseQnetdevctl(answer.lines());
        if (q == null) return null;
        // The interface is bound to one context at a time: another cid up is not our session.
        return q.connected() && q.cid() == want.profile();
    }

    @Override
    public AtCommand addressQuery(ModemConfig want) {
        return AtCommand.of("AT+CGCONTRDP=" + want.profile());
    }

    @Override
    public Ipv4Config parseAddress(ModemConfig want, AtResult answer) {
        return CgactDial.cgcontrdpV4(want, answer);
    }

    /**
     * Quectel's own {@code AT+QICSGP=<cid>,<context_type>,"<apn>","<user>","<password>",<auth>} (context type 1 IPv4,
     * 2 IPv6, 3 IPv4v6; auth 1 PAP, 2 CHAP, 3 PAP or CHAP), which Quectel's manuals give for the data call
     * credentials; the APN it sets is the one {@code +CGDCONT} just defined.
     */
    @Override
    public List<AtCommand> credentials(ModemConfig want) {
        if (want.auth() == ModemConfig.Auth.NONE) return List.of();
        int type = switch (want.pdpType()) {
            case IPV4 -> 1;
            case IPV6 -> 2;
            case IPV4V6 -> 3;
        };
        int auth = switch (want.auth()) {
            case PAP -> 1;
            case CHAP -> 2;
            case BOTH, NONE -> 3;
        };
        return List.of(AtCommand.of("AT+QICSGP=" + want.profile() + "," + type + ",\"" + want.apn() + "\",\""
                + want.username() + "\",\"" + want.password() + "\"," + auth));
    }
}
