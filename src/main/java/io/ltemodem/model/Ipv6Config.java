package io.ltemodem.model;

import java.util.List;

/** IPv6 settings of a bearer; prefix is the prefix length (0..128). */
public record Ipv6Config(String address, int prefix, String gateway, List<String> dns) {
    public Ipv6Config {
        dns = dns == null ? List.of() : List.copyOf(dns);
    }
}
