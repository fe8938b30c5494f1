package com.voxanne.ops.quality;

import com.voxanne.ops.live.Change;
import com.voxanne.ops.mvvm.BackgroundWork;
import com.voxanne.ops.mvvm.LatestAnswer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quality workspace over a period: the average score and its trend, the pass rate, the
 * questions failed most (each drilling down to its evaluations and calls), the scores of calls
 * with each signal against those without, and the reviewers' volume. The database counts; this
 * only asks and shows. Admins also open the form designer and set the sampling here.
 */
public final class QualityViewModel {

    /** The periods offered, ending today. */
    public enum Period {
        WEEK("Last 7 days", 7), MONTH("Last 30 days", 30), QUARTER("Last 90 days", 90);

        private final String label;
        private final int days;

        Period(String label, int days) {
            this.label = label;
            this.days = days;
        }

        public int days() {
            return days;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(QualityViewModel.class);
    private static final int BEHIND = 200;

    private final QualityService quality;
    private final ScorecardService scorecards;
    private final ReviewSettingsService sampling;
    private final BackgroundWork work;
    private final LatestAnswer reports;
    private final LatestAnswer drills;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean admin;
    private final Consumer<UUID> openCall;

    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period", Period.MONTH);
    private final ObjectProperty<QualityDao.FailedQuestion> question = new SimpleObjectProperty<>(this, "question");
    private final ReadOnlyObjectWrapper<QualityReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<ReviewSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings", ReviewSettings.NONE);
    private final ObservableList<QualityDao.Behind> behind = FXCollections.observableArrayList();
    private final ObservableList<QualityDao.Behind> behindView = FXCollections.unmodifiableObservableList(behind);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public QualityViewModel(QualityService quality, ScorecardService scorecards, ReviewSettingsService sampling, Executor background,
                            Executor fx, Clock clock, ZoneId zone, boolean admin, Consumer<UUID> openCall) {
        this.quality = quality;
        this.scorecards = scorecards;
        this.sampling = sampling;
        this.work = new BackgroundWork(background, fx);
        this.reports = new LatestAnswer(work);
        this.drills = new LatestAnswer(work);
        this.clock = clock;
        this.zone = zone;
        this.admin = admin;
        this.openCall = openCall;
        period.addListener((obs, old, now) -> refresh());
        question.addListener((obs, old, now) -> drillDown(now));
    }

    /** The period's first moment (the start of its first day) and its end (the start of tomorrow). */
    public Instant from() {
        return today().minusDays(period.get().days() - 1L).atStartOfDay(zone).toInstant();
    }

    public Instant to() {
        return today().plusDays(1).atStartOfDay(zone).toInstant();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    // Commands

    public void refresh() {
        Instant from = from();
        Instant to = to();
        loading.set(true);
        reports.ask(() -> new Loaded(quality.report(from, to, zone), sampling.current()), (loaded, failure) -> {
            loading.set(false);
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Reading the quality results"));
                return;
            }
            report.set(loaded.report());
            settings.set(loaded.settings());
            message.set(loaded.report().summary().evaluations() == 0 ? "No evaluation was submitted in this period." : "");
            QualityDao.FailedQuestion keep = question.get();
            question.set(keep == null ? null : loaded.report().failedQuestions().stream()
                    .filter(q -> q.form().equals(keep.form()) && q.prompt().equals(keep.prompt())).findFirst().orElse(null));
        });
    }

    /** Evaluations submitted or signed off elsewhere change the numbers: read them again, quietly. */
    public void onChanges(List<Change> changes) {
        if (report.get() != null && Change.touches(changes, "evaluations")) {
            refresh();
        }
    }

    public void open(QualityDao.Behind evaluation) {
        if (evaluation != null) {
            openCall.accept(evaluation.callId());
        }
    }

    /** Writes the period's evaluations as CSV; {@code done} hears the sentence to show. */
    public void export(Path file, Consumer<String> done) {
        Instant from = from();
        Instant to = to();
        loading.set(true);
        work.run(() -> quality.exportCsv(from, to, zone, file), (rows, failure) -> {
            loading.set(false);
            String sentence = failure != null ? BackgroundWork.sentence(failure, LOG, "Exporting evaluations")
                    : rows + (rows == 1 ? " evaluation" : " evaluations") + " written to " + file.getFileName() + ".";
            message.set(sentence);
            done.accept(sentence);
        });
    }

    /** Admins: the form designer, whose saves make Quality read its figures again. */
    public FormDesignerViewModel formDesigner() {
        return new FormDesignerViewModel(scorecards, work.background(), work.fx(), this::refresh);
    }

    /** Admins: the daily sample's share and the signal kinds always reviewed. An optimistic save, as every other. */
    public void saveSampling(double percent, List<String> always) {
        ReviewSettings seen = settings.get();
        work.run(() -> sampling.save(seen, percent, always), (result, failure) -> {
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Saving the sampling"));
                return;
            }
            if (result instanceof com.voxanne.ops.db.SaveResult.Saved<ReviewSettings> saved && saved.now() != null) {
                settings.set(saved.now());
                message.set("Sampling saved: the Review queue fills with it from now on.");
            } else {
                if (result instanceof com.voxanne.ops.db.SaveResult.Conflict<ReviewSettings> c) {
                    settings.set(c.now());
                }
                message.set(result.sentence("sampling"));
            }
        });
    }

    private void drillDown(QualityDao.FailedQuestion q) {
        if (q == null) {
            drills.forget();
            behind.clear();
            return;
        }
        Instant from = from();
        Instant to = to();
        drills.ask(() -> quality.failing(from, to, q, BEHIND), (found, failure) -> {
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Reading the evaluations behind a question"));
                return;
            }
            behind.setAll(found);
        });
    }

    private record Loaded(QualityReport report, ReviewSettings settings) {
    }

    // Properties

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    /** The failed question whose evaluations are listed. */
    public ObjectProperty<QualityDao.FailedQuestion> questionProperty() {
        return question;
    }

    public ReadOnlyObjectProperty<QualityReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<QualityDao.Behind> behind() {
        return behindView;
    }

    public ReadOnlyObjectProperty<ReviewSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public boolean admin() {
        return admin;
    }

    public ZoneId zone() {
        return zone;
    }
}
