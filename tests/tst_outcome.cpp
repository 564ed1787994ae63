// SPDX-License-Identifier: GPL-3.0-or-later
// Every way a run can end, worded once (OutcomeText) for the window, the result panel, the export header and
// the CLI: each in words of its own, a run at its limit never called failed, in English and in Korean.
#include "model/outcome.h"
#include "model/runmodel.h"

#include <QLocale>
#include <QSet>
#include <QTest>
#include <QTranslator>

using namespace ProcViz;

namespace {
constexpr Outcome Every[] = {Outcome::Completed, Outcome::Stopped, Outcome::Deadlock, Outcome::Limit, Outcome::Failed};

/// A lock run of 2.5 s that ended as @p outcome, with @p cause.
void endRun(RunModel& model, Outcome outcome, const QString& cause = {})
{
    model.begin(QStringLiteral("lock"), {}, 1'000'000'000);
    if (!cause.isEmpty())
        model.setCause(cause);
    model.finish(3'500'000'000, outcome);
}
} // namespace

class TestOutcome : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void idsRoundTrip()
    {
        QSet<QString> ids;
        for (const auto outcome : Every) {
            ids.insert(outcomeId(outcome));
            QCOMPARE(outcomeFromId(outcomeId(outcome)), std::optional(outcome));
        }
        QCOMPARE(ids.size(), int(std::size(Every)));
        QCOMPARE(outcomeId(Outcome::Limit), QStringLiteral("limit"));
        QCOMPARE(outcomeFromId(u"finished"), std::nullopt);
    }

    void everyOutcomeHasWordsOfItsOwn()
    {
        QSet<QString> briefs, sentences;
        for (const auto outcome : Every) {
            RunModel model;
            endRun(model, outcome);
            briefs.insert(OutcomeText::brief(outcome));
            sentences.insert(OutcomeText::sentence(model));
        }
        QCOMPARE(briefs.size(), int(std::size(Every)));
        QCOMPARE(sentences.size(), int(std::size(Every)));
    }

    void aLimitIsNoFailure()
    {
        RunModel model;
        endRun(model, Outcome::Limit, QStringLiteral("The run passed its time limit of 2 s."));
        QCOMPARE(OutcomeText::brief(Outcome::Limit), QStringLiteral("Run ended at a limit"));
        QCOMPARE(OutcomeText::sentence(model),
            QStringLiteral("Ended at a limit after 2.50 s. The run passed its time limit of 2 s."));
        QVERIFY(!OutcomeText::brief(Outcome::Limit).contains(QLatin1String("fail")));
    }

    void sentencesSayHowLongAndWhy()
    {
        RunModel completed;
        endRun(completed, Outcome::Completed);
        QCOMPARE(OutcomeText::sentence(completed), QStringLiteral("Run completed in 2.50 s."));
        RunModel deadlock;
        endRun(deadlock, Outcome::Deadlock, QStringLiteral("The lock holder died."));
        QVERIFY(OutcomeText::sentence(deadlock).startsWith(QLatin1String("Ended by the watchdog after 2.50 s")));
        QVERIFY(OutcomeText::sentence(deadlock).endsWith(QLatin1String("The lock holder died.")));
        RunModel running;
        running.begin(QStringLiteral("lock"), {}, 1'000'000'000);
        QCOMPARE(OutcomeText::sentence(running), QStringLiteral("Running: the checks appear when the run ends."));
    }

    void koreanHasEveryOutcome()
    {
        QTranslator korean;
        QVERIFY(korean.load(QStringLiteral(":/i18n/procviz_ko.qm")));
        QCoreApplication::installTranslator(&korean);
        QSet<QString> briefs;
        for (const auto outcome : Every) {
            RunModel model;
            endRun(model, outcome);
            const QString brief = OutcomeText::brief(outcome);
            briefs.insert(brief);
            QVERIFY2(brief.contains(QStringLiteral("실행")), qPrintable(brief));
            // How long it ran, except for a run that could not start.
            QCOMPARE(OutcomeText::sentence(model).contains(QStringLiteral("2.50")), outcome != Outcome::Failed);
        }
        QCoreApplication::removeTranslator(&korean);
        QCOMPARE(briefs.size(), int(std::size(Every)));
    }
};

QTEST_GUILESS_MAIN(TestOutcome)
#include "tst_outcome.moc"
