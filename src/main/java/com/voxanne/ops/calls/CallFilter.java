package com.voxanne.ops.calls;

import com.voxanne.ops.signals.SignalKind;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What the supervisor asked the call log for, as they see it (local dates, a contact by name).
 * Immutable, so the workspace can keep a history of filters for "Back".
 */
public record CallFilter(
        LocalDate from,
        LocalDate to,
        Set<String> directions,
        Set<String> statuses,
        Set<String> sentimentLabels,
        Set<String> urgencies,
        UUID contactId,
        String contactName,
        String text,
        CallSort sort,
        Set<SignalKind> signals) {

    public static final CallFilter NONE = new CallFilter(null, null, Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, CallSort.NEWEST,
            Set.of());

    public CallFilter {
        directions = Set.copyOf(directions);
        statuses = Set.copyOf(statuses);
        sentimentLabels = Set.copyOf(sentimentLabels);
        urgencies = Set.copyOf(urgencies);
        text = text == null || text.isBlank() ? null : text.strip();
        sort = sort == null ? CallSort.NEWEST : sort;
        signals = signals == null || signals.isEmpty() ? Set.of() : Set.copyOf(signals);
    }

    /** A removable chip: what the filter says, and the filter without it. */
    public record Chip(String label, CallFilter without) {
    }

    public CallLogQuery toQuery(UUID orgId, ZoneId zone, int pageSize) {
        CallLogQuery q = CallLogQuery.firstPage(orgId, pageSize)
                .withDirections(directions).withStatuses(statuses).withSentimentLabels(sentimentLabels).withUrgencies(urgencies)
                .withContact(contactId).withText(text).sorted(sort).withSignals(signals);
        // "To" is inclusive for a person: calls on that day count.
        return q.between(from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    public List<Chip> chips() {
        List<Chip> chips = new ArrayList<>();
        if (text != null) {
            chips.add(new Chip("Search: " + text, withText(null)));
        }
        if (from != null || to != null) {
            String range = from != null && to != null ? (from.equals(to) ? day(from, to) : day(from, to) + " – " + day(to, from))
                    : from != null ? "from " + day(from, from) : "until " + day(to, to);
            chips.add(new Chip("Date: " + range, between(null, null)));
        }
        addSetChips(chips, "Direction", directions, this::withDirections);
        addSetChips(chips, "Status", statuses, this::withStatuses);
        addSetChips(chips, "Sentiment", sentimentLabels, this::withSentimentLabels);
        addSetChips(chips, "Urgency", urgencies, this::withUrgencies);
        if (contactId != null) {
            chips.add(new Chip("Contact: " + (contactName == null ? "selected contact" : contactName), withContact(null, null)));
        }
        for (SignalKind kind : new TreeSet<>(signals)) {
            Set<SignalKind> rest = new TreeSet<>(signals);
            rest.remove(kind);
            // Without dates, a signal filter looks at the last 30 days (CallLogService.SIGNAL_DAYS): the chip says so.
            chips.add(new Chip("Signal: " + kind.label().toLowerCase(Locale.ROOT)
                    + (from == null && to == null ? " (last " + CallLogService.SIGNAL_DAYS + " days)" : ""), withSignals(rest)));
        }
        return chips;
    }

    /** "7 Nov", as dates read everywhere in the console; with the year when the range spans two. */
    private static String day(LocalDate date, LocalDate other) {
        return java.time.format.DateTimeFormatter.ofPattern(date.getYear() == other.getYear() ? "d MMM" : "d MMM yyyy", java.util.Locale.UK)
                .format(date);
    }

    private static void addSetChips(List<Chip> chips, String name, Set<String> values,
                                    java.util.function.Function<Set<String>, CallFilter> with) {
        for (String v : new TreeSet<>(values)) {
            Set<String> rest = new TreeSet<>(values);
            rest.remove(v);
            chips.add(new Chip(name + ": " + v.replace('_', ' ').toLowerCase(Locale.ROOT), with.apply(rest)));
        }
    }

    /** The order of the log; not a chip, since it hides no calls. */
    public CallFilter sortedBy(CallSort order) {
        return new CallFilter(from, to, directions, statuses, sentimentLabels, urgencies, contactId, contactName, text, order, signals);
    }

    public CallFilter withText(String value) {
        return new CallFilter(from, to, directions, statuses, sentimentLabels, urgencies, contactId, contactName, value, sort, signals);
    }

    public CallFilter between(LocalDate fromDay, LocalDate toDay) {
        return new CallFilter(fromDay, toDay, directions, statuses, sentimentLabels, urgencies, contactId, contactName, text, sort, signals);
    }

    public CallFilter withDirections(Set<String> values) {
        return new CallFilter(from, to, values, statuses, sentimentLabels, urgencies, contactId, contactName, text, sort, signals);
    }

    public CallFilter withStatuses(Set<String> values) {
        return new CallFilter(from, to, directions, values, sentimentLabels, urgencies, contactId, contactName, text, sort, signals);
    }

    public CallFilter withSentimentLabels(Set<String> values) {
        return new CallFilter(from, to, directions, statuses, values, urgencies, contactId, contactName, text, sort, signals);
    }

    public CallFilter withUrgencies(Set<String> values) {
        return new CallFilter(from, to, directions, statuses, sentimentLabels, values, contactId, contactName, text, sort, signals);
    }

    public CallFilter withContact(UUID id, String name) {
        return new CallFilter(from, to, directions, statuses, sentimentLabels, urgencies, id, name, text, sort, signals);
    }

    public CallFilter withSignals(Set<SignalKind> kinds) {
        return new CallFilter(from, to, directions, statuses, sentimentLabels, urgencies, contactId, contactName, text, sort, kinds);
    }
}
