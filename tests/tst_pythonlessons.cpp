// SPDX-License-Identifier: GPL-3.0-or-later
// The lessons' Python programs (resources/python/<id>_lesson.py), run as the Python runtime runs them: Debian's
// python3, the program's path, then name=value parameters. Each must teach what its lesson claims, by the
// figures of its last line `result: {json}`; refuse a bad parameter with exit code 2 and one line naming it;
// and leave no process and no shared-memory object behind. The lesson panel shows exactly these files.
#include "childprocesses.h"
#include "engine/procstat.h"
#include "lessonpanel.h"
#include "scenario/scenarioregistry.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFontInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

#include <csignal>
#include <sys/prctl.h>
#include <sys/wait.h>

using namespace ProcViz;

namespace {
const QString Python = QStringLiteral(PROCVIZ_PYTHON3);
const QString ProgramsDir = QStringLiteral(PROCVIZ_PYTHON_LESSONS_DIR);

QString programPath(const QString& id)
{
    return ProgramsDir + QLatin1Char('/') + id + QLatin1String("_lesson.py");
}

QString programText(const QString& id)
{
    QFile file(programPath(id));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

struct LessonRun
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject result; ///< the JSON of the last line, when it is `result: {...}`
    bool hasResult = false;
};

/// The environment of a plain `python3 program.py`: nothing of a developer's own Python set-up. Not unbuffered
/// either: then print() writes each of its pieces on its own, and lines of two processes interleave mid-line.
QProcessEnvironment plainEnvironment()
{
    auto environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONSAFEPATH", "PYTHONUNBUFFERED"})
        environment.remove(QLatin1String(name));
    return environment;
}

void startLesson(QProcess& process, const QString& id, const QStringList& params)
{
    process.setProcessEnvironment(plainEnvironment());
    process.start(Python, QStringList {programPath(id)} + params);
}

LessonRun finishLesson(QProcess& process, int timeoutMs)
{
    LessonRun run;
    run.finished = (process.state() == QProcess::NotRunning || process.waitForFinished(timeoutMs))
        && process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    const auto lines = run.out.trimmed().split(QLatin1Char('\n'));
    const QString prefix = QStringLiteral("result: ");
    if (!lines.isEmpty() && lines.last().startsWith(prefix)) {
        const auto document = QJsonDocument::fromJson(lines.last().sliced(prefix.size()).toUtf8());
        run.result = document.object();
        run.hasResult = document.isObject();
    }
    return run;
}

/// Runs a lesson to its end (a minute at most: a hang must fail, not stall the suite).
LessonRun runLesson(const QString& id, const QStringList& params, int timeoutMs = 60000)
{
    QProcess process; // its destructor kills a program that overran the timeout
    startLesson(process, id, params);
    return finishLesson(process, timeoutMs);
}

QString describe(const LessonRun& run)
{
    return QStringLiteral("exit %1%2\nstdout: %3\nstderr: %4")
        .arg(run.exitCode)
        .arg(run.finished ? QString() : QStringLiteral(" (did not finish)"), run.out.right(2000), run.err.right(2000));
}

/// A run that succeeded and ended with its result line.
#define VERIFY_RESULT(run)                                                                                             \
    QVERIFY2((run).finished && (run).exitCode == 0 && (run).hasResult, qPrintable(describe(run)))

/// What Python's multiprocessing leaves in /dev/shm when it does not clean up: shared_memory blocks, named
/// semaphores (Lock, Semaphore, Queue), and the arenas of Value and Array.
QSet<QString> pythonSharedMemory()
{
    const auto names = QDir(QStringLiteral("/dev/shm"))
                           .entryList({QStringLiteral("psm_*"), QStringLiteral("sem.mp-*"), QStringLiteral("pym-*")},
                               QDir::Files | QDir::System | QDir::Hidden);
    return {names.cbegin(), names.cend()};
}

/// [0, 1, ..., n - 1] as JSON: the tasks of a map, in input order.
QJsonArray upTo(int n)
{
    QJsonArray array;
    for (int i = 0; i < n; ++i)
        array.append(i);
    return array;
}
} // namespace

