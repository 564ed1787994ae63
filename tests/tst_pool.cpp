// SPDX-License-Identifier: GPL-3.0-or-later
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
        QCOMPARE(model.outcome(), QString("completed"));
        QCOMPARE(model.result()["chunksize"].toInt(), 3); // ceil(40 / 16)
        QCOMPARE(model.result()["chunks"].toInt(), 14);
        QCOMPARE(sum(model.result()["tasks_per_worker"].toObject()), 40);
        QVERIFY(model.result()["ordered"].toBool());
        for (const auto& check : model.checks())
            QVERIFY2(check.passed, qPrintable(check.name + ": " + check.detail));
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
