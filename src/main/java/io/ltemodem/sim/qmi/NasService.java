package io.ltemodem.sim.qmi;

import io.ltemodem.model.Rat;
import io.ltemodem.qmi.QmiProtocolError;

import java.util.ArrayList;
import java.util.List;

/** NAS: serving system (registration, attach, PLMN, cell), signal info and the older signal strength. */
final class NasService implements ServiceHandler {
    static final int GET_SIGNAL_STRENGTH = 0x0020;
    static final int GET_SERVING_SYSTEM = 0x0024;
    static final int GET_SIGNAL_INFO = 0x004F;

    private final QmiModemModel model;

    NasService(QmiModemModel model) {
        this.model = model;
    }

    @Override
    public Reply handle(QmuxMessage req) {
        return switch (req.msgId()) {
            case GET_SERVING_SYSTEM -> servingSystem();
            case GET_SIGNAL_INFO -> signalInfo();
            case GET_SIGNAL_STRENGTH -> signalStrength();
            default -> Reply.error(QmiProtocolError.INVALID_QMI_COMMAND);
        };
    }

    /** QMI NAS radio interface numbers. */
    static int radioInterface(Rat rat) {
        if (rat == null) return 0;
        return switch (rat) {
            case GSM -> 0x04;
            case UMTS -> 0x05;
            case NR5G -> 0x0C;
            case LTE, NB_IOT, CAT_M -> 0x08;
            case UNKNOWN -> 0x00;
        };
    }

    private static int dataCapability(Rat rat) {
        return switch (rat) {
            case GSM -> 0x01; // GPRS
            case UMTS -> 0x05; // WCDMA
            default -> 0x0B; // LTE (libqmi 1.32 has no 5G data capability)
        };
    }

    private Reply servingSystem() {
        QmiModemModel.Serving s = model.serving();
        boolean registered = s.registration() == QmiModemModel.RegState.REGISTERED;
        List<Tlv> tlvs = new ArrayList<>();
        Tlv.Value sys = Tlv.fields()
                .u8(s.registration().ordinal())
                .u8(s.csAttached() ? 1 : 2)
                .u8(s.psAttached() ? 1 : 2)
                .u8(s.rat() != null ? 2 : 0); // selected network: 3GPP
        if (s.rat() != null) sys.u8(1).u8(radioInterface(s.rat()));
        else sys.u8(0);
        tlvs.add(sys.as(0x01));
        if (registered) {
            tlvs.add(Tlv.fields().u8(s.roaming() ? 0 : 1).as(0x10));
            tlvs.add(Tlv.fields().u8(1).u8(dataCapability(s.rat())).as(0x11));
        }
        if (s.operatorName() != null) {
            tlvs.add(Tlv.fields().u16(s.mcc()).u16(s.mnc()).lenString(s.operatorName()).as(0x12));
        }
        if (registered) {
            tlvs.add(Tlv.fields().u16(s.lac()).as(0x1C));
            tlvs.add(Tlv.fields().u32(s.cellId()).as(0x1D));
            tlvs.add(Tlv.fields().u16(s.tac()).as(0x24));
            if (s.threeDigitMnc()) tlvs.add(Tlv.fields().u16(s.mcc()).u16(s.mnc()).u8(1).as(0x27));
        }
        return Reply.ok(tlvs);
    }

    private Reply signalInfo() {
        QmiModemModel.SignalLevels sig = model.signal();
        if (sig == null) return Reply.ok();
        return switch (sig.rat()) {
            case GSM -> Reply.ok(Tlv.fields().u8(sig.rssi()).as(0x12));
            case UMTS -> Reply.ok(Tlv.fields().u8(sig.rssi()).u16(20).as(0x13));
            case NR5G -> Reply.ok(Tlv.fields().u16(sig.rsrp()).u16(sig.snrTenths()).as(0x17),
                    Tlv.fields().u16(sig.rsrq()).as(0x18));
            default -> Reply.ok(Tlv.fields().u8(sig.rssi()).u8(sig.rsrq()).u16(sig.rsrp()).u16(sig.snrTenths()).as(0x14));
        };
    }

    private Reply signalStrength() {
        QmiModemModel.SignalLevels sig = model.signal();
        if (sig == null) return Reply.error(QmiProtocolError.NO_RADIO);
        int iface = radioInterface(sig.rat());
        List<Tlv> tlvs = new ArrayList<>();
        tlvs.add(Tlv.fields().u8(sig.rssi()).u8(iface).as(0x01));
        if (iface == 0x08) {
            tlvs.add(Tlv.fields().u8(sig.rsrq()).u8(iface).as(0x16));
            tlvs.add(Tlv.fields().u16(sig.snrTenths()).as(0x17));
            tlvs.add(Tlv.fields().u16(sig.rsrp()).as(0x18));
        }
        return Reply.ok(tlvs);
    }
}