class TestPythonLessons : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(Python).isExecutable(),
            qPrintable(QStringLiteral("no python3 at '%1': ./setup.sh installs Debian's").arg(Python)));
        // Orphans of a program (a child it did not join) are re-parented to this test instead of init, so
        // cleanup() sees every process a program left behind, alive or zombie.
        QCOMPARE(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
    }

    void init() { m_sharedBefore = pythonSharedMemory(); }

    void cleanup()
    {
        const auto left = childProcesses();
        for (const auto pid : left) { // end them, so that one failure does not spill into the next test
            kill(pid_t(pid), SIGKILL);
            waitpid(pid_t(pid), nullptr, 0);
        }
        QCOMPARE(left, QList<qint64>());
        const auto created = pythonSharedMemory() - m_sharedBefore;
        QCOMPARE(QStringList(created.cbegin(), created.cend()), QStringList());
    }

    void everyScenarioHasItsProgram()
    {
        for (const QString& id : ScenarioRegistry::instance().ids()) {
            const QString text = programText(id);
            QVERIFY2(!text.isEmpty(), qPrintable(programPath(id)));
            // The copy compiled into the app is this file, to the letter.
            QCOMPARE(LessonPanel::pythonProgram(id) + QLatin1Char('\n'), text);
            // Whole in the lesson panel, which shows some 52 characters of code at the window's first size
            // (1920 × 1080), and with nothing of ProcViz in it.
            for (const auto& line : text.split(QLatin1Char('\n')))
                QVERIFY2(line.size() <= 50, qPrintable(id + QLatin1String(": ") + line));
            QVERIFY2(!text.contains(QLatin1String("procviz"), Qt::CaseInsensitive), qPrintable(id));
        }
    }

    // A program named like a module of Python's own (queue.py) would be imported in its place by every
    // program in the folder: Pool and Queue import `queue`.
    void noProgramHidesAModuleOfPythonsOwn()
    {
        QProcess process;
        process.start(Python, {QStringLiteral("-c"), QStringLiteral("import sys; print(*sys.stdlib_module_names)")});
        QVERIFY(process.waitForFinished(30000));
        const auto modules = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char(' '));
        QVERIFY(modules.contains(QStringLiteral("queue")));
        const auto programs = QDir(ProgramsDir).entryList({QStringLiteral("*.py")}, QDir::Files);
        QCOMPARE(programs.size(), ScenarioRegistry::instance().ids().size());
        for (const auto& program : programs)
            QVERIFY2(!modules.contains(program.chopped(3)), qPrintable(program));
    }

    void thePanelShowsTheProgram_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("language");
        for (const QString& id : ScenarioRegistry::instance().ids()) {
            for (const char* language : {"en", "ko"})
                QTest::addRow("%s %s", qPrintable(id), language) << id << QString::fromLatin1(language);
        }
    }

    void thePanelShowsTheProgram()
    {
        QFETCH(QString, id);
        QFETCH(QString, language);
        LessonPanel panel;
        panel.setScenario(id);
        panel.setLanguage(language);
        const QString shown = panel.toPlainText();
        QVERIFY(!shown.contains(QLatin1String("is missing")));
        // Every line of the file, in order, on a line of its own and in a monospace font.
        const auto lines = LessonPanel::pythonProgram(id).split(QLatin1Char('\n'));
        QVERIFY(lines.size() > 10);
        const auto first = panel.document()->find(lines.first());
        QVERIFY2(!first.isNull(), qPrintable(lines.first()));
        auto block = first.block();
        for (const auto& line : lines) {
            QVERIFY2(block.isValid(), qPrintable(line));
            QCOMPARE(block.text(), line);
            if (!line.isEmpty()) // as the page's <pre> always drew it: in the font the system takes for monospace
                QVERIFY2(QFontInfo(block.begin().fragment().charFormat().font()).fixedPitch(), qPrintable(line));
            block = block.next();
        }
    }

    void lockOnIsExact()
    {
        const auto run = runLesson(QStringLiteral("lock"), {"workers=3", "increments=3000", "lock=on"});
        VERIFY_RESULT(run);
        QCOMPARE(run.result["lock"].toString(), QStringLiteral("on"));
        QCOMPARE(run.result["expected"].toInt(), 9000);
        QCOMPARE(run.result["counter"].toInt(), 9000);
        QCOMPARE(run.result["lost"].toInt(), 0);
        QVERIFY(run.out.contains(QLatin1String("9000 of 9000")));
    }

    void lockOffLosesUpdatesNeverInventsThem()
    {
        qint64 lost = 0;
        for (int attempt = 0; attempt < 5 && lost == 0; ++attempt) {
            const auto run = runLesson(QStringLiteral("lock"), {"workers=4", "increments=50000", "lock=off"});
            VERIFY_RESULT(run);
            const auto counter = run.result["counter"].toInteger();
            QVERIFY(counter > 0 && counter <= 200000);
            QCOMPARE(run.result["lost"].toInteger(), 200000 - counter);
            lost = run.result["lost"].toInteger();
        }
        QVERIFY2(lost > 0, "5 runs of 4 × 50000 increments without a lock lost no update");
    }

    void semaphoreNeverLetsInMoreThanItsPermits()
    {
        const auto run = runLesson(QStringLiteral("semaphore"), {"workers=5", "permits=2", "hold-ms=150"});
        VERIFY_RESULT(run);
        QCOMPARE(run.result["permits"].toInt(), 2);
        const int most = run.result["max_concurrent"].toInt();
        QVERIFY2(most >= 1 && most <= 2, qPrintable(describe(run)));
        QCOMPARE(run.result["ideal_elapsed_s"].toDouble(), 0.45);
        QVERIFY(run.result["elapsed_s"].toDouble() > 0);
        QCOMPARE(run.out.count(QLatin1String("got a permit")), 5);
    }

    void queueDeliversEveryItemOnceInOrder()
    {
        const auto run = runLesson(QStringLiteral("queue"),
            {"producers=2", "consumers=3", "items=40", "capacity=4", "produce-ms=0", "consume-ms=1"});
        VERIFY_RESULT(run);
        QCOMPARE(run.result["produced"].toInt(), 80);
        QCOMPARE(run.result["consumed"].toInt(), 80);
        const auto taken = run.result["taken"].toObject();
        QCOMPARE(taken.size(), 3);
        QMap<QPair<int, int>, int> times; // (producer, n) -> how often taken
        for (auto consumer = taken.begin(); consumer != taken.end(); ++consumer) {
            QMap<int, int> last; // producer -> the last n this consumer took from it
            const auto items = consumer.value().toArray();
            QCOMPARE(run.result["per_consumer"][consumer.key()].toInt(), items.size());
            for (const auto& item : items) {
                const int producer = item[0].toInt(), n = item[1].toInt();
                QVERIFY2(n > last.value(producer, -1), "a producer's items out of order");
                last[producer] = n;
                ++times[{producer, n}];
            }
        }
        QCOMPARE(times.size(), 80);
        for (int producer = 0; producer < 2; ++producer) {
            for (int n = 0; n < 40; ++n)
                QCOMPARE(times.value({producer, n}), 1);
        }
    }

    void pipeDeliversInOrderOneWay()
    {
        const auto run = runLesson(QStringLiteral("pipe"), {"send-ms=0", "recv-ms=0", "messages=one,two,three,four,five"});
        VERIFY_RESULT(run);
        const QStringList words {"one", "two", "three", "four", "five"};
        QCOMPARE(run.result["mode"].toString(), QStringLiteral("oneway"));
        QCOMPARE(run.result["sent"].toArray(), QJsonArray::fromStringList(words));
        QCOMPARE(run.result["received"].toArray(), QJsonArray::fromStringList(words));
    }

    void pipeSendsTheTutorialsWordsByDefault()
    {
        const auto run = runLesson(QStringLiteral("pipe"), {"send-ms=10", "recv-ms=20"});
        VERIFY_RESULT(run);
        const QStringList words {"hello", "pipe", "example", "data"};
        QCOMPARE(run.result["received"].toArray(), QJsonArray::fromStringList(words));
        QVERIFY(run.out.contains(QLatin1String("received example")));
    }

    void pipeDuplexGreetsAndAnswers()
    {
        const auto run = runLesson(QStringLiteral("pipe"), {"mode=duplex", "send-ms=0", "messages=hi,bye"});
        VERIFY_RESULT(run);
        const auto received = run.result["received"].toObject();
        QCOMPARE(received["peer 0"].toArray(),
            QJsonArray({"peer 1: hi", "peer 1: bye", "peer 1: re peer 0: hi", "peer 1: re peer 0: bye"}));
        QCOMPARE(received["peer 1"].toArray(),
            QJsonArray({"peer 0: hi", "peer 0: bye", "peer 0: re peer 1: hi", "peer 0: re peer 1: bye"}));
    }

    void poolRunsEveryTaskOnceInInputOrder()
    {
        const auto run = runLesson(QStringLiteral("pool"), {"workers=3", "tasks=25", "trials=4000", "chunksize=2"});
        VERIFY_RESULT(run);
        QCOMPARE(run.result["tasks"].toArray(), upTo(25));
        int tasks = 0;
        for (const auto& count : run.result["tasks_per_worker"].toObject())
            tasks += count.toInt();
        QCOMPARE(tasks, 25);
        QVERIFY(run.result["tasks_per_worker"].toObject().size() <= 3);
        QCOMPARE(run.result["trials"].toInt(), 100000);
        QVERIFY(run.result["pi_error"].toDouble() < 0.05);
    }

    void poolIncreasingSkewKeepsTheTotal()
    {
        const auto run = runLesson(QStringLiteral("pool"), {"workers=2", "tasks=9", "trials=1000", "skew=increasing"});
        VERIFY_RESULT(run);
        QCOMPARE(run.result["tasks"].toArray(), upTo(9));
        QCOMPARE(run.result["trials"].toInt(), 9000); // 2 · 1000 · (t + 1) / 10 for t < 9: whole numbers
    }

    void sharedWithLocksIsExact()
    {
        const auto run = runLesson(QStringLiteral("shared"), {"workers=3", "rounds=800", "elements=5", "lock=on"});
        VERIFY_RESULT(run);
        QCOMPARE(run.result["expected"].toInt(), 2400);
        QCOMPARE(run.result["value"].toInt(), 2400);
        QCOMPARE(run.result["value_lost"].toInt(), 0);
        QCOMPARE(run.result["array"].toArray(), QJsonArray({2400, 2400, 2400, 2400, 2400}));
        QCOMPARE(run.result["array_lost"].toArray(), QJsonArray({0, 0, 0, 0, 0}));
    }

    void sharedWithoutLocksNeverInvents()
    {
        const auto run = runLesson(QStringLiteral("shared"), {"workers=3", "rounds=800", "elements=4"});
        VERIFY_RESULT(run);
        QCOMPARE(run.result["lock"].toString(), QStringLiteral("off"));
        const int value = run.result["value"].toInt();
        QVERIFY(value > 0 && value <= 2400);
        QCOMPARE(run.result["value_lost"].toInt(), 2400 - value);
        const auto array = run.result["array"].toArray();
        const auto lost = run.result["array_lost"].toArray();
        QCOMPARE(array.size(), 4);
        QCOMPARE(lost.size(), 4);
        for (int i = 0; i < array.size(); ++i) {
            QVERIFY(array[i].toInt() > 0 && array[i].toInt() <= 2400);
            QCOMPARE(lost[i].toInt(), 2400 - array[i].toInt());
        }
    }

    void lifecycleReportsEveryExitCode()
    {
        const auto run = runLesson(QStringLiteral("lifecycle"),
            {"workers=3", "sleep-ms=50", "sleep-jitter-ms=100", "exit-code=3"});
        VERIFY_RESULT(run);
        QCOMPARE(run.result["expected_exit_code"].toInt(), 3);
        QCOMPARE(run.result["signalled"].toInt(), 0);
        const auto codes = run.result["exit_codes"].toObject();
        QCOMPARE(codes.size(), 3);
        for (auto code = codes.begin(); code != codes.end(); ++code) {
            QVERIFY(code.key().toLongLong() > 0);
            QCOMPARE(code.value().toInt(), 3);
            QVERIFY(run.out.contains(QLatin1String("started ") + code.key()));
        }
    }

    void aLateJoinLeavesAZombieForAWhile()
    {
        QProcess process;
        startLesson(process, QStringLiteral("lifecycle"),
            {"workers=2", "sleep-ms=0", "sleep-jitter-ms=0", "join-after-ms=1500"});
        QVERIFY(process.waitForStarted());
        const qint64 program = process.processId();
        QSet<qint64> children, zombies;
        QElapsedTimer clock;
        clock.start();
        // The children are the program's, not this test's: read their states in /proc while the program runs.
        while (process.state() != QProcess::NotRunning && clock.elapsed() < 30000) {
            const auto entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
            for (const auto& entry : entries) {
                const auto stat = ProcStat::read(entry.toLongLong());
                if (!stat || stat->parentPid != program)
                    continue;
                children.insert(entry.toLongLong());
                if (stat->state == 'Z')
                    zombies.insert(entry.toLongLong());
            }
            process.waitForFinished(20);
        }
        const auto run = finishLesson(process, 30000);
        VERIFY_RESULT(run);
        QCOMPARE(children.size(), 2);
        QCOMPARE(zombies, children);
        QVERIFY(clock.elapsed() >= 1500);
    }

    void timingRunsEveryMode()
    {
        const auto run = runLesson(QStringLiteral("timing"), {"workers=2", "iterations=20000"});
        VERIFY_RESULT(run);
        QStringList modes;
        for (const auto& entry : run.result["modes"].toArray()) {
            modes.append(entry.toObject()["mode"].toString());
            QVERIFY2(entry.toObject()["elapsed_s"].toDouble() > 0, qPrintable(describe(run)));
        }
        // In Python the GIL is real: the threads mode is the GIL's run, there is no emulated one.
        QCOMPARE(modes, QStringList({"sequential", "threads", "processes"}));
    }

    void timingRunsOneModeAlone()
    {
        const auto run = runLesson(QStringLiteral("timing"), {"mode=threads", "workers=3", "iterations=10000"});
        VERIFY_RESULT(run);
        const auto modes = run.result["modes"].toArray();
        QCOMPARE(modes.size(), 1);
        QCOMPARE(modes[0]["mode"].toString(), QStringLiteral("threads"));
    }

    void badParametersAreRefused_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("parameter");
        QTest::addColumn<QString>("named");
        for (const QString& id : ScenarioRegistry::instance().ids()) {
            QTest::addRow("%s unknown", qPrintable(id)) << id << QStringLiteral("colour=red") << QStringLiteral("colour");
            QTest::addRow("%s no value", qPrintable(id)) << id << QStringLiteral("gibberish") << QStringLiteral("gibberish");
        }
        QTest::newRow("lock workers") << "lock" << "workers=many" << "workers";
        QTest::newRow("lock robust") << "lock" << "lock=robust" << "lock";
        QTest::newRow("lock negative") << "lock" << "increments=-5" << "increments";
        QTest::newRow("timing gil") << "timing" << "mode=gil" << "mode";
        QTest::newRow("semaphore permits") << "semaphore" << "permits=9" << "permits";
        QTest::newRow("semaphore no permit") << "semaphore" << "permits=0" << "permits";
        QTest::newRow("queue consumers") << "queue" << "consumers=0" << "consumers";
        QTest::newRow("queue capacity") << "queue" << "capacity=1e3" << "capacity";
        QTest::newRow("pipe send-ms") << "pipe" << "send-ms=-5" << "send-ms";
        QTest::newRow("pipe mode") << "pipe" << "mode=both" << "mode";
        QTest::newRow("pool chunksize") << "pool" << "chunksize=1.5" << "chunksize";
        QTest::newRow("pool workers") << "pool" << "workers=0" << "workers";
        QTest::newRow("shared elements") << "shared" << "elements=" << "elements";
        QTest::newRow("lifecycle exit-code") << "lifecycle" << "exit-code=256" << "exit-code";
    }

    void badParametersAreRefused()
    {
        QFETCH(QString, id);
        QFETCH(QString, parameter);
        QFETCH(QString, named);
        const auto run = runLesson(id, {parameter});
        QVERIFY2(run.finished, qPrintable(describe(run)));
        QCOMPARE(run.exitCode, 2);
        // One line that names the parameter, before anything ran.
        QVERIFY2(run.err.trimmed().count(QLatin1Char('\n')) == 0 && run.err.contains(named), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QLatin1String("Traceback")), qPrintable(run.err));
        QCOMPARE(run.out, QString());
    }

private:
    QSet<QString> m_sharedBefore;
};

QTEST_MAIN(TestPythonLessons)
#include "tst_pythonlessons.moc"
