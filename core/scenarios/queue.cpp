// SPDX-License-Identifier: GPL-3.0-or-later
// The tutorials' Queue lesson: producers put items, consumers take them until an end-of-stream sentinel.
// The queue is the textbook bounded buffer (BoundedBuffer) in POSIX shared memory; next to it the segment holds
// what the lesson counts: every item's receipt, who took how many, and whether any arrived out of order.
#include "ipc/boundedbuffer.h"
#include "ipc/sharedmemory.h"
#include "model/runmodel.h"
#include "scenario/scenario.h"
#include "telemetry/progressthrottle.h"
#include "telemetry/stateclock.h"
#include "telemetry/telemetrywriter.h"
#include "worker/pacing.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <atomic>
#include <cstring>

namespace ProcViz {

namespace {
const QString ProducerRole = QStringLiteral("producer");
const QString ConsumerRole = QStringLiteral("consumer");
constexpr int MaxProducers = 8;
constexpr int MaxConsumers = 16;
constexpr int MaxItems = 1'000'000;
/// Items per producer that get their own put/get records; a throughput run beyond them reports progress only.
constexpr int TracedItems = 1000;
constexpr std::int32_t Sentinel = -1;

const auto Producers = IntParameter::integer("producers", 1, 1, MaxProducers,
    QT_TRANSLATE_NOOP("ProcViz::Scenario", "Producer processes putting items into the queue."));
const auto Consumers = IntParameter::integer("consumers", 2, 1, MaxConsumers,
    QT_TRANSLATE_NOOP("ProcViz::Scenario", "Consumer processes taking items out of the queue."));
const auto Items
    = IntParameter::integer("items", 5, 1, MaxItems, QT_TRANSLATE_NOOP("ProcViz::Scenario", "Items each producer makes."));
const auto Capacity = IntParameter::integer("capacity", 0, 0, BoundedBuffer::MaxCapacity,
    QT_TRANSLATE_NOOP("ProcViz::Scenario",
        "Slots in the queue: a producer finding them all full waits. 0 means as many as ProcViz allows "
        "(4096), which in a lesson this size never fills up."));
const auto ProduceMs = IntParameter::integer("produce-ms", 500, 0, 60'000,
    QT_TRANSLATE_NOOP("ProcViz::Scenario", "How long making one item takes, in milliseconds."));
const auto ConsumeMs = IntParameter::integer("consume-ms", 1000, 0, 60'000,
    QT_TRANSLATE_NOOP("ProcViz::Scenario",
        "How long handling one item takes, in milliseconds. With both times 0 the run measures how many "
        "items per second the queue moves."));

/// What each item's journey left behind, indexed by producer * items + seq.
struct Receipt
{
    std::atomic<std::uint8_t> gets; ///< how many consumers took it: exactly 1 is right
    std::atomic<std::uint8_t> consumer;
};

struct QueueHeader
{
    BoundedBuffer::Ring queue;
    std::atomic<std::int32_t> producersLeft; ///< the producer that brings it to 0 puts the sentinel
    std::atomic<std::int32_t> sentinelPut;
    std::atomic<std::int64_t> produced;
    std::atomic<std::int64_t> consumed;
    std::atomic<std::int64_t> firstPutNs;
    std::atomic<std::int64_t> lastGetNs;
    std::atomic<std::int64_t> perConsumer[MaxConsumers];
    std::atomic<std::int64_t> outOfOrder[MaxConsumers];
};

struct QueueShape
{
    int producers;
    int consumers;
    int items;
    int capacity; ///< effective: BoundedBuffer::MaxCapacity when --capacity is 0

    explicit QueueShape(const QVariantMap& params)
        : producers(int(Producers(params)))
        , consumers(int(Consumers(params)))
        , items(int(Items(params)))
        , capacity(int(Capacity(params)))
    {
        if (capacity == 0)
            capacity = BoundedBuffer::MaxCapacity;
    }
    qint64 totalItems() const { return qint64(producers) * items; }
    size_t bytes() const { return sizeof(QueueHeader) + size_t(totalItems()) * sizeof(Receipt); }
};

Receipt* receipts(QueueHeader* header)
{
    return reinterpret_cast<Receipt*>(header + 1);
}

class QueueResources : public RunResources
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::Scenario)
public:
    explicit QueueResources(std::unique_ptr<SharedMemory> memory)
        : m_memory(std::move(memory))
        , m_header(m_memory->as<QueueHeader>())
    { }

    ~QueueResources() override { BoundedBuffer::destroy(&m_header->queue); }

    QueueHeader& header() const { return *m_header; }

