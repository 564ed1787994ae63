// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real procviz binary, which starts real worker processes.
#include "engine/procstat.h"
#include "procvizprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>

namespace {
ProcVizOutcome runProcViz(const QStringList& arguments, const QString& workerProgram = QStringLiteral(PROCVIZ_WORKER_PATH))
{
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PROCVIZ_WORKER"), workerProgram);
    return runProcVizBinary(arguments, environment);
}

QJsonDocument readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll());
}

QSet<qint64> tracedPids(const QString& path)
{
    QSet<qint64> pids;
    for (const auto& value : readJson(path).object().value(QLatin1String("traceEvents")).toArray()) {
        const auto event = value.toObject();
        if (event.value(QLatin1String("ph")).toString() == QLatin1String("M")
            && event.value(QLatin1String("name")).toString() == QLatin1String("process_name"))
            pids.insert(event.value(QLatin1String("pid")).toInteger());
    }
    return pids;
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(PROCVIZ_BINARY)), PROCVIZ_BINARY);
        QVERIFY2(QFile::exists(QStringLiteral(PROCVIZ_WORKER_PATH)), PROCVIZ_WORKER_PATH);
    }

    void version()
    {
        const auto result = runProcViz({QStringLiteral("--version")});
        QVERIFY(result.finished);
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.out, QStringLiteral("procviz " PROCVIZ_VERSION "\n"));
    }

    void help()
    {
        const auto result = runProcViz({QStringLiteral("--help")});
        QVERIFY(result.finished);
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QLatin1String("run SCENARIO")));
        QVERIFY(result.out.contains(QLatin1String("list")));

        const auto scenarioHelp
            = runProcViz({QStringLiteral("run"), QStringLiteral("timing"), QStringLiteral("--help")});
        QCOMPARE(scenarioHelp.exitCode, 0);
        QVERIFY(scenarioHelp.out.contains(QLatin1String("--workers N")));
    }

    void listText()
    {
        const auto result = runProcViz({QStringLiteral("list")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QLatin1String("timing")));
        QVERIFY(result.out.contains(QLatin1String("an integer from 1 to 64")));
    }

    void listJson()
    {
        const auto result = runProcViz({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QJsonParseError error;
        const auto document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QJsonObject timing;
        for (const auto& value : document.array()) {
            if (value.toObject().value(QLatin1String("id")).toString() == QLatin1String("timing"))
                timing = value.toObject();
        }
        QVERIFY(!timing.isEmpty());
        for (const char* key : {"title", "summary", "roles", "parameters"})
            QVERIFY2(timing.contains(QLatin1String(key)), key);
        QJsonObject workers;
        for (const auto& value : timing.value(QLatin1String("parameters")).toArray()) {
            if (value.toObject().value(QLatin1String("name")).toString() == QLatin1String("workers"))
                workers = value.toObject();
        }
        QCOMPARE(workers.value(QLatin1String("type")).toString(), QStringLiteral("integer"));
        QCOMPARE(workers.value(QLatin1String("min")).toInt(), 1);
        QCOMPARE(workers.value(QLatin1String("max")).toInt(), 64);
        QVERIFY(workers.contains(QLatin1String("default")));
        QVERIFY(workers.contains(QLatin1String("help")));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("culprit");
        const QStringList run = {QStringLiteral("run"), QStringLiteral("timing")};
        QTest::addRow("workers 0") << run + QStringList {QStringLiteral("--workers"), QStringLiteral("0")}
                                   << QStringLiteral("workers");
        QTest::addRow("workers 65") << run + QStringList {QStringLiteral("--workers"), QStringLiteral("65")}
                                    << QStringLiteral("workers");
        QTest::addRow("workers abc") << run + QStringList {QStringLiteral("--workers"), QStringLiteral("abc")}
                                     << QStringLiteral("workers");
        QTest::addRow("empty value") << run + QStringList {QStringLiteral("--workers"), QString()}
                                     << QStringLiteral("workers");
        QTest::addRow("empty value after =")
            << run + QStringList {QStringLiteral("--workers=")} << QStringLiteral("workers");
        QTest::addRow("missing value") << run + QStringList {QStringLiteral("--workers")} << QStringLiteral("workers");
        QTest::addRow("mode bogus") << run + QStringList {QStringLiteral("--mode"), QStringLiteral("bogus")}
                                    << QStringLiteral("mode");
        QTest::addRow("mode bogus after =")
            << run + QStringList {QStringLiteral("--mode=bogus")} << QStringLiteral("mode");
        QTest::addRow("unknown option") << run + QStringList {QStringLiteral("--bogus"), QStringLiteral("1")}
                                        << QStringLiteral("bogus");
        QTest::addRow("extra argument") << run + QStringList {QStringLiteral("extra")} << QStringLiteral("extra");
        QTest::addRow("unknown scenario")
            << QStringList {QStringLiteral("run"), QStringLiteral("nosuch")} << QStringLiteral("nosuch");
        QTest::addRow("no scenario") << QStringList {QStringLiteral("run")} << QStringLiteral("scenario");
        const QStringList lock = {QStringLiteral("run"), QStringLiteral("lock")};
        QTest::addRow("kill without time")
            << lock + QStringList {QStringLiteral("--kill"), QStringLiteral("2")} << QStringLiteral("TARGET@SECONDS");
        QTest::addRow("kill missing worker")
            << lock + QStringList {QStringLiteral("--kill"), QStringLiteral("4@1")} << QStringLiteral("0 to 3");
        QTest::addRow("stop bad target") << lock + QStringList {QStringLiteral("--stop"), QStringLiteral("me@1")}
                                         << QStringLiteral("--stop");
        QTest::addRow("watchdog negative") << lock + QStringList {QStringLiteral("--watchdog-s"), QStringLiteral("-1")}
                                           << QStringLiteral("--watchdog-s");
        QTest::addRow("repeat zero") << lock + QStringList {QStringLiteral("--repeat"), QStringLiteral("0")}
                                     << QStringLiteral("from 1 to 1000");
        QTest::addRow("permits over workers") << QStringList {QStringLiteral("run"), QStringLiteral("semaphore"),
            QStringLiteral("--workers"), QStringLiteral("3"), QStringLiteral("--permits"), QStringLiteral("4")}
                                              << QStringLiteral("--permits");
        // Every scenario's parameters and every run option, one bad value each: with the rows above, the
        // table the reliability issue asks for (at least 40 values).
        // clang-format off
        const char* const more[][3] = {
            {"timing iterations 0", "run timing --iterations 0", "--iterations"},
            {"timing iterations over", "run timing --iterations 100000000001", "--iterations"},
            {"timing workers negative", "run timing --workers -2", "--workers"},
            {"lifecycle sleep over", "run lifecycle --sleep-ms 600001", "--sleep-ms"},
            {"lifecycle exit code 256", "run lifecycle --exit-code 256", "--exit-code"},
            {"lifecycle workers text", "run lifecycle --workers many", "--workers"},
            {"lifecycle join over", "run lifecycle --join-after-ms 60001", "--join-after-ms"},
            {"lifecycle jitter negative", "run lifecycle --sleep-jitter-ms -1", "--sleep-jitter-ms"},
            {"lock increments 0", "run lock --increments 0", "--increments"},
            {"lock increments over", "run lock --increments 100000001", "--increments"},
            {"lock mode unknown", "run lock --lock maybe", "--lock"},
            {"lock work negative", "run lock --work-ns -1", "--work-ns"},
            {"lock workers 65", "run lock --workers 65", "--workers"},
            {"semaphore permits 0", "run semaphore --permits 0", "--permits"},
            {"semaphore hold negative", "run semaphore --hold-ms -5", "--hold-ms"},
            {"semaphore hold over", "run semaphore --hold-ms 60001", "--hold-ms"},
            {"queue producers 0", "run queue --producers 0", "--producers"},
            {"queue consumers 0", "run queue --consumers 0", "--consumers"},
            {"queue items 0", "run queue --items 0", "--items"},
            {"queue capacity negative", "run queue --capacity -1", "--capacity"},
            {"queue produce text", "run queue --produce-ms soon", "--produce-ms"},
            {"pipe mode unknown", "run pipe --mode sideways", "--mode"},
            {"pipe count negative", "run pipe --count -1", "--count"},
            {"pipe send over", "run pipe --send-ms 60001", "--send-ms"},
            {"pool workers 0", "run pool --workers 0", "--workers"},
            {"pool tasks 0", "run pool --tasks 0", "--tasks"},
            {"pool skew unknown", "run pool --skew random", "--skew"},
            {"pool trials 0", "run pool --trials 0", "--trials"},
            {"cpu limit 0", "run lock --cpu-limit-s 0", "--cpu-limit-s"},
            {"time limit text", "run lock --time-limit-s long", "--time-limit-s"},
            {"cont bad time", "run semaphore --cont 1@later", "--cont"},
            {"kill holder without time", "run semaphore --kill holder", "--kill"},
        };
        // clang-format on
        for (const auto& row : more)
            QTest::addRow("%s", row[0]) << QString::fromLatin1(row[1]).split(QLatin1Char(' '))
                                        << QString::fromLatin1(row[2]);
        QTest::addRow("pipe messages too long") << QStringList {QStringLiteral("run"), QStringLiteral("pipe"),
            QStringLiteral("--messages"), QString(401, QLatin1Char('x'))}
                                                << QStringLiteral("--messages");
        QTest::addRow("json folder missing")
            << run + QStringList {QStringLiteral("--json"), QStringLiteral("/nonexistent-procviz/run.json")}
            << QStringLiteral("--json");
    }

    // Nothing may start on bad input: the worker program here only leaves a mark when it is run.
    void badInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, culprit);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString marker = dir.filePath(QStringLiteral("spawned"));
        const QString fakeWorker = dir.filePath(QStringLiteral("fake-worker"));
        QFile script(fakeWorker);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\ntouch '" + marker.toUtf8() + "'\n");
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

        const auto result = runProcViz(arguments, fakeWorker);
        QVERIFY(result.finished);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(culprit), qPrintable(result.err));
        QVERIFY(!QFile::exists(marker));
        if (QTest::currentDataTag() == QLatin1String("unknown scenario"))
            QVERIFY2(result.err.contains(QLatin1String("timing")), qPrintable(result.err)); // lists the known ids

        // The harness itself: with good input the same fake worker does get started.
        if (QTest::currentDataTag() == QLatin1String("workers 0")) {
            const auto good = runProcViz(
                {QStringLiteral("run"), QStringLiteral("timing"), QStringLiteral("--mode"), QStringLiteral("processes"),
                    QStringLiteral("--workers"), QStringLiteral("1"), QStringLiteral("--quiet")},
                fakeWorker);
            // It is started (as the run's spawner), and since a script cannot clone workers the run then fails.
            QCOMPARE(good.exitCode, 1);
            QVERIFY(QFile::exists(marker));
        }
    }

    void runProcesses()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("run.json"));
        const QString trace = dir.filePath(QStringLiteral("trace.json"));
        const QString csv = dir.filePath(QStringLiteral("samples.csv"));
        const auto result = runProcViz({QStringLiteral("run"), QStringLiteral("timing"), QStringLiteral("--mode"),
            QStringLiteral("processes"), QStringLiteral("--workers"), QStringLiteral("2"),
            QStringLiteral("--iterations"), QStringLiteral("2000000"), QStringLiteral("--json"), json,
            QStringLiteral("--trace"), trace, QStringLiteral("--csv"), csv, QStringLiteral("--quiet")});
        QVERIFY(result.finished);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(result.out.contains(QLatin1String("speedup")));
        QVERIFY(result.err.isEmpty()); // --quiet, and nothing went wrong

        const auto run = readJson(json).object();
        for (const char* key : {"scenario", "params", "elapsed_s", "workers", "result", "checks"})
            QVERIFY2(run.contains(QLatin1String(key)), key);
        QCOMPARE(run.value(QLatin1String("scenario")).toString(), QStringLiteral("timing"));
        const auto workers = run.value(QLatin1String("workers")).toArray();
        QCOMPARE(workers.size(), 2);
        QSet<qint64> pids;
        for (const auto& worker : workers) {
            const qint64 pid = worker.toObject().value(QLatin1String("pid")).toInteger();
            QVERIFY(pid > 1);
            QVERIFY(result.out.contains(QStringLiteral("pid %1").arg(pid)));
            QCOMPARE(worker.toObject().value(QLatin1String("exit_code")).toInt(-1), 0);
            pids.insert(pid);
        }
        QCOMPARE(pids.size(), 2);
        QCOMPARE(run.value(QLatin1String("result")).toObject().value(QLatin1String("modes")).toArray().size(), 1);

        QVERIFY(tracedPids(trace).contains(pids));

        QFile samples(csv);
        QVERIFY(samples.open(QIODevice::ReadOnly));
        QCOMPARE(samples.readLine(), QByteArray("time_s,worker,role,pid,progress,state,proc_state,cpu_s\n"));
    }

    // A throughput run records a thousand sends and receives: the terminal gets both ends of the lists,
    // the trace every event and the JSON file every logged message.
    void longListsAreShortenedInTheSummaryOnly()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("pipe.json"));
        const QString trace = dir.filePath(QStringLiteral("pipe.trace.json"));
        const auto result = runProcViz({QStringLiteral("run"), QStringLiteral("pipe"), QStringLiteral("--count"),
            QStringLiteral("5000"), QStringLiteral("--json"), json, QStringLiteral("--trace"), trace});
        QVERIFY(result.finished);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(result.out.count(QLatin1Char('\n')) < 100);
        QVERIFY(result.out.contains(QStringLiteral("… 1975 more events; --trace keeps them all …")));
        QVERIFY(result.out.contains(QLatin1String("received #1000 (")));
        QVERIFY(result.out.contains(QStringLiteral("\"message 6\",… ")));
        int instants = 0;
        for (const auto& event : readJson(trace).object().value(QLatin1String("traceEvents")).toArray())
            instants += event.toObject().value(QLatin1String("ph")).toString() == QLatin1String("i");
        QCOMPARE(instants, 2000);
        const auto received = readJson(json).object()[QLatin1String("result")][QLatin1String("received")].toArray();
        QVERIFY(received.size() > 10);
        QCOMPARE(received.first().toString(), QStringLiteral("message 1"));
    }

    void runAllModes()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("run.json"));
        const auto result = runProcViz({QStringLiteral("run"), QStringLiteral("timing"), QStringLiteral("--mode=all"),
            QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("--iterations"), QStringLiteral("2000000"),
            QStringLiteral("--json"), json});
        QVERIFY(result.finished);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QStringList modes;
        for (const auto& mode : readJson(json).object()[QLatin1String("result")][QLatin1String("modes")].toArray())
            modes.append(mode.toObject().value(QLatin1String("mode")).toString());
        QCOMPARE(modes,
            QStringList({QStringLiteral("sequential"), QStringLiteral("threads"), QStringLiteral("gil"),
                QStringLiteral("processes")}));
        QVERIFY(result.out.contains(QLatin1String("(emulated GIL)")));
    }

    // Ctrl-C stops the workers (none is left behind), the files are still written, and the exit status
    // tells the shell the run was interrupted.
    void repeatReportsEveryRun()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("repeat.json"));
        const auto outcome = runProcViz({QStringLiteral("run"), QStringLiteral("lock"), QStringLiteral("--lock"),
            QStringLiteral("off"), QStringLiteral("--increments"), QStringLiteral("2000"), QStringLiteral("--repeat"),
            QStringLiteral("3"), QStringLiteral("--json"), json, QStringLiteral("--quiet")});
        QCOMPARE(outcome.exitCode, 0);
        QVERIFY(outcome.out.contains("run 3/3"));
        QVERIFY(outcome.out.contains("Over 3 run"));
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto repeats
            = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("repeats")).toArray();
        QCOMPARE(repeats.size(), 3);
        for (const auto& entry : repeats)
            QVERIFY(entry.toObject().value(QStringLiteral("result")).toObject().contains(QStringLiteral("counter")));
    }

    void interrupt()
    {
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("run.json"));
        QProcess process;
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PROCVIZ_WORKER"), QStringLiteral(PROCVIZ_WORKER_PATH));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(PROCVIZ_BINARY),
            {QStringLiteral("run"), QStringLiteral("timing"), QStringLiteral("--mode"), QStringLiteral("processes"),
                QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("--iterations"),
                QStringLiteral("100000000000"), QStringLiteral("--json"), json, QStringLiteral("--quiet")});
        QVERIFY(process.waitForStarted());
        QTest::qWait(1000);
        QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 130);

        const auto run = readJson(json).object();
        QCOMPARE(run.value(QLatin1String("outcome")).toString(), QStringLiteral("stopped"));
        const auto workers = run.value(QLatin1String("workers")).toArray();
        QCOMPARE(workers.size(), 2);
        for (const auto& value : workers) {
            const auto worker = value.toObject();
            QVERIFY(!worker.value(QLatin1String("end_s")).isNull());
            QVERIFY(!worker.value(QLatin1String("signal")).isNull());
            const auto pid = pid_t(worker.value(QLatin1String("pid")).toInteger());
            QVERIFY(::kill(pid, 0) != 0 && errno == ESRCH);
        }
    }

    void killedAppTakesItsWorkersAndItsSegmentGoesNextTime()
    {
        QProcess process;
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PROCVIZ_WORKER"), QStringLiteral(PROCVIZ_WORKER_PATH));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(PROCVIZ_BINARY),
            {QStringLiteral("run"), QStringLiteral("lock"), QStringLiteral("--increments"), QStringLiteral("100000000"),
                QStringLiteral("--quiet")});
        QVERIFY(process.waitForStarted());
        const qint64 app = process.processId();
        QList<qint64> workers;
        QVERIFY(QTest::qWaitFor(
            [&] {
                workers = childrenOf(app);
                return workers.size() == 4;
            },
            10000));
        const QString segmentPrefix = QStringLiteral("procviz-%1-").arg(app);
        QVERIFY(!QDir(QStringLiteral("/dev/shm")).entryList({segmentPrefix + QLatin1Char('*')}, QDir::Files).isEmpty());

        QCOMPARE(::kill(pid_t(app), SIGKILL), 0); // no chance to clean up: the workers must go by themselves
        QVERIFY(process.waitForFinished(5000));
        for (qint64 pid : workers) {
            QVERIFY2(QTest::qWaitFor([pid] { return !isRunning(pid); }, 5000), qPrintable(QString::number(pid)));
        }
        // What the killed app could not unlink, the next ProcViz to start removes: its creator is gone.
        QCOMPARE(runProcViz({QStringLiteral("run"), QStringLiteral("lifecycle"), QStringLiteral("--workers"),
                                QStringLiteral("1"), QStringLiteral("--sleep-ms"), QStringLiteral("0"),
                                QStringLiteral("--quiet")})
                     .exitCode,
            0);
        QTRY_VERIFY(
            QDir(QStringLiteral("/dev/shm")).entryList({segmentPrefix + QLatin1Char('*')}, QDir::Files).isEmpty());
    }

private:
    static QList<qint64> childrenOf(qint64 parent)
    {
        QList<qint64> children;
        const auto entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const auto& entry : entries) {
            bool isPid = false;
            const qint64 pid = entry.toLongLong(&isPid);
            const auto stat = isPid ? ProcViz::ProcStat::read(pid) : std::nullopt;
            if (stat && stat->parentPid == parent)
                children.append(pid);
        }
        return children;
    }

    // Gone, or a zombie waiting for whoever adopted it: either way no longer running.
    static bool isRunning(qint64 pid)
    {
        const auto stat = ProcViz::ProcStat::read(pid);
        return stat && stat->state != 'Z' && stat->state != 'X';
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
