package io.ltemodem.device;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The vendor profiles shipped in {@code profiles.json}, looked up by USB {@code vid:pid}. */
public final class ModemProfiles {
    private static final String RESOURCE = "/io/ltemodem/device/profiles.json";

    private final List<ModemProfile> all;
    private final Map<String, ModemProfile> byUsbId = new LinkedHashMap<>();

    private ModemProfiles(List<ModemProfile> all) {
        this.all = List.copyOf(all);
        for (ModemProfile p : all) for (String id : p.usbIds()) byUsbId.put(id.toLowerCase(Locale.ROOT), p);
    }

    private record File(List<ModemProfile> profiles) {
    }

    public static ModemProfiles load() {
        try (InputStream in = ModemProfiles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    public static ModemProfiles parse(Reader json) {
        try {
            File f = new Gson().fromJson(json, File.class);
            if (f == null || f.profiles() == null) throw new IllegalArgumentException("profiles: no 'profiles' array");
            List<ModemProfile> list = new ArrayList<>();
            for (ModemProfile p : f.profiles()) {
                if (p.id() == null || p.id().isBlank()) throw new IllegalArgumentException("profiles: a profile without id");
                list.add(p);
            }
            return new ModemProfiles(list);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("profiles: " + e.getMessage(), e);
        }
    }

    /** The profile for {@code vid:pid} (hex, any case), or {@link ModemProfile#GENERIC}. */
    public ModemProfile forUsbId(String vidPid) {
        if (vidPid == null) return ModemProfile.GENERIC;
        return byUsbId.getOrDefault(vidPid.toLowerCase(Locale.ROOT), ModemProfile.GENERIC);
    }

    public ModemProfile byId(String id) {
        for (ModemProfile p : all) if (p.id().equals(id)) return p;
        return null;
    }

    public List<ModemProfile> all() {
        return all;
    }
}
