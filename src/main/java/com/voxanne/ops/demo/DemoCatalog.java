package com.voxanne.ops.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The demo word lists under resources/demo, read once. */
record DemoCatalog(
        List<OrgTemplate> organizations,
        List<ServiceTemplate> services,
        List<String> firstNames,
        List<String> lastNames,
        List<Scenario> scenarios) {

    record OrgTemplate(String name, String plan, String telephonyMode, String industry, String domain, String city,
                       String loginSlug, int weight) {

        boolean hasDemoLogins() {
            return !"-".equals(loginSlug);
        }
    }

    record ServiceTemplate(String industry, String name, int durationMinutes, int pricePence) {
    }

    static DemoCatalog load() {
        List<OrgTemplate> orgs = rows("organizations.tsv").stream()
                .map(c -> new OrgTemplate(c[0], c[1], c[2], c[3], c[4], c[5], c[6], Integer.parseInt(c[7])))
                .toList();
        List<ServiceTemplate> services = rows("services.tsv").stream()
                .map(c -> new ServiceTemplate(c[0], c[1], Integer.parseInt(c[2]), Integer.parseInt(c[3])))
                .toList();
        return new DemoCatalog(orgs, services, lines("first_names.txt"), lines("last_names.txt"), readScenarios());
    }

    /**
     * The catalog with {@code count} organizations: the listed ones first, then more made from them
     * ("Oakwood Veterinary Surgery 2", …), each smaller than the last, and the largest always holding
     * a third of all calls. The listed eight stay exactly as listed (their weights already do).
     */
    DemoCatalog withOrganizations(int count) {
        if (count == organizations.size()) {
            return this;
        }
        if (count < 1) {
            throw new IllegalArgumentException("A demo needs at least one organization.");
        }
        List<OrgTemplate> orgs = new ArrayList<>(organizations.subList(0, Math.min(count, organizations.size())));
        for (int i = organizations.size(); i < count; i++) {
            OrgTemplate like = organizations.get(1 + (i - organizations.size()) % (organizations.size() - 1));
            int copy = 2 + (i - organizations.size()) / (organizations.size() - 1);
            String name = like.name() + " " + copy;
            orgs.add(new OrgTemplate(name, like.plan(), like.telephonyMode(), like.industry(), copy + like.domain(), like.city(), "-",
                    Math.max(1, 30 / (i - 2))));
        }
        int others = orgs.stream().skip(1).mapToInt(OrgTemplate::weight).sum();
        OrgTemplate first = orgs.get(0);
        orgs.set(0, new OrgTemplate(first.name(), first.plan(), first.telephonyMode(), first.industry(), first.domain(), first.city(),
                first.loginSlug(), count == 1 ? 1 : Math.max(1, others / 2)));
        return new DemoCatalog(List.copyOf(orgs), services, firstNames, lastNames, scenarios);
    }

    Scenario scenario(String key) {
        return scenarios.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("scenarios.txt has no scenario " + key));
    }

    List<ServiceTemplate> servicesOf(String industry) {
        return services.stream().filter(s -> s.industry().equals(industry)).toList();
    }

    private static List<Scenario> readScenarios() {
        List<Scenario> result = new ArrayList<>();
        String[] head = null;
        String summary = null;
        String sentiment = null;
        List<Scenario.Turn> turns = new ArrayList<>();
        for (String line : linesWithBlanks("scenarios.txt")) {
            if (line.startsWith("== ")) {
                if (head != null) {
                    result.add(scenario(head, summary, sentiment, turns));
                }
                head = line.substring(3).split("\\s*\\|\\s*");
                summary = null;
                sentiment = null;
                turns = new ArrayList<>();
            } else if (line.startsWith("summary: ")) {
                summary = line.substring("summary: ".length());
            } else if (line.startsWith("sentiment: ")) {
                sentiment = line.substring("sentiment: ".length());
            } else if (!line.isBlank() && !line.startsWith("#")) {
                boolean optional = line.startsWith("?");
                String body = optional ? line.substring(1) : line;
                boolean agent = body.startsWith("AGENT: ");
                if (!agent && !body.startsWith("CALLER: ")) {
                    throw new IllegalStateException("scenarios.txt: a turn must start with AGENT: or CALLER: — " + line);
                }
                turns.add(new Scenario.Turn(agent, optional, body.substring(body.indexOf(':') + 2)));
            }
        }
        if (head != null) {
            result.add(scenario(head, summary, sentiment, turns));
        }
        return List.copyOf(result);
    }

    private static Scenario scenario(String[] h, String summary, String sentiment, List<Scenario.Turn> turns) {
        String[] range = h[4].split("-");
        return new Scenario(h[0], "inbound".equals(h[1]), h[2], h[3], Double.parseDouble(range[0]), Double.parseDouble(range[1]),
                Integer.parseInt(h[5]), "yes".equals(h[6]), "yes".equals(h[7]), "yes".equals(h[8]), "yes".equals(h[9]), summary, sentiment,
                List.copyOf(turns));
    }

    private static List<String[]> rows(String name) {
        return lines(name).stream().map(l -> l.split("\t")).toList();
    }

    private static List<String> lines(String name) {
        return linesWithBlanks(name).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private static List<String> linesWithBlanks(String name) {
        try (InputStream in = DemoCatalog.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Demo word list /demo/" + name + " is missing from the build.");
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return r.lines().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
