package io.ltemodem.ubus;

import io.ltemodem.api.FakeDaemonApi;

import java.util.Optional;

/** Run in a JVM that cannot find libubus: prints EMPTY when the factory gives up quietly. */
public final class NoUbusMain {
    private NoUbusMain() {
    }

    public static void main(String[] args) {
        Optional<UbusServer> s = UbusServer.startIfAvailable(new FakeDaemonApi(), UbusServer.Settings.defaults());
        System.out.println(s.isPresent() ? "SERVER" : "EMPTY");
        s.ifPresent(UbusServer::close);
    }
}
