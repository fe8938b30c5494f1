package com.voxanne.ops.app;

import com.voxanne.ops.admin.AdminView;
import com.voxanne.ops.admin.OrgSettingsService;
import com.voxanne.ops.admin.OrgSettingsViewModel;
import com.voxanne.ops.alerts.Alert;
import com.voxanne.ops.alerts.AlertPreferences;
import com.voxanne.ops.alerts.AlertRuleService;
import com.voxanne.ops.alerts.AlertRulesViewModel;
import com.voxanne.ops.alerts.AlertService;
import com.voxanne.ops.alerts.AlertsView;
import com.voxanne.ops.alerts.AlertsViewModel;
import com.voxanne.ops.appointments.AppointmentService;
import com.voxanne.ops.appointments.AppointmentsView;
import com.voxanne.ops.appointments.AppointmentsViewModel;
import com.voxanne.ops.audit.AuditLogService;
import com.voxanne.ops.audit.AuditLogView;
import com.voxanne.ops.audit.AuditLogViewModel;
import com.voxanne.ops.setup.ReferenceCache;
import com.voxanne.ops.setup.ReferenceService;
import com.voxanne.ops.setup.SetupView;
import com.voxanne.ops.setup.SetupViewModel;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.calls.CallLogService;
import com.voxanne.ops.calls.CallsView;
import com.voxanne.ops.quality.CallReviewSection;
import com.voxanne.ops.quality.CallReviewViewModel;
import com.voxanne.ops.quality.EvaluationService;
import com.voxanne.ops.quality.EvaluationViewModel;
import com.voxanne.ops.quality.OfflineReviewFile;
import com.voxanne.ops.quality.QualityService;
import com.voxanne.ops.quality.QualityView;
import com.voxanne.ops.quality.QualityViewModel;
import com.voxanne.ops.quality.ReviewQueueService;
import com.voxanne.ops.quality.ReviewSettingsService;
import com.voxanne.ops.quality.ReviewView;
import com.voxanne.ops.quality.ReviewViewModel;
import com.voxanne.ops.quality.ScorecardService;
import com.voxanne.ops.calls.CallsViewModel;
import com.voxanne.ops.contacts.ContactService;
import com.voxanne.ops.contacts.ContactsView;
import com.voxanne.ops.contacts.ContactsViewModel;
import com.voxanne.ops.files.StorageProblem;
import com.voxanne.ops.leads.LeadService;
import com.voxanne.ops.leads.LeadsView;
import com.voxanne.ops.leads.LeadsViewModel;
import com.voxanne.ops.live.ChangeFeed;
import com.voxanne.ops.prefs.UserPreferences;
import com.voxanne.ops.profiles.PeopleView;
import com.voxanne.ops.profiles.PeopleViewModel;
import com.voxanne.ops.profiles.ProfileService;
import com.voxanne.ops.setup.KnowledgeBaseService;
import com.voxanne.ops.setup.KnowledgeBaseView;
import com.voxanne.ops.setup.KnowledgeBaseViewModel;
import com.voxanne.ops.sentiment.SentimentService;
import com.voxanne.ops.sentiment.SentimentView;
import com.voxanne.ops.sentiment.SentimentViewModel;
import com.voxanne.ops.shell.ConnectionCheck;
import com.voxanne.ops.shell.ConnectionStatusViewModel;
import com.voxanne.ops.shell.MainView;
import com.voxanne.ops.shell.Workspace;
import com.voxanne.ops.signin.SignedIn;
import com.voxanne.ops.signals.SignalService;
import com.voxanne.ops.tracking.TrackingService;
import com.voxanne.ops.tracking.TrackingView;
import com.voxanne.ops.tracking.TrackingViewModel;
import com.voxanne.ops.ui.RememberedSplits;
import com.voxanne.ops.mvvm.UiExecutors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the window shows for one signed-in person: the workspaces their role opens, their view
 * models wired to each other (drill-downs) and to the live feed, and the connection heartbeat.
 * Built on sign-in, closed on sign-out; the application around it keeps the stage, the theme and
 * the preferences.
 */
public final class SignedInConsole implements AutoCloseable {

