# Stand-in for libubox's jshn.sh (written for these tests, not a copy): the same function names, arguments,
# return values and quirks that ltemodem's scripts rely on -- keys sanitised to [A-Za-z0-9_], booleans are
# 1/0 and dumped through atoi() like jshn -w does, json_load fails silently on bad input and leaves the state
# as json_init left it. State lives in shell variables; json_load parses with node (the real one runs `jshn -r`).
# Builder calls are recorded to $FAKE_LOG (json_load's own rebuild is not: it would echo configuration).

# ${var//pattern/replacement} is busybox ash, like `local`; the real jshn.sh relies on it as well.
# shellcheck disable=SC3060
# shellcheck source=src/test/shell/fakeroot/lib/fake-record.sh
. "$LTEMODEM_ROOT/lib/fake-record.sh"

_FJ_SEQ=0
_FJ_QUIET=
_FJ_CUR=
_FJ_ROOT=

_fj_log() {
	[ -n "$_FJ_QUIET" ] || _fake_record "$@"
}

# Creates an empty table; its id is left in _fj_tid.
_fj_new() {
	_FJ_SEQ=$((_FJ_SEQ + 1))
	_fj_tid="t$_FJ_SEQ"
	eval "_FJK_$_fj_tid=; _FJN_$_fj_tid=0; _FJY_$_fj_tid=$1; _FJU_$_fj_tid="
}

_fj_add() {
	local type="$1" name="$2" kind key keys
	eval "kind=\$_FJY_$_FJ_CUR"
	if [ "$kind" = array ]; then
		eval "_FJN_$_FJ_CUR=\$((_FJN_$_FJ_CUR + 1)); key=\$_FJN_$_FJ_CUR"
	else
		key="${name//[^a-zA-Z0-9_]/_}"
		eval "_FJR_${_FJ_CUR}_$key=\$name"
	fi
	eval "_FJV_${_FJ_CUR}_$key=\$3; _FJT_${_FJ_CUR}_$key=\$type; keys=\$_FJK_$_FJ_CUR"
	case " $keys " in
		*" $key "*) ;;
		*) eval "_FJK_$_FJ_CUR=\${keys:+\$keys }\$key" ;;
	esac
}

json_init() {
	_fj_log json_init
	_fj_new object
	_FJ_ROOT=$_fj_tid
	_FJ_CUR=$_fj_tid
}

json_cleanup() {
	json_init
}

json_set_namespace() {
	:
}

json_add_string() { _fj_log json_add_string "$@"; _fj_add string "$1" "$2"; }
json_add_int() { _fj_log json_add_int "$@"; _fj_add int "$1" "$2"; }
json_add_double() { _fj_log json_add_double "$@"; _fj_add double "$1" "$2"; }
json_add_boolean() { _fj_log json_add_boolean "$@"; _fj_add boolean "$1" "$2"; }
json_add_null() { _fj_log json_add_null "$@"; _fj_add null "$1" ""; }

_fj_open() {
	local kind="$1" name="$2" parent="$_FJ_CUR"
	_fj_new "$kind"
	_fj_add "$kind" "$name" "$_fj_tid"
	eval "_FJU_$_fj_tid=\$parent"
	_FJ_CUR=$_fj_tid
}

_fj_close() {
	local parent
	eval "parent=\$_FJU_$_FJ_CUR"
	[ -z "$parent" ] || _FJ_CUR=$parent
}

json_add_object() { _fj_log json_add_object "$@"; _fj_open object "$1"; }
json_add_array() { _fj_log json_add_array "$@"; _fj_open array "$1"; }
json_close_object() { _fj_log json_close_object; _fj_close; }
json_close_array() { _fj_log json_close_array; _fj_close; }

