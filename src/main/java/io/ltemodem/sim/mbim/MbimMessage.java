package io.ltemodem.sim.mbim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One MBIM control message (MBIM 1.0 §9; libmbim {@code mbim-message.c}): the 12-byte header (type, length,
 * transaction id, all little-endian u32) and, for COMMAND / COMMAND_DONE / INDICATE_STATUS, the fragment header, the
 * service UUID (16 bytes in textual order), the CID and the information buffer. Messages here always fit in one
 * fragment (4096 bytes, the size libmbim falls back to on a pty), so fragments are neither split nor joined.
 */
public final class MbimMessage {
    public static final int OPEN = 0x00000001;
    public static final int CLOSE = 0x00000002;
    public static final int COMMAND = 0x00000003;
    public static final int HOST_ERROR = 0x00000004;
    public static final int OPEN_DONE = 0x80000001;
    public static final int CLOSE_DONE = 0x80000002;
    public static final int COMMAND_DONE = 0x80000003;
    public static final int FUNCTION_ERROR = 0x80000004;
    public static final int INDICATE_STATUS = 0x80000007;

    /** COMMAND command types. */
    public static final int QUERY = 0;
    public static final int SET = 1;

    /** FUNCTION_ERROR codes (MBIM 1.0 §9.4.4). */
    public static final int ERROR_NOT_OPENED = 5;
    public static final int ERROR_UNKNOWN = 6;

    static final int HEADER = 12;
    /** Header + fragment header + UUID + CID + command type + buffer length. */
    static final int COMMAND_FIXED = 48;
    /** Larger than anything libmbim sends us; a length beyond it means we lost the framing. */
    public static final int MAX_MESSAGE = 4096;

    private final int type;
    private final int transactionId;
    private final byte[] serviceId;
    private final int cid;
    private final int commandType;
    private final int status;
    private final byte[] info;

    private MbimMessage(int type, int transactionId, byte[] serviceId, int cid, int commandType, int status, byte[] info) {
        this.type = type;
        this.transactionId = transactionId;
        this.serviceId = serviceId;
        this.cid = cid;
        this.commandType = commandType;
        this.status = status;
        this.info = info;
    }

    public int type() {
        return type;
    }

    public int transactionId() {
        return transactionId;
    }

    /** The service UUID of a COMMAND, COMMAND_DONE or INDICATE_STATUS; null otherwise. */
    public byte[] serviceId() {
        return serviceId == null ? null : serviceId.clone();
    }

    public boolean isService(byte[] uuid) {
        return serviceId != null && Arrays.equals(serviceId, uuid);
    }

    public int cid() {
        return cid;
    }

    /** {@link #QUERY} or {@link #SET} for a COMMAND. */
    public int commandType() {
        return commandType;
    }

    /** Status of OPEN_DONE, CLOSE_DONE, COMMAND_DONE; error code of FUNCTION_ERROR; MaxControlTransfer of OPEN. */
    public int status() {
        return status;
    }

    /** The information buffer (empty when there is none). */
    public byte[] info() {
        return info.clone();
    }

    /** The type's name for logs. */
    public static String typeName(int type) {
        return switch (type) {
            case OPEN -> "OPEN";
            case CLOSE -> "CLOSE";
            case COMMAND -> "COMMAND";
            case HOST_ERROR -> "HOST_ERROR";
            case OPEN_DONE -> "OPEN_DONE";
            case CLOSE_DONE -> "CLOSE_DONE";
            case COMMAND_DONE -> "COMMAND_DONE";
            case FUNCTION_ERROR -> "FUNCTION_ERROR";
            case INDICATE_STATUS -> "INDICATE_STATUS";
            default -> String.format("0x%08x", type);
        };
    }

    static boolean knownType(int type) {
        return switch (type) {
            case OPEN, CLOSE, COMMAND, HOST_ERROR, OPEN_DONE, CLOSE_DONE, COMMAND_DONE, FUNCTION_ERROR, INDICATE_STATUS -> true;
            default -> false;
        };
    }

    // ---------------------------------------------------------------- decoding

