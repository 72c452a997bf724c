package io.ltemodem.mbim;

import io.ltemodem.config.ModemConfig;

/**
 * What a CONNECT activation asks for. The username and password never appear in {@link #toString()}, a log line or
 * a result message.
 *
 * @param sessionId    MBIM session (0 is the default bearer, as ModemManager and mbim.sh use it)
 * @param accessString the APN ("" lets the network pick)
 */
public record ConnectRequest(int sessionId, String accessString, MbimIpType ipType, ModemConfig.Auth auth,
                             String username, String password) {
    public ConnectRequest {
        accessString = accessString == null ? "" : accessString;
        ipType = ipType == null ? MbimIpType.DEFAULT : ipType;
        auth = auth == null ? ModemConfig.Auth.NONE : auth;
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    public static ConnectRequest of(ModemConfig want, int sessionId) {
        MbimIpType ip = switch (want.pdpType()) {
            case IPV4 -> MbimIpType.IPV4;
            case IPV6 -> MbimIpType.IPV6;
            case IPV4V6 -> MbimIpType.IPV4V6;
        };
        return new ConnectRequest(sessionId, want.apn(), ip, want.auth(), want.username(), want.password());
    }

    /**
     * The MBIM auth protocol as mbimcli 1.28 takes it: the enum nick, {@code pap} or {@code chap} (matched
     * case-sensitively: {@code PAP} is refused), null for none. MBIM has no "PAP or CHAP": {@code both} asks for
     * CHAP, which networks that accept PAP nearly always accept too (ModemManager prefers CHAP likewise).
     */
    public String authName() {
        return switch (auth) {
            case NONE -> null;
            case PAP -> "pap";
            case CHAP, BOTH -> "chap";
        };
    }

    @Override
    public String toString() {
        return "ConnectRequest{session=" + sessionId + ", access-string=" + accessString + ", ip-type=" + ipType.nick()
                + ", auth=" + auth + ", username=" + (username.isEmpty() ? "" : "***")
                + ", password=" + (password.isEmpty() ? "" : "***") + "}";
    }
}