    QMap<QString, QString> workerEnvironment() const override
    {
        return {{QString::fromLatin1(SharedMemory::NameVariable), m_memory->name()}};
    }

    QList<qint64> holders() const override
    {
        const auto holder = m_header->queue.holder.load();
        return holder ? QList<qint64> {holder} : QList<qint64> {};
    }

    QList<std::pair<QString, qint64>> sample() const override
    {
        return {{QStringLiteral("depth"), m_header->queue.depth.load()}};
    }

    QString explainStall(const RunModel& model) const override
    {
        int producersAlive = 0, consumersAlive = 0;
        for (const auto& worker : model.workers()) {
            if (worker.pid == m_header->queue.holder.load() && !worker.isAlive()) {
                return tr("%1 %2 · pid %3 died inside the queue's mutex, which nobody gives back; every other "
                          "process waits for it forever.")
                    .arg(worker.role)
                    .arg(worker.index)
                    .arg(worker.pid);
            }
            if (worker.isAlive())
                ++(worker.role == ProducerRole ? producersAlive : consumersAlive);
        }
        if (consumersAlive == 0 && producersAlive > 0) {
            return tr(
                "No consumer is left: %n producer(s) wait for a free slot in the full queue.", nullptr, producersAlive);
        }
        if (producersAlive == 0 && consumersAlive > 0 && !m_header->sentinelPut.load()) {
            return tr("A producer died before the end-of-stream sentinel was put: %n consumer(s) wait on an empty "
                      "queue forever.",
                nullptr, consumersAlive);
        }
        return {};
    }

private:
    std::unique_ptr<SharedMemory> m_memory;
    QueueHeader* m_header;
};

int runProducer(const WorkerContext& context, QueueHeader& header, const QueueShape& shape)
{
    const auto& telemetry = context.telemetry;
    const qint64 produceMs = ProduceMs(context.params);
    StateClock clock(telemetry);
    BoundedBuffer queue(header.queue, clock);
    ProgressThrottle throttle(shape.items);
    clock.start();
    for (int seq = 0; seq < shape.items; ++seq) {
        Pacing::sleepMs(clock, produceMs, [&] { clock.progress(seq, shape.items); }); // making the item
        std::int64_t unset = 0;
        header.firstPutNs.compare_exchange_strong(unset, monotonicNowNs());
        queue.put({std::int32_t(context.index), seq, 0, 0});
        header.produced.fetch_add(1);
        if (seq < TracedItems)
            telemetry.message(QStringLiteral("put item %1.%2").arg(context.index).arg(seq).toUtf8());
        if (throttle.shouldReport(seq + 1))
            clock.progress(seq + 1, shape.items);
    }
    if (header.producersLeft.fetch_sub(1) == 1) {
        // The tutorial's `queue.put(None)`: one sentinel for all consumers, each passes it on before leaving.
        queue.put({Sentinel, 0, 0, 0});
        header.sentinelPut = 1;
        telemetry.message("put the end-of-stream sentinel");
    }
    clock.finish(shape.items);
    return EXIT_SUCCESS;
}

int runConsumer(const WorkerContext& context, QueueHeader& header, const QueueShape& shape)
{
    const auto& telemetry = context.telemetry;
    const qint64 consumeMs = ConsumeMs(context.params);
    const int me = context.index - shape.producers;
    StateClock clock(telemetry);
    BoundedBuffer queue(header.queue, clock);
    QList<std::int32_t> lastSeq(shape.producers, -1);
    std::int64_t mine = 0;
    ProgressThrottle throttle(shape.totalItems());
    clock.start();
    for (;;) {
        const auto slot = queue.get();
        const auto takenNs = monotonicNowNs();
        if (slot.producer == Sentinel) {
            queue.put(slot); // pass it on: the next consumer needs it too
            telemetry.message("got the sentinel and passed it on");
            break;
        }
        const qint64 id = qint64(slot.producer) * shape.items + slot.seq;
        auto& receipt = receipts(&header)[id];
        receipt.consumer = std::uint8_t(me);
        receipt.gets.fetch_add(1);
        if (slot.seq <= lastSeq[slot.producer])
            header.outOfOrder[me].fetch_add(1);
        lastSeq[slot.producer] = slot.seq;
        header.perConsumer[me].store(++mine);
        const auto consumed = header.consumed.fetch_add(1) + 1;
        header.lastGetNs = monotonicNowNs();
        if (slot.seq < TracedItems) {
            const auto item = QStringLiteral("%1.%2").arg(slot.producer).arg(slot.seq).toUtf8();
            // Drawn as an arrow from the put.
            telemetry.handoff(slot.pid, slot.putNs, takenNs, QByteArray("item " + item));
            telemetry.message(QByteArray("consumer " + QByteArray::number(context.index) + " got item " + item));
        }
        if (throttle.shouldReport(consumed))
            clock.progress(consumed, shape.totalItems());
        Pacing::sleepMs(clock, consumeMs, [&] { clock.progress(header.consumed.load(), shape.totalItems()); });
    }
    clock.progress(shape.totalItems(), shape.totalItems());
    clock.finish(mine);
    return EXIT_SUCCESS;
}
} // namespace

