package com.voxanne.ops.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated text of the kind a person types or pastes into a search or filter field, biased to what
 * breaks queries: quotes, backslashes, LIKE wildcards, tsquery operators, SQL fragments, control
 * characters and NUL, lone surrogates, right-to-left marks, emoji, and pages of text. Seeded, so a
 * failure names the seed that reproduces it (-Dvoxconsole.hostile.seed=…).
 */
final class HostileText {

    private static final List<String> TOKENS = List.of("'", "''", "\"", "\\", "\\\\", "%", "_", "%_%", "&", "|", "!", "<->", "<2>", ":*",
            ":A", "(", ")", "-", "or", "and", "not", "\u0000", "\t", "\n", "\r", "\u001b[31m", "\u0007", "\u202e", "😀", "é", "ß", "İ",
            "refund", "appointment", "Archie", "Bell", "O'Brien", "07700", "+44", "select", "drop table calls;", "--", "/*", "*/", "$1",
            ":text", "{}", "[]", "\\x00", "%00", "\uFFFF", "\uD83D", "\uDE00");

    private final Random random;
    final long seed;

    HostileText() {
        this.seed = Long.getLong("voxconsole.hostile.seed", System.nanoTime());
        this.random = new Random(seed);
    }

    List<String> cases(int count) {
        List<String> out = new ArrayList<>(List.of("", " ", "\u0000", "%", "_", "\\", "'", "!", "&", "|", ":*", "()", "\u0000refund"));
        while (out.size() < count) {
            out.add(next());
        }
        return out;
    }

    private String next() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2, 3 -> join(" ");
            case 4, 5, 6 -> join("");
            case 7, 8 -> anyChars(random.nextInt(60));
            default -> pages();
        };
    }

    private String join(String separator) {
        int n = 1 + random.nextInt(12);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(TOKENS.get(random.nextInt(TOKENS.size())));
        }
        return String.join(separator, parts);
    }

    /** Any UTF-16 units at all, lone surrogates and control characters included. */
    private String anyChars(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append((char) random.nextInt(random.nextBoolean() ? 128 : 0x10000));
        }
        return b.toString();
    }

    private String pages() {
        String alphabet = "ab%_\\' &|!";
        StringBuilder b = new StringBuilder();
        int length = 5_000 + random.nextInt(15_000);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
