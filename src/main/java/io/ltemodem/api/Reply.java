package io.ltemodem.api;

import com.google.gson.JsonObject;

/**
 * The answer to one call: a status ({@link UbusStatus}) and a JSON object. Failed calls carry
 * {@code {"error": "<what was wrong>"}} so a person at the {@code ubus} CLI sees why; LuCI only looks at the status.
 */
public record Reply(int status, JsonObject body) {
    public Reply {
        body = body == null ? new JsonObject() : body;
    }

    public static Reply ok(JsonObject body) {
        return new Reply(UbusStatus.OK, body);
    }

    public static Reply error(int status, String message) {
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        return new Reply(status, o);
    }

    public boolean isOk() {
        return status == UbusStatus.OK;
    }

    /** The error text of a failed reply, or null. */
    public String errorMessage() {
        return body.has("error") && body.get("error").isJsonPrimitive() ? body.get("error").getAsString() : null;
    }

    @Override
    public String toString() {
        return UbusStatus.name(status) + " " + body;
    }
}
