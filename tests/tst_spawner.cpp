// SPDX-License-Identifier: GPL-3.0-or-later
// The per-run spawner: workers cloned by it must be indistinguishable, for the engine and for ps, from
// workers the engine started itself, and the spawner must never outlive the part of a run that needs it.
#include "childprocesses.h"
#include "engine/runcontroller.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace ProcViz;

namespace {
QByteArray readProc(qint64 pid, const char* file)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(file)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A field of /proc/PID/status, e.g. "PPid".
QByteArray statusField(qint64 pid, const QByteArray& name)
{
    for (const auto& line : readProc(pid, "status").split('\n')) {
        if (line.startsWith(name + ':'))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

qint64 sessionOf(qint64 pid)
{
    // Fields after the command name, which may hold spaces: state ppid pgrp session ...
    const auto stat = readProc(pid, "stat");
    return stat.mid(stat.lastIndexOf(')') + 2).split(' ').value(3).toLongLong();
}

QList<qint64> spawners()
{
    QList<qint64> found;
    for (qint64 pid : childProcesses()) {
        if (readProc(pid, "cmdline").split('\0').value(1) == "--spawner")
            found.append(pid);
    }
    return found;
}

QList<qint64> childrenOf(qint64 parent)
{
    QList<qint64> children;
    for (const auto& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const auto stat = ProcStat::read(entry.toLongLong());
        if (stat && stat->parentPid == parent)
            children.append(entry.toLongLong());
    }
    return children;
}

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

QVariantMap lifecycle(int workers, int sleepMs)
{
    return {{QStringLiteral("workers"), workers}, {QStringLiteral("sleep-ms"), sleepMs}};
}

// Four phases, one worker each until the last: the spawner is still needed while the first one runs.
QVariantMap timingAllModes()
{
    return {{QStringLiteral("mode"), QStringLiteral("all")}, {QStringLiteral("workers"), 1},
        {QStringLiteral("iterations"), qint64(600'000'000)}};
}
} // namespace

class TestSpawner : public QObject
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
        QCOMPARE(childProcesses(), QList<qint64>()); // no worker, no spawner and no zombie left
    }

