package com.voxanne.ops.setup;

import com.voxanne.ops.catalog.PlatformColumns;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The knowledge base the voice agents answer from, with each article's chunks and history, and the platform's integrations. Blocking. */
public class KnowledgeBaseService {

    /** An article's pieces as the agents retrieve them, and how it changed. */
    public record ArticleDetail(List<ReferenceDao.KnowledgeChunk> chunks, List<ReferenceDao.KnowledgeChange> changes) {
    }

    private final Jdbi jdbi;
    private final PlatformColumns columns;

    public KnowledgeBaseService(Jdbi jdbi, PlatformColumns columns) {
        this.jdbi = jdbi;
        this.columns = columns;
    }

    public List<ReferenceDao.KnowledgeArticle> articles() {
        return jdbi.withHandle(h -> new ReferenceDao(h, columns).knowledgeBase());
    }

    public ArticleDetail detail(UUID article) {
        return jdbi.withHandle(h -> {
            ReferenceDao dao = new ReferenceDao(h, columns);
            return new ArticleDetail(dao.chunks(article), dao.changelog(article));
        });
    }

    public List<ReferenceDao.IntegrationSetting> platformIntegrations() {
        return jdbi.withHandle(h -> new ReferenceDao(h, columns).integrationSettings());
    }
}
