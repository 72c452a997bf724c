package io.ltemodem.uci;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * The stable libuci element structs as JNA {@link Structure}s (JNA computes the offsets; a test pins the LP64
 * numbers of reference/ubus-abi.md). Only what is needed to walk a loaded package is declared: the element
 * header, {@code uci_package} up to its {@code sections} list, {@code uci_section}, {@code uci_option}, and
 * {@code uci_ptr}. Every list node sits at offset 0 of its element, so a node pointer is the element pointer.
 */
public final class UciStructs {
    private UciStructs() {
    }

    abstract static class Base extends Structure {
        public int offsetOf(String field) {
            return fieldOffset(field);
        }
    }

    @Structure.FieldOrder({"next", "prev"})
    public static class UciList extends Base {
        public Pointer next;
        public Pointer prev;
    }

    @Structure.FieldOrder({"list", "type", "name"})
    public static class UciElement extends Base {
        public UciList list;
        public int type;
        public Pointer name;
    }

    /** The leading part of {@code struct uci_package} (fields after {@code sections} moved in 2025; unused). */
    @Structure.FieldOrder({"e", "sections"})
    public static class UciPackageHead extends Base {
        public UciElement e;
        public UciList sections;
    }

    @Structure.FieldOrder({"e", "options", "pkg", "anonymous", "type"})
    public static class UciSection extends Base {
        public UciElement e;
        public UciList options;
        public Pointer pkg;
        public byte anonymous;
        public Pointer type;
    }

    /** {@code v} is a union of {@code struct uci_list list} and {@code char *string}. */
    @Structure.FieldOrder({"e", "section", "type", "v"})
    public static class UciOption extends Base {
        public UciElement e;
        public Pointer section;
        public int type;
        public UciList v;
    }

    @Structure.FieldOrder({"target", "flags", "p", "s", "o", "last", "package_", "section", "option", "value"})
    public static class UciPtr extends Base {
        public int target;
        public int flags;
        public Pointer p;
        public Pointer s;
        public Pointer o;
        public Pointer last;
        public Pointer package_;
        public Pointer section;
        public Pointer option;
        public Pointer value;
    }

    static final class Layout {
        static final int ELEMENT_NAME = new UciElement().offsetOf("name");
        static final int PACKAGE_SECTIONS = new UciPackageHead().offsetOf("sections");
        static final int SECTION_OPTIONS;
        static final int SECTION_ANONYMOUS;
        static final int SECTION_TYPE;
        static final int OPTION_TYPE;
        static final int OPTION_V;
        static final int PTR_SIZE;
        static final int PTR_FLAGS;
        static final int PTR_O;

        static {
            UciSection s = new UciSection();
            SECTION_OPTIONS = s.offsetOf("options");
            SECTION_ANONYMOUS = s.offsetOf("anonymous");
            SECTION_TYPE = s.offsetOf("type");
            UciOption o = new UciOption();
            OPTION_TYPE = o.offsetOf("type");
            OPTION_V = o.offsetOf("v");
            UciPtr p = new UciPtr();
            PTR_SIZE = p.size();
            PTR_FLAGS = p.offsetOf("flags");
            PTR_O = p.offsetOf("o");
        }

        private Layout() {
        }
    }
}
