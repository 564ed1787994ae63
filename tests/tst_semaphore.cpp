// SPDX-License-Identifier: GPL-3.0-or-later
#include "childprocesses.h"
#include "engine/runcontroller.h"
#include "export/traceexporter.h"
#include "shmobjects.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace ProcViz;

namespace {
QVariantMap semaphore(int workers, int permits, int holdMs)
{
    return {{"workers", workers}, {"permits", permits}, {"hold-ms", holdMs}};
}
} // namespace

class TestSemaphore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_controller.setWorkerProgram(PROCVIZ_WORKER_PATH); }

    void cleanup()
    {
        QCOMPARE(childProcesses(), QList<qint64>());
        QCOMPARE(sharedMemoryObjects(), QStringList());
    }

    void permitsBoundTheHolders()
    {
        const auto& model = run(semaphore(6, 2, 300));
        QCOMPARE(model.outcomeId(), QString("completed"));
        // With 6 workers queueing for 2 permits held 300 ms each, both permits are in use together.
        QCOMPARE(model.result()["max_concurrent"].toInt(), 2);
        QVERIFY(model.checks().first().passed);
        for (const auto& worker : model.workers())
            QCOMPARE(worker.exitCode, std::optional<int>(0));
    }

    void traceHoldingSlicesAgree()
    {
        const auto& model = run(semaphore(5, 3, 200));
        const auto events = TraceExporter::toJson(model)["traceEvents"].toArray();
        QList<std::pair<double, int>> edges;
        int holdingSlices = 0;
        for (const auto& value : events) {
            const auto event = value.toObject();
            if (event["ph"].toString() != "X" || event["name"].toString() != "holding")
                continue;
            ++holdingSlices;
            edges.append({event["ts"].toDouble(), +1});
            edges.append({event["ts"].toDouble() + event["dur"].toDouble(), -1});
        }
        QCOMPARE(holdingSlices, 5); // one per permit hold
        std::sort(edges.begin(), edges.end());
        int current = 0, most = 0;
        for (const auto& edge : edges) {
            current += edge.second;
            most = std::max(most, current);
        }
        QVERIFY(most <= 3);
        QCOMPARE(most, model.result()["max_concurrent"].toInt());
    }

    void deadPermitHoldersDeadlockTheRest()
    {
        RunOptions options;
        QString error;
        options.faults = {*FaultAction::parse(FaultAction::Kind::Kill, u"holder@0.3", &error),
            *FaultAction::parse(FaultAction::Kind::Kill, u"holder@0.4", &error)};
        options.watchdogSeconds = 1;
        const auto& model = run(semaphore(4, 2, 5000), options);
        QCOMPARE(model.outcomeId(), QString("deadlock"));
        QVERIFY2(model.cause().contains("died holding their permits"), qPrintable(model.cause()));
        int killed = 0;
        for (const auto& worker : model.workers())
            killed += worker.killedByUser ? 1 : 0;
        QCOMPARE(killed, 2);
    }

    void morePermitsThanWorkersIsRefused()
    {
        const auto error = RunController::check("semaphore", semaphore(3, 4, 10));
        QVERIFY(error.contains("--permits"));
        QVERIFY(error.contains("(3)"));
    }

private:
    const RunModel& run(const QVariantMap& params, const RunOptions& options = {})
    {
        QSignalSpy finished(&m_controller, &RunController::finished);
        if (!m_controller.start("semaphore", params, options))
            qFatal("semaphore did not start");
        if (!finished.wait(60000))
            qFatal("semaphore did not finish");
        return m_controller.model();
    }

    RunController m_controller;
};

QTEST_GUILESS_MAIN(TestSemaphore)
#include "tst_semaphore.moc"