class QueueScenario : public ScenarioWith<QueueResources>
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::Scenario)
public:
    QString id() const override { return QStringLiteral("queue"); }
    QString title() const override { return tr("Queue: producers and consumers"); }
    QString summary() const override
    {
        return tr("Producers put numbered items into a bounded buffer in shared memory, consumers take them until "
                  "an end-of-stream sentinel arrives: every item exactly once, each producer's items in order.");
    }
    const ParameterTable& parameters() const override { return m_parameters; }
    QStringList roles() const override { return {ProducerRole, ConsumerRole}; }

    QString roleLabel(const QString& role, int index, bool brief) const override
    {
        if (role == ProducerRole)
            return tr("producer %1").arg(index);
        if (role == ConsumerRole)
            return tr("consumer %1").arg(index);
        return Scenario::roleLabel(role, index, brief);
    }

    PanelSpec panel() const override
    {
        PanelSpec spec;
        spec.kind = PanelSpec::SampleLine;
        spec.title = QT_TRANSLATE_NOOP("ProcViz::Scenario", "Queue depth over time");
        spec.sample = QStringLiteral("depth");
        spec.axisLabel = QT_TRANSLATE_NOOP("ProcViz::Scenario", "items in the queue");
        spec.shortAxisLabel = QT_TRANSLATE_NOOP("ProcViz::Scenario", "items");
        spec.filled = true;
        spec.level = PanelSpec::Level::Bound;
        spec.levelValue = [](const QVariantMap& params) {
            const auto capacity = Capacity(params);
            return capacity > 0 ? std::optional(capacity) : std::nullopt;
        };
        spec.levelLabel = QT_TRANSLATE_NOOP("ProcViz::Scenario", "capacity: %L1");
        spec.callout = [](const QJsonObject& result) {
            QString text = tr("items per consumer:");
            const auto counts = result.value(QLatin1String("per_consumer")).toObject();
            for (auto it = counts.begin(); it != counts.end(); ++it)
                text += QStringLiteral("\nPID %1 → %2").arg(it.key()).arg(it.value().toInteger());
            // Each consumer passes the sentinel on before it leaves, so the last one leaves it in the queue, as
            // in Python; without a word the 1 at the end of the chart reads like an item nobody took.
            if (result.value(QLatin1String("outcome")).toString() == outcomeId(Outcome::Completed))
                text += QLatin1Char('\n') + tr("the 1 left at the end: the sentinel (None)");
            return PanelSpec::Callout {text, PanelSpec::Callout::Tone::Neutral};
        };
        return spec;
    }

    Evaluation evaluateProgram(const RunModel& model, const QJsonObject& printed) const override
    {
        auto evaluation = Scenario::evaluateProgram(model, printed);
        if (printed.isEmpty())
            return evaluation;
        // "taken": per consumer, the (producer, item) pairs in the order it took them.
        QSet<std::pair<qint64, qint64>> seen;
        int taken = 0;
        bool ordered = true;
        const auto consumers = printed.value(QLatin1String("taken")).toObject();
        for (const auto& list : consumers) {
            QHash<qint64, qint64> lastOf;
            for (const auto& pair : list.toArray()) {
                const qint64 producer = pair.toArray().at(0).toInteger();
                const qint64 item = pair.toArray().at(1).toInteger();
                ordered = ordered && item > lastOf.value(producer, -1);
                lastOf.insert(producer, item);
                seen.insert({producer, item});
                ++taken;
            }
        }
        const qint64 produced = printed.value(QLatin1String("produced")).toInteger();
        evaluation.checks.append({QStringLiteral("every_item_once"), taken == produced && seen.size() == taken,
            tr("%1 items produced · %2 taken · %3 distinct").arg(produced).arg(taken).arg(seen.size())});
        evaluation.checks.append({QStringLiteral("in_order_per_producer"), ordered,
            ordered ? tr("each consumer took each producer's items in order")
                    : tr("a consumer took a producer's items out of order")});
        return evaluation;
    }

    QList<Phase> plan(const QVariantMap& params) const override
    {
        const QueueShape shape(params);
        Phase phase {QStringLiteral("exchange"), {}};
        for (int i = 0; i < shape.producers; ++i)
            phase.workers.append({ProducerRole, i});
        // Consumers are numbered after the producers, so `--kill N@S` names one process.
        for (int i = 0; i < shape.consumers; ++i)
            phase.workers.append({ConsumerRole, shape.producers + i});
        return {phase};
    }

    std::unique_ptr<QueueResources> create(const QVariantMap& params, QString* error) const override
    {
        const QueueShape shape(params);
        auto memory = SharedMemory::create(shape.bytes(), error);
        if (!memory)
            return nullptr;
        auto* header = memory->as<QueueHeader>();
        if (const int failure = BoundedBuffer::initialize(&header->queue, shape.capacity)) {
            *error = QString::fromLocal8Bit(strerror(failure));
            return nullptr;
        }
        header->producersLeft = shape.producers;
        return std::make_unique<QueueResources>(std::move(memory));
    }

    int runWorker(const WorkerContext& context) const override
    {
        const QueueShape shape(context.params);
        auto memory = SharedMemory::attachForWorker(shape.bytes());
        if (!memory)
            return EXIT_FAILURE;
        auto& header = *memory->as<QueueHeader>();
        return context.role == ProducerRole ? runProducer(context, header, shape) : runConsumer(context, header, shape);
    }

    Evaluation evaluate(const RunModel& model, const QueueResources& resources) const override;

