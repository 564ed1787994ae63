// SPDX-License-Identifier: GPL-3.0-or-later
// The soak: many short runs of every scenario with random faults, then a count of what the engine's host
// process still holds. Label "soak", outside the default run: `ctest --test-dir build -L soak`.
#include "childprocesses.h"
#include "engine/runcontroller.h"
#include "shmobjects.h"

#include <QDir>
#include <QMap>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace ProcViz;

namespace {
int entriesIn(const QString& path)
{
    return int(QDir(path).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size());
}

struct Configuration
{
    QString scenario;
    QVariantMap params;
    int workers; ///< in the largest phase, for fault targets
};

// Short versions of every scenario, so that 200 runs take minutes, not hours.
QList<Configuration> configurations()
{
    return {
        {"timing", {{"mode", "all"}, {"workers", 3}, {"iterations", 30'000'000}}, 3},
        {"lifecycle", {{"workers", 3}, {"sleep-ms", 200}, {"sleep-jitter-ms", 200}, {"join-after-ms", 300}}, 3},
        {"lock", {{"lock", "off"}, {"increments", 30000}, {"work-ns", 500}}, 4},
        {"lock", {{"lock", "on"}, {"increments", 100000}, {"work-ns", 500}}, 4},
        {"lock", {{"lock", "robust"}, {"increments", 100000}, {"work-ns", 500}}, 4},
        {"semaphore", {{"workers", 4}, {"permits", 2}, {"hold-ms", 150}}, 4},
        {"queue", {{"items", 20}, {"produce-ms", 5}, {"consume-ms", 10}}, 3},
        {"pipe", {{"mode", "oneway"}, {"count", 2000}}, 2},
        {"pipe", {{"mode", "duplex"}, {"send-ms", 20}, {"recv-ms", 20}}, 2},
        {"pool", {{"tasks", 16}, {"trials", 200000}}, 4},
    };
}

FaultAction randomFault(QRandomGenerator& random, int workers)
{
    FaultAction fault;
    fault.kind = static_cast<FaultAction::Kind>(random.bounded(3));
    fault.workerIndex = random.bounded(4) == 0 ? -1 : int(random.bounded(workers));
    fault.atSeconds = random.bounded(0.4);
    return fault;
}
} // namespace

class TestSoak : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manyRunsWithRandomFaultsLeaveNothing()
    {
        const int runs = qEnvironmentVariableIntValue("PROCVIZ_SOAK_RUNS") > 0
            ? qEnvironmentVariableIntValue("PROCVIZ_SOAK_RUNS")
            : 200;
        QRandomGenerator random(20261121); // reproducible: the same faults in the same order every time
        RunController controller;
        controller.setWorkerProgram(PROCVIZ_WORKER_PATH);
        // The first run creates what lives for the whole process (timers, the registry); measure after it.
        runOnce(controller, configurations().first(), {});
        const int fdsBefore = entriesIn("/proc/self/fd");
        const int threadsBefore = entriesIn("/proc/self/task");

        QMap<QString, int> outcomes;
        int faults = 0;
        const auto all = configurations();
        for (int run = 0; run < runs; ++run) {
            const auto& configuration = all.at(run % all.size());
            RunOptions options;
            options.watchdogSeconds = 1;
            options.timeLimitSeconds = 30;
            const int count = int(random.bounded(3));
            for (int i = 0; i < count; ++i)
                options.faults.append(randomFault(random, configuration.workers));
            faults += count;
            ++outcomes[configuration.scenario + " " + runOnce(controller, configuration, options)];
            QCOMPARE(childProcesses(), QList<qint64>());
            QCOMPARE(sharedMemoryObjects(), QStringList());
        }

        const int fdsAfter = entriesIn("/proc/self/fd");
        const int threadsAfter = entriesIn("/proc/self/task");
        qInfo("soak: %d runs, %d faults injected", runs, faults);
        for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
            qInfo("  %-28s %d", qPrintable(it.key()), it.value());
        qInfo("leaks: processes 0, /dev/shm 0 (checked after every run); descriptors %d -> %d; threads %d -> %d",
            fdsBefore, fdsAfter, threadsBefore, threadsAfter);
        QCOMPARE(fdsAfter, fdsBefore);
        QCOMPARE(threadsAfter, threadsBefore);
    }

private:
    QString runOnce(RunController& controller, const Configuration& configuration, const RunOptions& options)
    {
        QSignalSpy finished(&controller, &RunController::finished);
        if (!controller.start(configuration.scenario, configuration.params, options))
            qFatal("%s did not start", qPrintable(configuration.scenario));
        if (!finished.wait(60000))
            qFatal("%s did not end within a minute: the engine hangs", qPrintable(configuration.scenario));
        return finished.at(0).at(0).toString();
    }
};

QTEST_GUILESS_MAIN(TestSoak)
#include "tst_soak.moc"
