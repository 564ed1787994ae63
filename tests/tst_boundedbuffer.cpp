// SPDX-License-Identifier: GPL-3.0-or-later
#include "childprocesses.h"
#include "forkedchild.h"
#include "ipc/boundedbuffer.h"
#include "ipc/sharedmemory.h"
#include "shmobjects.h"
#include "telemetry/stateclock.h"
#include "telemetry/telemetrywriter.h"

#include <QTest>

#include <fcntl.h>
#include <memory>
#include <numeric>
#include <vector>

using namespace ProcViz;

namespace {
constexpr int MaxItems = 3 * BoundedBuffer::MaxCapacity;
constexpr std::int32_t ProducerId = 7;
constexpr std::int32_t Sentinel = -1;

/// The test's shared segment: the ring, and what the two sides saw.
struct Shared
{
    BoundedBuffer::Ring ring;
    std::atomic<std::int64_t> producerWaitedNs; ///< the producer's Waiting time on its own StateClock
    std::atomic<std::int64_t> consumerWaitedNs;
    std::atomic<std::int64_t> lastPutDoneNs;
    std::atomic<std::int64_t> firstGetNs;
    std::atomic<std::int64_t> firstItemPutNs; ///< as stamped in the first slot a consumer took
    std::atomic<std::int32_t> taken;
    std::atomic<std::int32_t> badStamps; ///< slots without the producer's id, pid or a past put time
    std::atomic<std::int32_t> outOfOrder; ///< items a consumer got after a later one of the same producer
    std::atomic<std::int32_t> gets[MaxItems]; ///< per item: how many times it was taken
    std::int32_t order[MaxItems]; ///< items in the order they were taken
};

/// The segment the test process creates, as the engine does for a run; gone from /dev/shm when this is.
class Segment
{
public:
    explicit Segment(int capacity)
    {
        QString error;
        m_memory = SharedMemory::create(sizeof(Shared), &error);
        if (m_memory)
            m_initialized = BoundedBuffer::initialize(&shared().ring, capacity) == 0;
    }
    ~Segment()
    {
        if (m_initialized)
            BoundedBuffer::destroy(&shared().ring);
    }
    bool isValid() const { return m_initialized; }
    QString name() const { return m_memory->name(); }
    Shared& shared() const { return *m_memory->as<Shared>(); }

private:
    std::unique_ptr<SharedMemory> m_memory;
    bool m_initialized = false;
};

void sleepMs(int ms)
{
    const timespec duration {ms / 1000, long(ms % 1000) * 1'000'000};
    nanosleep(&duration, nullptr);
}

/// In a child: the segment by name, as a worker maps it, and a telemetry channel nobody reads.
struct ChildSide
{
    std::unique_ptr<SharedMemory> memory;
    TelemetryWriter telemetry {open("/dev/null", O_WRONLY | O_CLOEXEC)};
    StateClock clock {telemetry};

    explicit ChildSide(const QString& name)
    {
        QString error;
        memory = SharedMemory::attach(name, sizeof(Shared), &error);
    }
    Shared& shared() const { return *memory->as<Shared>(); }
};

/// Puts items 0 .. @p items - 1, then one sentinel per consumer, after @p delayMs.
int produce(const QString& name, int items, int consumers, int delayMs)
{
    ChildSide side(name);
    if (!side.memory)
        return 2;
    BoundedBuffer buffer(side.shared().ring, side.clock);
    side.clock.start();
    sleepMs(delayMs);
    for (int seq = 0; seq < items; ++seq)
        buffer.put({ProducerId, seq, 0, 0});
    for (int i = 0; i < consumers; ++i)
        buffer.put({Sentinel, 0, 0, 0});
    side.shared().lastPutDoneNs = monotonicNowNs();
    side.clock.finish(items);
    side.shared().producerWaitedNs = side.clock.totalNs(WorkerState::Waiting);
    return 0;
}

/// Takes items until a sentinel, after @p delayMs, checking each slot's stamp against @p producerPid.
int consume(const QString& name, pid_t producerPid, int delayMs)
{
    ChildSide side(name);
    if (!side.memory)
        return 2;
    auto& shared = side.shared();
    BoundedBuffer buffer(shared.ring, side.clock);
    side.clock.start();
    sleepMs(delayMs);
    std::int32_t last = -1;
    for (bool first = true;; first = false) {
        const auto slot = buffer.get();
        const auto now = monotonicNowNs();
        if (first) {
            shared.firstGetNs = now;
            shared.firstItemPutNs = slot.putNs;
        }
        if (slot.producer == Sentinel)
            break;
        if (slot.producer != ProducerId || slot.pid != producerPid || slot.putNs <= 0 || slot.putNs > now
            || slot.seq < 0 || slot.seq >= MaxItems) {
            shared.badStamps.fetch_add(1);
            continue;
        }
        shared.outOfOrder.fetch_add(slot.seq <= last ? 1 : 0);
        last = slot.seq;
        shared.gets[slot.seq].fetch_add(1);
        shared.order[shared.taken.fetch_add(1)] = slot.seq;
    }
    side.clock.finish(0);
    shared.consumerWaitedNs.fetch_add(side.clock.totalNs(WorkerState::Waiting));
    return 0;
}
} // namespace

