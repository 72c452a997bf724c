package io.ltemodem.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * P7: what goes onto the router's flash. The jars {@code make build} made (the router jar is what {@code make
 * package} ships), and a jlink'd runtime from the module list jdeps derives for the router jar. Figures only.
 */
@Tag("bench")
class SizeBenchmark {

    @Test
    void sizes() throws Exception {
        BenchRuntime.requireJars();
        StringBuilder t = new StringBuilder("| artifact | size | contents |\n|---|---|---|\n");
        t.append(jarRow("target/ltemodem-router.jar (what `make package` ships)", BenchRuntime.ROUTER_JAR));
        long jar = Files.size(BenchRuntime.ROUTER_JAR);
        BenchReport.summary("P7", "JAR the package ships (no natives, no simulator)",
                String.format(Locale.ROOT, "%,d B (%.2f MB)", jar, jar / 1e6), "≤ 1.5 MB", jar <= 1_500_000);
        t.append(jarRow("target/ltemodem.jar (make run, a JDK on a Linux PC)", BenchRuntime.DEV_JAR));
        BenchRuntime.Jlink j = BenchRuntime.jlink();
        String note;
        if (j.error() != null) {
            t.append("| jlink runtime | – | ").append(j.error().replace('\n', ' ').replace('|', '/')).append(" |\n");
            note = "jlink failed.";
        } else {
            t.append(String.format(Locale.ROOT, "| jlink runtime, no CDS archive (for static AppCDS) | %.1f MiB (du) | %s |%n",
                    j.duKiB() / 1024.0, String.join(", ", j.modules())));
            t.append(String.format(Locale.ROOT, "| jlink runtime with its base CDS archive (for dynamic AppCDS; "
                    + "without classes_nocoops.jsa) | %.1f MiB (du) | same modules, `--generate-cds-archive` |%n", j.duWithCdsKiB() / 1024.0));
            BenchReport.summary("P7", "jlink runtime (" + String.join(", ", j.modules()) + "), du",
                    String.format(Locale.ROOT, "%.1f MiB (%.1f MiB with a base CDS archive)", j.duKiB() / 1024.0,
                            j.duWithCdsKiB() / 1024.0), "–", null);
            note = "`jdeps --print-module-deps --ignore-missing-deps` on the router jar says `" + j.jdepsModules() + "`. "
                    + "java.desktop is wanted only by JNA's AWT helpers (`Native.getComponentID` and kin) and java.sql only by "
                    + "Gson's optional java.sql.Date/Timestamp adapters; neither is reached, so both are left out. jdeps cannot "
                    + "see java.logging (JNA's `Native` logs through JUL; without it `Native.<clinit>` fails) nor jdk.unsupported "
                    + "(Gson reaches `sun.misc.Unsafe` by reflection), so both are added. The footprint benchmark runs the "
                    + "daemon on these runtimes, which shows the module list is enough. jlink options: `--strip-debug "
                    + "--no-man-pages --no-header-files --compress=2`. Of the runtime, `lib/server/libjvm.so` alone is "
                    + String.format(Locale.ROOT, "%.1f MiB", Files.size(j.home().resolve("lib/server/libjvm.so")) / 1048576.0)
                    + " (the server VM with C2 and every GC; a minimal-VM build would be far smaller, but no distribution "
                    + "ships one).";
        }
        BenchReport.section("P7 — JAR and runtime size", t.toString(), note);
    }

    private static String jarRow(String name, Path jar) throws IOException {
        int natives = 0;
        long nativeBytes = 0;
        int classes = 0;
        int simClasses = 0;
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
                ZipEntry x = e.nextElement();
                String n = x.getName();
                if (n.endsWith(".so") || n.endsWith(".dll") || n.endsWith(".dylib") || n.endsWith(".jnilib") || n.endsWith(".a")) {
                    natives++;
                    nativeBytes += x.getCompressedSize();
                } else if (n.endsWith(".class")) {
                    classes++;
                    if (n.startsWith("io/ltemodem/sim/") || n.startsWith("io/ltemodem/daemon/simulated/")) simClasses++;
                }
            }
        }
        return String.format(Locale.ROOT, "| %s | %,d B (%.2f MiB) | %d classes (%d of them the simulator), %d native libraries (%,d B compressed) |%n",
                name, Files.size(jar), Files.size(jar) / 1048576.0, classes, simClasses, natives, nativeBytes);
    }
}
