// SPDX-License-Identifier: GPL-3.0-or-later
// The Python observer (resources/python/observer) as the engine will meet it: real /usr/bin/python3 programs
// (tests/python/) under fork, spawn and forkserver, their records received on an abstract SOCK_SEQPACKET
// socket and held to the contract: every record valid and from the process the kernel names, and what the
// records say true to what the programs did.
#include "lanecheck.h"
#include "observedpython.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QTest>
#include <QThread>

#include <set>
#include <sys/uio.h>

using namespace ProcViz;

namespace {
const QString ProgramsDir = QStringLiteral(PROCVIZ_PYTHON_TESTS_DIR);

QString program(const QString& name)
{
    return ProgramsDir + QLatin1Char('/') + name;
}

/// multiprocessing's shared objects in /dev/shm: a run must leave none of its own behind.
QSet<QString> multiprocessingObjects()
{
    const auto names = QDir(QStringLiteral("/dev/shm")).entryList({QStringLiteral("psm_*"), QStringLiteral("sem.mp-*")});
    return QSet<QString>(names.begin(), names.end());
}

bool processGone(pid_t pid)
{
    for (int i = 0; i < 250; ++i) {
        if (!QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)))
            return true;
        QThread::msleep(20);
    }
    return false;
}

/// pid -> its Process record.
std::map<pid_t, TelemetryRecord> processes(const ObservedRun& run)
{
    std::map<pid_t, TelemetryRecord> found;
    for (const auto& record : run.ofKind(RecordKind::Process))
        found[record.pid] = record;
    return found;
}

pid_t pidNamed(const ObservedRun& run, const QByteArray& name)
{
    for (const auto& [pid, record] : processes(run)) {
        if (record.textBytes() == name)
            return pid;
    }
    return 0;
}

/// A lane's key in intervals(): its process and its index.
qint64 laneKey(pid_t pid, int lane = 0)
{
    return qint64(pid) * 1000 + lane;
}

using Intervals = std::vector<std::pair<qint64, std::pair<qint64, qint64>>>;

/// Closed intervals of @p state (on @p lane only, unless -1), by laneKey(), in order of beginning.
Intervals intervals(const ObservedRun& run, WorkerState state, int lane = -1)
{
    Intervals found;
    for (const auto& record : run.ofKind(RecordKind::State)) {
        if (record.state == std::uint8_t(state) && record.value2 != 0 && (lane < 0 || record.lane == lane))
            found.push_back({laneKey(record.pid, record.lane), {record.value, record.value2}});
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.second.first < b.second.first; });
    return found;
}

/// Nanoseconds in @p state by process, from intervals and Mix shares both.
std::map<pid_t, qint64> timeIn(const ObservedRun& run, WorkerState state)
{
    std::map<pid_t, qint64> total;
    for (const auto& received : run.records) {
        const auto& record = received.record;
        if (record.recordKind() == RecordKind::State && record.value2 != 0 && record.state == std::uint8_t(state))
            total[record.pid] += record.value2 - record.value;
        else if (record.recordKind() == RecordKind::Mix)
            total[record.pid] += record.shares()[size_t(state)];
    }
    return total;
}

/// Where intervals of two lanes overlap, if they do anywhere.
QString overlap(const Intervals& sorted)
{
    for (size_t i = 1; i < sorted.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
            if (sorted[j].first != sorted[i].first && sorted[j].second.second > sorted[i].second.first)
                return QStringLiteral("%1 holds until %2, %3 from %4")
                    .arg(sorted[j].first).arg(sorted[j].second.second).arg(sorted[i].first).arg(sorted[i].second.first);
        }
    }
    return {};
}

const char* const Methods[] = {"fork", "spawn", "forkserver"};
} // namespace

class TestPythonObserver : public QObject
{
    Q_OBJECT

    ObservedPython m_python {QByteArray(PROCVIZ_PYTHON_OBSERVER_DIR)};
    QSet<QString> m_sharedBefore;

