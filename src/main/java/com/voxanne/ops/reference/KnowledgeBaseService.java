package com.voxanne.ops.reference;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The knowledge base the voice agents answer from, with each article's chunks and history, and the platform's integrations. Blocking. */
public class KnowledgeBaseService {

    /** An article's pieces as the agents retrieve them, and how it changed. */
    public record ArticleDetail(List<ReferenceDao.KnowledgeChunk> chunks, List<ReferenceDao.KnowledgeChange> changes) {
    }

    private final Jdbi jdbi;

    public KnowledgeBaseService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<ReferenceDao.KnowledgeArticle> articles() {
        return jdbi.withExtension(ReferenceDao.class, ReferenceDao::knowledgeBase);
    }

    public ArticleDetail detail(UUID article) {
        return jdbi.withExtension(ReferenceDao.class, dao -> new ArticleDetail(dao.chunks(article), dao.changelog(article)));
    }

    public List<ReferenceDao.IntegrationSetting> platformIntegrations() {
        return jdbi.withExtension(ReferenceDao.class, ReferenceDao::integrationSettings);
    }
}
