// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/traceexporter.h"
#include "scenariorun.h"

#include <csignal>

using namespace ProcViz;

namespace {
QVariantMap pipe(const QString& mode, const QString& messages, int sendMs = 5, int recvMs = 10)
{
    return {{"mode", mode}, {"messages", messages}, {"send-ms", sendMs}, {"recv-ms", recvMs}};
}

QStringList strings(const QJsonValue& value)
{
    QStringList list;
    for (const auto& item : value.toArray())
        list.append(item.toString());
    return list;
}
} // namespace

class TestPipe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_controller.setWorkerProgram(PROCVIZ_WORKER_PATH); }

    void cleanup() { PROCVIZ_VERIFY_NOTHING_LEFT_BEHIND(); }

    void oneWayArrivesInOrderThenEndOfFile()
    {
        const auto& model = run(pipe("oneway", "one,two,three,four,five"));
        QCOMPARE(model.outcomeId(), QString("completed"));
        const QStringList expected {"one", "two", "three", "four", "five"};
        QCOMPARE(strings(model.result()["sent"]), expected);
        QCOMPARE(strings(model.result()["received"]), expected);
        QVERIFY(model.result()["in_order"].toBool());
        QVERIFY(!model.result()["broken_pipe"].toBool());
        // The receiver only ends on end of file: it exiting 0 shows the engine kept no copy of the write end.
        for (const auto& worker : model.workers())
            QCOMPARE(worker.exitCode, std::optional<int>(0));
        QVERIFY(model.checks().first().passed);
    }

    /// Pauses are sleeping (the sender's between messages, the receiver's after each); every message an arrow.
    void pausesAreSleepingAndMessagesAreHandOffs()
    {
        const auto& model = run(pipe("oneway", "one,two,three,four", 100, 150));
        QCOMPARE(model.outcomeId(), QString("completed"));
        for (const auto& worker : model.workers()) {
            const double sleeping
                = double(RunModel::workerTotals(worker, model.endNs())[size_t(WorkerState::Sleeping)]) / 1e6;
            const double pauses = worker.role == "sender" ? 3 * 100.0 : 4 * 150.0;
            QVERIFY2(std::abs(sleeping - pauses) <= 0.15 * pauses,
                qPrintable(QStringLiteral("%1 slept %2 ms for %3 ms of pauses").arg(worker.role).arg(sleeping).arg(pauses)));
        }
        QStringList labels;
        for (const auto& handoff : model.handoffs()) {
            QCOMPARE(model.workers().at(handoff.fromWorker).role, QString("sender"));
            QCOMPARE(model.workers().at(handoff.toWorker).role, QString("receiver"));
            labels.append(handoff.label);
        }
        QCOMPARE(labels, QStringList({"one", "two", "three", "four"}));
    }

    void defaultIsTheTutorialsFourWords()
    {
        const auto& model = run(pipe("oneway", QString(), 1, 1));
        QCOMPARE(strings(model.result()["received"]).size(), 4);
    }

    void duplexPeersGreetAndAnswer()
    {
        const auto& model = run(pipe("duplex", "hi,bye"));
        QCOMPARE(model.outcomeId(), QString("completed"));
        const auto received = model.result()["received"].toObject();
        QCOMPARE(received.size(), 2);
        for (const auto& worker : model.workers()) {
            const auto got = strings(received[QString::number(worker.pid)]);
            const auto other = QString("peer %1: ").arg(1 - worker.index);
            QCOMPARE(got.size(), 4); // two greetings and two answers
            QVERIFY(got.contains(other + "hi"));
            QVERIFY(got.contains(other + "re peer " + QString::number(worker.index) + ": bye"));
            QCOMPARE(worker.exitCode, std::optional<int>(0));
        }
        QVERIFY(model.checks().first().passed);
    }

    void countRunMeasuresThroughputAndLatency()
    {
        auto params = pipe("oneway", QString());
        params.insert("count", 3000);
        const auto& model = run(params);
        const auto result = model.result();
        QCOMPARE(result["received_count"].toInt(), 3000);
        QVERIFY(result["in_order"].toBool());
        QVERIFY(result["messages_per_s"].toDouble() > 0);
        QVERIFY(result["latency_p99_ms"].toDouble() >= result["latency_median_ms"].toDouble());
        QVERIFY(model.checks().first().passed);
    }

    void countRunDeliversEveryMessageInOrder()
    {
        // The sender packs many frames into each write(): every one must still arrive, once and in order.
        constexpr int count = 100000;
        auto params = pipe("oneway", QString());
        params.insert("count", count);
        const auto& model = run(params);
        const auto result = model.result();
        QCOMPARE(model.outcomeId(), QString("completed"));
        QCOMPARE(result["sent_count"].toInt(), count);
        QCOMPARE(result["received_count"].toInt(), count);
        QVERIFY(result["in_order"].toBool());
        QVERIFY(!result["broken_pipe"].toBool());
        const auto received = strings(result["received"]);
        QVERIFY(received.size() > 1000); // as many as the log holds
        for (int i = 0; i < received.size(); ++i)
            QCOMPARE(received.at(i), QString("message %1").arg(i + 1));
        for (const auto& worker : model.workers())
            QCOMPARE(worker.exitCode, std::optional<int>(0));
        QVERIFY(model.checks().first().passed);
    }

    void duplexFloodDoesNotDeadlock()
    {
        // Both peers write far more than a socket buffer holds: a peer blocked writing while not reading would
        // leave both stuck.
        auto params = pipe("duplex", QString());
        params.insert("count", 20000);
        const auto& model = run(params);
        QCOMPARE(model.outcomeId(), QString("completed"));
        QCOMPARE(model.result()["received_count"].toInt(), 80000); // 2 × (20000 greetings + 20000 answers)
        QVERIFY(model.checks().first().passed);
    }

    void chatLineReachesTheReceiver()
    {
        connect(&m_controller, &RunController::workerStarted, this, [this](int id) {
            if (id == 0)
                QVERIFY(m_controller.sendInput(0, "hello"));
        });
        const auto& model = run(pipe("oneway", "a,b,c", 100, 0));
        disconnect(&m_controller, &RunController::workerStarted, this, nullptr);
        QVERIFY(strings(model.result()["received"]).contains("hello"));
        QCOMPARE(strings(model.result()["received"]), strings(model.result()["sent"]));
    }

    void killedReceiverIsABrokenPipe()
    {
        QStringList many;
        for (int i = 0; i < 100; ++i)
            many.append(QString::number(i));
        const auto& model = run(pipe("oneway", many.join(','), 10, 0), killAt("1@0.2"));
        QCOMPARE(model.workers().at(1).signal, std::optional<int>(SIGKILL));
        QVERIFY(model.result()["broken_pipe"].toBool());
        QCOMPARE(model.workers().at(0).exitCode, std::optional<int>(1));
        bool said = false;
        for (const auto& event : model.events())
            said = said || event.text.contains("EPIPE");
        QVERIFY(said);
    }

    void traceDrawsAnArrowPerMessage()
    {
        const auto& model = run(pipe("duplex", "x,y"));
        QHash<QString, int> phases;
        QSet<double> startIds, finishIds;
        for (const auto& value : TraceExporter::toJson(model)["traceEvents"].toArray()) {
            const auto event = value.toObject();
            const auto ph = event["ph"].toString();
            if (ph == "s")
                startIds.insert(event["id"].toDouble());
            if (ph == "f") {
                finishIds.insert(event["id"].toDouble());
                QCOMPARE(event["bp"].toString(), QString("e"));
            }
        }
        QCOMPARE(startIds.size(), 8);
        QCOMPARE(startIds, finishIds);
    }

private:
    const RunModel& run(const QVariantMap& params, const RunOptions& options = {})
    {
        return runScenario(m_controller, "pipe", params, options);
    }

    RunController m_controller;
};

QTEST_GUILESS_MAIN(TestPipe)
#include "tst_pipe.moc"
