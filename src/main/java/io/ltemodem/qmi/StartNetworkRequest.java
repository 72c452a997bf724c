package io.ltemodem.qmi;

import io.ltemodem.config.ModemConfig;

/**
 * What to ask WDS Start Network for. {@code profile}: the 3GPP profile index, or null to send the APN alone.
 * Username and password are secrets: {@link #toString()} masks them and command lines show them as ***.
 */
public record StartNetworkRequest(String apn, IpFamily family, ModemConfig.Auth auth, String username, String password,
                                  Integer profile) {
    public StartNetworkRequest {
        apn = apn == null ? "" : apn;
        auth = auth == null ? ModemConfig.Auth.NONE : auth;
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    /** The request for one family of what the configuration wants. */
    public static StartNetworkRequest of(ModemConfig want, IpFamily family) {
        return new StartNetworkRequest(want.apn(), family, want.auth(), want.username(), want.password(), want.profile());
    }

    @Override
    public String toString() {
        return "StartNetworkRequest{apn=" + apn + ", family=" + family + ", auth=" + auth
                + ", username=" + (username.isEmpty() ? "" : "***") + ", password=" + (password.isEmpty() ? "" : "***")
                + ", profile=" + profile + "}";
    }
}
