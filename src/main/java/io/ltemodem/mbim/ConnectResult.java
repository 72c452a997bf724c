package io.ltemodem.mbim;

import io.ltemodem.model.IpConfig;

/** A successful CONNECT: the connection status and, when the tool read it right after, the IP configuration. */
public record ConnectResult(ConnectionStatus connection, IpConfig ipConfig) {
}
