// SPDX-License-Identifier: GPL-3.0-or-later
#include "childprocesses.h"
#include "engine/runcontroller.h"

#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace ProcViz;

namespace {
// Small enough for a quick test, large enough that every GIL holder has to hand over many times.
constexpr qint64 Iterations = 150'000'000;
constexpr int Units = 3;

QVariantMap timing(const QString& mode)
{
    return {
        {QStringLiteral("mode"), mode}, {QStringLiteral("workers"), Units}, {QStringLiteral("iterations"), Iterations}};
}

QList<StateInterval> intervalsIn(const Lane& lane, WorkerState state)
{
    QList<StateInterval> found;
    for (const auto& interval : lane.states) {
        if (interval.state == state)
            found.append(interval);
    }
    return found;
}
} // namespace

class TestTiming : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_controller.setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH)); }
    void cleanup() { QCOMPARE(childProcesses(), QList<qint64>()); }

    void everyModeCompletes_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("processes");
        QTest::addColumn<int>("lanesPerProcess");
        QTest::addRow("sequential") << "sequential" << 1 << Units;
        QTest::addRow("threads") << "threads" << 1 << Units;
        QTest::addRow("gil") << "gil" << 1 << Units;
        QTest::addRow("processes") << "processes" << Units << 1;
    }

    void everyModeCompletes()
    {
        QFETCH(QString, mode);
        QFETCH(int, processes);
        QFETCH(int, lanesPerProcess);
        const auto& model = run(timing(mode));

        QCOMPARE(model.outcomeId(), QStringLiteral("completed"));
        QCOMPARE(model.workers().size(), processes);
        QSet<qint64> pids, tids;
        for (const auto& worker : model.workers()) {
            pids.insert(worker.pid);
            QCOMPARE(worker.exitCode, std::optional<int>(0));
            QCOMPARE(worker.lanes.size(), lanesPerProcess);
            for (const auto& lane : worker.lanes) {
                tids.insert(lane.tid);
                QVERIFY(lane.finished);
                QCOMPARE(lane.latestProgress, 1.0);
                QVERIFY(lane.progress.size() >= 2);
                // Threads are sampled from /proc/<pid>/task/<tid>/stat when they live long enough to be seen.
                if (lane.tid != worker.pid && !lane.samples.isEmpty())
                    QVERIFY(lane.samples.last().cpuSeconds >= 0);
            }
        }
        QCOMPARE(pids.size(), processes);
        // Threads are threads: their own TIDs in one process. Sequential units share the one thread.
        QCOMPARE(tids.size(), mode == QLatin1String("sequential") ? 1 : Units);

        const auto modes = model.result().value(QStringLiteral("modes")).toArray();
        QCOMPARE(modes.size(), 1);
        QCOMPARE(modes.at(0)[QStringLiteral("mode")].toString(), mode);
        QVERIFY(modes.at(0)[QStringLiteral("elapsed_s")].toDouble() > 0);
        QVERIFY(modes.at(0)[QStringLiteral("cpu_s")].toDouble() > 0);
        QCOMPARE(modes.at(0)[QStringLiteral("emulated")].toBool(), mode == QLatin1String("gil"));
        for (const auto& check : model.checks())
            QVERIFY2(check.passed, qPrintable(check.detail));
    }

    void emulatedGilLetsOneThreadComputeAtATime()
    {
        const auto& model = run(timing(QStringLiteral("gil")));
        QList<StateInterval> running;
        int handovers = 0;
        for (const auto& lane : model.workers().at(0).lanes) {
            running += intervalsIn(lane, WorkerState::Running);
            handovers += int(intervalsIn(lane, WorkerState::Waiting).size());
        }
        QVERIFY2(handovers > Units, "the lock must change hands, not run the threads one after another");
        std::sort(running.begin(), running.end(), [](const auto& a, const auto& b) { return a.beginNs < b.beginNs; });
        for (qsizetype i = 1; i < running.size(); ++i)
            QVERIFY2(running.at(i).beginNs >= running.at(i - 1).endNs, "two threads computed at once under the GIL");
    }

    void allModesInOneRun()
    {
        const auto& model = run(timing(QStringLiteral("all")));
        QCOMPARE(model.phases().size(), 4);
        const auto modes = model.result().value(QStringLiteral("modes")).toArray();
        QCOMPARE(modes.size(), 4);
        QStringList names;
        for (const auto& mode : modes) {
            names.append(mode[QStringLiteral("mode")].toString());
            QVERIFY(mode[QStringLiteral("speedup")].isDouble());
        }
        QCOMPARE(names, QStringList({"sequential", "threads", "gil", "processes"}));
        QCOMPARE(modes.at(0)[QStringLiteral("speedup")].toDouble(), 1.0);
        QCOMPARE(model.result().value(QStringLiteral("cores")).toInt(), QThread::idealThreadCount());
        // One phase at a time: the next mode starts only after the previous one's workers are gone.
        for (qsizetype i = 1; i < model.phases().size(); ++i)
            QVERIFY(model.phases().at(i).startNs >= model.phases().at(i - 1).endNs);
        for (const auto& check : model.checks())
            QVERIFY2(check.passed, qPrintable(check.detail));
    }

    void stopSkipsLaterModes()
    {
        QSignalSpy finished(&m_controller, &RunController::finished);
        QVERIFY(m_controller.start(QStringLiteral("timing"), {{QStringLiteral("mode"), QStringLiteral("all")}}));
        QVERIFY(QTest::qWaitFor([&] { return !m_controller.model().workers().isEmpty(); }, 10000));
        m_controller.stop();
        QVERIFY(finished.wait(10000));
        QCOMPARE(m_controller.model().outcomeId(), QStringLiteral("stopped"));
        QCOMPARE(m_controller.model().phases().size(), 1);
        const auto checks = m_controller.model().checks();
        QVERIFY(!checks.isEmpty());
        QVERIFY(!checks.last().passed); // the work was not done, and the check says so
    }

private:
    const RunModel& run(const QVariantMap& params)
    {
        QSignalSpy finished(&m_controller, &RunController::finished);
        if (!m_controller.start(QStringLiteral("timing"), params))
            qFatal("timing did not start");
        if (!finished.wait(120000))
            qFatal("timing did not finish");
        return m_controller.model();
    }

    RunController m_controller;
};

QTEST_GUILESS_MAIN(TestTiming)
#include "tst_timing.moc"
