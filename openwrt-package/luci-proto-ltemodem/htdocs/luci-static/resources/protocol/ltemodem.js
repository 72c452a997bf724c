'use strict';
'require rpc';
'require form';
'require network';
'require dom';
'require poll';

/*
 * LuCI page for interfaces with `option proto 'ltemodem'`.
 *
 * The options are the interface options of the daemon's UCI reader (options.json) plus netifd's own
 * defaultroute/peerdns/metric; src/test/js checks them against options.json and the proto handler.
 * Modem strings (names, operator, error messages) come from hardware and the network: they are only ever
 * put into the page as text nodes (array children of E()), never as markup.
 */

var callList = rpc.declare({
	object: 'ltemodem',
	method: 'list',
	expect: { modems: [] }
});

var callStatus = rpc.declare({
	object: 'ltemodem',
	method: 'status',
	params: [ 'modem' ],
	expect: { '': {} }
});

/* The codes the proto handler reports (io.ltemodem.model.ErrorCode, plus NO_DAEMON from the handler). */
var errorCodes = {
	NO_DAEMON: _('The ltemodem daemon is not running'),
	NO_DEVICE: _('No modem found for this interface'),
	NOT_RESPONDING: _('The modem does not answer'),
	SIM_ABSENT: _('No SIM card'),
	SIM_FAILURE: _('The SIM card failed'),
	PIN_REQUIRED: _('The SIM needs a PIN and none is configured'),
	PIN_FAILED: _('The configured PIN was rejected'),
	PIN_TRIES_BELOW_LIMIT: _('Fewer than 2 PIN tries left: the PIN is not tried'),
	PUK_REQUIRED: _('The SIM needs a PUK'),
	SIM_LOCKED_OTHER: _('The SIM is locked to another network or needs another code'),
	REGISTRATION_DENIED: _('The network denied registration'),
	ROAMING_NOT_ALLOWED: _('Roaming, and roaming is not allowed'),
	REGISTRATION_TIMEOUT: _('No network found in time'),
	CONNECT_FAILED: _('The data session did not start'),
	NO_IP: _('The data session has no IP address'),
	DATA_PATH_DEAD: _('No traffic passes through the data session'),
	QUARANTINE: _('Too many modem resets in the last hour; retrying slowly'),
	CONFIG_INVALID: _('The configuration is invalid'),
	DISABLED: _('Disabled by configuration'),
	TIMEOUT: _('No result within the deadline')
};

Object.keys(errorCodes).forEach(function(code) {
	network.registerErrorCode(code, errorCodes[code]);
});

network.registerPatternVirtual(/^ltemodem-.+$/);

function text(value) {
	return (value == null || value === '') ? '-' : String(value);
}

/* 0..5 bars as text, e.g. "▮▮▮▯▯ 3/5". */
function bars(n) {
	if (n == null || isNaN(+n))
		return '-';
	n = Math.max(0, Math.min(5, Math.round(+n)));
	return '▮'.repeat(n) + '▯'.repeat(5 - n) + ' ' + n + '/5';
}

function address(family) {
	if (!family || !family.address)
		return '-';
	return String(family.address) + (family.prefix != null ? '/' + family.prefix : '');
}

function modemLabel(m) {
	var name = [ m.vendor, m.model ].filter(function(s) { return s; }).join(' ') || String(m.device);
	var about = [ m.device, m.protocol, m.state ].filter(function(s) { return s; }).join(', ');
	return name + (about ? ' (' + about + ')' : '');
}

/* Username and password matter only with an authentication method. */
function dependsOnAuth(o) {
	[ 'pap', 'chap', 'both' ].forEach(function(auth) { o.depends('auth', auth); });
}

function renderStatus(st) {
	if (!st || typeof st != 'object')
		return E('em', {}, [ _('No status: the ltemodem daemon is not running, or it does not know this interface yet (save and apply first).') ]);

	var reg = st.registration || {}, sig = st.signal || {}, bearer = st.bearer || {}, err = st.error;
	var operator = [ reg.operator, (reg.mcc && reg.mnc) ? reg.mcc + '-' + reg.mnc : null, reg.rat,
		reg.roaming ? _('roaming') : null ].filter(function(s) { return s; }).join(' · ');
	var signal = bars(sig.bars);
	if (sig.rsrp != null)
		signal += ' · RSRP ' + sig.rsrp + ' dBm';
	if (sig.rsrq != null)
		signal += ' · RSRQ ' + sig.rsrq + ' dB';
	if (sig.sinr != null)
		signal += ' · SINR ' + sig.sinr + ' dB';

	var rows = [
		[ _('State'), text(st.state) ],
		[ _('Signal'), signal ],
		[ _('Operator'), text(operator) ],
		[ _('Network device'), text(bearer.netdev) ],
		[ _('IPv4'), address(bearer.ipv4) ],
		[ _('IPv6'), address(bearer.ipv6) ],
		[ _('Last error'), (err && err.code) ? String(err.code) + (err.message ? ': ' + err.message : '') : '-' ]
	];

	return E('table', { 'class': 'table' }, rows.map(function(row) {
		return E('tr', { 'class': 'tr' }, [
			E('td', { 'class': 'td left', 'width': '33%' }, [ row[0] ]),
			E('td', { 'class': 'td left' }, [ row[1] ])
		]);
	}));
}

