package io.ltemodem.sim.qmi;

import io.ltemodem.qmi.QmiProtocolError;

/** WDA: the data format (link-layer protocol; no aggregation) the modem uses on the network interface. */
final class WdaService implements ServiceHandler {
    static final int SET_DATA_FORMAT = 0x0020;
    static final int GET_DATA_FORMAT = 0x0021;

    private final QmiModemModel model;

    WdaService(QmiModemModel model) {
        this.model = model;
    }

    @Override
    public Reply handle(QmuxMessage req) {
        return switch (req.msgId()) {
            case GET_DATA_FORMAT -> format(model.linkLayer());
            case SET_DATA_FORMAT -> set(req);
            default -> Reply.error(QmiProtocolError.INVALID_QMI_COMMAND);
        };
    }

    private Reply set(QmuxMessage req) {
        Tlv ll = req.tlv(0x11);
        if (ll == null || ll.length() < 4) return Reply.error(QmiProtocolError.MISSING_ARGUMENT);
        long v = ll.u32(0);
        QmiModemModel.LinkLayer wanted = v == 2 ? QmiModemModel.LinkLayer.RAW_IP
                : v == 1 ? QmiModemModel.LinkLayer.IEEE_802_3 : null;
        if (wanted == null) return Reply.error(QmiProtocolError.INVALID_ARGUMENT);
        return format(model.setLinkLayer(wanted));
    }

    /** The TLVs of the reference capture: QoS off, link layer, both aggregations disabled. */
    private static Reply format(QmiModemModel.LinkLayer ll) {
        return Reply.ok(Tlv.fields().u8(0).as(0x10),
                Tlv.fields().u32(ll == QmiModemModel.LinkLayer.RAW_IP ? 2 : 1).as(0x11),
                Tlv.fields().u32(0).as(0x12),
                Tlv.fields().u32(0).as(0x13));
    }
}