    /** What the window offers every signed-in console. */
    public record Shell(Runnable toggleTheme, Runnable signOut, Runnable signOutAndForget, Consumer<String> showDocument) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SignedInConsole.class);

    private final SignedIn session;
    private final UiExecutors executors;
    private final UserPreferences preferences;
    private final ZoneId zone = ZoneId.systemDefault();
    private final List<Runnable> onClose = new ArrayList<>();
    private MainView mainView;
    private Label pollingNotice;
    private CallsViewModel calls;
    private CallsView callsView;
    private AppointmentsViewModel appointments;
    private AppointmentsView appointmentsView;
    private SentimentViewModel sentiment;
    private CallLogService callLog;
    private SignalService signals;
    private AlertsViewModel alerts;

    /** What the window around the workspaces does for them (theme, sign-out, opening a link); set by {@link #build}. */
    private Shell shell;

    public SignedInConsole(SignedIn session, UiExecutors executors, UserPreferences preferences) {
        this.session = session;
        this.executors = executors;
        this.preferences = preferences;
    }

    /**
     * The signed-in window's content for a database session (the organization's server, the demo
     * workspace, or a bundle under review).
     *
     * @param cache where the person's reference setup is kept on this computer (null for a bundle under review)
     */
    public MainView build(Shell shell, ReferenceCache cache) {
        this.shell = shell;
        var jdbi = session.database().jdbi();
        var s = session.session();
        var org = s.orgId();
        var bg = executors.background();
        var fx = executors.fx();
        java.util.function.BiFunction<String, String, Consumer<CallFilter>> showCallsFrom = (id, name) -> filter -> {
            calls.apply(filter, new CallsViewModel.Origin(name, () -> mainView.show(id)));
            mainView.show("calls");
        };
        signals = new SignalService(jdbi);
        callLog = new CallLogService(jdbi, signals, Clock.systemUTC());
        calls = new CallsViewModel(callLog, bg, fx, org, zone);
        callsView = new CallsView(calls, shell.showDocument()::accept);
        sentiment = new SentimentViewModel(new SentimentService(jdbi), signals, bg, fx, org, zone, LocalDate.now(zone),
                showCallsFrom.apply("sentiment", "Sentiment"));
        // A bundle's copy is read, never edited: its reviewer is a manager there only to evaluate.
        appointments = new AppointmentsViewModel(new AppointmentService(jdbi, callLog), bg, fx, org, zone, LocalDate.now(zone),
                s.isManagerOrAdmin() && !session.offlineReview(), showCallsFrom.apply("appointments", "Appointments"));
        appointmentsView = new AppointmentsView(appointments);
        SentimentView sentimentView = new SentimentView(sentiment);
        calls.detail().setAppointmentOpener(a -> {
            appointments.open(a.id(), a.scheduledAt());
            mainView.show("appointments");
        });

        List<Workspace> pages = new ArrayList<>(List.of(
                new Workspace("calls", "Calls", Material2AL.CALL, callsView),
                new Workspace("sentiment", "Sentiment", Material2MZ.MOOD, sentimentView, sentiment::refresh),
                new Workspace("appointments", "Appointments", Material2AL.EVENT, appointmentsView, appointments::refresh)));
        if (session.offlineReview()) {
            // A bundle holds calls, their contacts, appointments and tracking: exactly these workspaces, and the review of its calls.
            pages.add(offlineReview(jdbi));
            mainView = new MainView(session, pages, shell.toggleTheme(), shell.signOut(), shell.signOutAndForget());
        } else {
            pages.addAll(liveWorkspaces(jdbi, showCallsFrom, cache));
            sentimentView.showOpenAlerts(alerts.unacknowledgedCount());
            mainView = new MainView(session, pages, shell.toggleTheme(), shell.signOut(), shell.signOutAndForget());
            watchConnection();
        }
        MainView shown = mainView;
        List<StorageProblem> stores = cache == null ? List.of(preferences.problem()) : List.of(preferences.problem(), cache.problem());
        for (StorageProblem problem : stores) {
            problem.tell(sentence -> executors.fx().execute(() -> shown.showStorageNotice(sentence)));
            onClose.add(() -> problem.tell(sentence -> { }));
        }
        RememberedSplits.remember(callsView, preferences, "callsSplit");
        RememberedSplits.remember(appointmentsView, preferences, "appointmentsSplit");
        calls.refresh();
        return mainView;
    }

    /** The workspaces of a live organization (server or demo): contacts, alerts, tracking, setup, and admin for admins. */
    private List<Workspace> liveWorkspaces(org.jdbi.v3.core.Jdbi jdbi, java.util.function.BiFunction<String, String, Consumer<CallFilter>> showCallsFrom,
                                           ReferenceCache cache) {
        var s = session.session();
        var org = s.orgId();
        var bg = executors.background();
        var fx = executors.fx();
        var columns = session.database().columns();
        ChangeFeed feed = new ChangeFeed(() -> session.database().openDedicated("voxconsole-live"));
        onClose.add(feed::close);

        LeadService leadService = new LeadService(jdbi, columns);
        ContactsViewModel contacts = new ContactsViewModel(new ContactService(jdbi, callLog, leadService), bg, fx, org, s.isManagerOrAdmin(),
                showCallsFrom.apply("contacts", "Contacts"));
        LeadsViewModel leads = new LeadsViewModel(leadService, bg, fx, s.isManagerOrAdmin());
        TabPane contactTabs = tabs("contactTabs", new Tab("Contacts", new ContactsView(contacts, zone)),
                new Tab("Pipeline", LeadsView.pipeline(leads, columns)));
        if (s.isManagerOrAdmin()) {
            contactTabs.getTabs().add(new Tab("Website sign-ups", LeadsView.signUps(leads, zone)));
        }

        alerts = new AlertsViewModel(new AlertService(jdbi, columns), bg, fx, org, zone, s.isManagerOrAdmin(), Clock.systemUTC(),
                showCallsFrom.apply("alerts", "Alerts"));
        AlertPreferences.remember(alerts, preferences, bg);
        if (s.isManagerOrAdmin()) {
            ReviewQueueService reviewQueue = new ReviewQueueService(jdbi);
            alerts.setReviewSender(call -> reviewQueue.send(call, null));
        }
        AlertRulesViewModel rules = new AlertRulesViewModel(new AlertRuleService(jdbi, columns), bg, fx, s.isAdmin());
        TrackingViewModel tracking = new TrackingViewModel(new TrackingService(jdbi), bg, fx, org, zone, LocalDate.now(zone));
        SetupViewModel setup = new SetupViewModel(new ReferenceService(jdbi, cache, columns), bg, fx);
        KnowledgeBaseViewModel knowledge = new KnowledgeBaseViewModel(new KnowledgeBaseService(jdbi, columns), bg, fx);
        TabPane setupTabs = tabs("setupTabs", new Tab("Configuration", new SetupView(setup)), new Tab("Knowledge base", new KnowledgeBaseView(knowledge, zone, columns, shell.showDocument())));

        QualityParts q = qualityReview(jdbi);

        List<Workspace> pages = new ArrayList<>(List.of(
                new Workspace("review", "Review", Material2MZ.RATE_REVIEW, new ReviewView(q.review()), q.review()::refresh),
                new Workspace("quality", "Quality", Material2AL.INSIGHTS, new QualityView(q.quality()), q.quality()::refresh),
                new Workspace("contacts", "Contacts", Material2AL.CONTACTS, contactTabs, () -> {
                    contacts.refresh();
                    leads.refresh();
                }),
                new Workspace("alerts", "Alerts", Material2MZ.NOTIFICATIONS, new AlertsView(alerts, rules), alerts.unacknowledgedCount(),
                        rules::refresh),
                new Workspace("tracking", "Tracking", Material2MZ.TRENDING_UP, new TrackingView(tracking), tracking::refresh),
                new Workspace("setup", "Setup", Material2MZ.SETTINGS, setupTabs, knowledge::refresh)));

        feed.subscribe(Set.of("calls"), changes -> fx.execute(() -> calls.onChanges(changes)));
        feed.subscribe(Set.of("appointments", "contacts"), changes -> fx.execute(() -> {
            appointments.onChanges(changes);
            contacts.onChanges(changes);
        }));
        feed.subscribe(Set.of("calls", "hot_lead_alerts"), changes -> fx.execute(() -> alerts.onChanges(changes)));
        feed.subscribe(Set.of("escalation_rules"), changes -> fx.execute(() -> rules.onChanges(changes)));
        feed.subscribe(Set.of("evaluations", "review_queue"), changes -> fx.execute(() -> {
            q.review().onChanges(changes);
            q.quality().onChanges(changes);
            q.callReview().onChanges(changes);
        }));

        if (s.isAdmin()) {
            PeopleViewModel people = new PeopleViewModel(new ProfileService(jdbi), bg, fx, true, s.profileId());
            OrgSettingsViewModel settings = new OrgSettingsViewModel(new OrgSettingsService(jdbi, columns), bg, fx, org);
            AuditLogViewModel audit = new AuditLogViewModel(new AuditLogService(jdbi, columns), bg, fx, org, zone);
            pages.add(new Workspace("admin", "Admin", Material2AL.ADMIN_PANEL_SETTINGS,
                    new AdminView(new PeopleView(people, zone), settings, new AuditLogView(audit, columns), zone, columns), () -> {
                        people.refresh();
                        settings.refresh();
                        audit.refresh();
                    }));
            feed.subscribe(Set.of("profiles"), changes -> fx.execute(() -> people.onChanges(changes)));
            feed.subscribe(Set.of("org_tools", "org_feature_flags"), changes -> fx.execute(() -> settings.onChanges(changes)));
        }
        // Alerts load at once: their count shows on the rail whatever workspace is open. The setup shows from the cache first.
        alerts.refresh();
        setup.start();
        // A feed that cannot hear the database's notices says so once, instead of a floor that looks live and is not.
        feed.onMode(mode -> {
            if (mode == ChangeFeed.Mode.POLLING) {
                session.database().sessionsAreShared();
            }
            fx.execute(() -> {
                if (mode == ChangeFeed.Mode.POLLING && mainView != null && pollingNotice == null) {
                    pollingNotice = MainView.notice("liveUpdatesOff", Material2MZ.SYNC_DISABLED, ChangeFeed.POLLING_SENTENCE);
                    mainView.showNotice(pollingNotice);
                } else if (mode == ChangeFeed.Mode.LIVE && pollingNotice != null) {
                    mainView.removeNotice(pollingNotice);
                    pollingNotice = null;
                }
            });
        });
        feed.start();
        return pages;
    }

    /** The quality review's parts (docs/QUALITY.md), live or offline: the queue and the call being scored, the results, the call log's way in. */
    private record QualityParts(ReviewViewModel review, QualityViewModel quality, CallReviewViewModel callReview, EvaluationViewModel evaluation) {
    }

    private QualityParts qualityReview(org.jdbi.v3.core.Jdbi jdbi) {
        var s = session.session();
        var bg = executors.background();
        var fx = executors.fx();
        EvaluationService evaluationService = new EvaluationService(jdbi);
        ScorecardService scorecards = new ScorecardService(jdbi);
        ReviewQueueService queue = new ReviewQueueService(jdbi);
        EvaluationViewModel evaluation = new EvaluationViewModel(evaluationService, scorecards, callLog, bg, fx, s.profileId(),
                s.isManagerOrAdmin());
        ReviewViewModel review = new ReviewViewModel(queue, evaluation, bg, fx, Clock.systemUTC(), zone, s.isManagerOrAdmin(),
                session.offlineReview() ? "Every call of the bundle has been reviewed." : ReviewViewModel.NOTHING_LEFT_ONLINE);
        Consumer<UUID> evaluateCall = call -> {
            review.openCall(call);
            mainView.show("review");
        };
        QualityViewModel quality = new QualityViewModel(new QualityService(jdbi), scorecards, new ReviewSettingsService(jdbi), bg, fx,
                Clock.systemUTC(), zone, s.isAdmin(), evaluateCall);
        CallReviewViewModel callReview = new CallReviewViewModel(evaluationService, queue, bg, fx, s.isManagerOrAdmin(),
                !session.offlineReview(), evaluateCall);
        calls.detail().detailsProperty().addListener((obs, old, now) -> callReview.show(now == null ? null : now.call().id()));
        callsView.addDetailSection(new CallReviewSection(callReview));
        return new QualityParts(review, quality, callReview, evaluation);
    }

    /**
     * Offline, the reviewer scores the bundle's calls on the forms it carries, in its review copy;
     * after every write the evaluations are kept, signed, beside the bundle (OfflineReviewFile), and
     * those kept there before go back into the copy once its calls are loaded.
     */
    private Workspace offlineReview(org.jdbi.v3.core.Jdbi jdbi) {
        QualityParts q = qualityReview(jdbi);
        java.nio.file.Path bundle = session.reviewed().file();
        java.nio.file.Path keyFile = com.voxanne.ops.files.AppDirectories.forCurrentUser().data().resolve("installation-key");
        var work = new com.voxanne.ops.mvvm.BackgroundWork(executors.background(), executors.fx());
        q.evaluation().setOnWritten(() -> work.run(() -> {
            try {
                return OfflineReviewFile.keep(jdbi, bundle, com.voxanne.ops.bundle.InstallationKey.loadOrCreate(keyFile));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, (kept, failure) -> {
            if (failure != null) {
                LOG.warn("The offline evaluations could not be kept beside {}", bundle, failure);
                mainView.showStorageNotice("The evaluations could not be saved beside the bundle ("
                        + com.voxanne.ops.mvvm.BackgroundWork.sentence(failure, LOG, "Keeping offline evaluations") + "); they are in the review copy.");
            }
        }));
        session.fullyLoaded().thenRunAsync(() -> {
            try {
                OfflineReviewFile.restore(jdbi, bundle).filter(o -> !o.refused().isEmpty())
                        .ifPresent(o -> LOG.warn("Offline evaluations not restored: {}", o.refused()));
            } catch (RuntimeException e) {
                LOG.warn("The offline evaluations beside {} could not be read", bundle, e);
            }
        }, executors.background());
        return new Workspace("review", "Review", Material2MZ.RATE_REVIEW, new ReviewView(q.review()), q.review()::refresh);
    }

    /** New alerts also pop up in the corner of the window (and are listed in the alerts workspace). */
    public void notifyAlertsWith(Consumer<Alert> notifier) {
        if (alerts != null) {
            alerts.setNotifier(notifier);
        }
    }

    /** The database's heartbeat: a banner when it stops answering, and a refresh of what is on screen when it is back. */
    private void watchConnection() {
        ConnectionStatusViewModel connection = new ConnectionStatusViewModel(new ConnectionCheck(session.database().dataSource(), session.database().settings().jdbcUrl()),
                executors.background(), executors.fx(), () -> {
                    // The log keeps the person's place: what changed meanwhile joins it as live calls do.
                    calls.catchUp();
                    sentiment.refresh();
                    appointments.refresh();
                });
        mainView.bindOnline(connection.onlineProperty());
        ScheduledFuture<?> heartbeat = executors.scheduler().scheduleWithFixedDelay(connection::checkNow,
                ConnectionStatusViewModel.HEARTBEAT.toMillis(), ConnectionStatusViewModel.HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        onClose.add(() -> heartbeat.cancel(false));
    }

    /** For a bundle still loading: refreshes the workspaces once every row is there. */
    public void refreshAll() {
        calls.refresh();
        sentiment.refresh();
        appointments.refresh();
    }

    public CallsViewModel calls() {
        return calls;
    }

    public CallsView callsView() {
        return callsView;
    }

    public MainView mainView() {
        return mainView;
    }

    private static TabPane tabs(String id, Tab... tabs) {
        TabPane pane = new TabPane(tabs);
        pane.setId(id);
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        return pane;
    }

    /** Stops the live feed and the heartbeat; the database session itself is closed by whoever signed in. */
    @Override
    public void close() {
        for (Runnable r : onClose) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("Closing a signed-in console", e);
            }
        }
        onClose.clear();
    }
}