    /// Runs a program and checks what every run must hold; the caller checks what it is about.
    ObservedRun run(const QStringList& arguments, const ObservedPython::WhileRunning& whileRunning = {})
    {
        auto result = m_python.run(arguments, ObservedPython::Telemetry::Listening, whileRunning);
        [&] {
            QVERIFY2(result.problems.isEmpty(), qPrintable(result.problems.join(QLatin1Char('\n'))));
            QVERIFY2(WIFEXITED(result.status) && WEXITSTATUS(result.status) == 0,
                qPrintable(QStringLiteral("status %1, stderr: ").arg(result.status) + QString::fromUtf8(result.err)));
            QVERIFY2(result.err.isEmpty(), result.err.constData()); // the observer never speaks
            const auto lanes = laneProblems(result);
            QVERIFY2(lanes.isEmpty(), qPrintable(lanes.join(QLatin1Char('\n'))));
            const auto seen = processes(result);
            QCOMPARE(int(seen.size()), result.connections); // one connection, one Process record, per process
            QVERIFY(seen.count(result.pid));
            for (const auto& [pid, record] : seen)
                QVERIFY2(processGone(pid), qPrintable(QStringLiteral("%1 (%2) is still there").arg(pid).arg(QString::fromUtf8(record.textBytes()))));
            const auto left = multiprocessingObjects() - m_sharedBefore;
            QVERIFY2(left.isEmpty(), qPrintable(QStringList(left.begin(), left.end()).join(QLatin1Char(' '))));
        }();
        return result;
    }

    /// The program under the test row's start method (the "method" column).
    ObservedRun runUnderMethod(const char* name, const QStringList& more = {})
    {
        QFETCH(QString, method);
        return run(QStringList {program(QString::fromLatin1(name)), method} + more);
    }

