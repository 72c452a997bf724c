package io.ltemodem.ubus;

import io.ltemodem.sys.ProcessRunner;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Without libubus the daemon says so once and carries on (checked in a fresh JVM that cannot find it). */
class WithoutLibubusTest {
    @Test
    void theFactoryLogsOneLineAndReturnsEmpty() throws Exception {
        boolean systemHasUbus;
        try (Stream<Path> s = Stream.of("/lib", "/usr/lib", "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu")
                .map(Path::of).filter(Files::isDirectory).flatMap(d -> {
                    try {
                        return Files.list(d);
                    } catch (java.io.IOException e) {
                        return Stream.empty();
                    }
                })) {
            systemHasUbus = s.anyMatch(p -> p.getFileName().toString().startsWith("libubus.so"));
        }
        assumeFalse(systemHasUbus, "libubus is installed system-wide here");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessRunner.Result r = new ProcessRunner().run(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Djna.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", NoUbusMain.class.getName()), 30_000);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("EMPTY", r.stdout().trim());
        List<String> lines = r.stderr().lines().filter(l -> l.contains("ubus")).toList();
        assertEquals(1, lines.size(), r.stderr());
        assertTrue(lines.get(0).contains("ubus unavailable"), lines.get(0));
    }
}
