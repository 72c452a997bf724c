package io.ltemodem.device;

import io.ltemodem.sim.sysfs.FakeUsbTree;

/**
 * Real USB compositions (reference/modem-domain.md §2.1: ModemManager udev rules, qmi_wwan.c, vendor forums)
 * as fake sysfs trees, for discovery and wiring tests.
 */
public final class UsbCompositions {
    private UsbCompositions() {
    }

    public static void quectelEc25Qmi(FakeUsbTree t, String name) {
        t.device(name, "2c7c", "0125").strings("Quectel", "EC25-E")
                .iface(0, "ff", "ff", "ff", "option", "ttyUSB0")
                .iface(1, "ff", "00", "00", "option", "ttyUSB1")
                .iface(2, "ff", "00", "00", "option", "ttyUSB2")
                .iface(3, "ff", "00", "00", "option", "ttyUSB3")
                .iface(4, "ff", "ff", "ff", "qmi_wwan", "cdc-wdm0", "wwan0");
    }

    /** usbnet=2: MBIM on if0/1, AT on if4. */
    public static void quectelEc25Mbim(FakeUsbTree t, String name) {
        t.device(name, "2c7c", "0125").strings("Quectel", "EC25-E")
                .iface(0, "02", "0e", "00", "cdc_mbim", "cdc-wdm0", "wwan0")
                .iface(1, "0a", "00", "02", "cdc_mbim")
                .iface(2, "ff", "ff", "ff", "option", "ttyUSB0")
                .iface(3, "ff", "00", "00", "option", "ttyUSB1")
                .iface(4, "ff", "00", "00", "option", "ttyUSB2")
                .iface(5, "ff", "00", "00", "option", "ttyUSB3");
    }

    /** usbnet=3: RNDIS on if0/1, DM if2, GNSS if3, AT moves to if4. */
    public static void quectelEc25Rndis(FakeUsbTree t, String name) {
        t.device(name, "2c7c", "0125").strings("Quectel", "EC25-E")
                .iface(0, "e0", "01", "03", "rndis_host", "usb0")
                .iface(1, "0a", "00", "00", "rndis_host")
                .iface(2, "ff", "ff", "ff", "option", "ttyUSB0")
                .iface(3, "ff", "00", "00", "option", "ttyUSB1")
                .iface(4, "ff", "00", "00", "option", "ttyUSB2")
                .iface(5, "ff", "00", "00", "option", "ttyUSB3");
    }

    /** usbnet=1: ECM (cdc_ether) on if4/5, the serial interfaces as in the QMI composition. */
    public static void quectelEc25Ecm(FakeUsbTree t, String name) {
        t.device(name, "2c7c", "0125").strings("Quectel", "EC25-E")
                .iface(0, "ff", "ff", "ff", "option", "ttyUSB0")
                .iface(1, "ff", "00", "00", "option", "ttyUSB1")
                .iface(2, "ff", "00", "00", "option", "ttyUSB2")
                .iface(3, "ff", "00", "00", "option", "ttyUSB3")
                .iface(4, "02", "06", "00", "cdc_ether", "usb0")
                .iface(5, "0a", "00", "00", "cdc_ether");
    }

    /** The QMI composition on a router without kmod-usb-net-qmi-wwan: nothing binds if4, only the ttys work. */
    public static void quectelEc25SerialOnly(FakeUsbTree t, String name) {
        t.device(name, "2c7c", "0125").strings("Quectel", "EC25-E")
                .iface(0, "ff", "ff", "ff", "option", "ttyUSB0")
                .iface(1, "ff", "00", "00", "option", "ttyUSB1")
                .iface(2, "ff", "00", "00", "option", "ttyUSB2")
                .iface(3, "ff", "00", "00", "option", "ttyUSB3")
                .iface(4, "ff", "ff", "ff", null);
    }

    /** An M.2 module showing only its MBIM function (the Fibocom L850 without its ACM port bound). */
    public static void mbimOnly(FakeUsbTree t, String name) {
        t.device(name, "2cb7", "0007").strings("Fibocom", "L850-GL")
                .iface(0, "02", "0e", "00", "cdc_mbim", "cdc-wdm0", "wwan0")
                .iface(1, "0a", "00", "02", "cdc_mbim");
    }

    public static void sierraEm7455(FakeUsbTree t, String name) {
        t.device(name, "1199", "9071").strings("Sierra Wireless, Incorporated", "EM7455")
                .iface(0, "ff", "ff", "ff", "qcserial", "ttyUSB0")
                .iface(2, "ff", "ff", "ff", "qcserial", "ttyUSB1")
                .iface(3, "ff", "ff", "ff", "qcserial", "ttyUSB2")
                .iface(8, "ff", "ff", "ff", "qmi_wwan", "cdc-wdm0", "wwan0")
                .iface(10, "ff", "ff", "ff", "qmi_wwan", "cdc-wdm1", "wwan1");
    }

    public static void simcom7600(FakeUsbTree t, String name) {
        t.device(name, "1e0e", "9001").strings("SimTech, Incorporated", "SimTech, Incorporated")
                .iface(0, "ff", "ff", "ff", "option", "ttyUSB0")
                .iface(1, "ff", "00", "00", "option", "ttyUSB1")
                .iface(2, "ff", "00", "00", "option", "ttyUSB2")
                .iface(3, "ff", "00", "00", "option", "ttyUSB3")
                .iface(4, "ff", "00", "00", "option", "ttyUSB4")
                .iface(5, "ff", "ff", "ff", "qmi_wwan", "cdc-wdm0", "wwan0");
    }

    public static void huaweiE3372Stick(FakeUsbTree t, String name) {
        t.device(name, "12d1", "1506").strings("HUAWEI_MOBILE", "HUAWEI_MOBILE")
                .iface(0, "ff", "02", "12", "option", "ttyUSB0")
                .iface(1, "ff", "02", "01", "huawei_cdc_ncm", "cdc-wdm0", "wwan0")
                .iface(2, "ff", "02", "13", "option", "ttyUSB1");
    }

    public static void huaweiHilink(FakeUsbTree t, String name) {
        t.device(name, "12d1", "14dc").strings("HUAWEI_MOBILE", "HUAWEI_MOBILE")
                .iface(0, "02", "06", "00", "cdc_ether", "eth1")
                .iface(1, "0a", "00", "00", "cdc_ether");
    }

    public static void fibocomL850(FakeUsbTree t, String name) {
        t.device(name, "2cb7", "0007").strings("Fibocom", "L850-GL")
                .iface(0, "02", "0e", "00", "cdc_mbim", "cdc-wdm0", "wwan0")
                .iface(1, "0a", "00", "02", "cdc_mbim")
                .iface(2, "02", "02", "01", "cdc_acm", "ttyACM0")
                .iface(3, "0a", "00", "00", "cdc_acm");
    }

    public static void telitLe910(FakeUsbTree t, String name) {
        t.device(name, "1bc7", "1031").strings("Telit", "LE910C1-EUX")
                .iface(0, "ff", "ff", "ff", "option", "ttyUSB0")
                .iface(1, "ff", "00", "00", "option", "ttyUSB1")
                .iface(2, "ff", "00", "00", "option", "ttyUSB2")
                .iface(3, "ff", "ff", "ff", "qmi_wwan", "cdc-wdm0", "wwan0");
    }

    public static void usbStick(FakeUsbTree t, String name) {
        t.device(name, "0781", "5567").strings("SanDisk", "Cruzer Blade")
                .iface(0, "08", "06", "50", "usb-storage");
    }
}
