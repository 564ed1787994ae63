// SPDX-License-Identifier: GPL-3.0-or-later
// The tutorials' shared-memory lesson (multiprocessing.Value and Array): every process adds 1 to a shared
// Value and to every element of a shared Array, round after round. Without locks the read-add-write steps
// of different processes interleave and updates get lost, each element by a different count; with the
// Value's and the Array's own locks (their get_lock()) every total is exact. Both live in POSIX shared
// memory, as Python puts them in a shared heap.
#include "ipc/sharedmemory.h"
#include "ipc/startgate.h"
#include "model/runmodel.h"
#include "scenario/scenario.h"
#include "telemetry/progressthrottle.h"
#include "telemetry/stateclock.h"
#include "telemetry/telemetrywriter.h"
#include "worker/accountedlock.h"
#include "worker/busywork.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <atomic>

namespace ProcViz {

namespace {
const QString LockOff = QStringLiteral("off");
const QString LockOn = QStringLiteral("on");
constexpr int MaxWorkers = 64;
constexpr int MaxElements = 32;

const auto Workers = IntParameter::integer("workers", 4, 1, MaxWorkers,
    QT_TRANSLATE_NOOP("ProcViz::Scenario", "Worker processes updating the shared Value and Array."));
const auto Rounds = IntParameter::integer("rounds", 10'000, 1, 10'000'000,
    QT_TRANSLATE_NOOP("ProcViz::Scenario",
        "How many times each worker adds 1 to the Value and 1 to every element of the Array."));
const auto Elements = IntParameter::integer(
    "elements", 8, 1, MaxElements, QT_TRANSLATE_NOOP("ProcViz::Scenario", "Elements of the shared Array."));
const auto WorkNs = IntParameter::integer("work-ns", 5000, 0, 1'000'000,
    QT_TRANSLATE_NOOP("ProcViz::Scenario",
        "Computation between reading a number and writing it back, in nanoseconds: the window in which "
        "another process can slip in (CPython needs about 500)."));
const auto Lock = TextParameter::choice("lock", LockOff, {LockOff, LockOn},
    QT_TRANSLATE_NOOP("ProcViz::Scenario",
        "off: plain reads and writes, as `v.value += 1` and `a[i] += 1` are without a lock (updates get "
        "lost); on: each update inside the Value's or the Array's own lock, as with `v.get_lock()`."));

/// Every update of every worker: what the Value and each element should end at.
qint64 expectedTotal(const QVariantMap& params)
{
    return Workers(params) * Rounds(params);
}

struct SharedSegment
{
    pthread_mutex_t valueMutex;
    LockStamp valueStamp;
    /// Deliberately neither atomic nor locked by itself: without the lock, a plain load, add and store.
    volatile std::int64_t value;
    pthread_mutex_t arrayMutex;
    LockStamp arrayStamp;
    volatile std::int64_t array[MaxElements];
    StartGate gate;
    std::atomic<std::int64_t> rounds[MaxWorkers]; ///< rounds each worker completed, kept if it dies
};

class SharedResources : public RunResources
{
public:
    SharedResources(std::unique_ptr<SharedMemory> memory, int elements)
        : m_memory(std::move(memory))
        , m_segment(m_memory->as<SharedSegment>())
        , m_elements(elements)
    { }

    const SharedSegment& segment() const { return *m_segment; }

    QMap<QString, QString> workerEnvironment() const override
    {
        return {{QString::fromLatin1(SharedMemory::NameVariable), m_memory->name()}};
    }

    QList<qint64> holders() const override
    {
        QList<qint64> pids;
        for (const auto* stamp : {&m_segment->valueStamp, &m_segment->arrayStamp}) {
            if (const auto pid = stamp->holder.load())
                pids.append(pid);
        }
        return pids;
    }

