package io.ltemodem.sim.qmi;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One QMUX frame (modem-domain.md §3.1), host→modem or modem→host:
 * <pre>
 *  0x01 | length u16 (bytes after the marker) | qmux flags u8 | service u8 | client id u8 | SDU
 *  CTL SDU:     flags u8 | txn u8  | msg id u16 | tlv length u16 | TLVs
 *  service SDU: flags u8 | txn u16 | msg id u16 | tlv length u16 | TLVs
 * </pre>
 * All little-endian. CTL (service 0) has a one-byte transaction id; every other service two.
 */
public record QmuxMessage(int qmuxFlags, int service, int clientId, int sduFlags, int txn, int msgId, List<Tlv> tlvs) {
    public static final int MARKER = 0x01;
    /** qmux flags of a frame the modem sends. */
    public static final int FROM_MODEM = 0x80;
    public static final int CTL_RESPONSE = 0x01;
    public static final int CTL_INDICATION = 0x02;
    public static final int SERVICE_RESPONSE = 0x02;
    public static final int SERVICE_INDICATION = 0x04;

    public QmuxMessage {
        tlvs = List.copyOf(tlvs);
    }

    public boolean isCtl() {
        return service == QmiServices.CTL;
    }

    /** The first TLV of {@code type}, or null. */
    public Tlv tlv(int type) {
        for (Tlv t : tlvs) if (t.type() == type) return t;
        return null;
    }

    /** The response to this request: same service, client id and transaction id, response flags set. */
    public QmuxMessage response(List<Tlv> body) {
        return new QmuxMessage(FROM_MODEM, service, clientId, isCtl() ? CTL_RESPONSE : SERVICE_RESPONSE, txn, msgId, body);
    }

    public byte[] encode() {
        ByteArrayOutputStream tlvBytes = new ByteArrayOutputStream();
        for (Tlv t : tlvs) {
            tlvBytes.write(t.type());
            tlvBytes.write(t.length() & 0xFF);
            tlvBytes.write(t.length() >> 8 & 0xFF);
            tlvBytes.writeBytes(t.value());
        }
        int sduHeader = isCtl() ? 6 : 7;
        int length = 5 + sduHeader + tlvBytes.size(); // length u16 + flags + service + cid = 5
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 1);
        out.write(MARKER);
        out.write(length & 0xFF);
        out.write(length >> 8 & 0xFF);
        out.write(qmuxFlags);
        out.write(service);
        out.write(clientId);
        out.write(sduFlags);
        out.write(txn & 0xFF);
        if (!isCtl()) out.write(txn >> 8 & 0xFF);
        out.write(msgId & 0xFF);
        out.write(msgId >> 8 & 0xFF);
        out.write(tlvBytes.size() & 0xFF);
        out.write(tlvBytes.size() >> 8 & 0xFF);
        out.writeBytes(tlvBytes.toByteArray());
        return out.toByteArray();
    }

    /**
     * Decodes one complete frame (marker included).
     *
     * @throws IllegalArgumentException when the frame is malformed (lengths disagree, TLV runs past the end)
     */
    public static QmuxMessage decode(byte[] f) {
        if (f.length < 6 || (f[0] & 0xFF) != MARKER) throw new IllegalArgumentException("not a QMUX frame");
        int length = u16(f, 1);
        if (length + 1 != f.length) throw new IllegalArgumentException("length field " + length + " vs " + f.length);
        int qmuxFlags = f[3] & 0xFF;
        int service = f[4] & 0xFF;
        int cid = f[5] & 0xFF;
        boolean ctl = service == QmiServices.CTL;
        int p = 6;
        int header = ctl ? 6 : 7;
        if (f.length < p + header) throw new IllegalArgumentException("short SDU header");
        int sduFlags = f[p++] & 0xFF;
        int txn;
        if (ctl) {
            txn = f[p++] & 0xFF;
        } else {
            txn = u16(f, p);
            p += 2;
        }
        int msgId = u16(f, p);
        p += 2;
        int tlvLen = u16(f, p);
        p += 2;
        if (p + tlvLen != f.length) throw new IllegalArgumentException("TLV length " + tlvLen + " does not fill the frame");
        List<Tlv> tlvs = new ArrayList<>();
        while (p < f.length) {
            if (p + 3 > f.length) throw new IllegalArgumentException("truncated TLV header");
            int type = f[p] & 0xFF;
            int len = u16(f, p + 1);
            p += 3;
            if (p + len > f.length) throw new IllegalArgumentException("TLV 0x" + Integer.toHexString(type) + " runs past the end");
            byte[] v = new byte[len];
            System.arraycopy(f, p, v, 0, len);
            tlvs.add(new Tlv(type, v));
            p += len;
        }
        return new QmuxMessage(qmuxFlags, service, cid, sduFlags, txn, msgId, tlvs);
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    @Override
    public String toString() {
        return String.format("%s cid=%d txn=%d msg=0x%04x tlvs=%s", QmiServices.name(service), clientId, txn, msgId, tlvs);
    }
}