class TestBoundedBuffer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup()
    {
        QCOMPARE(childProcesses(), QList<qint64>());
        QCOMPARE(sharedMemoryObjects(), QStringList());
    }

    void itemsArriveOnceAndInOrder_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<int>("items");
        QTest::addRow("a few") << 4 << 100;
        // Head and tail pass the end of the ring's MaxCapacity slots twice: the small capacity is the semaphore's.
        QTest::addRow("wrapping a small buffer") << 3 << 2 * BoundedBuffer::MaxCapacity + 5;
        QTest::addRow("wrapping the whole ring") << BoundedBuffer::MaxCapacity << MaxItems;
    }

    void itemsArriveOnceAndInOrder()
    {
        QFETCH(int, capacity);
        QFETCH(int, items);
        Segment segment(capacity);
        QVERIFY(segment.isValid());
        QCOMPARE(sharedMemoryObjects().size(), 1); // a real POSIX segment, attached by name in each child
        const auto name = segment.name();
        ForkedChild producer([&] { return produce(name, items, 1, 0); });
        ForkedChild consumer([&, pid = producer.pid()] { return consume(name, pid, 0); });
        QCOMPARE(producer.wait(), 0);
        QCOMPARE(consumer.wait(), 0);

        const auto& shared = segment.shared();
        QCOMPARE(shared.badStamps.load(), 0);
        QCOMPARE(shared.taken.load(), items);
        QList<std::int32_t> order(shared.order, shared.order + items), expected(items);
        std::iota(expected.begin(), expected.end(), 0);
        QCOMPARE(order, expected);
        QCOMPARE(shared.ring.tail, std::uint32_t(items + 1)); // and the sentinel
        QCOMPARE(shared.ring.head, shared.ring.tail);
        QCOMPARE(shared.ring.depth.load(), 0);
        QVERIFY(shared.ring.maxDepth.load() >= 1);
        QVERIFY(shared.ring.maxDepth.load() <= capacity);
        QCOMPARE(shared.ring.holder.load(), 0);
    }

    void manyConsumersTakeEachItemOnce()
    {
        constexpr int items = 5000, consumers = 3;
        Segment segment(8);
        QVERIFY(segment.isValid());
        const auto name = segment.name();
        ForkedChild producer([&] { return produce(name, items, consumers, 0); });
        std::vector<std::unique_ptr<ForkedChild>> takers;
        for (int i = 0; i < consumers; ++i)
            takers.push_back(
                std::make_unique<ForkedChild>([&, pid = producer.pid()] { return consume(name, pid, 0); }));
        QCOMPARE(producer.wait(), 0);
        for (const auto& taker : takers)
            QCOMPARE(taker->wait(), 0);

        const auto& shared = segment.shared();
        QCOMPARE(shared.badStamps.load(), 0);
        QCOMPARE(shared.taken.load(), items);
        for (int seq = 0; seq < items; ++seq)
            QCOMPARE(shared.gets[seq].load(), 1);
        QCOMPARE(shared.outOfOrder.load(), 0); // each consumer sees one producer's items in order
        QVERIFY(shared.ring.maxDepth.load() <= 8);
    }

    void fullBufferMakesTheProducerWait()
    {
        constexpr int delayMs = 150;
        Segment segment(2);
        QVERIFY(segment.isValid());
        const auto name = segment.name();
        // Three items and the sentinel into two slots while the consumer has not started: the third put waits.
        ForkedChild producer([&] { return produce(name, 3, 1, 0); });
        ForkedChild consumer([&, pid = producer.pid()] { return consume(name, pid, delayMs); });
        QCOMPARE(producer.wait(), 0);
        QCOMPARE(consumer.wait(), 0);

        const auto& shared = segment.shared();
        QCOMPARE(shared.taken.load(), 3);
        QCOMPARE(shared.ring.maxDepth.load(), 2);
        QVERIFY(shared.lastPutDoneNs.load() > shared.firstGetNs.load()); // the last put needed the first get
        const auto waitedMs = shared.producerWaitedNs.load() / 1'000'000;
        QVERIFY2(waitedMs >= delayMs * 2 / 3, qPrintable(QStringLiteral("the producer waited %1 ms").arg(waitedMs)));
    }

    void emptyBufferMakesTheConsumerWait()
    {
        constexpr int delayMs = 150;
        Segment segment(4);
        QVERIFY(segment.isValid());
        const auto name = segment.name();
        ForkedChild producer([&] { return produce(name, 1, 1, delayMs); });
        ForkedChild consumer([&, pid = producer.pid()] { return consume(name, pid, 0); });
        QCOMPARE(producer.wait(), 0);
        QCOMPARE(consumer.wait(), 0);

        const auto& shared = segment.shared();
        QCOMPARE(shared.taken.load(), 1);
        QVERIFY(shared.firstGetNs.load() >= shared.firstItemPutNs.load()); // it got the item once it was there
        const auto waitedMs = shared.consumerWaitedNs.load() / 1'000'000;
        QVERIFY2(waitedMs >= delayMs * 2 / 3, qPrintable(QStringLiteral("the consumer waited %1 ms").arg(waitedMs)));
        QVERIFY(shared.producerWaitedNs.load() < 50'000'000); // the producer never found the buffer full
    }

    void capacityOutOfRangeIsRefused()
    {
        auto ring = std::make_unique<BoundedBuffer::Ring>();
        QCOMPARE(BoundedBuffer::initialize(ring.get(), 0), EINVAL);
        QCOMPARE(BoundedBuffer::initialize(ring.get(), BoundedBuffer::MaxCapacity + 1), EINVAL);
        QCOMPARE(BoundedBuffer::initialize(ring.get(), 1), 0);
        BoundedBuffer::destroy(ring.get());
    }
};

QTEST_GUILESS_MAIN(TestBoundedBuffer)
#include "tst_boundedbuffer.moc"
