// SPDX-License-Identifier: GPL-3.0-or-later
#include "childprocesses.h"
#include "engine/runcontroller.h"
#include "export/jsonexporter.h"
#include "export/traceexporter.h"
#include "shmobjects.h"
#include "tracetotals.h"

#include <QJsonArray>

#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace ProcViz;

namespace {
/// Quick runs: CPython's pace (0.5 µs between reading and writing) instead of the lesson's default.
QVariantMap lock(const QString& mode, qint64 increments)
{
    return {{"lock", mode}, {"workers", 4}, {"increments", increments}, {"work-ns", 500}};
}

StateTotals timeOf(const RunModel& model, const WorkerInfo& worker)
{
    return RunModel::workerTotals(worker, model.endNs());
}

RunOptions killHolder(int watchdogSeconds = RunOptions::DefaultWatchdogSeconds)
{
    RunOptions options;
    QString error;
    options.faults.append(*FaultAction::parse(FaultAction::Kind::Kill, u"holder@0.1", &error));
    options.watchdogSeconds = watchdogSeconds;
    return options;
}

const Check& checkNamed(const RunModel& model, const QString& name)
{
    for (const auto& check : model.checks()) {
        if (check.name == name)
            return check;
    }
    qFatal("no check %s", qPrintable(name));
}
} // namespace

