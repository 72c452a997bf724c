package io.ltemodem.uci;

import com.sun.jna.Native;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** JNA's layouts of the libuci element structs equal the LP64 numbers measured in reference/ubus-abi.md. */
class UciStructLayoutTest {
    @Test
    void elementStructs() {
        assumeTrue(Native.POINTER_SIZE == 8 && Native.LONG_SIZE == 8, "the reference numbers are for LP64");
        UciStructs.UciElement e = new UciStructs.UciElement();
        assertEquals(32, e.size());
        assertEquals(16, e.offsetOf("type"));
        assertEquals(24, e.offsetOf("name"));
        assertEquals(32, new UciStructs.UciPackageHead().offsetOf("sections"));
        UciStructs.UciSection s = new UciStructs.UciSection();
        assertEquals(72, s.size());
        assertEquals(32, s.offsetOf("options"));
        assertEquals(48, s.offsetOf("pkg"));
        assertEquals(56, s.offsetOf("anonymous"));
        assertEquals(64, s.offsetOf("type"));
        UciStructs.UciOption o = new UciStructs.UciOption();
        assertEquals(64, o.size());
        assertEquals(32, o.offsetOf("section"));
        assertEquals(40, o.offsetOf("type"));
        assertEquals(48, o.offsetOf("v"));
        UciStructs.UciPtr p = new UciStructs.UciPtr();
        assertEquals(72, p.size());
        assertEquals(4, p.offsetOf("flags"));
        assertEquals(24, p.offsetOf("o"));
        assertEquals(64, p.offsetOf("value"));
    }
}
