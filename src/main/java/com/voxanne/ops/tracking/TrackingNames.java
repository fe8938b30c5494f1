package com.voxanne.ops.tracking;

import java.util.Locale;
import java.util.Map;

/**
 * Campaign tags as a person says them: "pricing-page" reads "Pricing page", "google" reads
 * "Google", "paid-social" reads "Paid social". The tags are what the web app's links carry
 * (utm_source, utm_campaign), so the table keeps the tag itself in a tooltip for whoever set them up.
 */
final class TrackingNames {

    /** Names whose capitals are not just the first letter. */
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("google", "Google"), Map.entry("bing", "Bing"), Map.entry("facebook", "Facebook"),
            Map.entry("instagram", "Instagram"), Map.entry("linkedin", "LinkedIn"), Map.entry("tiktok", "TikTok"),
            Map.entry("youtube", "YouTube"), Map.entry("yelp", "Yelp"), Map.entry("cpc", "Paid search (CPC)"),
            Map.entry("sms", "SMS"), Map.entry("seo", "SEO"));

    private TrackingNames() {
    }

    static String readable(String tag) {
        if (tag == null || tag.isBlank()) {
            return "";
        }
        String known = KNOWN.get(tag.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        StringBuilder words = new StringBuilder();
        for (String word : tag.strip().split("[-_+ ]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String name = KNOWN.get(word.toLowerCase(Locale.ROOT));
            words.append(words.isEmpty() ? "" : " ").append(name != null ? name : word.toLowerCase(Locale.ROOT));
        }
        if (words.isEmpty()) {
            return tag;
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
