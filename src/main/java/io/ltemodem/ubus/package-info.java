/**
 * The {@code ltemodem} ubus object: JNA bindings to libubox/libubus (exported symbols only; the header-only
 * helpers are reimplemented in Java), a pure-Java blob/blobmsg codec, and {@link io.ltemodem.ubus.UbusServer},
 * which runs uloop on one thread and serves {@link io.ltemodem.api.ApiDispatcher} there.
 *
 * <p>Facts this package is built around (DESIGN §10, reference/ubus-abi.md): libubus and uloop are
 * single-threaded and process-global, so every native call happens on the ubus thread and other threads hand work
 * over through a wake-up eventfd; {@code uloop_handle_sigchld} is cleared before uloop is initialised, or uloop
 * reaps the JVM's children; {@code struct ubus_context} is opaque except its leading members up to {@code sock}.
 */
package io.ltemodem.ubus;
