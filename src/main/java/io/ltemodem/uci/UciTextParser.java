package io.ltemodem.uci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The UCI file syntax in pure Java, for running without libuci (tests, {@code make run} on a PC) and for
 * comparing against it. It is a close port of libuci's parser ({@code file.c}: {@code uci_getln},
 * {@code parse_str}, {@code next_arg}, {@code uci_parse_line}, ...) working on the same kind of line buffer, so
 * the odd corners come out the same: quotes concatenate ({@code 'a'"b"c}), {@code #} starts a comment outside
 * quotes, a backslash keeps the next character and joins lines at the end of one, quoted values span lines,
 * {@code ;} separates commands, {@code option x ''} leaves x as it was, {@code list} after {@code option} turns it
 * into a list keeping the old value first, a repeated named section is merged, and anonymous sections get
 * libuci's names ({@code cfg} + section counter + a hash of the type). Strict mode, as libuci's default: the first
 * syntax error fails the file, reported as libuci reports it ({@code (reason) at line N, byte M}).
 */
public final class UciTextParser implements UciBackend {

    @Override
    public UciPackage load(Path confdir, String name) throws UciException {
        Path file = confdir.resolve(name);
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UciException(UciException.Kind.NOT_FOUND, name + ": " + file + " not found");
        } catch (IOException e) {
            throw new UciException(UciException.Kind.IO, name + ": cannot read " + file + ": " + e.getMessage());
        }
        return parse(name, content);
    }

    @Override
    public String describe() {
        return "the built-in UCI parser";
    }

    /** Parses the content of config file {@code name}. */
    public UciPackage parse(String name, byte[] content) throws UciException {
        return new Parse(name, content).run();
    }

    public UciPackage parse(String name, String content) throws UciException {
        return parse(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A syntax error inside the port; turned into {@link UciException} at the top. */
    private static final class ParseError extends RuntimeException {
        final String reason;
        final int pos;

        ParseError(String reason, int pos) {
            super(reason, null, false, false);
            this.reason = reason;
            this.pos = pos;
        }
    }

    private static final class MOption {
        final String name;
        String value;
        List<String> list;

        MOption(String name) {
            this.name = name;
        }
    }

    private static final class MSection {
        final String name;
        final String type;
        final boolean anonymous;
        final List<MOption> options = new ArrayList<>();

        MSection(String name, String type, boolean anonymous) {
            this.name = name;
            this.type = type;
            this.anonymous = anonymous;
        }

        MOption find(String n) {
            for (MOption o : options) if (o.name.equals(n)) return o;
            return null;
        }
    }

    /** One run of the parser over one file: the libuci parse context. */
    private static final class Parse {
        private final String pkg;
        private final List<byte[]> lines = new ArrayList<>();
        private int nextLine;
        private boolean eof;
        private byte[] buf = new byte[64];
        private int bufFilled;
        private int pos;
        private int line;
        private final List<MSection> sections = new ArrayList<>();
        private MSection section;
        private int nSection;

        Parse(String pkg, byte[] content) {
            this.pkg = pkg;
            int start = 0;
            for (int i = 0; i < content.length; i++) {
                if (content[i] == '\n') {
                    lines.add(Arrays.copyOfRange(content, start, i + 1));
                    start = i + 1;
                }
            }
            if (start < content.length) lines.add(Arrays.copyOfRange(content, start, content.length));
        }

        UciPackage run() throws UciException {
            try {
                while (!eof) {
                    pos = 0;
                    getln(0);
                    if (buf[0] != 0) parseLine();
                }
            } catch (ParseError e) {
                throw UciException.parse(pkg, e.reason, line, e.pos);
            }
            List<UciSection> out = new ArrayList<>();
            for (MSection s : sections) {
                List<UciOption> opts = new ArrayList<>();
                for (MOption o : s.options) {
                    opts.add(o.list != null ? UciOption.list(o.name, o.list) : UciOption.string(o.name, o.value));
                }
                out.add(new UciSection(s.name, s.type, s.anonymous, opts));
            }
            return new UciPackage(pkg, out);
        }

        // ---- the line buffer (uci_getln): reads the next line into buf at offset ----

        private void getln(int offset) {
            ensure(offset + 1);
            buf[offset] = 0;
            if (nextLine >= lines.size()) {
                eof = true;
                return;
            }
            byte[] l = lines.get(nextLine++);
            int n = cstrlen(l);
            ensure(offset + n + 3);
            System.arraycopy(l, 0, buf, offset, n);
            buf[offset + n] = 0;
            bufFilled = offset + n;
            if (n > 0 && buf[offset + n - 1] == '\n') {
                line++;
            } else {
                eof = true; // fgets stopped at the end of the file, not at a newline
            }
        }

        /** fgets copies through NUL bytes, but everything after one is invisible to strlen. */
        private static int cstrlen(byte[] l) {
            for (int i = 0; i < l.length; i++) if (l[i] == 0) return i;
            return l.length;
        }

        private void ensure(int capacity) {
            if (capacity + 3 > buf.length) buf = Arrays.copyOf(buf, Math.max(capacity + 3, buf.length * 2));
        }

        private byte cur() {
            return buf[pos];
        }

        private static boolean isspace(byte c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c;
        }

        private String str(int at) {
            int end = at;
            while (buf[end] != 0) end++;
            return new String(buf, at, end - at, StandardCharsets.UTF_8);
        }

        private int strlen(int at) {
            int end = at;
            while (buf[end] != 0) end++;
            return end - at;
        }

        private ParseError error(String reason) {
            return new ParseError(reason, pos);
        }

        // ---- tokenizer (parse_backslash, skip_whitespace, parse_*_quote, parse_str, next_arg) ----

        private boolean parseBackslash() {
            pos += 1;
            if (cur() == 0 || cur() == '\n' || (cur() == '\r' && buf[pos + 1] == '\n' && buf[pos + 2] == 0)) {
                getln(pos);
                return false;
            }
            return true;
        }

        private void skipWhitespace() {
            while (cur() != 0 && isspace(cur())) pos += 1;
        }

        /** Copies one byte from pos to target; returns the new target. */
        private int addc(int target) {
            buf[target] = buf[pos];
            pos += 1;
            return target + 1;
        }

        private int parseDoubleQuote(int target) {
            pos += 1;
            while (true) {
                byte c = cur();
                switch (c) {
                    case '"':
                        pos += 1;
                        return target;
                    case 0:
                        getln(pos);
                        if (cur() == 0) throw error("EOF with unterminated \"");
                        break;
                    case '\\':
                        if (!parseBackslash()) continue;
                        target = addc(target);
                        break;
                    default:
                        target = addc(target);
                        break;
                }
            }
        }

        private int parseSingleQuote(int target) {
            pos += 1;
            while (true) {
                byte c = cur();
                switch (c) {
                    case '\'':
                        pos += 1;
                        return target;
                    case 0:
                        getln(pos);
                        if (cur() == 0) throw error("EOF with unterminated '");
                        break;
                    default:
                        target = addc(target);
                        break;
                }
            }
        }

        private void parseStr(int target) {
            boolean next = true;
            loop:
            do {
                switch (cur()) {
                    case '\'':
                        target = parseSingleQuote(target);
                        break;
                    case '"':
                        target = parseDoubleQuote(target);
                        break;
                    case '#':
                        buf[pos] = 0;
                        break loop;
                    case 0:
                        break loop;
                    case ';':
                        next = false;
                        break loop;
                    case '\\':
                        if (!parseBackslash()) continue; // to the loop condition, as in C
                        target = addc(target);
                        break;
                    default:
                        target = addc(target);
                        break;
                }
            } while (cur() != 0 && !isspace(cur()));
            if (cur() != 0 && next) pos += 1;
            buf[target] = 0;
        }

        private int nextArg(boolean required, boolean name, boolean packageName) {
            skipWhitespace();
            int val = pos;
            if (cur() == ';') {
                buf[pos] = 0;
                pos += 1;
            } else {
                parseStr(val);
            }
            if (buf[val] == 0) {
                if (required) throw error("insufficient arguments");
                return val;
            }
            if (name && !validateStr(str(val), true, packageName)) throw error("invalid character in name field");
            return val;
        }

        private void assertEol() {
            skipWhitespace();
            int ofs = nextArg(false, false, false);
            if (buf[ofs] != 0) throw error("too many arguments");
        }

        private void increasePos(String what) {
            int add = strlen(pos) + 1;
            if (pos + add > bufFilled) throw error(what);
            pos += add;
        }

        // ---- commands (uci_parse_line, _package, _config, _option) ----

        private void parseLine() {
            skipWhitespace();
            while (true) {
                // strtok(cur, " \t"): skip delimiters, NUL-terminate the word at the next one
                int ws = pos;
                while (buf[ws] == ' ' || buf[ws] == '\t') ws++;
                if (buf[ws] == 0) return;
                int we = ws;
                while (buf[we] != 0 && buf[we] != ' ' && buf[we] != '\t') we++;
                if (buf[we] != 0) buf[we] = 0;
                String word = str(ws);
                switch (word.charAt(0)) {
                    case '#':
                        return;
                    case 'p':
                        if (!word.equals("p") && !word.equals("package")) throw error("invalid command");
                        increasePos("package without name");
                        nextArg(true, true, true);
                        assertEol();
                        break;
                    case 'c':
                        if (!word.equals("c") && !word.equals("config")) throw error("invalid command");
                        parseConfig();
                        break;
                    case 'o':
                        if (!word.equals("o") && !word.equals("option")) throw error("invalid command");
                        parseOption(false);
                        break;
                    case 'l':
                        if (!word.equals("l") && !word.equals("list")) throw error("invalid command");
                        parseOption(true);
                        break;
                    default:
                        throw error("invalid command");
                }
            }
        }

        private void parseConfig() {
            increasePos("config without name");
            int ofsType = nextArg(true, false, false);
            String type = str(ofsType);
            if (!validateStr(type, false, false)) throw error("invalid character in type field");
            int ofsName = nextArg(false, true, false);
            assertEol();
            type = str(ofsType);
            String name = str(ofsName);
            if (name.isEmpty()) {
                nSection++;
                MSection s = new MSection(anonymousName(nSection, type), type, true);
                sections.add(s);
                section = s;
                return;
            }
            MSection existing = null;
            for (MSection s : sections) if (s.name.equals(name)) existing = s;
            if (existing != null) {
                if (!existing.type.equals(type)) throw error("section of different type overwrites prior section with same name");
                section = existing;
                return;
            }
            nSection++;
            MSection s = new MSection(name, type, false);
            sections.add(s);
            section = s;
        }

        private void parseOption(boolean list) {
            if (section == null) throw error("option/list command found before the first section");
            increasePos("option without name");
            int ofsName = nextArg(true, true, false);
            int ofsValue = nextArg(false, false, false);
            assertEol();
            String name = str(ofsName);
            String value = str(ofsValue);
            MOption o = section.find(name);
            if (list) {
                if (o == null) {
                    o = new MOption(name);
                    o.list = new ArrayList<>();
                    section.options.add(o);
                } else if (o.list == null) {
                    o.list = new ArrayList<>(List.of(o.value));
                    o.value = null;
                }
                o.list.add(value);
                return;
            }
            if (value.isEmpty()) return; // uci_set with an empty value and no complete lookup: nothing happens
            if (o == null) {
                o = new MOption(name);
                section.options.add(o);
            }
            o.list = null;
            o.value = value;
        }
    }

    /** libuci's {@code uci_validate_str}: names are [A-Za-z0-9_] (plus '-' for package names); types any printable. */
    static boolean validateStr(String s, boolean name, boolean packageName) {
        if (s.isEmpty()) return false;
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (byte x : b) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') continue;
            if (c == '-' && packageName) continue;
            if (name || c < 33 || c > 126) return false;
        }
        return true;
    }

    /**
     * libuci names an anonymous section when it is created, before it has options: {@code cfg}, the package's
     * section counter (named sections count too) as {@code %02x}, and djb hash of the type modulo 2^16 as {@code %04x}.
     */
    static String anonymousName(int sectionCounter, String type) {
        long hash = 5381;
        for (byte c : type.getBytes(StandardCharsets.UTF_8)) hash = ((hash << 5) + hash + c) & 0xffffffffL;
        hash &= 0x7fffffffL;
        return String.format(Locale.ROOT, "cfg%02x%04x", sectionCounter, hash % (1 << 16));
    }
}
