// SPDX-License-Identifier: GPL-3.0-or-later
#include "scenariorun.h"

using namespace ProcViz;

namespace {
/// Quick runs: CPython's pace between reading and writing.
QVariantMap shared(const QString& lock, int rounds = 3000)
{
    return {{"lock", lock}, {"workers", 4}, {"rounds", rounds}, {"elements", 5}, {"work-ns", 500}};
}

QList<qint64> integers(const QJsonValue& array)
{
    QList<qint64> list;
    for (const auto& value : array.toArray())
        list.append(value.toInteger());
    return list;
}
} // namespace

class TestShared : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_controller.setWorkerProgram(PROCVIZ_WORKER_PATH); }

    void cleanup() { PROCVIZ_VERIFY_NOTHING_LEFT_BEHIND(); }

    void locksMakeEveryTotalExact()
    {
        const auto& model = run(shared("on"));
        QCOMPARE(model.outcomeId(), QString("completed"));
        QCOMPARE(model.result()["value"].toInteger(), 12000);
        QCOMPARE(integers(model.result()["array"]), QList<qint64>(5, 12000));
        for (const auto& check : model.checks())
            QVERIFY2(check.passed, qPrintable(check.name + ": " + check.detail));
        // Each worker held the locks (and waited its turn for them).
        for (const auto& worker : model.workers())
            QVERIFY(RunModel::workerTotals(worker, model.endNs())[size_t(WorkerState::Holding)] > 0);
    }

    void withoutLocksUpdatesAreLostNeverInvented()
    {
        const auto& model = run(shared("off"));
        QCOMPARE(model.result()["completed_rounds"].toInteger(), 12000);
        QVERIFY(model.result()["value"].toInteger() <= 12000);
        for (const auto total : integers(model.result()["array"]))
            QVERIFY(total > 0 && total <= 12000);
        for (const auto& check : model.checks())
            QVERIFY(!check.expectedToPass); // a loss is the lesson here, not an error
        for (const auto& worker : model.workers())
            QCOMPARE(RunModel::workerTotals(worker, model.endNs())[size_t(WorkerState::Holding)], 0);
    }

    void theLessonsOwnRunLosesUpdates()
    {
        // 4 workers on 2 cores with 5 µs between each read and write: their updates interleave.
        const auto& model = run({{"lock", "off"}, {"rounds", 2000}});
        qint64 lost = model.result()["value_lost"].toInteger();
        for (const auto value : integers(model.result()["array_lost"]))
            lost += value;
        QVERIFY2(lost > 0, "no update lost in 2000 rounds of 4 workers");
    }

    void everyValueIsSampledLive()
    {
        const auto& model = run(shared("on"));
        QStringList names;
        for (const auto& series : model.runSamples())
            names.append(series.name);
        QCOMPARE(names, QStringList({"v.value", "a[0]", "a[1]", "a[2]", "a[3]", "a[4]"}));
    }

    void badElementsAreRefusedBeforeAnythingStarts()
    {
        QSignalSpy failed(&m_controller, &RunController::failed);
        QVERIFY(!m_controller.start("shared", {{"elements", 33}}));
        QVERIFY(failed.at(0).at(0).toString().contains("--elements"));
        QVERIFY(failed.at(0).at(0).toString().contains("1 to 32"));
        QCOMPARE(childProcesses(), QList<qint64>());
    }

private:
    const RunModel& run(const QVariantMap& params) { return runScenario(m_controller, "shared", params); }

    RunController m_controller;
};

QTEST_GUILESS_MAIN(TestShared)
#include "tst_shared.moc"
