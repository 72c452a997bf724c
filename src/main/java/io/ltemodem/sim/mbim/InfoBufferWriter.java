package io.ltemodem.sim.mbim;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an MBIM information buffer: a fixed part written field by field, and a variable part for strings, arrays
 * and referenced addresses, each 4-byte aligned and pointed at from the fixed part by an offset relative to the
 * buffer's start (MBIM 1.0 §10.3; libmbim {@code _mbim_struct_builder_append_*}). Strings are UTF-16LE with an
 * {offset, length-in-bytes} pair; an empty string or a missing reference is offset 0.
 */
public final class InfoBufferWriter {
    private record Deferred(int fieldAt, byte[] data, boolean withLength) {
    }

    private final ByteArrayOutputStream fixed = new ByteArrayOutputStream();
    private final List<Deferred> deferred = new ArrayList<>();

    public InfoBufferWriter u32(long v) {
        fixed.writeBytes(le32((int) v));
        return this;
    }

    public InfoBufferWriter u64(long v) {
        fixed.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
        return this;
    }

    public InfoBufferWriter uuid(byte[] uuid) {
        if (uuid.length != 16) throw new IllegalArgumentException("a UUID has 16 bytes");
        fixed.writeBytes(uuid);
        return this;
    }

    /** An {offset, length} pair; the UTF-16LE text goes to the variable part. */
    public InfoBufferWriter string(String s) {
        if (s == null || s.isEmpty()) {
            u32(0).u32(0);
            return this;
        }
        deferred.add(new Deferred(fixed.size(), s.getBytes(StandardCharsets.UTF_16LE), true));
        u32(0).u32(0);
        return this;
    }

    /** A list of {offset, length} pairs in the fixed part (a "string-array"). */
    public InfoBufferWriter strings(List<String> values) {
        for (String s : values) string(s);
        return this;
    }

    /** An offset to 4 address bytes, or 0 when {@code address} is null ("ref-ipv4"). */
    public InfoBufferWriter refAddress(byte[] address) {
        return offsetTo(address);
    }

    /** An offset to the addresses one after the other ("ipv4-array", "ipv6-array"); 0 when empty. */
    public InfoBufferWriter addressArray(List<byte[]> addresses) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (byte[] a : addresses) data.writeBytes(a);
        return offsetTo(addresses.isEmpty() ? null : data.toByteArray());
    }

    /** An offset to {u32 on-link prefix length, address} elements ("struct-array" of MbimIPv4/IPv6Element). */
    public InfoBufferWriter addressElements(List<byte[]> addresses, List<Integer> prefixes) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = 0; i < addresses.size(); i++) {
            data.writeBytes(le32(prefixes.get(i)));
            data.writeBytes(addresses.get(i));
        }
        return offsetTo(addresses.isEmpty() ? null : data.toByteArray());
    }

    private InfoBufferWriter offsetTo(byte[] data) {
        if (data != null) deferred.add(new Deferred(fixed.size(), data, false));
        return u32(0);
    }

    public byte[] toBytes() {
        byte[] head = fixed.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        ByteBuffer patch = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        for (Deferred d : deferred) {
            int at = out.size();
            patch.putInt(d.fieldAt(), at);
            if (d.withLength()) patch.putInt(d.fieldAt() + 4, d.data().length);
            out.writeBytes(d.data());
            while (out.size() % 4 != 0) out.write(0);
        }
        byte[] all = out.toByteArray();
        System.arraycopy(head, 0, all, 0, head.length);
        return all;
    }

    static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}
