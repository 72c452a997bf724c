'use strict';
// The stand-in jshn.sh's parser: prints the json_* builder calls that rebuild argv[2], like `jshn -r` does.
// Bad input or a top-level value that is not an object: a message on stderr, nothing on stdout, exit 1.

const q = (s) => "'" + String(s).replace(/'/g, "'\\''") + "'";

function emit(out, name, value) {
	if (value === null) {
		out.push(`json_add_null ${q(name)}`);
	} else if (Array.isArray(value)) {
		out.push(`json_add_array ${q(name)}`);
		for (const item of value) emit(out, '', item);
		out.push('json_close_array');
	} else if (typeof value === 'object') {
		out.push(`json_add_object ${q(name)}`);
		for (const [k, v] of Object.entries(value)) emit(out, k, v);
		out.push('json_close_object');
	} else if (typeof value === 'boolean') {
		out.push(`json_add_boolean ${q(name)} ${value ? 1 : 0}`);
	} else if (typeof value === 'number') {
		out.push(`${Number.isInteger(value) ? 'json_add_int' : 'json_add_double'} ${q(name)} ${value}`);
	} else {
		out.push(`json_add_string ${q(name)} ${q(value)}`);
	}
}

let doc;
try {
	doc = JSON.parse(process.argv[2] || '');
} catch (e) {
	process.stderr.write('Failed to parse message data\n');
	process.exit(1);
}
if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
	process.stderr.write('Failed to parse message data\n');
	process.exit(1);
}
const out = ['json_init'];
for (const [k, v] of Object.entries(doc)) emit(out, k, v);
process.stdout.write(out.join('\n') + '\n');
