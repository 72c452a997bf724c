package io.ltemodem.sim.mbim;

import io.ltemodem.mbim.ActivationState;
import io.ltemodem.mbim.MbimIpType;
import io.ltemodem.mbim.MbimStatus;
import io.ltemodem.mbim.PinType;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers BASIC_CONNECT commands from a {@link MbimModemModel}, with the information buffers of
 * {@code data/mbim-service-basic-connect.json} (libmbim 1.28). A CID it does not serve gets NoDeviceSupport, as in
 * the reference transcript's {@code --query-device-caps}; a buffer it cannot read gets InvalidParameters.
 */
final class BasicConnectService {
    /** A COMMAND_DONE's status and information buffer. */
    record Reply(MbimStatus status, byte[] info) {
        static Reply of(byte[] info) {
            return new Reply(MbimStatus.NONE, info);
        }

        static Reply error(MbimStatus s) {
            return new Reply(s, new byte[0]);
        }
    }

    private static final int OPERATION_ENTER = 0;
    private static final int ACTIVATE = 1;
    private static final long UPLINK_BPS = 50_000_000L;
    private static final long DOWNLINK_BPS = 150_000_000L;

    private final MbimModemModel model;

    BasicConnectService(MbimModemModel model) {
        this.model = model;
    }

    Reply handle(int cid, int commandType, byte[] info) {
        InfoBufferReader in = new InfoBufferReader(info);
        boolean set = commandType == MbimMessage.SET;
        try {
            return switch (cid) {
                case BasicConnect.SUBSCRIBER_READY_STATUS -> set ? Reply.error(MbimStatus.NO_DEVICE_SUPPORT) : Reply.of(subscriber());
                case BasicConnect.RADIO_STATE -> set ? Reply.of(radio(model.setRadio(in.u32(0) == 1))) : Reply.of(radio(model.radio()));
                case BasicConnect.PIN -> set ? enterPin(in) : pinQuery();
                case BasicConnect.REGISTER_STATE -> Reply.of(registration(set ? model.registerAutomatic() : model.registration()));
                case BasicConnect.PACKET_SERVICE -> set ? packetServiceSet(in) : Reply.of(packetService(model.packetService()));
                case BasicConnect.CONNECT -> set ? connectSet(in) : Reply.of(connection(model.connection(in.u32(0, 0)), 0));
                case BasicConnect.IP_CONFIGURATION -> set ? Reply.error(MbimStatus.NO_DEVICE_SUPPORT) : ipConfiguration(in.u32(0, 0));
                default -> Reply.error(MbimStatus.NO_DEVICE_SUPPORT);
            };
        } catch (IllegalArgumentException e) {
            return Reply.error(MbimStatus.INVALID_PARAMETERS);
        }
    }

    /** The buffer of an INDICATE_STATUS for {@code change} (the notification layout equals the response's). */
    Indication indication(MbimModemModel.Change change, int sessionId) {
        return switch (change) {
            case SUBSCRIBER -> new Indication(BasicConnect.SUBSCRIBER_READY_STATUS, subscriber());
            case RADIO -> new Indication(BasicConnect.RADIO_STATE, radio(model.radio()));
            case REGISTRATION -> new Indication(BasicConnect.REGISTER_STATE, registration(model.registration()));
            case PACKET_SERVICE -> new Indication(BasicConnect.PACKET_SERVICE, packetService(model.packetService()));
            case CONNECTION -> new Indication(BasicConnect.CONNECT, connection(model.connection(sessionId), 0));
        };
    }

    record Indication(int cid, byte[] info) {
    }

    // ---------------------------------------------------------------- SIM

    private byte[] subscriber() {
        MbimModemModel.Subscriber s = model.subscriber();
        return new InfoBufferWriter()
                .u32(s.readyState().code())
                .string(s.subscriberId())
                .string(s.iccid())
                .u32(0)          // ReadyInfo: none
                .u32(0)          // TelephoneNumbersCount
                .strings(List.of())
                .toBytes();
    }

    private Reply pinQuery() {
        MbimModemModel.PinStatus p = model.pin();
        if (p.status() != MbimStatus.NONE) return Reply.error(p.status());
        return Reply.of(pin(p));
    }

    private Reply enterPin(InfoBufferReader in) {
        int type = in.u32(0);
        int op = in.u32(4);
        String pin = in.string(8);
        if (type != PinType.PIN1.code() || op != OPERATION_ENTER) return Reply.error(MbimStatus.NO_DEVICE_SUPPORT);
        MbimModemModel.PinEntry e = model.enterPin(pin);
        // A wrong PIN is a failure status; the buffer still tells the tries left (mbimcli does not print it then).
        return new Reply(e.status(), pin(e.after()));
    }

    private static byte[] pin(MbimModemModel.PinStatus p) {
        return new InfoBufferWriter().u32(p.type().code()).u32(p.locked() ? 1 : 0).u32(p.remainingAttempts()).toBytes();
    }

    // ---------------------------------------------------------------- radio and network

    private static byte[] radio(MbimModemModel.Radio r) {
        return new InfoBufferWriter().u32(r.hardwareOn() ? 1 : 0).u32(r.softwareOn() ? 1 : 0).toBytes();
    }

