/** The host side of a data path in sysfs ({@link io.ltemodem.dataplane.link.SysfsNetdev}): present, up, operstate, carrier. */
package io.ltemodem.dataplane.link;
