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

/// An interval from @p beginNs to @p endNs (-1: still open), sent at its end (or its begin while open).
TelemetryRecord stateRecord(WorkerState state, qint64 beginNs, qint64 endNs = -1, int lane = 0)
{
    auto r = record(RecordKind::State, endNs < 0 ? beginNs : endNs, lane, T0 + beginNs, endNs < 0 ? 0 : T0 + endNs);
    r.state = static_cast<std::uint8_t>(state);
    return r;
}

TelemetryRecord mixRecord(qint64 beginNs, qint64 endNs, TelemetryRecord::Shares shares, int lane = 0)
{
    auto r = record(RecordKind::Mix, endNs, lane, T0 + beginNs, T0 + endNs);
    r.setShares(shares);
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
        model.applyRecord(0, stateRecord(WorkerState::Waiting, 200)); // announced: open while it lasts
        model.applyRecord(0, stateRecord(WorkerState::Waiting, 200, 300)); // ... and closed
        model.applyRecord(0, stateRecord(WorkerState::Holding, 300, 400)); // reported once over
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
        QCOMPARE(states.at(1).endNs, 300);
        QCOMPARE(states.at(2).state, WorkerState::Holding);
        QCOMPARE(states.at(3).state, WorkerState::Done);
        QCOMPARE(states.at(3).endNs, 500); // closed when the process ended
        const auto totals = RunModel::workerTotals(worker, model.nowNs());
        QCOMPARE(totals[size_t(WorkerState::Running)], 100);
        QCOMPARE(totals[size_t(WorkerState::Waiting)], 100);
        QCOMPARE(totals[size_t(WorkerState::Holding)], 100);
        QCOMPARE(totals[size_t(WorkerState::Done)], 100);
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
        const qint64 count = RunModel::MaxIntervalsPerLane * 3;
        for (qint64 i = 0; i < count; ++i)
            model.applyRecord(0, stateRecord(i % 2 ? WorkerState::Waiting : WorkerState::Running, i * 10, i * 10 + 10));
        const auto& lane = model.workers().at(0).lanes.at(0);
        QVERIFY(lane.states.size() <= RunModel::MaxIntervalsPerLane);
        // Thinning drops intervals, never time: the totals still count every one.
        QCOMPARE(lane.closedNs[size_t(WorkerState::Running)] + lane.closedNs[size_t(WorkerState::Waiting)], count * 10);
    }

    void mixedWindowsCountEveryNanosecond()
    {
        auto model = modelWithOneWorker();
        model.applyRecord(0, record(RecordKind::Started, 100));
        model.applyRecord(0, stateRecord(WorkerState::Running, 100, 2000));
        model.applyRecord(0, mixRecord(2000, 12000, {1000, 6000, 3000, 0}));
        model.applyRecord(0, mixRecord(12000, 20000, {0, 4000, 4000, 0}));
        const auto& lane = model.workers().at(0).lanes.at(0);
        QCOMPARE(lane.states.size(), 3);
        QVERIFY(lane.states.at(1).mixed);
        QCOMPARE(lane.states.at(1).state, WorkerState::Waiting); // its largest share
        QCOMPARE(lane.states.at(1).mixNs[size_t(WorkerState::Holding)], 3000u);
        const auto totals = RunModel::laneTotals(model.workers().at(0), lane, 20000);
        QCOMPARE(totals[size_t(WorkerState::Running)], 1900 + 1000);
        QCOMPARE(totals[size_t(WorkerState::Waiting)], 10000);
        QCOMPARE(totals[size_t(WorkerState::Holding)], 7000);
    }

    void overlappingReportsAreRefused()
    {
        auto model = modelWithOneWorker();
        model.applyRecord(0, record(RecordKind::Started, 100));
        model.applyRecord(0, mixRecord(100, 5000, {4900, 0, 0, 0}));
        model.applyRecord(0, mixRecord(4000, 6000, {2000, 0, 0, 0})); // reaches back into reported time
        model.applyRecord(0, stateRecord(WorkerState::Holding, 3000, 7000)); // so does this
        auto foreign = record(RecordKind::Handoff, 8000, 0, T0 + 7000, T0 + 8000);
        foreign.aux = 99; // no worker has this pid
        model.applyRecord(0, foreign);
        const auto& worker = model.workers().at(0);
        QCOMPARE(worker.malformedRecords, 3u);
        QCOMPARE(worker.lanes.at(0).states.size(), 1);
        QCOMPARE(model.handoffs().size(), 0);
    }

    void refusedRecordsChangeNothing()
    {
        auto model = modelWithOneWorker();
        model.applyRecord(0, record(RecordKind::Started, 100));
        model.applyRecord(0, stateRecord(WorkerState::Waiting, 200)); // open
        model.applyRecord(0, stateRecord(WorkerState::Holding, 150, 180)); // before the open one began
        auto future = stateRecord(WorkerState::Holding, 300, -1, 3); // on a lane of its own ...
        future.value = monotonicNowNs() + 1'000'000'000; // ... beginning a second from now
        model.applyRecord(0, future);
        const auto& worker = model.workers().at(0);
        QCOMPARE(worker.malformedRecords, 2u);
        QCOMPARE(worker.lanes.size(), 1); // no lane made by a refused record
        QCOMPARE(worker.lanes.at(0).states.last().state, WorkerState::Waiting);
        QCOMPARE(worker.lanes.at(0).states.last().endNs, -1); // still open
    }

    void deathEndsATaskCutShort()
    {
        auto model = modelWithOneWorker();
        auto open = record(RecordKind::Span, 200, 0, T0 + 200, 0);
        open.aux = 1;
        model.applyRecord(0, open);
        model.setDied(0, T0 + 700);
        QCOMPARE(model.workers().at(0).lanes.at(0).spans.at(0).endNs, 700);
    }

    void tasksAndHandoffs()
    {
        auto model = modelWithOneWorker();
        model.addWorker(0, QStringLiteral("worker"), 1, Pid + 100, T0 + 10);
        auto open = record(RecordKind::Span, 200, 0, T0 + 200, 0);
        open.aux = 7;
        open.setText("task 7");
        model.applyRecord(0, open);
        auto closed = open;
        closed.value2 = T0 + 900;
        model.applyRecord(0, closed);
        const auto& spans = model.workers().at(0).lanes.at(0).spans;
        QCOMPARE(spans.size(), 1);
        QCOMPARE(spans.at(0).index, 7);
        QCOMPARE(spans.at(0).label, QStringLiteral("task 7"));
        QCOMPARE(spans.at(0).endNs, 900);

        auto handoff = record(RecordKind::Handoff, 1000, 0, T0 + 400, T0 + 950);
        handoff.aux = Pid + 100;
        handoff.setText("item 0.3");
        model.applyRecord(0, handoff);
        QCOMPARE(model.handoffs().size(), 1);
        QCOMPARE(model.handoffs().at(0).fromWorker, 1);
        QCOMPARE(model.handoffs().at(0).toWorker, 0);
        QCOMPARE(model.handoffs().at(0).givenNs, 400);
        QCOMPARE(model.handoffs().at(0).takenNs, 950);
        QCOMPARE(model.handoffs().at(0).label, QStringLiteral("item 0.3"));
    }

    void zombieUntilReaped()
    {
        auto model = modelWithOneWorker();
        model.applyRecord(0, record(RecordKind::Started, 100));
        model.applyRecord(0, stateRecord(WorkerState::Sleeping, 100)); // open
        model.setDied(0, T0 + 1000);
        QVERIFY(model.workers().at(0).isAlive()); // not yet joined
        QVERIFY(model.workers().at(0).hasExited());
        model.setExited(0, T0 + 3000, 0, std::nullopt, 0.0);
        const auto& worker = model.workers().at(0);
        QCOMPARE(worker.exitNs, 1000);
        QCOMPARE(worker.endNs, 3000);
        QCOMPARE(worker.engineStates.size(), 1);
        QCOMPARE(worker.engineStates.at(0).state, WorkerState::Zombie);
        const auto totals = RunModel::workerTotals(worker, 5000);
        QCOMPARE(totals[size_t(WorkerState::Sleeping)], 900);
        QCOMPARE(totals[size_t(WorkerState::Zombie)], 2000);
    }

    void sigstopIsSeenAsStopped()
    {
        auto model = modelWithOneWorker();
        model.applyRecord(0, record(RecordKind::Started, 100));
        model.applyRecord(0, stateRecord(WorkerState::Holding, 150)); // announced
        model.addSample(0, T0 + 200, 'T', 0.1);
        model.addSample(0, T0 + 300, 'T', 0.1);
        model.addSample(0, T0 + 400, 'R', 0.2);
        model.applyRecord(0, stateRecord(WorkerState::Holding, 150, 500)); // its clock went on while stopped
        const auto& worker = model.workers().at(0);
        QCOMPARE(worker.engineStates.size(), 1);
        QCOMPARE(worker.engineStates.at(0).state, WorkerState::Stopped);
        QCOMPARE(worker.engineStates.at(0).beginNs, 200);
        QCOMPARE(worker.engineStates.at(0).endNs, 400);
        QCOMPARE(worker.samples.size(), 3);
        QCOMPARE(worker.samples.at(1).state, WorkerState::Stopped);
        // What the engine saw wins: the holding interval counts only where the worker was not stopped.
        const auto totals = RunModel::workerTotals(worker, 500);
        QCOMPARE(totals[size_t(WorkerState::Holding)], 150);
        QCOMPARE(totals[size_t(WorkerState::Stopped)], 200);
        QCOMPARE(RunModel::visiblePieces(worker, 150, 500), (QList<std::pair<qint64, qint64>> {{150, 200}, {400, 500}}));
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
