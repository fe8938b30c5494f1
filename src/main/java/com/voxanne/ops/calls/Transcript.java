package com.voxanne.ops.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A call transcript as speaker turns. The platform writes one turn per line, "AGENT: …" or "CALLER: …". */
public record Transcript(List<Turn> turns) {

    public enum Speaker { AGENT, CALLER, OTHER }

    public record Turn(Speaker speaker, String text) {
    }

    public static Transcript parse(String text) {
        List<Turn> turns = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new Transcript(List.of());
        }
        // Split by hand: a regular expression here was a tenth of an export's time.
        int start = 0;
        while (start <= text.length()) {
            int end = start;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String line = text.substring(start, end);
            // \r\n, \n and a lone \r all end a line.
            start = end + (end + 1 < text.length() && text.charAt(end) == '\r' && text.charAt(end + 1) == '\n' ? 2 : 1);
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String label = colon > 0 ? line.substring(0, colon).strip().toUpperCase(Locale.ROOT) : "";
            Speaker speaker = switch (label) {
                case "AGENT", "ASSISTANT", "AI", "BOT" -> Speaker.AGENT;
                case "CALLER", "USER", "CUSTOMER" -> Speaker.CALLER;
                default -> Speaker.OTHER;
            };
            String body = speaker == Speaker.OTHER ? line.strip() : line.substring(colon + 1).strip();
            // A line without a speaker continues the previous turn (a transcript wrapped by another tool).
            if (speaker == Speaker.OTHER && !turns.isEmpty()) {
                Turn last = turns.remove(turns.size() - 1);
                turns.add(new Turn(last.speaker(), last.text() + " " + body));
            } else {
                turns.add(new Turn(speaker, body));
            }
        }
        return new Transcript(List.copyOf(turns));
    }

    /** Where {@code needle} occurs, case-insensitively, as (turn index, offset) pairs in reading order. */
    public List<Match> find(String needle) {
        List<Match> matches = new ArrayList<>();
        if (needle == null || needle.isBlank()) {
            return matches;
        }
        String n = needle.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < turns.size(); i++) {
            String hay = turns.get(i).text().toLowerCase(Locale.ROOT);
            for (int at = hay.indexOf(n); at >= 0; at = hay.indexOf(n, at + n.length())) {
                matches.add(new Match(i, at, n.length()));
            }
        }
        return matches;
    }

    public record Match(int turn, int start, int length) {
    }
}
