package io.ltemodem.ubus;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds and loads libubox, libubus, libblobmsg_json and libuci, <b>libubox first</b>: the others have
 * {@code DT_NEEDED libubox.so}, which ld.so resolves by itself, so with the libraries in a private prefix and no
 * {@code LD_LIBRARY_PATH} they load only once libubox is in the process.
 *
 * <p>Loading libubox clears its exported {@code bool uloop_handle_sigchld} at once, before anything can call
 * {@code uloop_init} (which {@code ubus_connect} does): otherwise uloop installs a SIGCHLD handler that reaps every
 * child of the JVM, and {@code Process.waitFor()} returns 0 for children that exited with an error (DESIGN §10).
 *
 * <p>Search path: {@link #useDirectory} (tests point it at a built prefix), the system property
 * {@code ltemodem.openwrt.lib} (colon-separated), then {@code /lib} and {@code /usr/lib}, where OpenWrt keeps them
 * under versioned names ({@code libubox.so.20240329}), which JNA finds in its search path.
 */
public final class OpenWrtLibraries {
    private static final Logger log = LoggerFactory.getLogger(OpenWrtLibraries.class);
    public static final String PATH_PROPERTY = "ltemodem.openwrt.lib";
    private static final String[] NAMES = {"ubox", "ubus", "blobmsg_json", "uci"};

    private static final List<String> extraDirs = new ArrayList<>();
    private static final Map<Class<?>, Object> loaded = new LinkedHashMap<>();
    private static boolean pathsSet;
    private static boolean sigchldCleared;

    private OpenWrtLibraries() {
    }

    /** Adds a directory to search first (call before the first load). */
    public static synchronized void useDirectory(Path dir) {
        String d = dir.toAbsolutePath().toString();
        if (!extraDirs.contains(d)) extraDirs.add(d);
        if (pathsSet) {
            for (String n : NAMES) NativeLibrary.addSearchPath(n, d);
        }
    }

    public static synchronized LibUbox ubox() {
        return load("ubox", LibUbox.class);
    }

    public static synchronized LibUbus ubus() {
        ubox();
        return load("ubus", LibUbus.class);
    }

    public static synchronized LibBlobmsgJson blobmsgJson() {
        ubox();
        return load("blobmsg_json", LibBlobmsgJson.class);
    }

    /** Loads another library of the family (libuci), after libubox. */
    public static synchronized <T extends Library> T library(String name, Class<T> type) {
        ubox();
        return load(name, type);
    }

    static synchronized LibC libc() {
        return load("c", LibC.class);
    }

    /** True once {@code uloop_handle_sigchld} has been cleared in this process. */
    public static synchronized boolean sigchldHandlingDisabled() {
        return sigchldCleared;
    }

    /** The current value of libubox's {@code uloop_handle_sigchld} (loads libubox). */
    public static synchronized boolean uloopHandlesSigchld() {
        ubox();
        return NativeLibrary.getInstance("ubox").getGlobalVariableAddress("uloop_handle_sigchld").getByte(0) != 0;
    }

    /** libubox's {@code bool uloop_cancelled}: setting it is the inline {@code uloop_end()}. */
    static Pointer uloopCancelled() {
        return NativeLibrary.getInstance("ubox").getGlobalVariableAddress("uloop_cancelled");
    }

    @SuppressWarnings("unchecked")
    private static <T extends Library> T load(String name, Class<T> type) {
        Object lib = loaded.get(type);
        if (lib != null) return (T) lib;
        setPaths();
        T t = Native.load(name, type, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));
        loaded.put(type, t);
        if (name.equals("ubox")) clearSigchld();
        log.debug("loaded lib{} from {}", name, NativeLibrary.getInstance(name).getFile());
        return t;
    }

    private static void clearSigchld() {
        try {
            Pointer p = NativeLibrary.getInstance("ubox").getGlobalVariableAddress("uloop_handle_sigchld");
            p.setByte(0, (byte) 0);
            sigchldCleared = true;
        } catch (UnsatisfiedLinkError e) {
            // libubox before 2018 has no switch: uloop will reap our children. Say so loudly, once.
            log.warn("libubox has no uloop_handle_sigchld: uloop may reap child processes and their exit codes may "
                    + "read as 0 ({})", e.getMessage());
        }
    }

    private static void setPaths() {
        if (pathsSet) return;
        List<String> dirs = new ArrayList<>(extraDirs);
        String prop = System.getProperty(PATH_PROPERTY);
        if (prop != null) {
            for (String d : prop.split(":")) if (!d.isBlank()) dirs.add(d);
        }
        dirs.add("/lib");
        dirs.add("/usr/lib");
        for (String n : NAMES) for (String d : dirs) NativeLibrary.addSearchPath(n, d);
        pathsSet = true;
    }
}