    /// The Value, then each element: what the panel draws as bars, live.
    QList<std::pair<QString, qint64>> sample() const override
    {
        QList<std::pair<QString, qint64>> values {{QStringLiteral("v.value"), m_segment->value}};
        for (int i = 0; i < m_elements; ++i)
            values.append({QStringLiteral("a[%1]").arg(i), m_segment->array[i]});
        return values;
    }

private:
    std::unique_ptr<SharedMemory> m_memory;
    SharedSegment* m_segment;
    int m_elements;
};

/// One read-add-write of @p cell, with @p workNs of real computation in between.
void increment(volatile std::int64_t& cell, std::int64_t workNs, std::int64_t fromNs)
{
    const std::int64_t read = cell;
    BusyWork::computeFor(workNs, fromNs);
    cell = read + 1;
}
} // namespace

class SharedScenario : public ScenarioWith<SharedResources>
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::Scenario)
public:
    QString id() const override { return QStringLiteral("shared"); }
    QString title() const override { return tr("Value and Array: shared memory"); }
    QString summary() const override
    {
        return tr("Processes add 1 to a shared Value and to every element of a shared Array: without their locks "
                  "updates are lost, each element by its own count; with them every total is exact.");
    }
    const ParameterTable& parameters() const override { return m_parameters; }
    QStringList roles() const override { return {WorkerRole}; }

    PanelSpec panel() const override
    {
        PanelSpec spec;
        spec.kind = QStringLiteral("array"); // ui/panels/arraypanel.*: one bar per sampled number
        spec.title = QT_TRANSLATE_NOOP("ProcViz::Scenario", "The Value and each element of the Array");
        spec.axisLabel = QT_TRANSLATE_NOOP("ProcViz::Scenario", "total so far");
        spec.shortAxisLabel = QT_TRANSLATE_NOOP("ProcViz::Scenario", "total");
        spec.level = PanelSpec::Level::Ideal;
        spec.levelValue = [](const QVariantMap& params) { return std::optional(expectedTotal(params)); };
        spec.levelLabel = QT_TRANSLATE_NOOP("ProcViz::Scenario", "ideal: %L1");
        spec.callout = [](const QJsonObject& result) {
            const qint64 lost = result.value(QLatin1String("value_lost")).toInteger();
            qint64 fewest = -1, most = 0;
            for (const auto& element : result.value(QLatin1String("array_lost")).toArray()) {
                fewest = fewest < 0 ? element.toInteger() : std::min(fewest, element.toInteger());
                most = std::max(most, element.toInteger());
            }
            if (lost == 0 && most == 0)
                return PanelSpec::Callout {tr("no update lost"), PanelSpec::Callout::Tone::Good};
            return PanelSpec::Callout {
                tr("Value: %L1 lost\nelements: %L2 to %L3 lost").arg(lost).arg(fewest).arg(most),
                PanelSpec::Callout::Tone::Bad};
        };
        return spec;
    }

    QStringList programParameters() const override
    {
        return {Workers.name(), Rounds.name(), Elements.name(), Lock.name()};
    }

    Evaluation evaluateProgram(const RunModel& model, const QJsonObject& printed) const override
    {
        auto evaluation = Scenario::evaluateProgram(model, printed);
        if (printed.isEmpty())
            return evaluation;
        const qint64 expected = printed.value(QLatin1String("expected")).toInteger();
        const qint64 value = printed.value(QLatin1String("value")).toInteger();
        const bool locking = printed.value(QLatin1String("lock")).toString() == LockOn;
        int exact = 0;
        const auto array = printed.value(QLatin1String("array")).toArray();
        for (const auto& element : array)
            exact += element.toInteger() == expected ? 1 : 0;
        evaluation.checks.append({QStringLiteral("value_exact"), value == expected,
            tr("Value: expected %1 · got %2 · %3 updates lost").arg(expected).arg(value).arg(expected - value),
            locking});
        evaluation.checks.append({QStringLiteral("array_exact"), exact == array.size() && !array.isEmpty(),
            tr("%1 of %2 elements reached %3").arg(exact).arg(array.size()).arg(expected), locking});
        return evaluation;
    }

    QList<Phase> plan(const QVariantMap& params) const override
    {
        return {Phase::ofRole(QStringLiteral("update"), WorkerRole, int(Workers(params)))};
    }

    std::unique_ptr<SharedResources> create(const QVariantMap& params, QString* error) const override
    {
        auto memory = SharedMemory::create(sizeof(SharedSegment), error);
        if (!memory)
            return nullptr;
        auto* segment = memory->as<SharedSegment>();
        for (auto* mutex : {&segment->valueMutex, &segment->arrayMutex}) {
            if (const int result = SharedMutex::initialize(mutex, false); result != 0) {
                *error = QString::fromLocal8Bit(strerror(result));
                return nullptr;
            }
        }
        return std::make_unique<SharedResources>(std::move(memory), int(Elements(params)));
    }

    int runWorker(const WorkerContext& context) const override;
    Evaluation evaluate(const RunModel& model, const SharedResources& resources) const override;

