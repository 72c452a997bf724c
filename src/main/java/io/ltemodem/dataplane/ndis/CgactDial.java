package io.ltemodem.dataplane.ndis;

import io.ltemodem.at.AtCommand;
import io.ltemodem.at.AtResult;
import io.ltemodem.at.parse.IpConfigParser;
import io.ltemodem.at.parse.PacketParsers;
import io.ltemodem.config.ModemConfig;
import io.ltemodem.model.IpConfig;
import io.ltemodem.model.Ipv4Config;
import io.ltemodem.model.PdpActivation;

import java.util.List;
import java.util.Optional;

/**
 * The 27.007 way (Fibocom, MediaTek, generic): {@code AT+CGACT=1,<cid>} activates the context and the modem routes it
 * to its network interface; {@code +CGACT?} tells the state, {@code +CGCONTRDP=<cid>} the address. Fibocom FM350 in
 * RNDIS mode dials exactly so ({@code AT+CGACT=1,3}; QModem).
 */
public final class CgactDial implements DialStrategy {
    static final long ACTIVATE_TIMEOUT_MS = 60_000;

    @Override
    public String id() {
        return "cgact";
    }

    @Override
    public List<AtCommand> connect(ModemConfig want) {
        return List.of(AtCommand.of("AT+CGACT=1," + want.profile(), ACTIVATE_TIMEOUT_MS));
    }

    @Override
    public AtCommand disconnect(ModemConfig want) {
        return AtCommand.of("AT+CGACT=0," + want.profile(), ACTIVATE_TIMEOUT_MS);
    }

    @Override
    public AtCommand statusQuery(ModemConfig want) {
        return AtCommand.of("AT+CGACT?");
    }

    @Override
    public Boolean parseActive(ModemConfig want, AtResult answer) {
        if (!answer.ok()) return null;
        Optional<List<PdpActivation>> acts = PacketParsers.parseCgact(answer.lines());
        if (acts.isEmpty()) return null;
        for (PdpActivation a : acts.get()) if (a.cid() == want.profile()) return a.active();
        return false;
    }

    @Override
    public AtCommand addressQuery(ModemConfig want) {
        return AtCommand.of("AT+CGCONTRDP=" + want.profile());
    }

    @Override
    public Ipv4Config parseAddress(ModemConfig want, AtResult answer) {
        return cgcontrdpV4(want, answer);
    }

    static Ipv4Config cgcontrdpV4(ModemConfig want, AtResult answer) {
        if (!answer.ok()) return null;
        Optional<IpConfig> ip = IpConfigParser.parseCgcontrdp(want.profile(), answer.lines());
        return ip.map(IpConfig::ipv4).orElse(null);
    }

    /**
     * 27.007 {@code AT+CGAUTH=<cid>,<auth_prot>,"<user>","<password>"}, auth_prot 1 PAP, 2 CHAP. The standard has no
     * "PAP or CHAP": {@code both} asks for CHAP, which networks that accept PAP nearly always accept too.
     */
    @Override
    public List<AtCommand> credentials(ModemConfig want) {
        if (want.auth() == ModemConfig.Auth.NONE) return List.of();
        int proto = want.auth() == ModemConfig.Auth.PAP ? 1 : 2;
        return List.of(AtCommand.of("AT+CGAUTH=" + want.profile() + "," + proto + ",\"" + want.username() + "\",\""
                + want.password() + "\""));
    }
}
