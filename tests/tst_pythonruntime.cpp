// SPDX-License-Identifier: GPL-3.0-or-later
// The Python runtime: a lesson run as its own Python program under Debian's python3, judged by the same
// checks as in C++; bad input refused before anything starts; an interpreter that is missing, too old or
// failing said plainly; nothing left behind.
#include "scenariorun.h"

#include <QTemporaryDir>

#include <sys/prctl.h>
#include <sys/wait.h>

using namespace ProcViz;

namespace {
RunOptions python(const QString& interpreter = QStringLiteral(PROCVIZ_PYTHON3))
{
    RunOptions options;
    options.runtime = RunOptions::Runtime::Python;
    options.python = interpreter;
    return options;
}

/// A stand-in interpreter: answers the version question with @p version and otherwise runs @p body.
QString fakePython(const QTemporaryDir& folder, const char* version, const char* body)
{
    const QString path = folder.filePath(QStringLiteral("python3"));
    QFile script(path);
    if (!script.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    script.write(QByteArray("#!/bin/sh\nif [ \"$2\" = -c ]; then echo ") + version + "; exit 0; fi\n" + body + "\n");
    script.close();
    script.setPermissions(script.permissions() | QFile::ExeOwner);
    return path;
}
} // namespace

class TestPythonRuntime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // Orphans of the program (its children, should it die first) come back to this process: a
        // process left behind anywhere shows in childProcesses().
        prctl(PR_SET_CHILD_SUBREAPER, 1);
    }
    void init() { m_controller.setWorkerProgram(PROCVIZ_WORKER_PATH); }
    void cleanup()
    {
        // As a subreaper this process also inherits orphans that merely ended, e.g. the tracer LeakSanitizer
        // clones when the spawner exits under ASan: their zombies are reaped here; a process still running is
        // what a run must not leave.
        while (waitpid(-1, nullptr, WNOHANG) > 0) { }
        QTRY_COMPARE(childProcesses(), QList<qint64>());
    }

    void lockOnIsExact()
    {
        const auto& model
            = runScenario(m_controller, "lock", {{"workers", 2}, {"increments", 20000}, {"lock", "on"}}, python());
        QCOMPARE(model.outcomeId(), QString("completed"));
        QCOMPARE(model.runtime(), QString("python"));
        QCOMPARE(model.result()["counter"].toInteger(), 40000);
        QCOMPARE(model.params().value("increments").toLongLong(), 20000);
        QVERIFY(!model.params().contains("work-ns")); // the program has no such thing
        for (const auto& check : model.checks())
            QVERIFY2(check.passed, qPrintable(check.name + ": " + check.detail));
    }

    void lockOffLosesUpdates()
    {
        qint64 lost = 0;
        for (int attempt = 0; attempt < 5 && lost == 0; ++attempt) {
            const auto& model = runScenario(
                m_controller, "lock", {{"workers", 4}, {"increments", 50000}, {"lock", "off"}}, python());
            QCOMPARE(model.outcomeId(), QString("completed"));
            const qint64 counter = model.result()["counter"].toInteger();
            QVERIFY(counter <= 200000 && counter > 0); // lost, never invented
            lost = 200000 - counter;
        }
        QVERIFY2(lost > 0, "five runs of 4 × 50000 unlocked increments lost nothing");
    }

    void everyLessonPassesItsChecksInPython_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QVariantMap>("params");
        QTest::addColumn<int>("processes"); // of the program's own, besides its main process
        QTest::newRow("lock") << "lock" << QVariantMap {{"increments", 20000}} << 4;
        QTest::newRow("shared") << "shared" << QVariantMap {{"rounds", 2000}, {"lock", "on"}} << 4;
        QTest::newRow("semaphore") << "semaphore" << QVariantMap {{"hold-ms", 200}} << 6;
        QTest::newRow("queue") << "queue" << QVariantMap {{"produce-ms", 50}, {"consume-ms", 80}} << 3;
        QTest::newRow("pipe") << "pipe" << QVariantMap {{"send-ms", 50}, {"recv-ms", 70}} << 2;
        QTest::newRow("duplex") << "pipe" << QVariantMap {{"mode", "duplex"}, {"send-ms", 50}} << 2;
        QTest::newRow("pool") << "pool" << QVariantMap {{"trials", 100000}} << 4;
        QTest::newRow("lifecycle") << "lifecycle"
                                   << QVariantMap {{"sleep-ms", 100}, {"sleep-jitter-ms", 0}, {"exit-code", 3}} << 3;
        QTest::newRow("timing") << "timing" << QVariantMap {{"iterations", 200000}, {"mode", "processes"}} << 4;
    }
    void everyLessonPassesItsChecksInPython()
    {
        QFETCH(QString, scenario);
        QFETCH(QVariantMap, params);
        QFETCH(int, processes);
        const auto& model = runScenario(m_controller, qPrintable(scenario), params, python());
        QCOMPARE(model.outcomeId(), QString("completed"));
        for (const auto& check : model.checks()) {
            QVERIFY2(check.passed || !check.expectedToPass, qPrintable(check.name + ": " + check.detail));
            QVERIFY2(check.passed, qPrintable(check.name + ": " + check.detail)); // these runs are the happy ones
        }
        // Every process of the program has a lane of its own, named as Python names it, reaped and accounted.
        int workers = 0;
        for (const auto& worker : model.workers()) {
            QVERIFY2(!worker.isAlive(), qPrintable(worker.role));
            QVERIFY2(worker.exitCode || worker.signal, qPrintable(worker.role));
            QVERIFY2(!worker.lanes.isEmpty(), qPrintable(worker.role));
            workers += worker.role.startsWith("Process-") || worker.role.contains("PoolWorker-") ? 1 : 0;
        }
        QCOMPARE(model.workers().first().role, QString("MainProcess"));
        QCOMPARE(workers, processes);
    }

    void waitsAndHoldsAreSeen()
    {
        const auto& model
            = runScenario(m_controller, "lock", {{"workers", 3}, {"increments", 30000}, {"lock", "on"}}, python());
        int holders = 0; // of the workers: the main process holds the Value's own lock too, to read it at the end
        for (const auto& worker : model.workers()) {
            if (!worker.role.startsWith("Process-"))
                continue;
            const auto totals = RunModel::workerTotals(worker, model.endNs());
            holders += totals[size_t(WorkerState::Holding)] > 0 ? 1 : 0;
        }
        QCOMPARE(holders, 3);
        QVERIFY(!model.handoffs().isEmpty()); // the lock, handed over after a wait
    }

    void whatThePythonProgramLacksIsRefusedBeforeAnythingStarts_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QVariantMap>("params");
        QTest::addColumn<QString>("named");
        QTest::newRow("work-ns") << "lock" << QVariantMap {{"work-ns", 500}} << "--work-ns";
        QTest::newRow("robust") << "lock" << QVariantMap {{"lock", "robust"}} << "--lock robust";
        QTest::newRow("gil") << "timing" << QVariantMap {{"mode", "gil"}} << "--mode gil";
        QTest::newRow("count") << "pipe" << QVariantMap {{"count", 100}} << "--count";
    }
    void whatThePythonProgramLacksIsRefusedBeforeAnythingStarts()
    {
        QFETCH(QString, scenario);
        QFETCH(QVariantMap, params);
        QFETCH(QString, named);
        QSignalSpy failed(&m_controller, &RunController::failed);
        QVERIFY(!m_controller.start(scenario, params, python()));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.at(0).at(0).toString().contains(named), qPrintable(failed.at(0).at(0).toString()));
        QCOMPARE(childProcesses(), QList<qint64>());
    }

    void aMissingInterpreterIsNamed()
    {
        QSignalSpy failed(&m_controller, &RunController::failed);
        QVERIFY(!m_controller.start("lock", {}, python("/nonexistent/python3")));
        QVERIFY(failed.at(0).at(0).toString().contains("/nonexistent/python3"));
        QCOMPARE(childProcesses(), QList<qint64>());
    }

    void anOldInterpreterIsRefused()
    {
        QTemporaryDir folder;
        QSignalSpy failed(&m_controller, &RunController::failed);
        QVERIFY(!m_controller.start("lock", {}, python(fakePython(folder, "3 9", "exit 0"))));
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains("Python 3.9") && message.contains("3.11"), qPrintable(message));
        QCOMPARE(childProcesses(), QList<qint64>());
    }

    void aFailingProgramShowsItsTraceback()
    {
        QTemporaryDir folder;
        const auto interpreter = fakePython(folder, "3 11",
            "echo 'Traceback (most recent call last):' >&2; echo 'ZeroDivisionError: division by zero' >&2; exit 1");
        QSignalSpy failed(&m_controller, &RunController::failed);
        const auto& model = runScenario(m_controller, "lock", {}, python(interpreter));
        QCOMPARE(model.outcomeId(), QString("failed"));
        QVERIFY2(model.cause().contains("ZeroDivisionError: division by zero"), qPrintable(model.cause()));
        QVERIFY(model.cause().contains("exit code 1"));
        QCOMPARE(failed.size(), 1);
        QVERIFY(!model.checks().isEmpty() && !model.checks().first().passed);
    }

private:
    RunController m_controller;
};

QTEST_GUILESS_MAIN(TestPythonRuntime)
#include "tst_pythonruntime.moc"
