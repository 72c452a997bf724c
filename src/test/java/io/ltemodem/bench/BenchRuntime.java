package io.ltemodem.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the out-of-process benchmarks run: the jars {@code make build} made, this machine's JNA and jSerialComm
 * natives (taken from the dev jar, standing in for ltemodem-jre's musl builds), and a jlink'd runtime from the
 * module list jdeps gives for the router jar. Everything lives under {@code target/bench}; built once per JVM.
 */
final class BenchRuntime {
    static final Path DIR = Path.of("target/bench").toAbsolutePath();
    static final Path DEV_JAR = Path.of("target/ltemodem.jar").toAbsolutePath();
    static final Path ROUTER_JAR = Path.of("target/ltemodem-router.jar").toAbsolutePath();
    /** Modules the code needs that jdeps cannot see: JNA logs through JUL; Gson reaches Unsafe reflectively. */
    static final List<String> IMPLIED_MODULES = List.of("java.logging", "jdk.unsupported");
    /** jdeps' answer minus the modules only optional code paths need (see {@link #modules}). */
    static final List<String> OPTIONAL_MODULES = List.of("java.desktop", "java.sql");

    private static Path natives;
    private static Jlink jlink;

    private BenchRuntime() {
    }

    static Path systemJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static Path jdkTool(String name) {
        Path p = Path.of(System.getProperty("java.home"), "bin", name);
        return Files.isExecutable(p) ? p : Path.of(name);
    }

    static void requireJars() {
        if (!Files.isRegularFile(DEV_JAR) || !Files.isRegularFile(ROUTER_JAR)) {
            throw new IllegalStateException("run `make build` first: " + DEV_JAR + " / " + ROUTER_JAR + " missing");
        }
    }

    /** libjnidispatch.so and libjSerialComm.so for this machine, in one directory (like /usr/lib/ltemodem). */
    static synchronized Path natives() throws IOException {
        if (natives != null) return natives;
        requireJars();
        String arch = System.getProperty("os.arch");
        boolean arm = arch.equals("aarch64") || arch.equals("arm64");
        String jna = "com/sun/jna/" + (arm ? "linux-aarch64" : "linux-x86-64") + "/libjnidispatch.so";
        String jsc = "Linux/" + (arm ? "armv8_64" : "x86_64") + "/libjSerialComm.so";
        Path dir = Files.createDirectories(DIR.resolve("natives"));
        try (ZipFile z = new ZipFile(DEV_JAR.toFile())) {
            for (String e : List.of(jna, jsc)) {
                ZipEntry entry = z.getEntry(e);
                if (entry == null) throw new IllegalStateException(e + " is not in " + DEV_JAR);
                try (InputStream in = z.getInputStream(entry)) {
                    Files.copy(in, dir.resolve(Path.of(e).getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        natives = dir;
        return dir;
    }

    /** The jlink'd runtime and how it was made. */
    record Jlink(Path home, String jdepsModules, List<String> modules, long duKiB, long duWithCdsKiB,
                 Path homeWithCds, String error) {
        Path java() {
            return home.resolve("bin/java");
        }
    }

    /**
     * Two images from the same module list: without a CDS archive (what ltemodem-jre ships with the static
     * AppCDS scheme, which needs no base archive) and with jlink's base archive (needed only for dynamic AppCDS);
     * the latter without {@code classes_nocoops.jsa}, which only heaps over 32 GB use.
     */
    static synchronized Jlink jlink() throws IOException, InterruptedException {
        if (jlink != null) return jlink;
        requireJars();
        Path home = DIR.resolve("jre");
        Path homeCds = DIR.resolve("jre-cds");
        deleteTree(home);
        deleteTree(homeCds);
        Files.createDirectories(DIR);
        Cmd jdeps = run(120, jdkTool("jdeps").toString(), "--print-module-deps", "--ignore-missing-deps", ROUTER_JAR.toString());
        String found = jdeps.out.strip();
        if (jdeps.rc != 0 || found.isEmpty()) {
            return jlink = new Jlink(null, found, List.of(), -1, -1, null, "jdeps failed: " + jdeps.out);
        }
        List<String> modules = modules(found);
        List<String> common = List.of("--add-modules", String.join(",", modules), "--strip-debug", "--no-man-pages",
                "--no-header-files", "--compress=2");
        List<String> a = new ArrayList<>(List.of(jdkTool("jlink").toString()));
        a.addAll(common);
        a.addAll(List.of("--output", home.toString()));
        Cmd j1 = run(300, a.toArray(String[]::new));
        List<String> b = new ArrayList<>(List.of(jdkTool("jlink").toString()));
        b.addAll(common);
        b.addAll(List.of("--generate-cds-archive", "--output", homeCds.toString()));
        Cmd j2 = run(300, b.toArray(String[]::new));
        if (j1.rc != 0 || j2.rc != 0) {
            return jlink = new Jlink(null, found, modules, -1, -1, null, "jlink failed: " + j1.out + j2.out);
        }
        try (Stream<Path> s = Files.walk(homeCds)) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals("classes_nocoops.jsa")).toList()) {
                Files.delete(p);
            }
        }
        return jlink = new Jlink(home, found, modules, du(home), du(homeCds), homeCds, null);
    }

    /** jdeps' list, without the optional modules, plus the implied ones. */
    static List<String> modules(String jdepsList) {
        List<String> out = new ArrayList<>();
        for (String m : jdepsList.split(",")) {
            m = m.strip();
            if (!m.isEmpty() && !OPTIONAL_MODULES.contains(m) && !out.contains(m)) out.add(m);
        }
        for (String m : IMPLIED_MODULES) if (!out.contains(m)) out.add(m);
        return out;
    }

    /** Disk usage in KiB, as {@code du -sk} reports it (allocated blocks). */
    static long du(Path dir) throws IOException, InterruptedException {
        Cmd c = run(60, "du", "-sk", dir.toString());
        return c.rc == 0 ? Long.parseLong(c.out.strip().split("\\s+")[0]) : -1;
    }

    record Cmd(int rc, String out) {
    }

    /** Runs a command with a deadline (seconds); output and errors together. Kills it when late. */
    static Cmd run(long timeoutS, String... cmd) throws IOException, InterruptedException {
        Path log = Files.createTempFile("bench-cmd", ".out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
                return new Cmd(-1, "timed out after " + timeoutS + " s: " + String.join(" ", cmd));
            }
            return new Cmd(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
