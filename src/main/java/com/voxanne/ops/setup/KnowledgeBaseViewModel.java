package com.voxanne.ops.setup;

import com.voxanne.ops.mvvm.BackgroundWork;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The knowledge base, read-only: articles, and the selected one's chunks and changelog; and the platform's integrations. */
public final class KnowledgeBaseViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBaseViewModel.class);

    private final ObservableList<ReferenceDao.KnowledgeArticle> articles = FXCollections.observableArrayList();
    private final ObservableList<ReferenceDao.IntegrationSetting> integrations = FXCollections.observableArrayList();
    private final ObjectProperty<ReferenceDao.KnowledgeArticle> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<KnowledgeBaseService.ArticleDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final KnowledgeBaseService service;
    private final BackgroundWork work;
    private final com.voxanne.ops.mvvm.LatestAnswer details;

    public KnowledgeBaseViewModel(KnowledgeBaseService service, Executor background, Executor fx) {
        this.service = service;
        this.work = new BackgroundWork(background, fx);
        this.details = new com.voxanne.ops.mvvm.LatestAnswer(work);
        selected.addListener((obs, old, now) -> load(now));
    }

    public void refresh() {
        work.run(() -> new Loaded(service.articles(), service.platformIntegrations()), (loaded, failure) -> {
            if (failure != null) {
                error.set(BackgroundWork.sentence(failure, LOG, "Reading the knowledge base"));
                return;
            }
            articles.setAll(loaded.articles());
            integrations.setAll(loaded.integrations());
        });
    }

    private record Loaded(java.util.List<ReferenceDao.KnowledgeArticle> articles, java.util.List<ReferenceDao.IntegrationSetting> integrations) {
    }

    private void load(ReferenceDao.KnowledgeArticle article) {
        details.forget();
        detail.set(null);
        if (article != null) {
            details.ask(() -> service.detail(article.id()), (d, failure) -> {
                if (failure == null) {
                    detail.set(d);
                }
            });
        }
    }

    public ObservableList<ReferenceDao.KnowledgeArticle> articles() {
        return articles;
    }

    public ObservableList<ReferenceDao.IntegrationSetting> integrations() {
        return integrations;
    }

    public ObjectProperty<ReferenceDao.KnowledgeArticle> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<KnowledgeBaseService.ArticleDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