private:
    const ParameterTable m_parameters {{Workers, Rounds, Elements, WorkNs, Lock}};
};

int SharedScenario::runWorker(const WorkerContext& context) const
{
    auto memory = SharedMemory::attachForWorker(sizeof(SharedSegment));
    if (!memory)
        return EXIT_FAILURE;
    auto& segment = *memory->as<SharedSegment>();
    const std::int64_t rounds = Rounds(context.params);
    const int elements = int(Elements(context.params));
    const std::int64_t workNs = WorkNs(context.params);
    const bool locking = Lock(context.params) == LockOn;
    StateClock clock(context.telemetry);
    AccountedLock valueLock(&segment.valueMutex, segment.valueStamp, clock, context.telemetry);
    AccountedLock arrayLock(&segment.arrayMutex, segment.arrayStamp, clock, context.telemetry);

    clock.start(WorkerState::Waiting); // at the start gate, for the others to arrive
    segment.gate.pass(int(Workers(context.params)));
    clock.enter(WorkerState::Running);
    ProgressThrottle throttle(rounds);
    for (std::int64_t round = 0; round < rounds; ++round) {
        // v.value += 1
        increment(segment.value, workNs, locking ? valueLock.lock() : monotonicNowNs());
        if (locking)
            valueLock.unlock();
        // for i in range(len(a)): a[i] += 1 -- the whole pass inside the Array's lock when there is one
        auto from = locking ? arrayLock.lock() : monotonicNowNs();
        for (int i = 0; i < elements; ++i, from = monotonicNowNs())
            increment(segment.array[i], workNs, from);
        if (locking)
            arrayLock.unlock();
        segment.rounds[context.index].store(round + 1, std::memory_order_relaxed);
        if (throttle.shouldReport(round + 1))
            clock.progress(round + 1, rounds);
    }
    clock.finish(rounds);
    return EXIT_SUCCESS;
}

Evaluation SharedScenario::evaluate(const RunModel& model, const SharedResources& resources) const
{
    const auto& segment = resources.segment();
    const bool locking = Lock(model.params()) == LockOn;
    qint64 completed = 0;
    bool anyKilled = false;
    for (const auto& worker : model.workers()) {
        completed += segment.rounds[worker.index].load();
        anyKilled = anyKilled || worker.signal.has_value();
    }
    // A worker that died mid-round may have updated some numbers of its last round: the target is what the
    // workers completed, and up to one more.
    const qint64 expected = anyKilled ? completed : expectedTotal(model.params());
    const auto lostOf = [&](qint64 total) { return std::max<qint64>(0, expected - total); };
    QJsonArray array, arrayLost;
    int exactElements = 0;
    for (int i = 0; i < Elements(model.params()); ++i) {
        array.append(qint64(segment.array[i]));
        arrayLost.append(lostOf(segment.array[i]));
        exactElements += segment.array[i] == expected || (anyKilled && segment.array[i] == expected + 1) ? 1 : 0;
    }
    const qint64 value = segment.value;
    const bool valueExact = value == expected || (anyKilled && value == expected + 1);
    Evaluation evaluation;
    evaluation.result = {
        {QStringLiteral("lock"), Lock(model.params())},
        {QStringLiteral("value"), value},
        {QStringLiteral("array"), array},
        {QStringLiteral("expected"), expected},
        {QStringLiteral("value_lost"), lostOf(value)},
        {QStringLiteral("array_lost"), arrayLost},
        {QStringLiteral("completed_rounds"), completed},
        {QStringLiteral("outcome"), model.outcomeId()},
    };
    evaluation.checks.append({QStringLiteral("value_exact"), valueExact,
        tr("Value: expected %1 · got %2 · %3 updates lost").arg(expected).arg(value).arg(lostOf(value)), locking});
    evaluation.checks.append({QStringLiteral("array_exact"), exactElements == array.size(),
        tr("%1 of %2 elements reached %3").arg(exactElements).arg(array.size()).arg(expected), locking});
    return evaluation;
}

} // namespace ProcViz

PROCVIZ_REGISTER_SCENARIO(shared, ProcViz::SharedScenario)