private:
    const ParameterTable m_parameters {{Producers, Consumers, Items, Capacity, ProduceMs, ConsumeMs}};
};

Evaluation QueueScenario::evaluate(const RunModel& model, const QueueResources& resources) const
{
    auto& header = resources.header();
    const QueueShape shape(model.params());
    qint64 lost = 0, twice = 0, outOfOrder = 0;
    for (qint64 id = 0; id < shape.totalItems(); ++id) {
        const int gets = receipts(&header)[id].gets.load();
        lost += gets == 0 ? 1 : 0;
        twice += gets > 1 ? 1 : 0;
    }
    QJsonObject perConsumer;
    bool anyKilled = false;
    for (const auto& worker : model.workers()) {
        anyKilled = anyKilled || worker.signal.has_value();
        if (worker.role == ConsumerRole) {
            const int consumer = worker.index - shape.producers;
            perConsumer.insert(QString::number(worker.pid), qint64(header.perConsumer[consumer].load()));
            outOfOrder += header.outOfOrder[consumer].load();
        }
    }
    Evaluation evaluation;
    auto& result = evaluation.result;
    auto& checks = evaluation.checks;
    result = {
        {QStringLiteral("mechanism"),
            QStringLiteral("bounded buffer in POSIX shared memory with process-shared POSIX semaphores "
                           "(empty, full, mutex)")},
        {QStringLiteral("end_of_stream"),
            QStringLiteral("one sentinel, put by the last producer; each consumer passes it on")},
        {QStringLiteral("capacity"), shape.capacity},
        {QStringLiteral("produced"), qint64(header.produced.load())},
        {QStringLiteral("consumed"), qint64(header.consumed.load())},
        {QStringLiteral("per_consumer"), perConsumer},
        {QStringLiteral("in_order"), outOfOrder == 0},
        {QStringLiteral("max_depth"), header.queue.maxDepth.load()},
        {QStringLiteral("lost"), lost},
        {QStringLiteral("duplicated"), twice},
        {QStringLiteral("outcome"), model.outcomeId()},
    };
    const bool throughputRun = ProduceMs(model.params()) == 0 && ConsumeMs(model.params()) == 0;
    const qint64 spanNs = header.lastGetNs.load() - header.firstPutNs.load();
    if (throughputRun && spanNs > 0)
        result.insert(QStringLiteral("items_per_s"), double(header.consumed.load()) * 1e9 / double(spanNs));

    // A killed process takes items with it (the queue's remainder, or one in its hands): then losses are
    // the lesson, not an error. Taking an item twice is wrong whatever happened.
    checks.append({QStringLiteral("nothing_lost"), lost == 0,
        tr("%1 of %2 items consumed · %3 never arrived")
            .arg(shape.totalItems() - lost)
            .arg(shape.totalItems())
            .arg(lost),
        !anyKilled});
    checks.append({QStringLiteral("nothing_twice"), twice == 0, tr("%1 items taken more than once").arg(twice)});
    checks.append({QStringLiteral("in_order"), outOfOrder == 0,
        tr("%1 items reached a consumer before an earlier item of the same producer").arg(outOfOrder)});
    return evaluation;
}

} // namespace ProcViz

PROCVIZ_REGISTER_SCENARIO(queue, ProcViz::QueueScenario)