json_get_var() {
	local __k="${2//[^a-zA-Z0-9_]/_}" __set __v
	eval "__set=\${_FJV_${_FJ_CUR}_$__k+x}; __v=\${_FJV_${_FJ_CUR}_$__k}"
	eval "$1=\${__v:-\$3}"
	[ -n "$__set" ] || [ $# -ge 3 ]
}

json_get_vars() {
	local _var
	for _var in "$@"; do
		if [ "$_var" != "${_var#*:}" ]; then
			json_get_var "${_var%%:*}" "${_var%%:*}" "${_var#*:}"
		else
			json_get_var "$_var" "$_var"
		fi
	done
}

json_get_type() {
	local __k="${2//[^a-zA-Z0-9_]/_}" __set
	eval "__set=\${_FJT_${_FJ_CUR}_$__k+x}; $1=\${_FJT_${_FJ_CUR}_$__k}"
	[ -n "$__set" ]
}

json_is_a() {
	local __t
	json_get_type __t "$1"
	[ "$__t" = "$2" ]
}

json_get_keys() {
	local __tbl="$_FJ_CUR"
	[ -z "$2" ] || json_get_var __tbl "$2"
	eval "$1=\$_FJK_$__tbl"
}

json_select() {
	local __t
	if [ -z "$1" ]; then
		_FJ_CUR=$_FJ_ROOT
		return 0
	fi
	if [ "$1" = ".." ]; then
		_fj_close
		return 0
	fi
	json_get_type __t "$1"
	case "$__t" in
		object|array)
			json_get_var _FJ_CUR "$1"
			;;
		*)
			[ -n "$_json_no_warning" ] || echo "WARNING: Variable '$1' does not exist or is not an array/object" >&2
			return 1
			;;
	esac
}

json_get_values() {
	local _v_dest="$1" _v_keys _v_key _v_val _v_all=
	if [ -n "$2" ]; then
		_json_no_warning=1 json_select "$2" || { eval "$_v_dest="; return 1; }
	fi
	json_get_keys _v_keys
	for _v_key in $_v_keys; do
		json_get_var _v_val "$_v_key"
		_v_all="${_v_all:+$_v_all }$_v_val"
	done
	[ -z "$2" ] || json_select ..
	eval "$_v_dest=\$_v_all"
}

json_for_each_item() {
	local function="$1" target="$2" keys key val
	shift 2
	json_select "$target" || return 0
	json_get_keys keys
	for key in $keys; do
		json_get_var val "$key"
		eval "$function \"\$val\" \"\$key\" \"\$@\""
	done
	json_select ..
}

_fj_esc() {
	local s="$1"
	s=${s//\\/\\\\}
	s=${s//\"/\\\"}
	printf '%s' "$s"
}

_fj_dump() {
	local tid="$1" kind keys key sep='' type val name
	eval "kind=\$_FJY_$tid; keys=\$_FJK_$tid"
	if [ "$kind" = array ]; then printf '['; else printf '{'; fi
	for key in $keys; do
		printf '%s' "$sep"
		sep=','
		if [ "$kind" != array ]; then
			eval "name=\$_FJR_${tid}_$key"
			printf '"%s":' "$(_fj_esc "$name")"
		fi
		eval "type=\$_FJT_${tid}_$key; val=\$_FJV_${tid}_$key"
		case "$type" in
			string) printf '"%s"' "$(_fj_esc "$val")" ;;
			int|double)
				case "$val" in
					''|*[!0-9.eE+-]*) printf 0 ;;
					*) printf '%s' "$val" ;;
				esac
				;;
			# jshn -w converts with atoi(): "1" is true, "true" is false.
			boolean)
				case "$val" in
					[1-9]*|-[1-9]*) printf true ;;
					*) printf false ;;
				esac
				;;
			null) printf null ;;
			object|array) _fj_dump "$val" ;;
		esac
	done
	if [ "$kind" = array ]; then printf ']'; else printf '}'; fi
}

json_dump() {
	_fj_dump "$_FJ_ROOT"
	echo
}

json_load() {
	local code
	_fj_log json_load
	code="$(node "$LTEMODEM_ROOT/usr/share/libubox/jshn-load.js" "$1")"
	_FJ_QUIET=1
	eval "$code"
	_FJ_QUIET=
}
