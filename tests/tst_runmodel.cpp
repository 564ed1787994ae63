// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/runmodel.h"

#include <QTest>

using namespace ProcViz;

namespace {
constexpr qint64 T0 = 1'000'000'000;
constexpr qint64 Pid = 4242;

TelemetryRecord record(RecordKind kind, qint64 atNs, int lane = 0, qint64 value = 0, qint64 value2 = 0)
{
    TelemetryRecord r;
    r.kind = static_cast<std::uint8_t>(kind);
    r.pid = Pid;
    r.tid = Pid + lane;
    r.lane = lane;
    r.timestampNs = T0 + atNs;
    r.value = value;
    r.value2 = value2;
    return r;
}

TelemetryRecord stateRecord(WorkerState state, qint64 atNs, int lane = 0)
{
    auto r = record(RecordKind::State, atNs, lane);
    r.state = static_cast<std::uint8_t>(state);
    return r;
}

RunModel modelWithOneWorker()
{
    RunModel model;
    model.begin(QStringLiteral("test"), {}, T0);
    model.addPhase(QStringLiteral("only"), T0);
    model.addWorker(0, QStringLiteral("worker"), 0, Pid, T0 + 10);
    return model;
}
} // namespace

class TestRunModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statesBecomeIntervals()
    {
        auto model = modelWithOneWorker();
        model.applyRecord(0, record(RecordKind::Started, 100));
        model.applyRecord(0, stateRecord(WorkerState::Waiting, 200));
        model.applyRecord(0, stateRecord(WorkerState::Waiting, 250)); // no change, no new interval
        model.applyRecord(0, stateRecord(WorkerState::Holding, 300));
        model.applyRecord(0, record(RecordKind::Finished, 400, 0, 77));
        model.setExited(0, T0 + 500, 0, std::nullopt, 0.25);

        const auto& worker = model.workers().at(0);
        QCOMPARE(worker.lanes.size(), 1);
        const auto& states = worker.lanes.at(0).states;
        QCOMPARE(states.size(), 4);
        QCOMPARE(states.at(0).state, WorkerState::Running);
        QCOMPARE(states.at(0).beginNs, 100);
        QCOMPARE(states.at(0).endNs, 200);
        QCOMPARE(states.at(1).state, WorkerState::Waiting);
        QCOMPARE(states.at(2).state, WorkerState::Holding);
        QCOMPARE(states.at(3).state, WorkerState::Done);
        QCOMPARE(states.at(3).endNs, 500); // closed when the engine reaped the worker
        QCOMPARE(worker.lanes.at(0).result, std::optional<qint64>(77));
        QCOMPARE(worker.exitCode, std::optional<int>(0));
        QCOMPARE(worker.cpuSeconds, 0.25);
        QVERIFY(!worker.isAlive());
        QCOMPARE(model.liveWorkerCount(), 0);
    }

    void progressPerLane()
    {
        auto model = modelWithOneWorker();
        model.applyRecord(0, record(RecordKind::Progress, 100, 0, 50, 100));
        model.applyRecord(0, record(RecordKind::Progress, 100, 1, 25, 100));
        const auto& worker = model.workers().at(0);
        QCOMPARE(worker.lanes.size(), 2);
        QCOMPARE(worker.findLane(1)->tid, Pid + 1);
        QCOMPARE(worker.findLane(0)->latestProgress, 0.5);
        QCOMPARE(worker.progress(), 0.375);
    }

    void plannedLanesKeepProgressMonotonic()
    {
        auto model = modelWithOneWorker();
        auto started = record(RecordKind::Started, 0, 0, 2);
        model.applyRecord(0, started);
        model.applyRecord(0, record(RecordKind::Progress, 100, 0, 100, 100));
        QCOMPARE(model.workers().at(0).progress(), 0.5); // the second, unstarted lane counts as 0 %
        model.applyRecord(0, record(RecordKind::Started, 200, 1, 2));
        model.applyRecord(0, record(RecordKind::Progress, 300, 1, 50, 100));
        QCOMPARE(model.workers().at(0).progress(), 0.75);
    }

    void foreignPidIsNotTrusted()
    {
        auto model = modelWithOneWorker();
        auto r = record(RecordKind::Progress, 100, 0, 1, 2);
        r.pid = 1;
        model.applyRecord(0, r);
        QCOMPARE(model.workers().at(0).lanes.size(), 0);
        QCOMPARE(model.workers().at(0).malformedRecords, 1u);
    }

    void seriesStayBounded()
    {
        auto model = modelWithOneWorker();
        const qint64 count = RunModel::MaxPointsPerSeries * 5;
        for (qint64 i = 0; i < count; ++i)
            model.applyRecord(0, record(RecordKind::Progress, i * 1000, 0, i, count));
        const auto& series = model.workers().at(0).lanes.at(0).progress;
        QVERIFY(series.size() <= RunModel::MaxPointsPerSeries);
        QVERIFY(series.size() > RunModel::MaxPointsPerSeries / 4);
        QCOMPARE(series.first().timeNs, 0); // thinning keeps the beginning...
        QCOMPARE(series.last().timeNs, (count - 1) * 1000); // ...and the newest point
        for (qsizetype i = 1; i < series.size(); ++i)
            QVERIFY(series.at(i).timeNs > series.at(i - 1).timeNs);
    }

    void intervalsStayBounded()
    {
        auto model = modelWithOneWorker();
        for (qint64 i = 0; i < RunModel::MaxIntervalsPerLane * 3; ++i)
            model.applyRecord(0, stateRecord(i % 2 ? WorkerState::Waiting : WorkerState::Running, i * 10));
        QVERIFY(model.workers().at(0).lanes.at(0).states.size() <= RunModel::MaxIntervalsPerLane);
    }

    void sigstopIsSeenAsStopped()
    {
        auto model = modelWithOneWorker();
        model.applyRecord(0, record(RecordKind::Started, 100));
        model.applyRecord(0, stateRecord(WorkerState::Holding, 150));
        model.addSample(0, T0 + 200, 'T', 0.1);
        model.addSample(0, T0 + 300, 'T', 0.1);
        model.addSample(0, T0 + 400, 'R', 0.2);
        const auto& states = model.workers().at(0).lanes.at(0).states;
        QCOMPARE(states.size(), 4);
        QCOMPARE(states.at(2).state, WorkerState::Stopped);
        QCOMPARE(states.at(2).beginNs, 200);
        QCOMPARE(states.at(2).endNs, 400);
        QCOMPARE(states.at(3).state, WorkerState::Holding); // back to what it was doing
        QCOMPARE(model.workers().at(0).samples.size(), 3);
        QCOMPARE(model.workers().at(0).samples.at(1).state, WorkerState::Stopped);
    }

    void revisionMoves()
    {
        auto model = modelWithOneWorker();
        const auto before = model.revision();
        model.applyRecord(0, record(RecordKind::Started, 100));
        QVERIFY(model.revision() > before);
    }
};

QTEST_GUILESS_MAIN(TestRunModel)
#include "tst_runmodel.moc"
