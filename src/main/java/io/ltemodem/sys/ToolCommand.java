package io.ltemodem.sys;

import java.util.ArrayList;
import java.util.List;

/**
 * A tool's argument vector plus the way it may be shown: secret arguments (PIN, username, password) have a
 * masked display form, and {@link #scrub} removes the secrets from anything the tool printed before it reaches
 * a log line or a result message. Shared by the QMI and MBIM tool runners.
 */
public final class ToolCommand {
    private final List<String> argv = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    public ToolCommand(String... args) {
        for (String a : args) arg(a);
    }

    public ToolCommand arg(String a) {
        argv.add(a);
        shown.add(a);
        return this;
    }

    /** An argument holding secrets: passed as {@code real}, shown as {@code display}. */
    public ToolCommand secret(String real, String display, String... secretValues) {
        argv.add(real);
        shown.add(display);
        for (String s : secretValues) if (s != null && !s.isEmpty()) secrets.add(s);
        return this;
    }

    public List<String> argv() {
        return List.copyOf(argv);
    }

    /** The command line fit for a log. */
    public String display() {
        return String.join(" ", shown);
    }

    /** {@code text} with every secret replaced by ***. */
    public String scrub(String text) {
        if (text == null || secrets.isEmpty()) return text;
        String t = text;
        for (String s : secrets) t = t.replace(s, "***");
        return t;
    }
}
