package io.ltemodem.sim.qmi;

import io.ltemodem.qmi.QmiProtocolError;

import java.util.ArrayList;
import java.util.List;

/**
 * A handler's answer: the result TLV (0x02: status u16, error u16) first, as modems and the wire log have it,
 * then the message TLVs. Errors may carry TLVs too (retries left, call end reasons).
 */
public final class Reply {
    public static final int RESULT_TLV = 0x02;

    private final int error;
    private final List<Tlv> tlvs;

    private Reply(int error, List<Tlv> tlvs) {
        this.error = error;
        this.tlvs = List.copyOf(tlvs);
    }

    public static Reply ok(Tlv... tlvs) {
        return new Reply(0, List.of(tlvs));
    }

    public static Reply ok(List<Tlv> tlvs) {
        return new Reply(0, tlvs);
    }

    public static Reply error(QmiProtocolError e, Tlv... tlvs) {
        return new Reply(e.code(), List.of(tlvs));
    }

    public int error() {
        return error;
    }

    public List<Tlv> body() {
        List<Tlv> out = new ArrayList<>(tlvs.size() + 1);
        out.add(Tlv.fields().u16(error == 0 ? 0 : 1).u16(error).as(RESULT_TLV));
        out.addAll(tlvs);
        return out;
    }
}