    void workersAreChildrenOfTheEngine()
    {
        RunOptions options;
        options.cpuLimitSeconds = 77;
        options.workerNice = 19;
        QSignalSpy finished(m_controller.get(), &RunController::finished);
        // More than one batch of requests (Spawner::MaxInFlight): answers are taken while requests go out.
        constexpr int Workers = 12;
        QVERIFY(m_controller->start(QStringLiteral("lifecycle"), lifecycle(Workers, 20000), options));
        QVERIFY(waitForAllStarted(*m_controller, Workers));
        const auto& workers = m_controller->model().workers();
        QList<qint64> pids;
        for (const auto& worker : workers) {
            pids.append(worker.pid);
            // The engine's child, not the spawner's, with its own PID (the worker says so itself)...
            QCOMPARE(statusField(worker.pid, "PPid"), QByteArray::number(getpid()));
            QCOMPARE(worker.lanes.at(0).tid, worker.pid);
            // ...in the spawner's session, not ours: one scheduling group (autogroup) for all the run's
            // workers, weighed as a whole against the window...
            QVERIFY(sessionOf(worker.pid) != getsid(0));
            QCOMPARE(sessionOf(worker.pid), sessionOf(workers.at(0).pid));
            if (const auto group = readProc(worker.pid, "autogroup"); !group.isEmpty())
                QVERIFY2(group != readProc(getpid(), "autogroup"), group.constData());
            // ...with the run's CPU-time limit...
            const auto limits = readProc(worker.pid, "limits");
            const auto cpuLine = limits.mid(limits.indexOf("Max cpu time")).split('\n').at(0).simplified();
            QCOMPARE(cpuLine, QByteArray("Max cpu time 77 78 seconds"));
            // ...at the nice value the run asked for...
            const auto stat = readProc(worker.pid, "stat");
            QCOMPARE(stat.mid(stat.lastIndexOf(')') + 2).split(' ').value(16), QByteArray("19"));
            // ...its own argv and name...
            const auto argv = readProc(worker.pid, "cmdline").split('\0');
            QCOMPARE(argv.mid(0, 4),
                QByteArrayList({"procviz-worker", "lifecycle", "worker", QByteArray::number(worker.index)}));
            QCOMPARE(readProc(worker.pid, "comm"), QByteArray("procviz-worker\n"));
            // ...and exactly the descriptors it was given: stdin from the engine, stdout and stderr, telemetry.
            const auto fds = QDir(QStringLiteral("/proc/%1/fd").arg(worker.pid)).entryList(QDir::NoDotAndDotDot | QDir::System);
            QCOMPARE(fds, QStringList({QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
            QVERIFY(QFile::symLinkTarget(QStringLiteral("/proc/%1/fd/0").arg(worker.pid)).contains(QLatin1String("pipe:")));
        }
        QCOMPARE(QSet<qint64>(pids.cbegin(), pids.cend()).size(), Workers);
        // Its only phase is spawned, so the spawner goes (by itself, reaped without a wait): our children
        // are the workers alone.
        std::sort(pids.begin(), pids.end());
        QVERIFY(QTest::qWaitFor([&] {
            auto children = childProcesses();
            std::sort(children.begin(), children.end());
            return children == pids;
        }, 10000));
        m_controller->stop();
        QVERIFY(finished.wait(10000));
    }

    void spawnerLastsUntilTheLastPhase()
    {
        QSignalSpy finished(m_controller.get(), &RunController::finished);
        QVERIFY(m_controller->start(QStringLiteral("timing"), timingAllModes()));
        QVERIFY(waitForAllStarted(*m_controller, 1));
        QCOMPARE(spawners().size(), 1);
        m_controller->stop();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("stopped"));
        QCOMPARE(childProcesses(), QList<qint64>()); // gone at the end of the run, not only with the controller
    }

    void killedSpawnerFailsTheRunCleanly()
    {
        QSignalSpy failed(m_controller.get(), &RunController::failed);
        QSignalSpy finished(m_controller.get(), &RunController::finished);
        QVERIFY(m_controller->start(QStringLiteral("timing"), timingAllModes()));
        QVERIFY(waitForAllStarted(*m_controller, 1));
        const auto spawner = spawners();
        QCOMPARE(spawner.size(), 1);
        ::kill(pid_t(spawner.at(0)), SIGKILL);
        // The next phase cannot be spawned: the run fails, saying why, instead of hanging.
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("failed"));
        QCOMPARE(failed.size(), 1);
        const auto message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains(QLatin1String("spawner")) && message.contains(QLatin1String("signal 9")),
            qPrintable(message));
        QCOMPARE(m_controller->model().workers().at(0).exitCode, std::optional<int>(0)); // the first phase ran
        QCOMPARE(childProcesses(), QList<qint64>());
    }

