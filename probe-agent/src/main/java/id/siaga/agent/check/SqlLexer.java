package id.siaga.agent.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL into tokens the way one database kind reads it: comments are dropped, string literals become
 * {@link Kind#STRING} tokens without their text, quoted identifiers ({@code "x"}, MariaDB {@code `x`}) become
 * {@link Kind#QUOTED} tokens carrying the name they spell, unquoted words are upper-cased. Text a server would
 * refuse to read (an unclosed quote or comment) is refused here too, with a plain-words reason.
 */
final class SqlLexer {

    /** What a token is. */
    enum Kind {
        /** An unquoted word: a keyword or an identifier, upper-cased. */
        WORD,
        /** A quoted identifier; the text is the name as spelled, escapes resolved, case kept. */
        QUOTED,
        /** A string literal (its content is not kept). */
        STRING,
        /** A number. */
        NUMBER,
        /** One character of punctuation or an operator. */
        SYMBOL
    }

    /** One token. */
    record Token(Kind kind, String text) {

        boolean is(String symbolOrWord) {
            return (kind == Kind.SYMBOL || kind == Kind.WORD) && text.equals(symbolOrWord);
        }

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }

        /** @return the name upper-cased, for comparing with lists of names regardless of quoting */
        String upperName() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    /**
     * One way a server may read text, depending on its settings.
     *
     * @param dialect             the database kind
     * @param backslashInStrings  whether {@code \} escapes the next character in {@code '…'} (PostgreSQL with
     *                            {@code standard_conforming_strings=off}; MariaDB without
     *                            {@code NO_BACKSLASH_ESCAPES})
     * @param backslashInDoubles  whether {@code \} escapes the next character in {@code "…"} (MariaDB without
     *                            {@code ANSI_QUOTES} and without {@code NO_BACKSLASH_ESCAPES})
     */
    record Reading(SqlDialect dialect, boolean backslashInStrings, boolean backslashInDoubles) {

        /** @return every reading the given dialect's servers may apply */
        static List<Reading> of(SqlDialect dialect) {
            List<Reading> readings = new ArrayList<>();
            for (SqlDialect d : dialect.concrete()) {
                switch (d) {
                    case POSTGRESQL -> {
                        readings.add(new Reading(d, false, false));
                        readings.add(new Reading(d, true, false));
                    }
                    case MARIADB -> {
                        readings.add(new Reading(d, true, true));
                        readings.add(new Reading(d, true, false));
                        readings.add(new Reading(d, false, false));
                    }
                    default -> readings.add(new Reading(d, false, false));
                }
            }
            return readings;
        }
    }

    /** Thrown for text the lexer refuses to read; the message says why in plain words. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private final String sql;
    private final Reading reading;
    private final List<Token> tokens = new ArrayList<>();
    private int i;

    private SqlLexer(String sql, Reading reading) {
        this.sql = sql;
        this.reading = reading;
    }

    /** @return the tokens of {@code sql} under {@code reading} */
    static List<Token> tokens(String sql, Reading reading) throws Unreadable {
        SqlLexer lexer = new SqlLexer(sql, reading);
        lexer.run();
        return lexer.tokens;
    }

    private void run() throws Unreadable {
        SqlDialect dialect = reading.dialect();
        boolean inExecutableComment = false;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && at(i + 1) == '-' && (dialect != SqlDialect.MARIADB || i + 2 >= n || at(i + 2) <= ' ')) {
                skipLine();
            } else if (c == '#' && dialect == SqlDialect.MARIADB) {
                skipLine();
            } else if (dialect == SqlDialect.MARIADB && (sql.startsWith("/*!", i) || sql.startsWith("/*M!", i))) {
                i += at(i + 2) == '!' ? 3 : 4;
                inExecutableComment = true;
            } else if (inExecutableComment && sql.startsWith("*/", i)) {
                i += 2;
                inExecutableComment = false;
            } else if (c == '/' && at(i + 1) == '*') {
                skipComment(dialect == SqlDialect.POSTGRESQL);
            } else if (c == '\'') {
                quoted('\'', reading.backslashInStrings(), Kind.STRING);
            } else if (c == '"') {
                if (dialect == SqlDialect.ORACLE) {
                    oracleIdentifier();
                } else {
                    quoted('"', dialect == SqlDialect.MARIADB && reading.backslashInDoubles(), Kind.QUOTED);
                }
            } else if (c == '`' && dialect == SqlDialect.MARIADB) {
                quoted('`', false, Kind.QUOTED);
            } else if (c == '$' && dialect == SqlDialect.POSTGRESQL && dollarTagEnd(i) > 0) {
                dollarQuoted();
            } else if (Character.isDigit(c) || c == '.' && Character.isDigit(at(i + 1))) {
                number();
            } else if (Character.isLetter(c) || c == '_' || c > 127 && !Character.isWhitespace(c)) {
                word();
            } else {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                i++;
            }
        }
        if (inExecutableComment) {
            throw new Unreadable("a /*! comment */ is not closed");
        }
    }

    private char at(int index) {
        return index < sql.length() ? sql.charAt(index) : '\0';
    }

    private void skipLine() {
        while (i < sql.length() && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
            i++;
        }
    }

    private void skipComment(boolean nested) throws Unreadable {
        int depth = 0;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i) && (nested || depth == 0)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                i++;
            }
        }
        throw new Unreadable("a /* comment */ is not closed");
    }

    /** Reads {@code quote … quote}, where a doubled quote stands for one and, if asked, {@code \} escapes. */
    private void quoted(char quote, boolean backslashEscapes, Kind kind) throws Unreadable {
        StringBuilder name = new StringBuilder();
        int j = i + 1;
        int n = sql.length();
        while (j < n) {
            char c = sql.charAt(j);
            if (backslashEscapes && c == '\\') {
                if (j + 1 < n) {
                    name.append(sql.charAt(j + 1));
                }
                j += 2;
            } else if (c == quote) {
                if (j + 1 < n && sql.charAt(j + 1) == quote) {
                    name.append(quote);
                    j += 2;
                } else {
                    i = j + 1;
                    addQuoted(kind, name.toString(), quote);
                    return;
                }
            } else {
                name.append(c);
                j++;
            }
        }
        throw new Unreadable(kind == Kind.STRING ? "a quoted text (" + quote + "…) is not closed"
                : "a quoted name (" + quote + "…) is not closed");
    }

    private void addQuoted(Kind kind, String text, char quote) throws Unreadable {
        if (kind == Kind.STRING) {
            tokens.add(new Token(Kind.STRING, "'…'"));
        } else if (text.isEmpty()) {
            throw new Unreadable("an empty quoted name (" + quote + quote + ") is not allowed");
        } else {
            tokens.add(new Token(Kind.QUOTED, text));
        }
    }

    /** Oracle's {@code "name"}: ends at the next double quote; a name cannot contain one. */
    private void oracleIdentifier() throws Unreadable {
        int close = sql.indexOf('"', i + 1);
        if (close < 0) {
            throw new Unreadable("a quoted name (\"…) is not closed");
        }
        String name = sql.substring(i + 1, close);
        i = close + 1;
        addQuoted(Kind.QUOTED, name, '"');
    }

    private void dollarQuoted() throws Unreadable {
        int tagEnd = dollarTagEnd(i);
        String tag = sql.substring(i, tagEnd);
        int close = sql.indexOf(tag, tagEnd);
        if (close < 0) {
            throw new Unreadable("a " + tag + " quoted text is not closed");
        }
        i = close + tag.length();
        tokens.add(new Token(Kind.STRING, "'…'"));
    }

    /** @return the index after a dollar-quote tag such as {@code $$} or {@code $body$} starting at {@code start}, or -1 */
    private int dollarTagEnd(int start) {
        int j = start + 1;
        while (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) > 127
                || j > start + 1 && Character.isDigit(sql.charAt(j)))) {
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? j + 1 : -1;
    }

    /**
     * Reads a number: digits (with {@code _} between them), a decimal part, an exponent. Letters right after it
     * start a new word ({@code 1into} is {@code 1 INTO} to PostgreSQL 14 and Oracle), except on MariaDB, where
     * digits followed by letters are one name ({@code 1abc}); {@link ReadOnlySql} also checks what follows the
     * digits of such a name.
     */
    private void number() {
        int start = i;
        digits();
        boolean plain = true;
        if (at(i) == '.') {
            plain = false;
            i++;
            digits();
        }
        char e = at(i);
        if ((e == 'e' || e == 'E') && (Character.isDigit(at(i + 1))
                || (at(i + 1) == '+' || at(i + 1) == '-') && Character.isDigit(at(i + 2)))) {
            plain = false;
            i += 2;
            digits();
        }
        if (plain && reading.dialect() == SqlDialect.MARIADB && i < sql.length() && isWordPart(sql.charAt(i))) {
            while (i < sql.length() && isWordPart(sql.charAt(i))) {
                i++;
            }
            tokens.add(new Token(Kind.WORD, sql.substring(start, i).toUpperCase(Locale.ROOT)));
            return;
        }
        tokens.add(new Token(Kind.NUMBER, sql.substring(start, i)));
    }

    private void digits() {
        while (i < sql.length() && (Character.isDigit(sql.charAt(i))
                || sql.charAt(i) == '_' && Character.isDigit(at(i + 1)) && i > 0 && Character.isDigit(sql.charAt(i - 1)))) {
            i++;
        }
    }

    private void word() throws Unreadable {
        int start = i;
        while (i < sql.length() && isWordPart(sql.charAt(i))) {
            i++;
        }
        String word = sql.substring(start, i).toUpperCase(Locale.ROOT);
        SqlDialect dialect = reading.dialect();
        char next = at(i);
        if (dialect == SqlDialect.POSTGRESQL && word.equals("E") && next == '\'') {
            quoted('\'', true, Kind.STRING);
        } else if (dialect == SqlDialect.POSTGRESQL && word.equals("U") && next == '&' && at(i + 1) == '"') {
            throw new Unreadable("Unicode-escaped names (U&\"…\") are not allowed; write the name plainly");
        } else if (dialect == SqlDialect.POSTGRESQL && word.equals("U") && next == '&' && at(i + 1) == '\'') {
            i++;
            quoted('\'', false, Kind.STRING);
        } else if (dialect == SqlDialect.ORACLE && (word.equals("Q") || word.equals("NQ")) && next == '\'') {
            oracleQuoted();
        } else {
            tokens.add(new Token(Kind.WORD, word));
        }
    }

    private boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127 && !Character.isWhitespace(c)
                || c == '#' && reading.dialect() == SqlDialect.ORACLE;
    }

    /** Oracle's {@code q'[…]'}: the character after the quote opens, its pair (or itself) followed by a quote closes. */
    private void oracleQuoted() throws Unreadable {
        char open = at(i + 1);
        if (i + 1 >= sql.length() || Character.isWhitespace(open)) {
            throw new Unreadable("a q'…' quoted text has no delimiter");
        }
        char close = switch (open) {
            case '[' -> ']';
            case '{' -> '}';
            case '<' -> '>';
            case '(' -> ')';
            default -> open;
        };
        int end = sql.indexOf(close + "'", i + 2);
        if (end < 0) {
            throw new Unreadable("a q'" + open + "…" + close + "' quoted text is not closed");
        }
        i = end + 2;
        tokens.add(new Token(Kind.STRING, "'…'"));
    }
}