    /** Reads one whole message; throws IllegalArgumentException when it is not well formed. */
    public static MbimMessage decode(byte[] b) {
        if (b.length < HEADER) throw new IllegalArgumentException("shorter than a header: " + b.length);
        ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int type = in.getInt(0);
        int length = in.getInt(4);
        int trid = in.getInt(8);
        if (length != b.length) throw new IllegalArgumentException("length field " + length + " but " + b.length + " bytes");
        switch (type) {
            case OPEN, OPEN_DONE, CLOSE_DONE, FUNCTION_ERROR, HOST_ERROR -> {
                if (b.length < HEADER + 4) throw new IllegalArgumentException(typeName(type) + " too short");
                return new MbimMessage(type, trid, null, 0, 0, in.getInt(HEADER), new byte[0]);
            }
            case CLOSE -> {
                return new MbimMessage(type, trid, null, 0, 0, 0, new byte[0]);
            }
            case COMMAND, COMMAND_DONE, INDICATE_STATUS -> {
                int fixed = type == INDICATE_STATUS ? COMMAND_FIXED - 4 : COMMAND_FIXED;
                if (b.length < fixed) throw new IllegalArgumentException(typeName(type) + " too short");
                int total = in.getInt(12);
                int current = in.getInt(16);
                if (total != 1 || current != 0) throw new IllegalArgumentException("fragmented message " + current + "/" + total);
                byte[] uuid = Arrays.copyOfRange(b, 20, 36);
                int cid = in.getInt(36);
                int commandType = type == INDICATE_STATUS ? 0 : in.getInt(40);
                int bufLen = in.getInt(fixed - 4);
                if (bufLen < 0 || fixed + bufLen != b.length) throw new IllegalArgumentException("buffer length " + bufLen + " does not fit");
                byte[] info = Arrays.copyOfRange(b, fixed, fixed + bufLen);
                return type == COMMAND
                        ? new MbimMessage(type, trid, uuid, cid, commandType, 0, info)
                        : new MbimMessage(type, trid, uuid, cid, 0, type == COMMAND_DONE ? commandType : 0, info);
            }
            default -> throw new IllegalArgumentException("unknown message type " + typeName(type));
        }
    }

    // ---------------------------------------------------------------- encoding

    private static ByteBuffer header(int type, int trid, int length) {
        ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(type).putInt(length).putInt(trid);
        return out;
    }

    public static byte[] open(int trid, int maxControlTransfer) {
        return header(OPEN, trid, 16).putInt(maxControlTransfer).array();
    }

    public static byte[] close(int trid) {
        return header(CLOSE, trid, 12).array();
    }

    public static byte[] openDone(int trid, int status) {
        return header(OPEN_DONE, trid, 16).putInt(status).array();
    }

    public static byte[] closeDone(int trid, int status) {
        return header(CLOSE_DONE, trid, 16).putInt(status).array();
    }

    public static byte[] functionError(int trid, int errorCode) {
        return header(FUNCTION_ERROR, trid, 16).putInt(errorCode).array();
    }

    public static byte[] command(int trid, byte[] uuid, int cid, int commandType, byte[] info) {
        ByteBuffer out = header(COMMAND, trid, COMMAND_FIXED + info.length);
        out.putInt(1).putInt(0).put(uuid).putInt(cid).putInt(commandType).putInt(info.length).put(info);
        return out.array();
    }

    public static byte[] commandDone(int trid, byte[] uuid, int cid, int status, byte[] info) {
        ByteBuffer out = header(COMMAND_DONE, trid, COMMAND_FIXED + info.length);
        out.putInt(1).putInt(0).put(uuid).putInt(cid).putInt(status).putInt(info.length).put(info);
        return out.array();
    }

    /** Indications carry transaction id 0. */
    public static byte[] indicateStatus(byte[] uuid, int cid, byte[] info) {
        ByteBuffer out = header(INDICATE_STATUS, 0, COMMAND_FIXED - 4 + info.length);
        out.putInt(1).putInt(0).put(uuid).putInt(cid).putInt(info.length).put(info);
        return out.array();
    }

    @Override
    public String toString() {
        if (serviceId == null) return typeName(type) + " trid=" + transactionId + (type == CLOSE ? "" : " value=" + status);
        return typeName(type) + " trid=" + transactionId + " cid=" + cid
                + (type == COMMAND ? (commandType == SET ? " set" : " query") : "")
                + (type == COMMAND_DONE ? " status=" + status : "") + " buffer=" + info.length;
    }
}
