'use strict';
// Files of the OpenWrt integration that derive from options.json or carry the ubus contract.

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const gen = require('../../../openwrt-package/tools/uci-reference.js');

const TOP = path.resolve(__dirname, '../../..');
const read = (p) => fs.readFileSync(path.join(TOP, p), 'utf8');
const READ_METHODS = ['list', 'status', 'info', 'signal'];
const WRITE_METHODS = ['connect', 'disconnect', 'reset', 'at', 'reload'];

test('/etc/config/ltemodem is what options.json gives (make uci-reference)', () => {
	assert.strictEqual(read('files/etc/config/ltemodem'), gen.config(gen.loadOptions()));
});

test('/etc/config/ltemodem sets every daemon default, in section ltemodem.main', () => {
	const text = read('files/etc/config/ltemodem');
	assert.match(text, /^config ltemodem 'main'$/m);
	for (const opt of gen.loadOptions().daemon) {
		const empty = opt.type === 'list' ? opt.default.length === 0 : opt.default === '';
		const value = opt.type === 'boolean' ? (opt.default ? '1' : '0') : String(opt.default);
		const re = empty
			? new RegExp(`^\\t#(option|list) ${opt.name} ''$`, 'm')
			: new RegExp(`^\\toption ${opt.name} '${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}'$`, 'm');
		assert.match(text, re, opt.name);
	}
});

test('the UCI reference in README-openwrt.md is what options.json gives (make uci-reference)', () => {
	const text = read('openwrt-package/README-openwrt.md');
	const a = text.indexOf(gen.BEGIN), b = text.indexOf(gen.END);
	assert.ok(a >= 0 && b > a, 'markers missing');
	assert.strictEqual(text.slice(a, b + gen.END.length), gen.readme(gen.loadOptions()));
	for (const opt of [...gen.loadOptions().interface, ...gen.loadOptions().daemon])
		assert.ok(text.includes('| `' + opt.name + '` |'), opt.name);
});

test('rpcd ACL: read methods and write methods in separate groups and scopes', () => {
	const acl = JSON.parse(read('files/usr/share/rpcd/acl.d/luci-proto-ltemodem.json'));
	const scopes = [];
	for (const [group, def] of Object.entries(acl)) {
		assert.ok(def.description, `${group} has a description`);
		for (const kind of ['read', 'write'])
			for (const [obj, methods] of Object.entries((def[kind] || {}).ubus || {}))
				scopes.push({ group, kind, obj, methods });
	}
	const of = (kind) => scopes.filter((s) => s.kind === kind);
	assert.deepStrictEqual(of('read').flatMap((s) => s.methods).sort(), [...READ_METHODS].sort());
	assert.deepStrictEqual(of('write').flatMap((s) => s.methods).sort(), [...WRITE_METHODS].sort());
	assert.ok(scopes.every((s) => s.obj === 'ltemodem'), 'only the ltemodem object');
	const readGroups = new Set(of('read').map((s) => s.group));
	assert.ok(of('write').every((s) => !readGroups.has(s.group)), 'write methods in a group of their own');
	assert.ok(Object.keys(acl).includes('luci-proto-ltemodem'));
});

test('the LuCI page sits where luci.mk installs protocol pages', () => {
	assert.ok(fs.existsSync(path.join(TOP,
		'openwrt-package/luci-proto-ltemodem/htdocs/luci-static/resources/protocol/ltemodem.js')));
	assert.match(read('openwrt-package/luci-proto-ltemodem/Makefile'), /^include \$\(TOPDIR\)\/feeds\/luci\/luci\.mk$/m);
});

test('the package Makefile keeps the config and the user directory, and restarts netifd on install', () => {
	const mk = read('openwrt-package/ltemodem/Makefile');
	const conffiles = mk.match(/define Package\/ltemodem\/conffiles\n([\s\S]*?)endef/)[1].trim().split('\n');
	assert.deepStrictEqual(conffiles, ['/etc/config/ltemodem', '/etc/ltemodem/']);
	const postinst = mk.match(/define Package\/ltemodem\/postinst\n([\s\S]*?)endef/)[1];
	assert.match(postinst, /if \[ -z "\$\$\{IPKG_INSTROOT\}" \]; then\n\t\/etc\/init\.d\/network restart\nfi/);
	assert.doesNotMatch(mk, /sysupgrade\.conf/);
});