return network.registerProtocol('ltemodem', {
	getI18n: function() {
		return _('LTE modem (ltemodem)');
	},

	getIfname: function() {
		return this._ubus('l3_device') || 'ltemodem-' + this.sid;
	},

	getPackageName: function() {
		return 'ltemodem';
	},

	/* The name older LuCI releases ask for. */
	getOpkgPackage: function() {
		return 'ltemodem';
	},

	isFloating: function() {
		return true;
	},

	isVirtual: function() {
		return true;
	},

	getDevices: function() {
		return null;
	},

	containsDevice: function(ifname) {
		return (network.getIfnameOf(ifname) == this.getIfname());
	},

	renderFormOptions: function(s) {
		var o;

		/* Live status, refreshed every 5 s while the dialog is open; writes nothing. */
		o = s.taboption('general', form.DummyValue, '_ltemodem_status', _('Status'));
		o.renderWidget = function(section_id) {
			var box = E('div', { 'class': 'ltemodem-status' }, [ E('em', {}, [ _('Collecting data…') ]) ]);
			var shown = false;
			var refresh = function() {
				if (box.isConnected)
					shown = true;
				else if (shown) {
					/* The dialog was closed. */
					poll.remove(refresh);
					return Promise.resolve();
				}
				return L.resolveDefault(callStatus(section_id), null).then(function(st) {
					dom.content(box, renderStatus(st));
				});
			};
			refresh();
			poll.add(refresh, 5);
			return box;
		};

		o = s.taboption('general', form.Value, 'device', _('Modem'),
			_('Found modems, or a cdc-wdm/tty node, or a sysfs USB path. "auto" takes the only modem.'));
		o.value('auto', _('Automatic'));
		o.default = 'auto';
		o.datatype = 'maxlength(255)';
		o.load = function(section_id) {
			return L.resolveDefault(callList(), []).then(L.bind(function(modems) {
				(Array.isArray(modems) ? modems : []).forEach(function(m) {
					if (m && m.device)
						this.value(String(m.device), modemLabel(m));
				}, this);
				return form.Value.prototype.load.apply(this, [ section_id ]);
			}, this));
		};

		o = s.taboption('general', form.Value, 'apn', _('APN'));
		o.datatype = 'maxlength(100)';
		o.validate = function(section_id, value) {
			return /^[A-Za-z0-9._-]*$/.test(value || '') ? true : _('Letters, digits, dot, dash and underscore only');
		};

		o = s.taboption('general', form.Value, 'pincode', _('PIN'),
			_('Tried only while the SIM has at least 2 tries left.'));
		o.password = true;
		o.datatype = 'and(uinteger,minlength(4),maxlength(8))';

		o = s.taboption('general', form.ListValue, 'auth', _('Authentication'));
		o.value('none', _('None'));
		o.value('pap', 'PAP');
		o.value('chap', 'CHAP');
		o.value('both', 'PAP/CHAP');
		o.default = 'none';

		o = s.taboption('general', form.Value, 'username', _('Username'));
		dependsOnAuth(o);
		o.datatype = 'maxlength(64)';

		o = s.taboption('general', form.Value, 'password', _('Password'));
		dependsOnAuth(o);
		o.password = true;
		o.datatype = 'maxlength(64)';

		o = s.taboption('general', form.ListValue, 'pdptype', _('IP type'));
		o.value('ipv4v6', 'IPv4/IPv6');
		o.value('ipv4', 'IPv4');
		o.value('ipv6', 'IPv6');
		o.default = 'ipv4v6';

		o = s.taboption('general', form.ListValue, 'protocol', _('Protocol'),
			_('How the data session runs; "auto" picks what the modem offers.'));
		o.value('auto', _('Automatic'));
		o.value('qmi', 'QMI');
		o.value('mbim', 'MBIM');
		o.value('ncm', 'NCM');
		o.value('ecm', 'ECM');
		o.value('rndis', 'RNDIS');
		o.value('cdc_ether', 'CDC Ethernet');
		o.value('ppp', 'PPP');
		o.value('at', _('AT commands only'));
		o.default = 'auto';

		o = s.taboption('general', form.Flag, 'allow_roaming', _('Allow roaming'));
		o.default = o.disabled;

		o = s.taboption('advanced', form.Value, 'profile', _('PDP context / profile index'));
		o.datatype = 'range(1,24)';
		o.placeholder = '1';

		o = s.taboption('advanced', form.Value, 'mtu', _('Override MTU'), _('0: as the network says'));
		o.datatype = 'range(0,9000)';
		o.placeholder = '0';

		o = s.taboption('advanced', form.Flag, 'dhcp', _('IPv4 by DHCP'),
			_('Off: the addresses the modem reports are configured directly.'));
		o.default = o.enabled;

		o = s.taboption('advanced', form.Flag, 'dhcpv6', _('IPv6 by DHCPv6/RA'),
			_('Off: the addresses the modem reports are configured directly.'));
		o.default = o.enabled;

		o = s.taboption('advanced', form.Flag, 'sourcefilter', _('Source-specific IPv6 default route'),
			_('Turn off on targets without IPv6 subtrees (CONFIG_IPV6_SUBTREES).'));
		o.default = o.enabled;

		o = s.taboption('advanced', form.Flag, 'defaultroute', _('Use default gateway'),
			_('If unchecked, no default route is configured'));
		o.default = o.enabled;

		o = s.taboption('advanced', form.Value, 'metric', _('Use gateway metric'));
		o.placeholder = '0';
		o.datatype = 'uinteger';
		o.depends('defaultroute', '1');

		o = s.taboption('advanced', form.Flag, 'peerdns', _('Use DNS servers advertised by peer'),
			_('If unchecked, the advertised DNS server addresses are ignored'));
		o.default = o.enabled;
	}
});
