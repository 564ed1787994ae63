// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/traceexporter.h"
#include "scenariorun.h"

using namespace ProcViz;

namespace {
QVariantMap pool(int workers, int tasks, int chunksize, const QString& skew = "uniform")
{
    return {{"workers", workers}, {"tasks", tasks}, {"chunksize", chunksize}, {"trials", 20000}, {"skew", skew}};
}

int sum(const QJsonObject& object)
{
    int total = 0;
    for (const auto& value : object)
        total += value.toInt();
    return total;
}
} // namespace

class TestPool : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_controller.setWorkerProgram(PROCVIZ_WORKER_PATH); }

    void cleanup() { PROCVIZ_VERIFY_NOTHING_LEFT_BEHIND(); }

    void pythonsDefaultChunksize()
    {
        const auto& model = run(pool(4, 40, 0));
        QCOMPARE(model.outcomeId(), QString("completed"));
        QCOMPARE(model.result()["chunksize"].toInt(), 3); // ceil(40 / 16)
        QCOMPARE(model.result()["chunks"].toInt(), 14);
        QCOMPARE(sum(model.result()["tasks_per_worker"].toObject()), 40);
        QVERIFY(model.result()["ordered"].toBool());
        for (const auto& check : model.checks())
            QVERIFY2(check.passed, qPrintable(check.name + ": " + check.detail));
    }

    /// Which worker took which task: one task slice each, on the lane of the worker that ran it; whoever has
    /// nothing left waits, as a Pool's idle worker does, until the map is over.
    void everyTaskIsOneSliceOnItsWorker()
    {
        const auto& model = run(pool(3, 17, 2, "increasing"));
        QList<int> seen(17, 0);
        for (const auto& worker : model.workers()) {
            int mine = 0;
            for (const auto& task : worker.lanes.at(0).spans) {
                QVERIFY(task.index >= 0 && task.index < 17);
                ++seen[task.index];
                ++mine;
                QCOMPARE(task.label, QStringLiteral("task %1").arg(task.index));
                QVERIFY(task.endNs >= task.beginNs);
            }
            QCOMPARE(mine, model.result()["tasks_per_worker"][QString::number(worker.pid)].toInt());
        }
        QCOMPARE(seen, QList<int>(17, 1));
        qint64 lastTaskEnd = 0;
        for (const auto& worker : model.workers()) {
            for (const auto& task : worker.lanes.at(0).spans)
                lastTaskEnd = std::max(lastTaskEnd, task.endNs);
        }
        for (const auto& worker : model.workers()) {
            QVERIFY(worker.exitNs >= lastTaskEnd); // nobody leaves before the map is over...
            QVERIFY(RunModel::workerTotals(worker, model.endNs())[size_t(WorkerState::Waiting)] > 0); // ... idle
        }
        const auto trace = TraceExporter::toJson(model);
        int slices = 0;
        for (const auto& event : trace["traceEvents"].toArray())
            slices += event.toObject().value("cat").toString() == "task" ? 1 : 0;
        QCOMPARE(slices, 17);
    }

    void resultDoesNotDependOnTheSplit()
    {
        const double first = run(pool(2, 24, 1)).result()["pi"].toDouble();
        const double second = run(pool(3, 24, 5)).result()["pi"].toDouble();
        QCOMPARE(first, second);
        QVERIFY(first > 3.0 && first < 3.3);
    }

    void perWorkerTelemetry()
    {
        const auto& model = run(pool(3, 30, 4, "increasing"));
        QCOMPARE(model.result()["busy_s"].toObject().size(), 3);
        QVERIFY(model.result()["imbalance"].toDouble() >= 1.0);
        for (const auto& worker : model.workers()) {
            QStringList names;
            for (const auto& counter : worker.counters)
                names.append(counter.name);
            if (model.result()["tasks_per_worker"][QString::number(worker.pid)].toInt() > 0)
                QCOMPARE(names, QStringList({"chunks", "tasks", "busy_ms"}));
        }
    }

private:
    const RunModel& run(const QVariantMap& params, const RunOptions& options = {})
    {
        return runScenario(m_controller, "pool", params, options);
    }

    RunController m_controller;
};

QTEST_GUILESS_MAIN(TestPool)
#include "tst_pool.moc"
