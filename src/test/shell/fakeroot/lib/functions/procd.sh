# Stand-in for OpenWrt's /lib/functions/procd.sh: each helper call becomes one line in $FAKE_LOG instead of a
# `ubus call service set` message to procd.
procd_open_instance() { _fake_record procd_open_instance "$@"; }
procd_close_instance() { _fake_record procd_close_instance; }
procd_set_param() { _fake_record procd_set_param "$@"; }
procd_append_param() { _fake_record procd_append_param "$@"; }
procd_add_reload_trigger() { _fake_record procd_add_reload_trigger "$@"; }
