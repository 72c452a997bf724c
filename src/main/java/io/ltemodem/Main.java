package io.ltemodem;

/** Entry point; the command line grows with the daemon. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.err.println("ltemodem: not wired yet");
        System.exit(2);
    }
}
