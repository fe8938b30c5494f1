package com.voxanne.ops.quality;

import java.util.List;

/** What the Quality workspace shows for a period, all of it counted by the database. */
public record QualityReport(QualityDao.Summary summary, List<QualityDao.Day> days, List<QualityDao.FailedQuestion> failedQuestions,
                            List<QualityDao.SignalEffect> signals, List<QualityDao.ReviewerVolume> reviewers) {

    public QualityReport {
        days = List.copyOf(days);
        failedQuestions = List.copyOf(failedQuestions);
        signals = List.copyOf(signals);
        reviewers = List.copyOf(reviewers);
    }
}
