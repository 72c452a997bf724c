package io.ltemodem.uci;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.ltemodem.ubus.OpenWrtLibraries;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * libuci through JNA. Each load allocates a context, loads the file, copies every section and option into
 * {@link UciPackage} by walking the element lists (never reading {@code uci_context} fields), and frees it all.
 *
 * <p>The file is loaded by its absolute path: libuci then applies no saved changes ({@code /tmp/.uci} deltas,
 * which {@code uci_set_savedir} cannot remove from its search list), so the daemon sees committed configuration,
 * as the Java parser does. Calls are serialised: {@code uci_get_errorstr} formats into a static buffer.
 */
public final class NativeUci implements UciBackend {
    /** A save directory that cannot exist (a path below a character device): no delta is ever read from it. */
    static final String NO_SAVEDIR = "/dev/null/ltemodem-no-delta";
    private static final Object LOCK = new Object();
    private static final Pattern PARSE_ERROR = Pattern.compile("\\((.*)\\) at line (\\d+), byte (\\d+)");
    private static final int MAX_ELEMENTS = 100_000;
    private static final int UCI_ERR_PARSE = 5;

    private final LibUci uci;

    private NativeUci(LibUci uci) {
        this.uci = uci;
    }

    /** libuci if it can be loaded (after libubox), else empty. */
    public static Optional<NativeUci> ifAvailable() {
        try {
            return Optional.of(new NativeUci(OpenWrtLibraries.library("uci", LibUci.class)));
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return Optional.empty();
        }
    }

    @Override
    public String describe() {
        return "libuci";
    }

    @Override
    public UciPackage load(Path confdir, String name) throws UciException {
        Path file = confdir.resolve(name).toAbsolutePath();
        if (!Files.exists(file)) throw new UciException(UciException.Kind.NOT_FOUND, name + ": " + file + " not found");
        synchronized (LOCK) {
            Pointer ctx = uci.uci_alloc_context();
            if (ctx == null) throw new UciException(UciException.Kind.OTHER, name + ": uci_alloc_context failed");
            try {
                uci.uci_set_confdir(ctx, confdir.toAbsolutePath().toString());
                uci.uci_set_savedir(ctx, NO_SAVEDIR);
                PointerByReference ref = new PointerByReference();
                int rc = uci.uci_load(ctx, file.toString(), ref);
                if (rc != 0 || ref.getValue() == null) throw error(ctx, name, rc);
                Pointer pkg = ref.getValue();
                try {
                    return new UciPackage(name, sections(pkg));
                } finally {
                    uci.uci_unload(ctx, pkg);
                }
            } finally {
                uci.uci_free_context(ctx);
            }
        }
    }

    /**
     * The value at {@code package.section.option} via {@code uci_lookup_ptr}, for diagnostics. The tuple is copied
     * into native memory we own, because libuci splits it in place and keeps pointers into it.
     */
    public Optional<String> lookup(Path confdir, String tuple) throws UciException {
        String pkgName = tuple.contains(".") ? tuple.substring(0, tuple.indexOf('.')) : tuple;
        Path file = confdir.resolve(pkgName).toAbsolutePath();
        if (!Files.exists(file)) throw new UciException(UciException.Kind.NOT_FOUND, pkgName + ": " + file + " not found");
        synchronized (LOCK) {
            Pointer ctx = uci.uci_alloc_context();
            try {
                uci.uci_set_confdir(ctx, confdir.toAbsolutePath().toString());
                uci.uci_set_savedir(ctx, NO_SAVEDIR);
                PointerByReference ref = new PointerByReference();
                int rc = uci.uci_load(ctx, file.toString(), ref);
                if (rc != 0) throw error(ctx, pkgName, rc);
                byte[] t = tuple.getBytes(StandardCharsets.UTF_8);
                Memory str = new Memory(t.length + 1L);
                str.write(0, t, 0, t.length);
                str.setByte(t.length, (byte) 0);
                Memory ptr = new Memory(UciStructs.Layout.PTR_SIZE);
                ptr.clear();
                rc = uci.uci_lookup_ptr(ctx, ptr, str, (byte) 0);
                if (rc != 0 || (ptr.getInt(UciStructs.Layout.PTR_FLAGS) & LibUci.UCI_LOOKUP_COMPLETE) == 0) {
                    return Optional.empty();
                }
                Pointer o = ptr.getPointer(UciStructs.Layout.PTR_O);
                if (o == null || o.getInt(UciStructs.Layout.OPTION_TYPE) != LibUci.UCI_TYPE_STRING) return Optional.empty();
                String v = o.getPointer(UciStructs.Layout.OPTION_V).getString(0, "UTF-8");
                java.lang.ref.Reference.reachabilityFence(str);
                return Optional.of(v);
            } finally {
                uci.uci_free_context(ctx);
            }
        }
    }

    private List<UciSection> sections(Pointer pkg) {
        List<UciSection> out = new ArrayList<>();
        Pointer head = pkg.share(UciStructs.Layout.PACKAGE_SECTIONS);
        int n = 0;
        for (Pointer s = head.getPointer(0); s != null && !s.equals(head); s = s.getPointer(0)) {
            if (++n > MAX_ELEMENTS) throw new IllegalStateException("section list does not end");
            String name = s.getPointer(UciStructs.Layout.ELEMENT_NAME).getString(0, "UTF-8");
            boolean anonymous = s.getByte(UciStructs.Layout.SECTION_ANONYMOUS) != 0;
            String type = s.getPointer(UciStructs.Layout.SECTION_TYPE).getString(0, "UTF-8");
            out.add(new UciSection(name, type, anonymous, options(s)));
        }
        return out;
    }

    private List<UciOption> options(Pointer section) {
        List<UciOption> out = new ArrayList<>();
        Pointer head = section.share(UciStructs.Layout.SECTION_OPTIONS);
        int n = 0;
        for (Pointer o = head.getPointer(0); o != null && !o.equals(head); o = o.getPointer(0)) {
            if (++n > MAX_ELEMENTS) throw new IllegalStateException("option list does not end");
            String name = o.getPointer(UciStructs.Layout.ELEMENT_NAME).getString(0, "UTF-8");
            int type = o.getInt(UciStructs.Layout.OPTION_TYPE);
            if (type == LibUci.UCI_TYPE_STRING) {
                out.add(UciOption.string(name, o.getPointer(UciStructs.Layout.OPTION_V).getString(0, "UTF-8")));
            } else if (type == LibUci.UCI_TYPE_LIST) {
                List<String> items = new ArrayList<>();
                Pointer lh = o.share(UciStructs.Layout.OPTION_V);
                int m = 0;
                for (Pointer i = lh.getPointer(0); i != null && !i.equals(lh); i = i.getPointer(0)) {
                    if (++m > MAX_ELEMENTS) throw new IllegalStateException("list does not end");
                    items.add(i.getPointer(UciStructs.Layout.ELEMENT_NAME).getString(0, "UTF-8"));
                }
                out.add(UciOption.list(name, items));
            }
        }
        return out;
    }

    private UciException error(Pointer ctx, String name, int rc) {
        PointerByReference dest = new PointerByReference();
        uci.uci_get_errorstr(ctx, dest, null);
        String text = "error " + rc;
        Pointer p = dest.getValue();
        if (p != null) {
            text = p.getString(0, "UTF-8");
            Native.free(Pointer.nativeValue(p));
        }
        Matcher m = PARSE_ERROR.matcher(text);
        if (rc == UCI_ERR_PARSE && m.find()) return UciException.parse(name, m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        return new UciException(UciException.Kind.OTHER, name + ": " + text.trim());
    }
}
