package io.ltemodem.sim;

import com.google.gson.Gson;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The vendor personas shipped in {@code io/ltemodem/sim/personas.json}. */
public final class Personas {
    private static final String RESOURCE = "/io/ltemodem/sim/personas.json";

    private record File(List<Persona> personas) {
    }

    private static volatile Map<String, Persona> builtIn;

    private Personas() {
    }

    /** All built-in personas by id, in file order. */
    public static Map<String, Persona> all() {
        Map<String, Persona> m = builtIn;
        if (m == null) {
            try (InputStream in = Personas.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
                m = parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builtIn = m;
        }
        return m;
    }

    /** The built-in persona {@code id}; the message lists the known ids when there is none. */
    public static Persona get(String id) {
        Persona p = all().get(id);
        if (p == null) throw new IllegalArgumentException("unknown persona " + id + "; known: " + all().keySet());
        return p;
    }

    public static Collection<String> ids() {
        return all().keySet();
    }

    /** Reads a personas file of the same shape ({@code {"personas": [...]}}), e.g. a user's own. */
    public static Map<String, Persona> parse(Reader json) {
        File f;
        try {
            f = new Gson().fromJson(json, File.class);
        } catch (RuntimeException e) {
            // Gson wraps what a record's constructor throws: surface the persona's own complaint
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof IllegalArgumentException) throw new IllegalArgumentException(c.getMessage(), e);
            }
            throw new IllegalArgumentException("bad personas JSON: " + e.getMessage(), e);
        }
        if (f == null || f.personas() == null) throw new IllegalArgumentException("personas JSON has no \"personas\" list");
        Map<String, Persona> m = new LinkedHashMap<>();
        for (Persona p : f.personas()) {
            if (m.put(p.id(), p) != null) throw new IllegalArgumentException("duplicate persona " + p.id());
        }
        return Collections.unmodifiableMap(m);
    }
}
