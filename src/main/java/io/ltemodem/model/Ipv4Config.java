package io.ltemodem.model;

import java.util.List;

/** IPv4 settings of a bearer; prefix is the prefix length (0..32). */
public record Ipv4Config(String address, int prefix, String gateway, List<String> dns) {
    public Ipv4Config {
        dns = dns == null ? List.of() : List.copyOf(dns);
    }
}
