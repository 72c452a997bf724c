package io.ltemodem.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A method of the API: its name and its arguments. Arguments not in the table (such as {@code ubus_rpc_session},
 * added by LuCI's uhttpd) are ignored, as libubox's {@code blobmsg_parse} ignores them.
 */
public record MethodSpec(String name, List<ArgSpec> args) {
    public MethodSpec {
        args = List.copyOf(args);
    }

    public static MethodSpec of(String name, ArgSpec... args) {
        return new MethodSpec(name, List.of(args));
    }

    /** The validated arguments by name (absent optional ones are missing from the map). */
    public Map<String, Object> validate(JsonObject in) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (ArgSpec a : args) {
            JsonElement e = in == null ? null : in.get(a.name());
            Object v = a.validate(e);
            if (v != null) out.put(a.name(), v);
        }
        return out;
    }
}
