package io.ltemodem.ppp;

import io.ltemodem.sim.PowerState;
import io.ltemodem.sim.Registration;
import io.ltemodem.sim.SimModem;
import io.ltemodem.sys.ScaledClock;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** An AT simulator up and registered, the real chat, and a stand-in for pppd where the kernel has no PPP. */
public final class PppFixture {
    public static final Path CHAT = Path.of("/usr/sbin/chat");
    public static final Path PPPD = Path.of("/usr/sbin/pppd");

    private PppFixture() {
    }

    public static Path requireChat() {
        if (!Files.isExecutable(CHAT)) System.err.println("SKIPPED: chat (package ppp) is not installed; the dial-up was not tested");
        Assumptions.assumeTrue(Files.isExecutable(CHAT), "chat not installed");
        return CHAT;
    }

    static SimModem registered(SimModem.Builder b) throws InterruptedException {
        SimModem m = b.clock(new ScaledClock(50)).bootMillis(5000).registrationDelayMillis(2000).build().start();
        await("registered", () -> m.power() == PowerState.ON && m.registration() == Registration.HOME);
        return m;
    }

    static void await(String what, BooleanSupplier fact) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!fact.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out waiting for: " + what);
            Thread.sleep(5);
        }
    }

    /**
     * A stand-in for pppd (no kernel PPP in the test environment): reads the options file pppd would read, runs the
     * connect command with its stdio on the tty (the real chat against the simulator), reports the link through the
     * ip-up hook with pppd's arguments and environment, then waits for SIGTERM like {@code pppd nodetach} and runs
     * ip-down. It records its argv beside the options. {@code ignoreTerm}: it shrugs SIGTERM off (a hung pppd).
     */
    public static Path standInPppd(Path dir, boolean ignoreTerm) throws Exception {
        String script = """
                #!/bin/sh
                [ "$1" = file ] || exit 2
                opts="$2"
                printf '%s\\n' "$*" > "$(dirname "$opts")/argv.seen"
                val() { sed -n "s/^$1 \\"\\(.*\\)\\"$/\\1/p" "$opts" | head -n 1 | sed 's/\\\\"/"/g; s/\\\\\\\\/\\\\/g'; }
                tty=$(sed -n '2p' "$opts")
                connect=$(val connect)
                ipup=$(val ip-up-script)
                ipdown=$(val ip-down-script)
                ifname=$(val ifname)
                param=$(val ipparam)
                sh -c "$connect" < "$tty" > "$tty" || exit 8
                DNS1=10.74.210.210 DNS2=10.74.210.211 "$ipup" "$ifname" "$tty" 115200 10.64.64.64 10.112.112.112 "$param"
                echo "stand-in pppd: link up on $ifname"
                """ + (ignoreTerm ? "trap '' TERM\n" : "trap '\"$ipdown\" \"$ifname\" \"$tty\" 115200 10.64.64.64 10.112.112.112 \"$param\"; exit 5' TERM\n")
                + "while :; do sleep 1 & wait $!; done\n";
        Path exe = dir.resolve(ignoreTerm ? "pppd-hung" : "pppd");
        Files.writeString(exe, script);
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwx------"));
        return exe;
    }
}
