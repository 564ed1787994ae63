// SPDX-License-Identifier: GPL-3.0-or-later
#include "childprocesses.h"
#include "engine/runcontroller.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace ProcViz;

namespace {
const QString Lifecycle = QStringLiteral("lifecycle");

QVariantMap lifecycle(int workers, int sleepMs, int exitCode = 0)
{
    return {{QStringLiteral("workers"), workers}, {QStringLiteral("sleep-ms"), sleepMs},
        {QStringLiteral("sleep-jitter-ms"), 0}, {QStringLiteral("exit-code"), exitCode}};
}

QByteArray cmdlineOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Waits until every worker has said it started (so it really runs our code, not just exists).
bool waitForAllStarted(const RunController& controller, int workers)
{
    return QTest::qWaitFor(
        [&] {
            const auto& list = controller.model().workers();
            return list.size() == workers
                && std::all_of(list.cbegin(), list.cend(), [](const WorkerInfo& w) { return !w.lanes.isEmpty(); });
        },
        20000);
}
} // namespace

class TestRunController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_controller = std::make_unique<RunController>();
        m_controller->setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH));
    }

    void cleanup()
    {
        m_controller.reset();
        QCOMPARE(childProcesses(), QList<qint64>()); // no worker and no zombie left, whatever the test did
    }

    void workersAreRealProcesses()
    {
        QSignalSpy started(m_controller.get(), &RunController::workerStarted);
        QSignalSpy finished(m_controller.get(), &RunController::finished);
        QVERIFY(m_controller->start(Lifecycle, lifecycle(3, 1500)));
        QVERIFY(waitForAllStarted(*m_controller, 3));
        QCOMPARE(started.size(), 3);
        for (const auto& worker : m_controller->model().workers()) {
            // Its own PID, reported by the worker itself and matching what the engine spawned...
            QCOMPARE(worker.lanes.at(0).tid, worker.pid);
            // ...a child of this test, running procviz-worker with its scenario, role and index in argv.
            const auto stat = ProcStat::read(worker.pid);
            QVERIFY(stat);
            QCOMPARE(stat->parentPid, qint64(getpid()));
            const auto argv = cmdlineOf(worker.pid).split('\0');
            QVERIFY2(argv.at(0).endsWith("procviz-worker"), argv.at(0).constData());
            QCOMPARE(argv.at(1), QByteArray("lifecycle"));
            QCOMPARE(argv.at(2), QByteArray("worker"));
            QCOMPARE(argv.at(3), QByteArray::number(worker.index));
        }
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("completed"));
        for (const auto& worker : m_controller->model().workers()) {
            QCOMPARE(worker.exitCode, std::optional<int>(0));
            QCOMPARE(worker.signal, std::optional<int>());
            QVERIFY(!worker.isAlive());
        }
        QVERIFY(m_controller->model().checks().at(0).passed);
    }

    void exitCodeIsRecorded()
    {
        QSignalSpy finished(m_controller.get(), &RunController::finished);
        QVERIFY(m_controller->start(Lifecycle, lifecycle(2, 0, 3)));
        QVERIFY(finished.wait(20000));
        for (const auto& worker : m_controller->model().workers())
            QCOMPARE(worker.exitCode, std::optional<int>(3));
    }

    void killIsRecordedAsSignal9()
    {
        QSignalSpy finished(m_controller.get(), &RunController::finished);
        QVERIFY(m_controller->start(Lifecycle, lifecycle(2, 60000)));
        QVERIFY(waitForAllStarted(*m_controller, 2));
        QVERIFY(m_controller->kill(0));
        QVERIFY(QTest::qWaitFor([&] { return !m_controller->model().workers().at(0).isAlive(); }, 10000));
        const auto& killed = m_controller->model().workers().at(0);
        QCOMPARE(killed.signal, std::optional<int>(SIGKILL));
        QCOMPARE(killed.exitCode, std::optional<int>());
        QVERIFY(killed.killedByUser);
        QVERIFY(m_controller->model().workers().at(1).isAlive()); // the other one is untouched

        m_controller->stop();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("stopped"));
        QCOMPARE(m_controller->model().workers().at(1).signal, std::optional<int>(SIGTERM));
    }

    void pauseShowsAsStopped()
    {
        QSignalSpy finished(m_controller.get(), &RunController::finished);
        QVERIFY(m_controller->start(Lifecycle, lifecycle(2, 2000)));
        QVERIFY(waitForAllStarted(*m_controller, 2));
        m_controller->pause();
        QVERIFY(m_controller->isPaused());
        const auto isStopped = [&](const WorkerInfo& w) {
            return !w.engineStates.isEmpty() && w.engineStates.last().state == WorkerState::Stopped
                && w.engineStates.last().endNs < 0;
        };
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(
                    m_controller->model().workers().cbegin(), m_controller->model().workers().cend(), isStopped);
            },
            5000));
        QCOMPARE(ProcStat::read(m_controller->model().workers().at(0).pid)->state, 'T');
        m_controller->resume();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("completed"));
        for (const auto& worker : m_controller->model().workers())
            QCOMPARE(worker.exitCode, std::optional<int>(0));
    }

    void stopWhilePausedEnds()
    {
        QSignalSpy finished(m_controller.get(), &RunController::finished);
        QVERIFY(m_controller->start(Lifecycle, lifecycle(3, 60000)));
        QVERIFY(waitForAllStarted(*m_controller, 3));
        m_controller->pause();
        m_controller->stop();
        QVERIFY(finished.wait(10000));
        QCOMPARE(m_controller->model().liveWorkerCount(), 0);
    }

    void badInputSpawnsNothing_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QVariantMap>("params");
        QTest::addRow("zero workers") << "timing" << QVariantMap {{QStringLiteral("workers"), 0}};
        QTest::addRow("too many workers") << "lifecycle" << QVariantMap {{QStringLiteral("workers"), 65}};
        QTest::addRow("unknown scenario") << "nosuch" << QVariantMap {};
    }

    void badInputSpawnsNothing()
    {
        QFETCH(QString, scenario);
        QFETCH(QVariantMap, params);
        QSignalSpy failed(m_controller.get(), &RunController::failed);
        QSignalSpy started(m_controller.get(), &RunController::workerStarted);
        QVERIFY(!m_controller->start(scenario, params));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(started.size(), 0);
        QVERIFY(!m_controller->isRunning());
    }

    void missingWorkerProgramFails()
    {
        m_controller->setWorkerProgram(QStringLiteral("/nonexistent/procviz-worker"));
        QSignalSpy failed(m_controller.get(), &RunController::failed);
        QVERIFY(!m_controller->start(Lifecycle, lifecycle(1, 0)));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("/nonexistent/procviz-worker")));
    }

    void destroyingMidRunLeavesNothing()
    {
        QVERIFY(m_controller->start(Lifecycle, lifecycle(4, 60000)));
        QVERIFY(waitForAllStarted(*m_controller, 4));
        // The four workers, once the spawner (dismissed when the last of them was created) has gone.
        QVERIFY(QTest::qWaitFor([] { return childProcesses().size() == 4; }, 10000));
        m_controller.reset(); // cleanup() checks that nothing remains
    }

    void timeLimitEndsTheRun()
    {
        QSignalSpy finished(m_controller.get(), &RunController::finished);
        RunOptions options;
        options.timeLimitSeconds = 1;
        QVERIFY(m_controller->start(Lifecycle, lifecycle(2, 60000), options));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("limit"));
        QVERIFY2(m_controller->model().cause().contains(QStringLiteral("time limit")),
            qPrintable(m_controller->model().cause()));
    }

    void cpuLimitEndsTheWorker()
    {
        QSignalSpy finished(m_controller.get(), &RunController::finished);
        RunOptions options;
        options.cpuLimitSeconds = 1;
        const QVariantMap endless {{QStringLiteral("mode"), QStringLiteral("processes")},
            {QStringLiteral("workers"), 1}, {QStringLiteral("iterations"), qint64(100'000'000'000)}};
        QVERIFY(m_controller->start(QStringLiteral("timing"), endless, options));
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("limit"));
        QCOMPARE(m_controller->model().workers().at(0).signal, std::optional<int>(SIGXCPU));
        QVERIFY2(m_controller->model().cause().contains(QStringLiteral("SIGXCPU")),
            qPrintable(m_controller->model().cause()));
    }

    void zombieUntilJoined()
    {
        QSignalSpy finished(m_controller.get(), &RunController::finished);
        auto params = lifecycle(2, 100, 3);
        params.insert(QStringLiteral("join-after-ms"), 1500);
        QVERIFY(m_controller->start(Lifecycle, params));
        QVERIFY(waitForAllStarted(*m_controller, 2));
        // Ended but not yet joined: the kernel keeps it as a zombie, and the model says so.
        const auto pid = m_controller->model().workers().at(0).pid;
        QTRY_COMPARE_WITH_TIMEOUT(ProcStat::read(pid).value_or(ProcStat {}).state, 'Z', 5000);
        // The kernel may show the zombie before the engine's event loop has read the pidfd that says so.
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->model().workers().at(0).hasExited(), 5000);
        QVERIFY(m_controller->model().workers().at(0).isAlive());
        QCOMPARE(m_controller->model().workers().at(0).engineStates.last().state, WorkerState::Zombie);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("completed"));
        for (const auto& worker : m_controller->model().workers()) {
            QCOMPARE(worker.exitCode, std::optional<int>(3)); // known once joined
            QVERIFY(worker.endNs > worker.exitNs);
            QVERIFY(RunModel::workerTotals(worker, m_controller->model().nowNs())[size_t(WorkerState::Zombie)] > 0);
        }
        QCOMPARE(childProcesses(), QList<qint64>());
    }

    void stopJoinsZombiesAtOnce()
    {
        QSignalSpy finished(m_controller.get(), &RunController::finished);
        auto params = lifecycle(2, 50);
        params.insert(QStringLiteral("join-after-ms"), 60000);
        QVERIFY(m_controller->start(Lifecycle, params));
        QVERIFY(waitForAllStarted(*m_controller, 2));
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(m_controller->model().workers().cbegin(),
                                     m_controller->model().workers().cend(),
                                     [](const WorkerInfo& w) { return w.hasExited(); }),
            5000);
        m_controller->pause(); // paused or not, zombies get joined when the run stops
        m_controller->stop();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("stopped"));
        QCOMPARE(childProcesses(), QList<qint64>());
    }

    /// Workers that die of the stop are joined at once too, not after the lesson's join delay.
    void stopDoesNotWaitForTheJoinDelay()
    {
        QSignalSpy finished(m_controller.get(), &RunController::finished);
        auto params = lifecycle(2, 60000);
        params.insert(QStringLiteral("join-after-ms"), 60000);
        QVERIFY(m_controller->start(Lifecycle, params));
        QVERIFY(waitForAllStarted(*m_controller, 2));
        m_controller->stop();
        QVERIFY(finished.wait(10000)); // a minute's delay would fail here
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("stopped"));
    }

    void samplesComeFromProc()
    {
        QSignalSpy finished(m_controller.get(), &RunController::finished);
        QVERIFY(m_controller->start(Lifecycle, lifecycle(1, 600)));
        QVERIFY(finished.wait(20000));
        const auto& samples = m_controller->model().workers().at(0).samples;
        QVERIFY(!samples.isEmpty());
        QVERIFY(std::any_of(samples.cbegin(), samples.cend(), [](const ProcSample& s) { return s.procState == 'S'; }));
    }

private:
    std::unique_ptr<RunController> m_controller;
};

QTEST_GUILESS_MAIN(TestRunController)
#include "tst_runcontroller.moc"