    void methods()
    {
        QTest::addColumn<QString>("method");
        for (const auto* method : Methods)
            QTest::newRow(method) << QString::fromLatin1(method);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo(QString::fromLatin1(ObservedPython::Python)).isExecutable())
            QSKIP("no /usr/bin/python3");
        m_sharedBefore = multiprocessingObjects();
    }

    void processesAndTheirEnds_data() { methods(); }
    void processesAndTheirEnds()
    {
        const auto result = runUnderMethod("lifecycle.py");
        if (QTest::currentTestFailed())
            return;
        const auto seen = processes(result);
        const auto& main = seen.at(result.pid);
        QCOMPARE(main.state, std::uint8_t(ProcessRole::Main));
        QCOMPARE(main.aux, getpid());
        QCOMPARE(main.textBytes(), QByteArray("MainProcess"));

        // The children as the program saw them: "<name> <pid> <exit code>".
        std::map<QByteArray, std::pair<pid_t, int>> children;
        for (const auto& line : result.out.trimmed().split('\n')) {
            const auto fields = line.split(' ');
            QCOMPARE(fields.size(), 3);
            children[fields[0]] = {fields[1].toInt(), fields[2].toInt()};
        }
        QCOMPARE(children.size(), size_t(3));
        QCOMPARE(children.at("three").second, 3);
        QCOMPARE(children.at("victim").second, -9);
        const auto exited = result.ofKind(RecordKind::Exited, result.pid);
        for (const auto& [name, child] : children) {
            QVERIFY2(seen.count(child.first), name.constData());
            const auto& record = seen.at(child.first);
            QCOMPARE(record.textBytes(), name);
            QCOMPARE(record.state, std::uint8_t(ProcessRole::Worker));
            QCOMPARE(record.aux, result.pid); // started by the main program, whatever forked it
            const auto count = std::count_if(exited.begin(), exited.end(), [&](const auto& e) { return e.aux == child.first; });
            QCOMPARE(count, 1);
            const auto exit = *std::find_if(exited.begin(), exited.end(), [&](const auto& e) { return e.aux == child.first; });
            QCOMPARE(exit.value, qint64(child.second));
            QVERIFY(exit.value2 >= record.value);
            // Its own Finished says how it ended, except when killed.
            const auto finished = result.ofKind(RecordKind::Finished, child.first);
            QCOMPARE(finished.size(), size_t(name == "victim" ? 0 : 1));
            if (!finished.empty())
                QCOMPARE(finished.front().value, qint64(child.second));
        }

        // The napper slept 50 ms, and said so as it slept.
        const auto napper = children.at("napper").first;
        const auto sleeps = intervals(result, WorkerState::Sleeping);
        QVERIFY(std::any_of(sleeps.begin(), sleeps.end(), [&](const auto& s) {
            return s.first == laneKey(napper) && s.second.second - s.second.first >= 45'000'000;
        }));

        // The helpers: shown apart, and only where the start method has them.
        QFETCH(QString, method);
        const pid_t tracker = pidNamed(result, "resource_tracker");
        const pid_t server = pidNamed(result, "ForkServerProcess");
        QCOMPARE(tracker != 0, method != QLatin1String("fork"));
        QCOMPARE(server != 0, method == QLatin1String("forkserver"));
        for (const pid_t helper : {tracker, server}) {
            if (helper) {
                QCOMPARE(seen.at(helper).state, std::uint8_t(ProcessRole::Helper));
                QCOMPARE(seen.at(helper).aux, result.pid);
                QVERIFY(result.ofKind(RecordKind::Started, helper).empty()); // no lanes: not a worker
            }
        }
        QCOMPARE(int(seen.size()), 4 + (tracker ? 1 : 0) + (server ? 1 : 0));
    }

    void lockWaitsAndHolds_data() { methods(); }
    void lockWaitsAndHolds()
    {
        const auto result = runUnderMethod("contention.py");
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(result.out, QByteArray("12\n")); // 3 workers x 4 turns, none lost
        std::set<pid_t> workers;
        for (int n = 0; n < 3; ++n)
            workers.insert(pidNamed(result, "worker-" + QByteArray::number(n)));
        QVERIFY(!workers.count(0));

        // Each turn holds the lock 3 ms: an interval of its own, and the lock is one at a time.
        const auto holds = intervals(result, WorkerState::Holding, 0);
        for (const pid_t worker : workers) {
            const auto turns = std::count_if(holds.begin(), holds.end(), [&](const auto& h) { return h.first == laneKey(worker); });
            QVERIFY2(turns >= 4, qPrintable(QStringLiteral("%1 turns held").arg(turns)));
        }
        const auto clash = overlap(holds);
        QVERIFY2(clash.isEmpty(), qPrintable(clash));
        // They started together (a Barrier), so they waited for one another, and were handed the lock.
        const auto waited = timeIn(result, WorkerState::Waiting);
        QVERIFY(std::any_of(workers.begin(), workers.end(), [&](pid_t w) { return waited.count(w) && waited.at(w) > 1'000'000; }));
        bool handedOn = false;
        for (const auto& handoff : result.ofKind(RecordKind::Handoff)) {
            if (handoff.textBytes() == "lock") {
                QVERIFY(workers.count(handoff.pid) && workers.count(handoff.aux) && handoff.aux != handoff.pid);
                handedOn = true;
            }
        }
        QVERIFY(handedOn);
        // Every acquisition counted, the Value's own lock too: per turn the lock, get_lock(), and the Value's
        // getter and setter (which take get_lock() again).
        for (const pid_t worker : workers) {
            const auto progress = result.ofKind(RecordKind::Progress, worker);
            QVERIFY(!progress.empty());
            QCOMPARE(progress.back().value, qint64(4 * 4));
        }
    }

    void queueHandsOnEveryItemOnce_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("queue");
        for (const auto* method : Methods)
            QTest::addRow("%s Queue", method) << QString::fromLatin1(method) << QStringLiteral("Queue");
        QTest::newRow("fork SimpleQueue") << QStringLiteral("fork") << QStringLiteral("SimpleQueue");
        QTest::newRow("spawn JoinableQueue") << QStringLiteral("spawn") << QStringLiteral("JoinableQueue");
    }

    void queueHandsOnEveryItemOnce()
    {
        QFETCH(QString, queue);
        const auto result = runUnderMethod("handoffs.py", {queue});
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(result.out, QByteArray("True\n")); // the program got exactly what it put
        const pid_t producers[] = {pidNamed(result, "producer-0"), pidNamed(result, "producer-1")};
        const std::set<pid_t> consumers {pidNamed(result, "consumer-0"), pidNamed(result, "consumer-1")};
        std::map<pid_t, QList<QByteArray>> given;
        std::set<std::pair<pid_t, QByteArray>> seen;
        for (const auto& handoff : result.ofKind(RecordKind::Handoff)) {
            QVERIFY2(seen.insert({handoff.aux, handoff.textBytes()}).second, "an item handed off twice");
            QVERIFY(handoff.value2 >= handoff.value);
            if (consumers.count(handoff.pid))
                given[handoff.aux] << handoff.textBytes();
        }
        for (const pid_t producer : producers) {
            auto items = given[producer];
            std::sort(items.begin(), items.end());
            QCOMPARE(items, QList<QByteArray>({"item 1", "item 2", "item 3", "item 4", "item 5"}));
        }
        auto sentinels = given[result.pid]; // the main program's None for each consumer
        std::sort(sentinels.begin(), sentinels.end());
        QCOMPARE(sentinels, QList<QByteArray>({"item 1", "item 2"}));
    }

    void pipeMessagesInOrder_data() { methods(); }
    void pipeMessagesInOrder()
    {
        const auto result = runUnderMethod("pipe.py");
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(result.out,
            QByteArray("message text 0\nmessage text 1\nmessage text 2\nmessage text 3\nmessage text 4\n{'not': 'text'}\n"));
        const pid_t talker = pidNamed(result, "talker");
        auto received = result.ofKind(RecordKind::Handoff, result.pid);
        std::stable_sort(received.begin(), received.end(), [](const auto& a, const auto& b) { return a.value2 < b.value2; });
        QList<QByteArray> texts;
        for (const auto& handoff : received) {
            QCOMPARE(handoff.aux, talker);
            texts << handoff.textBytes();
        }
        QCOMPARE(texts, QList<QByteArray>({"message text 0", "message text 1", "message text 2", "message text 3",
                            "message text 4", "message 6"}));
        const auto answer = result.ofKind(RecordKind::Handoff, talker);
        QCOMPARE(answer.size(), size_t(1));
        QCOMPARE(answer.front().textBytes(), QByteArray("thanks"));
        QCOMPARE(answer.front().aux, result.pid);
    }

    void poolTasksAsSpans_data() { methods(); }
    void poolTasksAsSpans()
    {
        const auto result = runUnderMethod("pool.py");
        if (QTest::currentTestFailed())
            return;
        QVERIFY(result.out.startsWith("[0, 1, 4, 9, "));
        std::set<pid_t> workers;
        for (const auto& [pid, record] : processes(result)) {
            if (record.textBytes().contains("PoolWorker-")) {
                QCOMPARE(record.state, std::uint8_t(ProcessRole::Worker));
                workers.insert(pid);
            }
        }
        QCOMPARE(workers.size(), size_t(3));
        std::map<int, int> done;
        std::set<std::pair<pid_t, qint64>> opened;
        for (const auto& span : result.ofKind(RecordKind::Span)) {
            QVERIFY(workers.count(span.pid));
            QCOMPARE(span.textBytes(), QByteArray("square"));
            if (span.value2 == 0) {
                opened.insert({span.pid, span.value});
                continue;
            }
            QVERIFY2(opened.count({span.pid, span.value}), "a task ended that was never shown running");
            QVERIFY(span.value2 - span.value >= 2'000'000);
            ++done[span.aux];
        }
        QCOMPARE(done.size(), size_t(20));
        for (const auto& [index, times] : done) {
            QVERIFY(index >= 0 && index < 20);
            QCOMPARE(times, 1);
        }
        // Idle for 50 ms after the map, the workers wait for their next task (then get the pool's "stop"; one
        // that came up late, as spawned ones may, gets it at once).
        const auto waits = intervals(result, WorkerState::Waiting, 0);
        QVERIFY(std::any_of(waits.begin(), waits.end(), [&](const auto& w) {
            return workers.count(pid_t(w.first / 1000)) && w.second.second - w.second.first >= 40'000'000;
        }));
        const auto exited = result.ofKind(RecordKind::Exited, result.pid);
        for (const pid_t worker : workers)
            QVERIFY(std::any_of(exited.begin(), exited.end(), [&](const auto& e) { return e.aux == worker && e.value == 0; }));
    }

    void threadsAsLanes()
    {
        const auto result = run({program(QStringLiteral("threads.py"))});
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(int(processes(result).size()), 1);
        std::map<QByteArray, int> printed; // name -> native id
        for (const auto& line : result.out.trimmed().split('\n'))
            printed[line.split(' ').value(0)] = line.split(' ').value(1).toInt();
        QCOMPARE(printed.size(), size_t(3));
        std::set<int> lanes;
        for (const auto& started : result.ofKind(RecordKind::Started)) {
            if (started.lane == 0) {
                QCOMPARE(started.tid, result.pid);
                continue;
            }
            QVERIFY(printed.count(started.textBytes()));
            QCOMPARE(started.tid, printed.at(started.textBytes()));
            lanes.insert(started.lane);
        }
        QCOMPARE(lanes, std::set<int>({1, 2, 3}));
        for (const int lane : lanes) {
            const auto finished = result.ofKind(RecordKind::Finished);
            QVERIFY(std::any_of(finished.begin(), finished.end(), [&](const auto& f) { return f.lane == lane; }));
            // Three turns of 3 ms at the lock, and the condition's 20 ms wait.
            const auto holds = intervals(result, WorkerState::Holding);
            QVERIFY(std::count_if(holds.begin(), holds.end(), [&](const auto& h) { return h.first == laneKey(result.pid, lane); }) >= 3);
            const auto waits = intervals(result, WorkerState::Waiting);
            QVERIFY(std::any_of(waits.begin(), waits.end(), [&](const auto& w) {
                return w.first == laneKey(result.pid, lane) && w.second.second - w.second.first >= 15'000'000;
            }));
        }
        // The lock, the semaphore of one permit, the condition's lock, one phase after the other: one holder at a time.
        const auto clash = overlap(intervals(result, WorkerState::Holding));
        QVERIFY2(clash.isEmpty(), qPrintable(clash));
    }

    void withoutTheVariableNothingChanges()
    {
        const auto plain = m_python.run({program(QStringLiteral("unchanged.py"))}, ObservedPython::Telemetry::Unset);
        QVERIFY(plain.problems.isEmpty());
        QCOMPARE(plain.connections, 0);
        QCOMPARE(plain.out, QByteArray("time.sleep plain\nthreading.Lock plain\nSemLock plain\n"));
        QCOMPARE(plain.err, QByteArray());
        // And with it, the same program is observed (so the line above means something).
        const auto observed = run({program(QStringLiteral("unchanged.py"))});
        QCOMPARE(observed.out, QByteArray("time.sleep patched\nthreading.Lock patched\nSemLock patched\n"));
    }

    void withoutTheEngineNothingChanges()
    {
        // The variable names a socket nobody listens on: one line on stderr says why, and nothing is patched.
        const auto alone = m_python.run({program(QStringLiteral("unchanged.py"))}, ObservedPython::Telemetry::Unreachable);
        QVERIFY(alone.problems.isEmpty());
        QCOMPARE(alone.out, QByteArray("time.sleep plain\nthreading.Lock plain\nSemLock plain\n"));
        QCOMPARE(alone.err.count('\n'), 1);
        QVERIFY2(alone.err.startsWith("procviz: not observing this process: cannot reach the engine at @"), alone.err.constData());
        QCOMPARE(alone.status, 0);
    }

    void shadowedSitecustomizeStillRuns()
    {
        // Debian's own sitecustomize comes after the observer's on the path; it must run as it would alone.
        const ObservedPython python(QByteArray(PROCVIZ_PYTHON_OBSERVER_DIR ":" PROCVIZ_PYTHON_TESTS_DIR "/shadowed"));
        for (const auto telemetry : {ObservedPython::Telemetry::Unset, ObservedPython::Telemetry::Listening}) {
            const auto result = python.run({program(QStringLiteral("unchanged.py"))}, telemetry);
            QVERIFY(result.problems.isEmpty());
            QVERIFY2(result.out.startsWith("the shadowed sitecustomize ran\ntime.sleep "), result.out.constData());
            QCOMPARE(result.err, QByteArray());
        }
    }

    void outputIntactByteForByte()
    {
        const QByteArray expected = QByteArray("first line\nno newline yet, child speaks\n")
            + QByteArray("\xc3\xbcn\xc3\xaf" "c\xc3\xb6" "d\xc3\xa9 \x00 bytes\nlast", 24);
        const auto plain = m_python.run({program(QStringLiteral("output.py"))}, ObservedPython::Telemetry::Unset);
        QCOMPARE(plain.out, expected);
        const auto observed = run({program(QStringLiteral("output.py"))});
        QCOMPARE(observed.out, expected);
        QCOMPARE(observed.err, plain.err);
    }

    void gilHolderReadableFromOutside()
    {
        // As the engine will: read _PyRuntime's tstate_current in the running program, then the holder's
        // native_thread_id, at the address and offset its GilLayout record gave.
        std::set<int> threads;
        std::map<int, int> holders; // tid -> samples in which it held the GIL
        int samples = 0;
        int unreadable = 0;
        auto sample = [&](const ObservedRun& sofar) {
            const auto layouts = sofar.ofKind(RecordKind::GilLayout);
            if (samples > 0 || layouts.empty() || !sofar.out.contains("spinning\n"))
                return;
            for (const auto& id : sofar.out.split('\n').value(0).split(' '))
                threads.insert(id.toInt());
            const auto address = quint64(layouts.front().value);
            const auto offset = quint64(layouts.front().aux);
            for (; samples < 300; ++samples) {
                std::uint64_t tstate = 0;
                std::uint64_t tid = 0;
                if (!readRemote(sofar.pid, address, &tstate, sizeof tstate))
                    ++unreadable;
                else if (tstate && readRemote(sofar.pid, tstate + offset, &tid, sizeof tid))
                    ++holders[int(tid)];
                QThread::usleep(1000);
            }
        };
        const auto result = run({program(QStringLiteral("gil.py")), QStringLiteral("1.5")}, sample);
        if (QTest::currentTestFailed())
            return;
        const auto layouts = result.ofKind(RecordKind::GilLayout);
        QCOMPARE(layouts.size(), size_t(1));
        QCOMPARE(layouts.front().pid, result.pid);
        QVERIFY2(samples > 0, "the program never said it was spinning");
        if (unreadable == samples)
            QSKIP("process_vm_readv is not allowed here");
        QCOMPARE(threads.size(), size_t(3));
        int held = 0;
        for (const auto& [tid, count] : holders) {
            QVERIFY2(threads.count(tid), qPrintable(QStringLiteral("tid %1 read as the GIL holder").arg(tid)));
            held += count;
        }
        QVERIFY2(held > samples / 2, qPrintable(QStringLiteral("%1 of %2 samples found a holder").arg(held).arg(samples)));
        QVERIFY2(holders.size() >= 2, "the GIL went round the threads");
    }

private:
    static bool readRemote(pid_t pid, quint64 address, void* into, size_t size)
    {
        iovec local {into, size};
        iovec remote {reinterpret_cast<void*>(address), size};
        return process_vm_readv(pid, &local, 1, &remote, 1, 0) == ssize_t(size);
    }
};

QTEST_GUILESS_MAIN(TestPythonObserver)
#include "tst_pythonobserver.moc"
