'use strict';
// A small stand-in for the parts of LuCI a protocol page uses (L, E, _, dom, form, rpc, network, poll and a
// minimal DOM), enough to load protocol/*.js the way LuCI's loader does and to watch what it does:
// which options it creates, which ubus methods it calls, what it puts into the page.
//
// E() and dom.append/dom.content behave as in luci-base: an array child becomes text nodes, while a plain string
// child is assigned to innerHTML -- so markup from modem strings shows up here as parsed elements.

const fs = require('fs');
const vm = require('vm');

// ---- DOM -------------------------------------------------------------------------------------------------
class Node {
	constructor() { this.parentNode = null; this.childNodes = []; }
	get isConnected() {
		let n = this;
		while (n.parentNode) n = n.parentNode;
		return n === this.ownerDocument.documentElement;
	}
	get firstChild() { return this.childNodes[0] || null; }
	get lastChild() { return this.childNodes[this.childNodes.length - 1] || null; }
	appendChild(child) {
		if (child.parentNode) child.parentNode.removeChild(child);
		child.parentNode = this;
		this.childNodes.push(child);
		return child;
	}
	removeChild(child) {
		this.childNodes = this.childNodes.filter((c) => c !== child);
		child.parentNode = null;
		return child;
	}
	get textContent() { return this.childNodes.map((c) => c.textContent).join(''); }
}

class Text extends Node {
	constructor(doc, data) { super(); this.ownerDocument = doc; this.nodeType = 3; this.data = String(data); }
	get textContent() { return this.data; }
}

class Element extends Node {
	constructor(doc, tag) {
		super();
		this.ownerDocument = doc;
		this.nodeType = 1;
		this.tagName = String(tag).toLowerCase();
		this.attributes = {};
		this.listeners = {};
	}
	setAttribute(k, v) { this.attributes[k] = String(v); }
	getAttribute(k) { return this.attributes[k] ?? null; }
	addEventListener(type, fn) { (this.listeners[type] = this.listeners[type] || []).push(fn); }
	set textContent(v) { this.childNodes = []; this.appendChild(new Text(this.ownerDocument, v)); }
	get textContent() { return super.textContent; }
	// Markup parsing, crude but enough to see injected elements: every <tag ...> becomes an element.
	set innerHTML(html) {
		this.ownerDocument.innerHTMLWrites.push(String(html));
		this.childNodes = [];
		const re = /<([A-Za-z][A-Za-z0-9]*)([^>]*)>|([^<]+)/g;
		let m;
		while ((m = re.exec(String(html))) !== null) {
			if (m[1]) {
				const el = new Element(this.ownerDocument, m[1]);
				el.attributes.__raw = m[2];
				this.appendChild(el);
			} else {
				this.appendChild(new Text(this.ownerDocument, m[3]));
			}
		}
	}
	// All descendant elements, depth first.
	elements() {
		const out = [];
		for (const c of this.childNodes) if (c instanceof Element) out.push(c, ...c.elements());
		return out;
	}
}

class Document {
	constructor() {
		this.innerHTMLWrites = [];
		this.documentElement = new Element(this, 'html');
		this.body = this.documentElement.appendChild(new Element(this, 'body'));
	}
	createElement(tag) { return new Element(this, tag); }
	createTextNode(data) { return new Text(this, data); }
}

// ---- luci-base stand-ins ---------------------------------------------------------------------------------
function makeDom(document) {
	const dom = {
		elem: (e) => e instanceof Node,
		append(node, children) {
			if (Array.isArray(children)) {
				for (const c of children) {
					if (dom.elem(c)) node.appendChild(c);
					else if (c !== null && c !== undefined) node.appendChild(document.createTextNode('' + c));
				}
				return node.lastChild;
			}
			if (typeof children === 'function') return dom.append(node, children(node));
			if (dom.elem(children)) return node.appendChild(children);
			if (children !== null && children !== undefined) {
				node.innerHTML = '' + children;
				return node.lastChild;
			}
			return null;
		},
		content(node, children) {
			node.childNodes.slice().forEach((c) => node.removeChild(c));
			return dom.append(node, children);
		},
		create(tag, attr, data) {
			const el = document.createElement(tag);
			if (attr !== undefined && (attr === null || typeof attr !== 'object' || Array.isArray(attr) || dom.elem(attr))) {
				data = attr;
				attr = null;
			}
			for (const [k, v] of Object.entries(attr || {})) {
				if (typeof v === 'function') el.addEventListener(k, v);
				else if (v !== null && v !== undefined) el.setAttribute(k, v);
			}
			if (data !== undefined) dom.append(el, data);
			return el;
		},
	};
	return dom;
}

