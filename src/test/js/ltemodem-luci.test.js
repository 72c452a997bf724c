'use strict';
// protocol/ltemodem.js against the LuCI stand-in: its options match options.json and the proto handler, the
// ACL grants what it calls, and modem strings never become markup.

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const { load, section } = require('./luci-harness');

const TOP = path.resolve(__dirname, '../../..');
const PAGE = path.join(TOP, 'openwrt-package/luci-proto-ltemodem/htdocs/luci-static/resources/protocol/ltemodem.js');
const OPTIONS = JSON.parse(fs.readFileSync(path.join(TOP, 'src/main/resources/io/ltemodem/config/options.json'), 'utf8'));
const PROTO_SH = fs.readFileSync(path.join(TOP, 'files/lib/netifd/proto/ltemodem.sh'), 'utf8');
const ACL = JSON.parse(fs.readFileSync(path.join(TOP, 'files/usr/share/rpcd/acl.d/luci-proto-ltemodem.json'), 'utf8'));
const ERROR_CODES_JAVA = fs.readFileSync(path.join(TOP, 'src/main/java/io/ltemodem/model/ErrorCode.java'), 'utf8');

const EVIL = '<img src=x onerror=alert(1)>';
// netifd's own options (proto_config_add_defaults) that the page offers too; `renew` it does not.
const NETIFD_DEFAULTS = ['defaultroute', 'peerdns', 'metric'];

async function render(opts) {
	const h = load(PAGE, opts);
	const s = section();
	h.protocol.renderFormOptions(s);
	for (const o of s.options) if (o.load) await o.load('wwan');
	return { h, s, written: s.options.filter((o) => !(o instanceof h.form.DummyValue)) };
}

function uciName(o) {
	return o.ucioption || o.option;
}