    private static byte[] registration(MbimModemModel.Registration r) {
        boolean camped = !r.providerId().isEmpty();
        return new InfoBufferWriter()
                .u32(r.nwError())
                .u32(r.state().code())
                .u32(1)                                                  // RegisterMode: automatic
                .u32(camped ? BasicConnect.DATA_CLASS_LTE : 0)           // AvailableDataClasses
                .u32(BasicConnect.CELLULAR_CLASS_GSM)                    // CurrentCellularClass
                .string(r.providerId())
                .string(r.providerName())
                .string("")                                              // RoamingText
                .u32(0)                                                  // RegistrationFlag: none
                .toBytes();
    }

    private Reply packetServiceSet(InfoBufferReader in) {
        MbimModemModel.PacketServiceResult r = model.setPacketService(in.u32(0) == 0);
        byte[] buf = packetService(r.state());
        return new Reply(r.status(), r.status() == MbimStatus.NONE ? buf : new byte[0]);
    }

    private static byte[] packetService(io.ltemodem.mbim.PacketServiceState s) {
        boolean attached = s == io.ltemodem.mbim.PacketServiceState.ATTACHED;
        return new InfoBufferWriter()
                .u32(0)
                .u32(s.code())
                .u32(attached ? BasicConnect.DATA_CLASS_LTE : 0)
                .u64(attached ? UPLINK_BPS : 0)
                .u64(attached ? DOWNLINK_BPS : 0)
                .toBytes();
    }

    // ---------------------------------------------------------------- sessions

    private Reply connectSet(InfoBufferReader in) {
        int session = in.u32(0);
        int command = in.u32(4);
        if (command != ACTIVATE) {
            model.disconnect(session);
            return Reply.of(connection(model.connection(session), 0));
        }
        MbimModemModel.ConnectRequest r = new MbimModemModel.ConnectRequest(session, in.string(8), in.u32(36),
                in.string(16), in.string(24), ipType(in.u32(40)));
        MbimModemModel.ConnectOutcome o = model.connect(r);
        if (o instanceof MbimModemModel.Refused refused) {
            return new Reply(refused.status(), connection(model.connection(session), refused.nwError()));
        }
        return Reply.of(connection(model.connection(session), 0));
    }

    private static MbimIpType ipType(int code) {
        MbimIpType t = MbimIpType.fromCode(code);
        if (t == null) throw new IllegalArgumentException("ip type " + code);
        return t;
    }

    private static byte[] connection(MbimModemModel.Connection c, int nwError) {
        ActivationState state = c.active() ? ActivationState.ACTIVATED : ActivationState.DEACTIVATED;
        return new InfoBufferWriter()
                .u32(c.sessionId())
                .u32(state.code())
                .u32(0)                                  // VoiceCallState: none
                .u32(c.ipType().code())
                .uuid(BasicConnect.CONTEXT_INTERNET)
                .u32(nwError)
                .toBytes();
    }

    private Reply ipConfiguration(int session) {
        MbimModemModel.IpSettings s = model.ipSettings(session);
        if (s == null) return Reply.error(MbimStatus.CONTEXT_NOT_ACTIVATED);
        int v4flags = s.ipv4() == null ? 0 : 0x1 | (s.ipv4Gateway() != null ? 0x2 : 0) | (s.ipv4Dns().isEmpty() ? 0 : 0x4) | (s.mtu() > 0 ? 0x8 : 0);
        int v6flags = s.ipv6() == null ? 0 : 0x1 | (s.ipv6Gateway() != null ? 0x2 : 0) | (s.ipv6Dns().isEmpty() ? 0 : 0x4) | (s.mtu() > 0 ? 0x8 : 0);
        List<byte[]> v4 = s.ipv4() == null ? List.of() : List.of(addr(s.ipv4()));
        List<byte[]> v6 = s.ipv6() == null ? List.of() : List.of(addr(s.ipv6()));
        return Reply.of(new InfoBufferWriter()
                .u32(session)
                .u32(v4flags)
                .u32(v6flags)
                .u32(v4.size()).addressElements(v4, List.of(s.ipv4Prefix()))
                .u32(v6.size()).addressElements(v6, List.of(s.ipv6Prefix()))
                .refAddress(s.ipv4() == null || s.ipv4Gateway() == null ? null : addr(s.ipv4Gateway()))
                .refAddress(s.ipv6() == null || s.ipv6Gateway() == null ? null : addr(s.ipv6Gateway()))
                .u32(s.ipv4() == null ? 0 : s.ipv4Dns().size()).addressArray(s.ipv4() == null ? List.of() : addrs(s.ipv4Dns()))
                .u32(s.ipv6() == null ? 0 : s.ipv6Dns().size()).addressArray(s.ipv6() == null ? List.of() : addrs(s.ipv6Dns()))
                .u32(s.ipv4() == null ? 0 : s.mtu())
                .u32(s.ipv6() == null ? 0 : s.mtu())
                .toBytes());
    }

    private static List<byte[]> addrs(List<String> texts) {
        List<byte[]> out = new ArrayList<>();
        for (String t : texts) out.add(addr(t));
        return out;
    }

    /** Address literals only (no name lookup happens for a literal). */
    private static byte[] addr(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("not an address literal: " + literal, e);
        }
    }
}
