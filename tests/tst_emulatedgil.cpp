// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/telemetryrecord.h"
#include "worker/busywork.h"
#include "worker/emulatedgil.h"

#include <QSet>
#include <QTest>

#include <atomic>
#include <latch>
#include <sched.h>
#include <thread>
#include <vector>

using namespace ProcViz;

namespace {
constexpr int TurnsEach = 6;

struct Turn
{
    int thread = -1;
    std::int64_t endNs = 0;
    bool endedBySwitch = false; ///< handed over on switchDue(), not released at the end of the work
};

// Threads that compute under one EmulatedGil and check on every chunk of work that they hold it alone.
// The turn log is written only by the holder: the GIL itself orders those writes.
struct Contest
{
    explicit Contest(int threads)
        : competing(threads)
        , start(threads)
    { }

    void take(int thread)
    {
        if (holders.fetch_add(1) != 0)
            overlaps.fetch_add(1);
        turns.push_back({thread});
    }
    void leave(bool bySwitch)
    {
        turns.back().endNs = monotonicNowNs();
        turns.back().endedBySwitch = bySwitch;
        holders.fetch_sub(1);
    }
    void computeAChunk()
    {
        sink += BusyWork::add(0, 0, 4096);
        if (holders.load() != 1)
            overlaps.fetch_add(1);
    }

    EmulatedGil gil;
    std::atomic<int> holders {0};
    std::atomic<int> overlaps {0};
    std::atomic<int> competing;
    std::atomic<int> pinFailures {0};
    std::latch start;
    std::vector<Turn> turns;
    std::uint64_t sink = 0;
};

// Up to TurnsEach turns, each held until the GIL says the switch is due (or nobody is left to switch with).
void compete(Contest& contest, int thread, int pinnedCpu)
{
    if (pinnedCpu >= 0) {
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(pinnedCpu, &one);
        if (sched_setaffinity(0, sizeof one, &one) != 0)
            contest.pinFailures.fetch_add(1);
    }
    contest.start.arrive_and_wait();
    contest.gil.acquire();
    contest.take(thread);
    for (int turn = 1; turn < TurnsEach; ++turn) {
        do
            contest.computeAChunk();
        while (!contest.gil.switchDue() && contest.competing.load() > 1);
        if (contest.competing.load() == 1)
            break; // only the holder changes it, so it cannot change under us
        contest.leave(true);
        contest.gil.handOver();
        contest.take(thread);
    }
    contest.computeAChunk();
    contest.competing.fetch_sub(1);
    contest.leave(false);
    contest.gil.release();
}

int firstCpuWeMayUse()
{
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0)
        return -1;
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
        if (CPU_ISSET(cpu, &allowed))
            return cpu;
    }
    return -1;
}
} // namespace

class TestEmulatedGil : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aloneItNeverSwitches()
    {
        EmulatedGil gil;
        gil.acquire();
        for (int i = 0; i < 3; ++i) {
            QTest::qSleep(int(EmulatedGil::SwitchIntervalNs / 1'000'000));
            QVERIFY(!gil.switchDue());
            gil.handOver(); // nobody to hand it to: returns at once, still holding it
        }
        gil.release();
        gil.acquire(); // free again
        gil.release();
        QCOMPARE(gil.switchCount(), std::uint64_t(2));
    }

    void threadsTakeTurns_data()
    {
        QTest::addColumn<int>("threads");
        QTest::addColumn<bool>("oneCpu");
        QTest::addRow("2 threads") << 2 << false;
        QTest::addRow("4 threads") << 4 << false;
        // The ready heir must yield the CPU to the holder it waits for, or nobody computes.
        QTest::addRow("4 threads, one CPU") << 4 << true;
    }

    void threadsTakeTurns()
    {
        QFETCH(int, threads);
        QFETCH(bool, oneCpu);
        const int cpu = oneCpu ? firstCpuWeMayUse() : -1;
        if (oneCpu && cpu < 0)
            QSKIP("cannot read this process's CPU affinity");

        Contest contest(threads);
        const auto startNs = monotonicNowNs();
        std::vector<std::thread> running;
        for (int thread = 0; thread < threads; ++thread)
            running.emplace_back([&, thread] { compete(contest, thread, cpu); });
        for (auto& thread : running)
            thread.join();
        QCOMPARE(contest.pinFailures.load(), 0);

        const auto& turns = contest.turns;
        QCOMPARE(contest.overlaps.load(), 0); // never two holders at once
        QCOMPARE(contest.gil.switchCount(), std::uint64_t(turns.size()));
        QVERIFY2(turns.size() >= std::size_t(threads * 2), "the lock must change hands, not run one after another");

        // Every thread got turns, and, once all were in line and until the first was done, strictly in turn.
        std::vector<int> turnsOf(threads, 0);
        std::size_t allInLine = 0, firstDone = turns.size();
        for (std::size_t i = 0; i < turns.size(); ++i) {
            if (turnsOf[turns[i].thread]++ == 0)
                allInLine = i;
            if (!turns[i].endedBySwitch && firstDone == turns.size())
                firstDone = i;
        }
        for (int thread = 0; thread < threads; ++thread)
            QVERIFY2(turnsOf[thread] >= 2,
                qPrintable(QStringLiteral("thread %1 had %2 turn(s)").arg(thread).arg(turnsOf[thread])));
        for (std::size_t i = allInLine; i + threads <= firstDone + 1; ++i) {
            QSet<int> round;
            for (std::size_t j = i; j < i + threads; ++j)
                round.insert(turns[j].thread);
            QVERIFY2(round.size() == threads,
                qPrintable(QStringLiteral("turns %1..%2 are not one each").arg(i).arg(i + threads - 1)));
        }

        // A holder gives the lock up only after its full interval: a turn starts after the previous one
        // ended, so two ends are at least an interval apart when the later turn ended by switching.
        std::int64_t previousEndNs = startNs;
        for (const auto& turn : turns) {
            if (turn.endedBySwitch)
                QVERIFY(turn.endNs - previousEndNs >= EmulatedGil::SwitchIntervalNs);
            previousEndNs = turn.endNs;
        }
    }
};

QTEST_GUILESS_MAIN(TestEmulatedGil)
#include "tst_emulatedgil.moc"