    // The workers of a phase are asked for in batches and come while the event loop runs: whatever the
    // user does in between must reach the ones that are still on their way too.
    void stopWhileLaunchingEndsEveryWorker()
    {
        QSignalSpy finished(m_controller.get(), &RunController::finished);
        QSignalSpy started(m_controller.get(), &RunController::workerStarted);
        QVERIFY(m_controller->start(QStringLiteral("lifecycle"), lifecycle(40, 60000)));
        QVERIFY(started.wait(10000));
        QVERIFY(started.size() < 40); // still launching
        m_controller->stop();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("stopped"));
        for (const auto& worker : m_controller->model().workers())
            QVERIFY(!worker.isAlive());
        QCOMPARE(childProcesses(), QList<qint64>());
    }

    void pauseWhileLaunchingStopsLateWorkersToo()
    {
        QSignalSpy started(m_controller.get(), &RunController::workerStarted);
        constexpr int Workers = 24;
        QVERIFY(m_controller->start(QStringLiteral("lifecycle"), lifecycle(Workers, 60000)));
        m_controller->pause();
        QVERIFY(QTest::qWaitFor([&] { return started.size() == Workers; }, 20000));
        for (const auto& worker : m_controller->model().workers()) {
            QVERIFY2(QTest::qWaitFor([&] { return ProcStat::read(worker.pid).value_or(ProcStat {}).state == 'T'; }, 5000),
                qPrintable(QString::number(worker.pid)));
        }
        m_controller->stop();
    }

    void destroyedWhileLaunchingLeavesNothing()
    {
        QVERIFY(m_controller->start(QStringLiteral("lifecycle"), lifecycle(40, 60000)));
        m_controller.reset(); // cleanup() checks that no worker, spawner or zombie is left
    }

    void crashedWorkerIsReaped()
    {
        QSignalSpy finished(m_controller.get(), &RunController::finished);
        QVERIFY(m_controller->start(QStringLiteral("lifecycle"), lifecycle(2, 60000)));
        QVERIFY(waitForAllStarted(*m_controller, 2));
        // Default options leave the nice value alone: the command line's timings compete on equal terms.
        const auto stat = readProc(m_controller->model().workers().at(1).pid, "stat");
        QCOMPARE(stat.mid(stat.lastIndexOf(')') + 2).split(' ').value(16), QByteArray("0"));
        ::kill(pid_t(m_controller->model().workers().at(0).pid), SIGSEGV);
        QVERIFY(QTest::qWaitFor([&] { return !m_controller->model().workers().at(0).isAlive(); }, 10000));
        QCOMPARE(m_controller->model().workers().at(0).signal, std::optional<int>(SIGSEGV));
        m_controller->stop();
        QVERIFY(finished.wait(10000));
        QCOMPARE(childProcesses(), QList<qint64>());
    }

    void killedAppTakesItsSpawnerWithIt()
    {
        // The spawner of a run with phases still to come outlives nothing: not even an app killed by SIGKILL.
        QProcess app;
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PROCVIZ_WORKER"), QStringLiteral(PROCVIZ_WORKER_PATH));
        app.setProcessEnvironment(environment);
        app.start(QStringLiteral(PROCVIZ_BINARY),
            {QStringLiteral("run"), QStringLiteral("timing"), QStringLiteral("--workers"), QStringLiteral("1"),
                QStringLiteral("--iterations"), QStringLiteral("30000000000"), QStringLiteral("--quiet")});
        QVERIFY(app.waitForStarted());
        QList<qint64> children;
        QVERIFY(QTest::qWaitFor(
            [&] {
                children = childrenOf(app.processId());
                return children.size() == 2; // the spawner and the first phase's worker
            },
            10000));
        QCOMPARE(::kill(pid_t(app.processId()), SIGKILL), 0);
        QVERIFY(app.waitForFinished(5000));
        for (qint64 pid : std::as_const(children)) {
            QVERIFY2(QTest::qWaitFor([pid] { return !QFile::exists(QStringLiteral("/proc/%1").arg(pid))
                                                 || ProcStat::read(pid).value_or(ProcStat {}).state == 'Z'; },
                         5000),
                qPrintable(QString::number(pid)));
        }
    }

    void programThatCannotSpawnIsNamed()
    {
        // /bin/true runs, but never says it is ready to spawn: the run fails, and says so.
        m_controller->setWorkerProgram(QStringLiteral("/bin/true"));
        QSignalSpy failed(m_controller.get(), &RunController::failed);
        QSignalSpy finished(m_controller.get(), &RunController::finished);
        // Depending on how soon /bin/true is gone, the request already fails to go out (start() says so) or
        // the answer never comes (the run fails a moment later).
        m_controller->start(QStringLiteral("lifecycle"), lifecycle(1, 0));
        QVERIFY(!finished.isEmpty() || finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("failed"));
        QCOMPARE(failed.size(), 1);
        const auto message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains(QLatin1String("spawner")) && message.contains(QLatin1String("exited with code 0")),
            qPrintable(message));
        QVERIFY(m_controller->model().workers().isEmpty());
    }

private:
    std::unique_ptr<RunController> m_controller;
};

QTEST_GUILESS_MAIN(TestSpawner)
#include "tst_spawner.moc"