function makeForm(uciValues) {
	class AbstractValue {
		constructor(section, option, title, description) {
			Object.assign(this, { section, option, title, description, keylist: [], vallist: [], deps: [] });
		}
		value(key, label) { this.keylist.push(key); this.vallist.push(label === undefined ? key : label); }
		depends(field, value) { this.deps.push([field, value]); }
		load(sectionId) { return Promise.resolve(uciValues[this.ucioption || this.option]); }
	}
	class Value extends AbstractValue {}
	class ListValue extends Value {}
	class DynamicList extends Value {}
	class DummyValue extends Value {}
	class Flag extends Value {
		constructor(...a) { super(...a); this.enabled = '1'; this.disabled = '0'; this.default = this.disabled; }
	}
	return { AbstractValue, Value, ListValue, DynamicList, DummyValue, Flag };
}

// rpc.declare with canned replies: replies['object.method'] is a value, an Error (the call fails, as LuCI
// rejects on a ubus error status) or a function of the call's argument object.
function makeRpc(calls, replies) {
	return {
		declare(opts) {
			return function(...args) {
				const params = {};
				(opts.params || []).forEach((p, i) => { if (args[i] !== undefined) params[p] = args[i]; });
				const key = opts.object + '.' + opts.method;
				calls.push({ object: opts.object, method: opts.method, params });
				let reply = replies[key];
				if (typeof reply === 'function') reply = reply(params);
				if (reply instanceof Error || reply === undefined)
					return Promise.reject(reply || new Error('ubus NOT_FOUND: ' + key));
				if (opts.expect) {
					const k = Object.keys(opts.expect)[0];
					if (k !== '') reply = (reply && reply[k] !== undefined) ? reply[k] : opts.expect[k];
				}
				return Promise.resolve(reply);
			};
		},
	};
}

// load(file, {uci, replies}): evaluates a LuCI module file and returns the harness state.
function load(file, opts = {}) {
	const document = new Document();
	const dom = makeDom(document);
	const h = {
		document, dom,
		calls: [], declared: [], errorCodes: {}, virtualPatterns: [], pollers: [],
		form: makeForm(opts.uci || {}),
		protocol: null,
	};
	const rpc = makeRpc(h.calls, opts.replies || {});
	const declare = rpc.declare;
	rpc.declare = (o) => { h.declared.push({ object: o.object, method: o.method }); return declare(o); };
	const network = {
		registerProtocol(name, methods) {
			h.protocol = Object.assign({ name, sid: opts.sid || 'wwan', _ubus: () => null }, methods);
			return h.protocol;
		},
		registerPatternVirtual(re) { h.virtualPatterns.push(re); },
		registerErrorCode(code, msg) { h.errorCodes[code] = msg; return true; },
		getIfnameOf: (x) => x,
	};
	const poll = {
		add(fn, interval) { h.pollers.push({ fn, interval }); },
		remove(fn) { h.pollers = h.pollers.filter((p) => p.fn !== fn); },
	};
	const L = {
		resolveDefault: (p, d) => Promise.resolve(p).catch(() => d),
		bind: (fn, self, ...a) => fn.bind(self, ...a),
		hasSystemFeature: () => true,
	};
	const modules = { rpc, form: h.form, network, dom, poll, uci: {}, ui: {}, fs: {} };
	const ctx = vm.createContext({
		L, E: (...a) => dom.create(...a), _: (s) => s, document, window: {}, console, Promise,
	});

	const src = fs.readFileSync(file, 'utf8');
	const names = [];
	const values = [];
	for (const m of src.matchAll(/^'require ([\w.]+)(?: as (\w+))?';/gm)) {
		const mod = m[1];
		if (!(mod in modules)) throw new Error('the harness has no module ' + mod);
		names.push(m[2] || mod.split('.').pop());
		values.push(modules[mod]);
	}
	const factory = vm.runInContext(`(function(${names.join(', ')}) {\n${src}\n})`, ctx, { filename: file });
	h.module = factory(...values);
	return h;
}

// A form section stand-in: records the options a page creates, with their tab.
function section() {
	const s = { options: [] };
	s.taboption = (tab, Cls, name, title, description) => {
		const o = new Cls(s, name, title, description);
		o.tab = tab;
		s.options.push(o);
		return o;
	};
	s.option = (Cls, name, title, description) => s.taboption(null, Cls, name, title, description);
	s.tab = () => {};
	return s;
}

module.exports = { load, section, Element };