// The proto handler's declarations, read from its init_config.
function scriptDeclarations() {
	const body = PROTO_SH.slice(PROTO_SH.indexOf('proto_ltemodem_init_config()'));
	const decl = {};
	for (const m of body.matchAll(/^\s*proto_config_add_(string|int|boolean|array) "?([a-z_0-9]+)/gm)) decl[m[2]] = m[1];
	if (/^\s*proto_config_add_defaults/m.test(body))
		Object.assign(decl, { defaultroute: 'boolean', peerdns: 'boolean', renew: 'boolean', metric: 'int' });
	return decl;
}

// Status with the parts the page shows; `s` fills every string with `s`.
function status(s) {
	return {
		state: s || 'online', since: 1700000000,
		error: { code: 'REGISTRATION_TIMEOUT', message: s || 'no network found in time' },
		sim: { state: 'ready', pin_retries: 3, puk_retries: 10 },
		registration: { state: 'home', operator: s || 'Telekom.de', mcc: '262', mnc: '01', rat: s || 'lte', roaming: false },
		signal: { rssi: -71, rsrp: -97, rsrq: -11, sinr: 12.5, bars: 3 },
		bearer: { state: 'up', netdev: s || 'wwan0',
			ipv4: { address: s || '10.64.1.2', prefix: 30, gateway: '10.64.1.1', dns: [] },
			ipv6: { address: '2a00:1:2:3::5', prefix: 64, gateway: 'fe80::1', dns: [] } },
		recovery: { level: 0, attempts: 0, last_action: null, resets_last_hour: 0 },
	};
}

async function renderStatus(reply) {
	const { h, s } = await render({ replies: { 'ltemodem.list': { modems: [] }, 'ltemodem.status': reply } });
	const o = s.options.find((x) => x.option === '_ltemodem_status');
	assert.ok(o, 'no status field');
	const box = o.renderWidget('wwan');
	h.document.body.appendChild(box);
	for (const p of h.pollers.slice()) await p.fn();
	return { h, box };
}

test('registers the ltemodem protocol for the ltemodem package', () => {
	const h = load(PAGE);
	assert.strictEqual(h.protocol.name, 'ltemodem');
	assert.strictEqual(h.protocol.getPackageName(), 'ltemodem');
	assert.strictEqual(h.protocol.getI18n(), 'LTE modem (ltemodem)');
	assert.strictEqual(h.protocol.getIfname(), 'ltemodem-wwan');
	assert.ok(h.virtualPatterns.some((re) => re.test('ltemodem-wwan')));
});

test('writes exactly the interface options of options.json and the proto handler', async () => {
	const { written } = await render({ replies: { 'ltemodem.list': { modems: [] } } });
	const names = written.map(uciName).sort();
	assert.deepStrictEqual(new Set(names).size, names.length, 'an option is written twice');

	const fromJson = OPTIONS.interface.map((o) => o.name).concat(NETIFD_DEFAULTS).sort();
	assert.deepStrictEqual(names, fromJson, 'page options vs options.json');

	const fromScript = Object.keys(scriptDeclarations()).filter((n) => n !== 'renew').sort();
	assert.deepStrictEqual(names, fromScript, 'page options vs proto_config_add_* in ltemodem.sh');
});

test('each option has the type, values, default and bounds of options.json', async () => {
	const { h, written } = await render({ replies: { 'ltemodem.list': { modems: [] } } });
	const byName = Object.fromEntries(written.map((o) => [uciName(o), o]));
	for (const opt of OPTIONS.interface) {
		const o = byName[opt.name];
		switch (opt.type) {
			case 'enum':
				assert.ok(o instanceof h.form.ListValue, `${opt.name} is a ListValue`);
				assert.deepStrictEqual([...o.keylist].sort(), [...opt.values].sort(), `${opt.name} values`);
				assert.strictEqual(o.default, opt.default, `${opt.name} default`);
				break;
			case 'boolean':
				assert.ok(o instanceof h.form.Flag, `${opt.name} is a Flag`);
				assert.strictEqual(o.default, opt.default ? o.enabled : o.disabled, `${opt.name} default`);
				break;
			case 'int':
				assert.strictEqual(o.datatype, `range(${opt.min},${opt.max})`, `${opt.name} bounds`);
				assert.strictEqual(o.placeholder, String(opt.default), `${opt.name} default shown`);
				break;
			case 'string':
				if (opt.max !== undefined) assert.match(o.datatype || '', new RegExp(`maxlength\\(${opt.max}\\)`), `${opt.name} max`);
				if (opt.default) assert.strictEqual(o.default, opt.default, `${opt.name} default`);
				break;
			default:
				assert.fail(`no check for type ${opt.type}`);
		}
		assert.strictEqual(!!o.password, !!opt.secret, `${opt.name}: a password field exactly when secret`);
	}
	for (const n of ['username', 'password'])
		assert.deepStrictEqual(byName[n].deps, [['auth', 'pap'], ['auth', 'chap'], ['auth', 'both']], `${n} shown with auth`);
	// The two patterns of options.json, as the page applies them.
	assert.strictEqual(byName.pincode.datatype, 'and(uinteger,minlength(4),maxlength(8))');
	const apn = byName.apn;
	const pattern = new RegExp(OPTIONS.interface.find((o) => o.name === 'apn').pattern);
	for (const v of ['internet', 'web.vodafone.de', 'a_b-c', '', 'bad apn', 'x;y', '"q"'])
		assert.strictEqual(apn.validate('wwan', v) === true, pattern.test(v), `apn ${JSON.stringify(v)}`);
});

test('the modem list fills the device choices; modem strings stay plain text', async () => {
	const modems = [
		{ modem: 'wwan', device: '/dev/cdc-wdm0', vendor: 'Quectel', model: 'EC25', protocol: 'qmi', state: 'online' },
		{ modem: 'x', device: '/sys/bus/usb/devices/1-1', vendor: EVIL, model: '<script>x()</script>', protocol: EVIL, state: EVIL },
	];
	const { h, written } = await render({ replies: { 'ltemodem.list': { modems } } });
	const dev = written.find((o) => uciName(o) === 'device');
	assert.deepStrictEqual(dev.keylist, ['auto', '/dev/cdc-wdm0', '/sys/bus/usb/devices/1-1']);
	assert.strictEqual(dev.vallist[1], 'Quectel EC25 (/dev/cdc-wdm0, qmi, online)');
	for (const label of dev.vallist) assert.strictEqual(typeof label, 'string', 'labels are strings, not nodes');
	assert.ok(dev.vallist[2].includes(EVIL), 'the label keeps the text as is');
	// LuCI renders string labels as text (E(tag, {}, [ label ])); check the same here.
	const li = h.dom.create('li', {}, [dev.vallist[2]]);
	assert.strictEqual(li.elements().length, 0);
	assert.deepStrictEqual(h.document.innerHTMLWrites, []);
});

test('a missing daemon leaves the device list with "auto"', async () => {
	const { written } = await render({ replies: {} });
	assert.deepStrictEqual(written.find((o) => uciName(o) === 'device').keylist, ['auto']);
});

test('live status shows state, signal bars, operator, IP and the last error', async () => {
	const { h, box } = await renderStatus(status());
	const t = box.textContent;
	for (const want of ['online', '▮▮▮▯▯ 3/5', 'RSRP -97 dBm', 'Telekom.de', '262-01', '10.64.1.2/30',
		'2a00:1:2:3::5/64', 'wwan0', 'REGISTRATION_TIMEOUT: no network found in time'])
		assert.ok(t.includes(want), `status lacks ${want}: ${t}`);
	assert.deepStrictEqual(h.calls.filter((c) => c.method === 'status').map((c) => c.params), [{ modem: 'wwan' }, { modem: 'wwan' }]);
});

test('status strings with HTML end up as text, not markup', async () => {
	const { h, box } = await renderStatus(status(EVIL));
	const tags = box.elements().map((e) => e.tagName);
	assert.ok(!tags.includes('img') && !tags.includes('script'), `markup in the page: ${tags}`);
	assert.ok(box.textContent.includes(EVIL), 'the string is shown literally');
	assert.deepStrictEqual(h.document.innerHTMLWrites, [], 'nothing was assigned to innerHTML');
});

test('status without the daemon says so instead of failing', async () => {
	const { box } = await renderStatus(new Error('ubus NOT_FOUND'));
	assert.match(box.textContent, /not running/);
});

test('the status poll stops when the dialog is closed', async () => {
	const { h, box } = await renderStatus(status());
	assert.strictEqual(h.pollers.length, 1);
	assert.strictEqual(h.pollers[0].interval, 5);
	box.parentNode.removeChild(box);
	await h.pollers[0].fn();
	assert.strictEqual(h.pollers.length, 0);
});

test('the rpcd ACL grants every ubus method the page calls, in a read scope', async () => {
	const { h } = await renderStatus(status());
	const declared = h.declared.map((d) => `${d.object}.${d.method}`);
	const called = [...new Set(h.calls.map((c) => `${c.object}.${c.method}`))];
	assert.deepStrictEqual(called.sort(), [...new Set(declared)].sort(), 'every declared method was exercised');
	const readable = new Set();
	for (const group of Object.values(ACL))
		for (const [obj, methods] of Object.entries((group.read || {}).ubus || {}))
			for (const m of methods) readable.add(`${obj}.${m}`);
	for (const c of called) assert.ok(readable.has(c), `${c} is not granted for reading`);
});

test('every error code the handler can report has a message', () => {
	const h = load(PAGE);
	const codes = [...ERROR_CODES_JAVA.matchAll(/^\s*([A-Z_]+)\((?:true|false),/gm)].map((m) => m[1]);
	assert.ok(codes.length >= 19, 'ErrorCode.java was not read');
	for (const c of codes.concat(['NO_DAEMON'])) assert.ok(h.errorCodes[c], `no message for ${c}`);
	for (const m of PROTO_SH.matchAll(/\b(NO_DAEMON|CONFIG_INVALID|NO_DEVICE|TIMEOUT|CONNECT_FAILED|NO_IP)\b/g))
		assert.ok(h.errorCodes[m[1]], `no message for ${m[1]}`);
});

test('the codes the handler blocks on are exactly ErrorCode.needsUser()', () => {
	const needsUser = [...ERROR_CODES_JAVA.matchAll(/^\s*([A-Z_]+)\(true,/gm)].map((m) => m[1]).sort();
	const caseLine = PROTO_SH.slice(PROTO_SH.indexOf('SIM_ABSENT|')).split(')')[0];
	const blocked = caseLine.replace(/\\\s*/g, '').split('|').map((s) => s.trim()).sort();
	assert.deepStrictEqual(blocked, needsUser);
});
