package com.voxanne.ops.demo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the demo workspace feel like a live floor: now and then a call starts (in progress) in
 * one of the organizations with demo logins, and ends a little later with its transcript, summary
 * and sentiment; a good call sometimes raises a hot lead alert. Calls are modelled on earlier calls
 * of the same organization, so they read like the rest. Writes as the platform would: as the owner,
 * through the same triggers (live notices, audit) as any other write.
 */
public final class DemoTraffic implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);

    private final Jdbi owner;
    private final Duration meanGap;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-traffic");
        t.setDaemon(true);
        return t;
    });
    private List<UUID> organizations = List.of();

    private DemoTraffic(DataSource ownerDataSource, Duration meanGap) {
        this.owner = Jdbi.create(ownerDataSource);
        this.meanGap = meanGap;
    }

    /** Starts calls about every {@code meanGap} (some sooner, some later) until closed. Reads the organizations first: blocking. */
    public static DemoTraffic start(DataSource ownerDataSource, Duration meanGap) {
        DemoTraffic traffic = new DemoTraffic(ownerDataSource, meanGap);
        traffic.findOrganizations();
        traffic.finishLeftovers();
        traffic.scheduleNext();
        return traffic;
    }

    private void findOrganizations() {
        try {
            // The organizations people sign in to in the demo: where a live call is seen.
            organizations = owner.withHandle(h -> h.createQuery("""
                    select distinct p.org_id from voxconsole.console_logins l join public.profiles p on p.id = l.profile_id""")
                    .mapTo(UUID.class).list());
        } catch (RuntimeException e) {
            LOG.warn("Demo traffic found no organizations: the demo floor stays still", e);
        }
    }

    /**
     * Calls a console quit in the middle of (its demo floor stops with it) end as dropped calls,
     * rather than stay "in progress" forever; which call they were modelled on is not kept.
     */
    private void finishLeftovers() {
        try {
            owner.useHandle(h -> h.execute("""
                    update public.calls set status = 'failed', duration_seconds = 0
                    where status = 'in_progress' and vapi_call_id like 'call\\_live\\_%' and created_at < now() - interval '1 minute'"""));
        } catch (RuntimeException e) {
            LOG.debug("Demo traffic could not end earlier calls", e);
        }
    }

    private void scheduleNext() {
        long mean = meanGap.toMillis();
        long gap = (long) (mean * (0.4 + ThreadLocalRandom.current().nextDouble() * 1.2));
        timer.schedule(() -> {
            try {
                startCall();
            } catch (RuntimeException e) {
                LOG.warn("A demo call could not start", e);
            }
            scheduleNext();
        }, gap, TimeUnit.MILLISECONDS);
    }

    /** One call now; returns its id (and the one it is modelled on), or nothing when there is no organization yet. */
    public java.util.Optional<UUID> startCall() {
        if (organizations.isEmpty()) {
            return java.util.Optional.empty();
        }
        UUID org = organizations.get(ThreadLocalRandom.current().nextInt(organizations.size()));
        return owner.inTransaction(h -> {
            UUID template = model(h, org);
            if (template == null) {
                return java.util.Optional.<UUID>empty();
            }
            UUID id = h.createQuery("""
                    insert into public.calls (org_id, contact_id, call_direction, from_number, to_number, status, phone_number, caller_name,
                                              vapi_call_id)
                    select org_id, contact_id, call_direction, from_number, to_number, 'in_progress', phone_number, caller_name,
                           'call_live_' || replace(gen_random_uuid()::text, '-', '')
                    from public.calls where id = :template
                    returning id""").bind("template", template).mapTo(UUID.class).one();
            LOG.debug("Demo call {} started in organization {}", id, org);
            long talk = 8 + ThreadLocalRandom.current().nextInt(20);
            timer.schedule(() -> finish(id, template), talk, TimeUnit.SECONDS);
            return java.util.Optional.of(id);
        });
    }

    /**
     * An earlier completed call of the organization, from the last day of its history, picked at a
     * random moment through the time index. Its words are copied into the live call, and the
     * days it books are one to fourteen days after it: a model from months ago would have a call of
     * today book "Monday 17 August".
     */
    private static UUID model(Handle h, UUID org) {
        return model(h, org, "interval '1 day'").or(() -> model(h, org, "interval '100 years'")).orElse(null);
    }

    /** {@code recent} is one of this class's two constants: how far back from the newest call a model may be. */
    private static java.util.Optional<UUID> model(Handle h, UUID org, String recent) {
        return h.createQuery("""
                with span as (select greatest(min(created_at), max(created_at) - %s) as first, max(created_at) as last from public.calls
                              where org_id = :org and vapi_call_id not like 'call\\_live\\_%%')
                select c.id from public.calls c, span
                where c.org_id = :org and c.status = 'completed' and c.transcript is not null and c.vapi_call_id not like 'call\\_live\\_%%'
                  and c.created_at >= span.first + (span.last - span.first) * random()
                order by c.created_at limit 1""".formatted(recent)).bind("org", org).mapTo(UUID.class).findOne();
    }

    private void finish(UUID id, UUID template) {
        try {
            owner.useTransaction(h -> {
                h.createUpdate("""
                        update public.calls c set status = 'completed', duration_seconds = t.duration_seconds, transcript = t.transcript,
                               summary = t.summary, sentiment_label = t.sentiment_label, sentiment_score = t.sentiment_score,
                               sentiment_summary = t.sentiment_summary, sentiment_urgency = t.sentiment_urgency
                        from public.calls t where c.id = :id and t.id = :template""")
                        .bind("id", id).bind("template", template).execute();
                // A happy caller who is a known contact is sometimes a hot lead.
                if (ThreadLocalRandom.current().nextInt(4) == 0) {
                    h.createUpdate("""
                            insert into public.hot_lead_alerts (org_id, contact_id, call_id, reason, lead_score, urgency)
                            select c.org_id, c.contact_id, c.id, 'Asked about prices and wants to book soon: call back today.',
                                   80 + floor(random() * 20)::int, 'high'
                            from public.calls c where c.id = :id and c.contact_id is not null and c.sentiment_label = 'positive'""")
                            .bind("id", id).execute();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("A demo call could not finish", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
