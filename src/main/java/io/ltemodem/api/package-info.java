/**
 * The ltemodem API without a transport: method table, argument policies, JSON reply shapes and the AT console
 * policy (DESIGN §6). The ubus object is one adapter on top of {@link io.ltemodem.api.ApiDispatcher}; a test, a
 * CLI or another IPC can be another. Nothing here knows about libubus.
 */
package io.ltemodem.api;
