package io.ltemodem.at.parse;

import io.ltemodem.model.PdpActivation;
import io.ltemodem.model.PdpAddress;
import io.ltemodem.model.PdpContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Packet-domain state: {@code +CGATT}, {@code +CGACT}, {@code +CGDCONT}, {@code +CGPADDR} (27.007 §10.1).
 *
 * <p>The list parsers read one line per context. A modem with no context defined answers a bare
 * {@code OK}, so no matching line means an empty list (known: none), not unknown. Lines without the
 * prefix are skipped (interleaved URCs). A line that carries the prefix but cannot be read makes the
 * whole answer unknown: dropping it would silently claim that context does not exist.
 */
public final class PacketParsers {
    private static final int MAX_CID = 255;

    private PacketParsers() {
    }

    /** {@code +CGATT: 0|1} → PS attached. */
    public static Optional<Boolean> parseCgatt(List<String> lines) {
        return Lines.guarded(() -> Lines.first(lines, line -> AtFields.of(line, "+CGATT").flatMap(f -> {
            Integer v = f.integer(0);
            if (v == null || f.quoted(0) || (v != 0 && v != 1)) return Optional.empty();
            return Optional.of(v == 1);
        })));
    }

    /** {@code +CGACT: <cid>,<state>} lines. */
    public static Optional<List<PdpActivation>> parseCgact(List<String> lines) {
        return Lines.guarded(() -> each(lines, "+CGACT", f -> {
            Integer cid = cid(f);
            Integer state = f.integer(1);
            if (cid == null || state == null || (state != 0 && state != 1)) return null;
            return new PdpActivation(cid, state == 1);
        }));
    }

    /**
     * {@code +CGDCONT: <cid>,"<PDP_type>","<APN>","<addr>",<d_comp>,<h_comp>,...} lines. The type is
     * uppercased (IP, IPV6, IPV4V6, PPP, NON-IP); a missing or empty APN reads as "" (network default).
     */
    public static Optional<List<PdpContext>> parseCgdcont(List<String> lines) {
        return Lines.guarded(() -> each(lines, "+CGDCONT", f -> {
            Integer cid = cid(f);
            if (cid == null || f.blank(1)) return null;
            String type = f.text(1).toUpperCase(Locale.ROOT);
            if (!type.matches("[A-Z0-9-]+")) return null;
            return new PdpContext(cid, type, f.blank(2) ? "" : f.text(2));
        }));
    }

    /**
     * {@code +CGPADDR: <cid>[,<PDP_addr_1>[,<PDP_addr_2>]]} lines. Each address is classified by its
     * form, not its position (an IPV6-only context puts its IPv6 first): 4 dotted numbers = IPv4, 16 =
     * IPv6 (27.007 default without {@code +CGPIAF}), 20 = IPv4 and IPv6 glued together (some firmwares),
     * colon form = IPv6. IPv6 comes out in RFC 5952 form. Empty, {@code 0.0.0.0} and {@code ::} are null.
     */
    public static Optional<List<PdpAddress>> parseCgpaddr(List<String> lines) {
        return Lines.guarded(() -> each(lines, "+CGPADDR", f -> {
            Integer cid = cid(f);
            if (cid == null) return null;
            String[] v4v6 = new String[2];
            for (int i = 1; i < f.size(); i++) {
                if (f.blank(i)) continue;
                // A few firmwares put both addresses into one field, separated by a space.
                for (String part : f.text(i).split("\\s+")) {
                    if (!addAddress(part, v4v6)) return null;
                }
            }
            return new PdpAddress(cid, v4v6[0], v4v6[1]);
        }));
    }

    /** Classifies one address into {@code v4v6}; false when it is not an address. */
    private static boolean addAddress(String text, String[] v4v6) {
        int[] dotted = text.indexOf(':') >= 0 ? null : IpAddresses.dotted(text);
        if (dotted != null && dotted.length == 20) {
            return addAddress(IpAddresses.formatV4(dotted, 0), v4v6)
                    && addAddress(IpAddresses.formatV6(dotted, 4), v4v6);
        }
        IpAddresses.Address a = IpAddresses.parse(text);
        if (a == null) return false;
        int slot = a.v6() ? 1 : 0;
        if (!a.unspecified() && v4v6[slot] == null) v4v6[slot] = a.text();
        return true;
    }

    private static Integer cid(AtFields f) {
        if (f.quoted(0)) return null;
        Integer cid = f.integer(0);
        return cid == null || cid < 0 || cid > MAX_CID ? null : cid;
    }

    /** Applies {@code row} to every line with {@code prefix}; a null row makes the whole answer unknown. */
    private static <T> Optional<List<T>> each(List<String> lines, String prefix, Function<AtFields, T> row) {
        if (lines == null) return Optional.empty();
        List<T> out = new ArrayList<>();
        for (String line : lines) {
            if (line == null || AtFields.payload(line, prefix).isEmpty()) continue;
            Optional<AtFields> f = AtFields.of(line, prefix);
            if (f.isEmpty()) return Optional.empty();
            T v = row.apply(f.get());
            if (v == null) return Optional.empty();
            out.add(v);
        }
        return Optional.of(List.copyOf(out));
    }
}
