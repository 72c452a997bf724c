package io.ltemodem.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The router's JVM flags, read from the one place they live: {@code LTEMODEM_JVM_FLAGS} in
 * {@code files/etc/init.d/ltemodem}. Tuning flags ({@code -X...}) are used as they are; the system properties
 * ({@code -D...}) name router paths, which are mapped onto this checkout: {@code /usr/lib/ltemodem} (the musl
 * natives of package ltemodem-jre) becomes a directory with this machine's natives, {@code /tmp/...} a scratch
 * directory. So the benchmark runs the router jar the way the router does, with nothing unpacked from the jar.
 */
final class RouterFlags {
    static final Path INIT_SCRIPT = Path.of("files/etc/init.d/ltemodem");
    private static final Pattern FLAGS = Pattern.compile("^LTEMODEM_JVM_FLAGS=\"([^\"]*)\"", Pattern.MULTILINE);

    /** The -X/-XX flags. */
    final List<String> tuning;
    /** The -D properties, router paths mapped. */
    final List<String> properties;
    /** The raw string, for the report. */
    final String raw;

    private RouterFlags(List<String> tuning, List<String> properties, String raw) {
        this.tuning = List.copyOf(tuning);
        this.properties = List.copyOf(properties);
        this.raw = raw;
    }

    static RouterFlags load(Path natives, Path scratch) {
        String script;
        try {
            script = Files.readString(INIT_SCRIPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = FLAGS.matcher(script);
        if (!m.find()) throw new IllegalStateException("no LTEMODEM_JVM_FLAGS=\"...\" in " + INIT_SCRIPT);
        String raw = m.group(1).trim().replaceAll("\\s+", " ");
        List<String> tuning = new ArrayList<>();
        List<String> props = new ArrayList<>();
        for (String f : Arrays.asList(raw.split(" "))) {
            if (f.startsWith("-D")) {
                props.add(f.replace("/usr/lib/ltemodem", natives.toAbsolutePath().toString())
                        .replaceAll("=/tmp/", "=" + scratch.toAbsolutePath() + "/"));
            } else {
                tuning.add(f);
            }
        }
        return new RouterFlags(tuning, props, raw);
    }
}