class TestLock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_controller.setWorkerProgram(PROCVIZ_WORKER_PATH); }

    void cleanup()
    {
        QCOMPARE(childProcesses(), QList<qint64>());
        QCOMPARE(sharedMemoryObjects(), QStringList()); // the segment is unlinked at the end of every run
    }

    void lockOnIsExact()
    {
        const auto& model = run(lock("on", 20000));
        QCOMPARE(model.outcomeId(), QString("completed"));
        QCOMPARE(model.result()["counter"].toInteger(), 80000);
        QCOMPARE(model.result()["lost"].toInteger(), 0);
        QVERIFY(checkNamed(model, "counter_exact").passed);
    }

    void lockOffNeverGains()
    {
        const auto& model = run(lock("off", 20000));
        QCOMPARE(model.outcomeId(), QString("completed"));
        const auto counter = model.result()["counter"].toInteger();
        QVERIFY(counter > 0);
        QVERIFY(counter <= 80000); // updates can be lost, never invented
        QCOMPARE(model.result()["completed_increments"].toInteger(), 80000);
        QVERIFY(!checkNamed(model, "counter_exact").expectedToPass); // losing updates is the lesson here
    }

    /// The lesson's own run: 4 × 100000, long enough to watch, every worker seen holding and waiting.
    void defaultRunShowsWhoHoldsAndWhoWaits()
    {
        const auto& model = run({});
        QCOMPARE(model.result()["counter"].toInteger(), 400000);
        int waited = 0;
        qint64 held = 0;
        const auto perWorker = model.result()["per_worker"].toArray();
        for (const auto& worker : model.workers()) {
            const auto time = timeOf(model, worker);
            QVERIFY(time[size_t(WorkerState::Holding)] > 0);
            waited += time[size_t(WorkerState::Waiting)] > 0 ? 1 : 0;
            held += time[size_t(WorkerState::Holding)];
            const auto reported = perWorker.at(worker.index).toObject();
            QCOMPARE(reported["hold_ms"].toDouble(), double(time[size_t(WorkerState::Holding)]) / 1e6);
        }
        QVERIFY2(waited >= 3, qPrintable(QString::number(waited)));
        // One lock: at most one holder at a time, so the holds fit in the run...
        QVERIFY2(held <= model.endNs(), qPrintable(QStringLiteral("%1 > %2").arg(held).arg(model.endNs())));
        // ... and each of the 400000 holds computes 5 µs: at least 2 s of them, by construction.
        QVERIFY(held >= 400000 * 5000);
        QVERIFY(!model.handoffs().isEmpty()); // the lock passed after long waits is drawn
        // Every worker's time is all there: the trace's slices add up to the JSON's totals.
        const auto trace = TraceExporter::toJson(model);
        const auto workers = JsonExporter::toJson(model)["workers"].toArray();
        for (const auto& value : workers) {
            const auto worker = value.toObject();
            const auto micros = traceStateMicros(trace, worker["pid"].toInteger());
            const auto time = worker["time_in_state_s"].toObject();
            for (auto it = time.begin(); it != time.end(); ++it)
                QVERIFY2(std::abs(micros.value(it.key()) - it.value().toDouble() * 1e6) < 1,
                    qPrintable(QStringLiteral("%1: trace %2 µs, json %3 s")
                                   .arg(it.key())
                                   .arg(micros.value(it.key()))
                                   .arg(it.value().toDouble())));
        }
    }

    void lockOffHoldsNothing()
    {
        const auto& model = run(lock("off", 20000));
        for (const auto& worker : model.workers()) {
            QCOMPARE(timeOf(model, worker)[size_t(WorkerState::Holding)], 0);
            QVERIFY(timeOf(model, worker)[size_t(WorkerState::Running)] > 0);
        }
    }

    void counterIsSampledDuringTheRun()
    {
        const auto& model = run(lock("on", 100000));
        QCOMPARE(model.runSamples().size(), 1);
        QCOMPARE(model.runSamples().first().name, QString("counter"));
        QVERIFY(!model.runSamples().first().points.isEmpty());
    }

    void robustLockSurvivesItsHolder()
    {
        const auto& model = run(lock("robust", 300000), killHolder());
        QCOMPARE(model.outcomeId(), QString("completed"));
        QVERIFY(model.result()["recovered"].toBool());
        const auto deadPid = model.result()["dead_holder_pid"].toInteger();
        const auto killed = std::find_if(
            model.workers().cbegin(), model.workers().cend(), [](const WorkerInfo& w) { return w.signal.has_value(); });
        QVERIFY(killed != model.workers().cend());
        QCOMPARE(killed->signal, std::optional<int>(SIGKILL));
        QCOMPARE(killed->pid, deadPid);
        QVERIFY(killed->killedByUser);
        QVERIFY(checkNamed(model, "survived_holder_death").passed);
        QVERIFY2(checkNamed(model, "counter_matches_completed").passed,
            qPrintable(checkNamed(model, "counter_matches_completed").detail));
    }

    void plainLockDeadlocksWhenItsHolderDies()
    {
        const auto& model = run(lock("on", 300000), killHolder(1));
        QCOMPARE(model.outcomeId(), QString("deadlock"));
        const auto killed = std::find_if(
            model.workers().cbegin(), model.workers().cend(), [](const WorkerInfo& w) { return w.killedByUser; });
        QVERIFY(killed != model.workers().cend());
        QVERIFY2(model.cause().contains(QString::number(killed->pid)), qPrintable(model.cause()));
        QVERIFY(model.cause().contains("died while holding the lock"));
        QCOMPARE(model.liveWorkerCount(), 0);
        // The others really were stuck: each told the engine it was waiting before it was ended.
        for (const auto& worker : model.workers()) {
            if (&worker == &*killed)
                continue;
            const auto& states = worker.lanes.at(0).states;
            QVERIFY(std::any_of(states.cbegin(), states.cend(),
                [](const StateInterval& s) { return s.state == WorkerState::Waiting; }));
        }
    }

    void faultOnMissingWorkerIsRefused()
    {
        RunOptions options;
        QString error;
        options.faults.append(*FaultAction::parse(FaultAction::Kind::Kill, u"9@1", &error));
        QSignalSpy failed(&m_controller, &RunController::failed);
        QVERIFY(!m_controller.start("lock", lock("on", 1000), options));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains("--kill"));
        QVERIFY(failed.at(0).at(0).toString().contains("0 to 3"));
    }

private:
    const RunModel& run(const QVariantMap& params, const RunOptions& options = {})
    {
        QSignalSpy finished(&m_controller, &RunController::finished);
        if (!m_controller.start("lock", params, options))
            qFatal("lock did not start");
        if (!finished.wait(60000))
            qFatal("lock did not finish");
        return m_controller.model();
    }

    RunController m_controller;
};

QTEST_GUILESS_MAIN(TestLock)
#include "tst_lock.moc"
