// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/traceexporter.h"
#include "scenariorun.h"

#include <csignal>

using namespace ProcViz;

namespace {
QVariantMap queue(int producers, int consumers, int items, int capacity, int produceMs = 0, int consumeMs = 0)
{
    return {{"producers", producers}, {"consumers", consumers}, {"items", items}, {"capacity", capacity},
        {"produce-ms", produceMs}, {"consume-ms", consumeMs}};
}

bool everCalled(const WorkerInfo& worker, WorkerState state)
{
    for (const auto& lane : worker.lanes) {
        for (const auto& interval : lane.states) {
            if (interval.state == state)
                return true;
        }
    }
    return false;
}
} // namespace

class TestQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_controller.setWorkerProgram(PROCVIZ_WORKER_PATH); }

    void cleanup() { PROCVIZ_VERIFY_NOTHING_LEFT_BEHIND(); }

    void everyItemOnceAndInOrder()
    {
        const auto& model = run(queue(2, 3, 40, 2, 1, 2));
        QCOMPARE(model.outcomeId(), QString("completed"));
        const auto result = model.result();
        QCOMPARE(result["produced"].toInt(), 80);
        QCOMPARE(result["consumed"].toInt(), 80);
        QCOMPARE(result["lost"].toInt(), 0);
        QCOMPARE(result["duplicated"].toInt(), 0);
        QVERIFY(result["in_order"].toBool());
        QVERIFY(result["mechanism"].toString().contains("semaphores"));
        QVERIFY(result["max_depth"].toInt() <= 2);
        int total = 0;
        for (const auto& count : result["per_consumer"].toObject())
            total += count.toInt();
        QCOMPARE(total, 80);
        for (const auto& check : model.checks())
            QVERIFY2(check.passed, qPrintable(check.name + ": " + check.detail));
    }

    /// The lesson's pauses are sleeping, measured by each process; blocked gets are waiting; each item an arrow.
    void pausesAreSleepingAndGetsAreHandOffs()
    {
        const auto& model = run(queue(1, 2, 4, 0, 100, 150));
        QCOMPARE(model.outcomeId(), QString("completed"));
        const auto perConsumer = model.result()["per_consumer"].toObject();
        for (const auto& worker : model.workers()) {
            const auto time = RunModel::workerTotals(worker, model.endNs());
            const double sleeping = double(time[size_t(WorkerState::Sleeping)]) / 1e6;
            const double pauses = worker.role == "producer" ? 4 * 100.0
                                                             : perConsumer[QString::number(worker.pid)].toInt() * 150.0;
            QVERIFY2(std::abs(sleeping - pauses) <= 0.15 * pauses,
                qPrintable(QStringLiteral("%1 %2 slept %3 ms for %4 ms of pauses")
                               .arg(worker.role)
                               .arg(worker.index)
                               .arg(sleeping)
                               .arg(pauses)));
            if (worker.role == "consumer") // the first get finds the queue empty
                QVERIFY(time[size_t(WorkerState::Waiting)] > 0);
        }
        QCOMPARE(model.handoffs().size(), 4);
        QStringList items;
        for (const auto& handoff : model.handoffs()) {
            QCOMPARE(model.workers().at(handoff.fromWorker).role, QString("producer"));
            QCOMPARE(model.workers().at(handoff.toWorker).role, QString("consumer"));
            QVERIFY(handoff.takenNs >= handoff.givenNs);
            items.append(handoff.label);
        }
        items.sort();
        QCOMPARE(items, QStringList({"item 0.0", "item 0.1", "item 0.2", "item 0.3"}));
    }

    void sentinelEndsEveryConsumer()
    {
        const auto& model = run(queue(1, 4, 3, 0));
        QCOMPARE(model.outcomeId(), QString("completed"));
        int passedOn = 0;
        for (const auto& event : model.events())
            passedOn += event.text.contains("sentinel and passed it on") ? 1 : 0;
        QCOMPARE(passedOn, 4);
        for (const auto& worker : model.workers())
            QCOMPARE(worker.exitCode, std::optional<int>(0));
    }

    void consumersWaitForASlowProducer()
    {
        const auto& model = run(queue(1, 2, 4, 0, 30, 0));
        bool waited = false;
        for (const auto& worker : model.workers())
            waited = waited || (worker.role == "consumer" && everCalled(worker, WorkerState::Waiting));
        QVERIFY(waited);
        bool depthSampled = false;
        for (const auto& series : model.runSamples())
            depthSampled = depthSampled || (series.name == "depth" && !series.points.isEmpty());
        QVERIFY(depthSampled);
    }

    void throughputRunCountsItemsPerSecond()
    {
        const auto& model = run(queue(2, 2, 5000, 0));
        QCOMPARE(model.result()["consumed"].toInt(), 10000);
        QVERIFY(model.result()["items_per_s"].toDouble() > 0);
        QVERIFY(model.checks().first().passed);
    }

    void traceDrawsAnArrowPerItem()
    {
        const auto& model = run(queue(1, 2, 6, 0));
        int starts = 0, finishes = 0;
        for (const auto& value : TraceExporter::toJson(model)["traceEvents"].toArray()) {
            const auto event = value.toObject();
            starts += event["ph"].toString() == "s" ? 1 : 0;
            finishes += event["ph"].toString() == "f" ? 1 : 0;
        }
        QCOMPARE(starts, 6);
        QCOMPARE(finishes, 6);
    }

    void killedLastConsumerEndsAsDeadlock()
    {
        // Worker 1 is the only consumer: the producer then waits for a free slot in a full queue forever.
        const auto& model = run(queue(1, 1, 200, 2, 5, 50), killAt("1@0.3", 1));
        QCOMPARE(model.outcomeId(), QString("deadlock"));
        QVERIFY2(model.cause().contains("consumer"), qPrintable(model.cause()));
        QCOMPARE(model.workers().at(1).signal, std::optional<int>(SIGKILL));
        QVERIFY(model.workers().at(1).killedByUser);
    }

    void killedConsumerLeavesTheRestToOthers()
    {
        const auto& model = run(queue(1, 2, 60, 2, 5, 20), killAt("1@0.2", 1));
        QCOMPARE(model.outcomeId(), QString("completed"));
        QCOMPARE(model.workers().at(1).signal, std::optional<int>(SIGKILL));
        QCOMPARE(model.result()["duplicated"].toInt(), 0);
        QVERIFY(model.result()["in_order"].toBool());
    }

private:
    const RunModel& run(const QVariantMap& params, const RunOptions& options = {})
    {
        return runScenario(m_controller, "queue", params, options);
    }

    RunController m_controller;
};

QTEST_GUILESS_MAIN(TestQueue)
#include "tst_queue.moc"
