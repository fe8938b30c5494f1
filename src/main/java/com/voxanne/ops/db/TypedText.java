package com.voxanne.ops.db;

/**
 * What a person typed into a search or filter field, made safe to send as a parameter. Values are
 * always bound, never spliced into SQL, so quotes, backslashes and operators are just characters;
 * what remains are the few things PostgreSQL refuses or that only a paste can produce: a NUL
 * (text cannot hold one: the query would fail), other control characters, and megabytes of text.
 */
public final class TypedText {

    /** Longer than any name, number or phrase anyone searches for; the rest is cut, not refused. */
    public static final int MAX_LENGTH = 200;

    private TypedText() {
    }

    /** Control characters become spaces, the ends are trimmed, and at most {@link #MAX_LENGTH} characters are kept; null stays null. */
    public static String clean(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(typed.length(), MAX_LENGTH));
        typed.codePoints().limit(MAX_LENGTH * 2L).forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        String cleaned = out.toString().strip();
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH)).strip();
        }
        return cleaned;
    }

    /** {@link #clean}, and null when nothing is left: an empty search is no search. */
    public static String cleanOrNull(String typed) {
        String cleaned = clean(typed);
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }
}
