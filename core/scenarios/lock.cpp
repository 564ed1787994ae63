// SPDX-License-Identifier: GPL-3.0-or-later
// The tutorials' Lock lesson: N processes add 1 to one shared number. Without a lock, updates are lost;
// with a process-shared mutex the total is exact; with a robust mutex even the death of the holder is
// survived. The counter lives in POSIX shared memory, like multiprocessing.Value.
#include "ipc/sharedmemory.h"
#include "ipc/sharedmutex.h"
#include "model/runmodel.h"
#include "scenario/scenario.h"
#include "telemetry/progressthrottle.h"
#include "telemetry/stateclock.h"
#include "telemetry/telemetrywriter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <atomic>
#include <functional>
#include <sched.h>
#include <unistd.h>

namespace ProcViz {

namespace {
const QString LockOff = QStringLiteral("off");
const QString LockOn = QStringLiteral("on");
const QString LockRobust = QStringLiteral("robust");
constexpr int MaxWorkers = 64;
constexpr std::int64_t ReportEvery = 256;
constexpr std::int64_t StartGateTimeoutNs = 5'000'000'000;

const auto Workers = IntParameter::integer("workers", 4, 1, MaxWorkers,
    QT_TRANSLATE_NOOP("ProcViz::Scenario", "Worker processes that increment the shared counter."));
const auto Increments = IntParameter::integer("increments", 100'000, 1, 100'000'000,
    QT_TRANSLATE_NOOP("ProcViz::Scenario", "How many times each worker adds 1 to the counter."));
const auto WorkNs = IntParameter::integer("work-ns", 5000, 0, 1'000'000,
    QT_TRANSLATE_NOOP("ProcViz::Scenario",
        "Computation between reading the counter and writing it back, in nanoseconds: the window in which "
        "another process can slip in. The default makes a run last long enough to watch; CPython needs "
        "about 500 for `counter.value += 1`; 0 makes the increment as short as the hardware allows."));
const auto Lock = TextParameter::choice("lock", LockOn, {LockOff, LockOn, LockRobust},
    QT_TRANSLATE_NOOP("ProcViz::Scenario",
        "off: a plain load, add and store (updates get lost); on: a process-shared mutex around each "
        "increment; robust: the same mutex made robust, so the death of its holder is survived."));

/// The counter's ideal: every increment of every worker.
qint64 expectedTotal(const QVariantMap& params)
{
    return Workers(params) * Increments(params);
}

struct LockSegment
{
    pthread_mutex_t mutex;
    /// Deliberately neither atomic nor locked by itself: `--lock off` must do a plain load, add and store.
    volatile std::int64_t counter;
    std::atomic<std::int32_t> holder; ///< pid inside the critical section, 0 when none
    /// Who left the section last, and when: a worker that waited long for the lock draws the hand-off from it.
    std::atomic<std::int32_t> lastReleaser;
    std::atomic<std::int64_t> lastReleaseNs;
    std::atomic<std::int32_t> recoveredFrom; ///< pid of a dead holder whose lock was recovered
    std::atomic<std::int32_t> recoveries;
    std::atomic<std::int32_t> arrived; ///< start gate: workers begin together, so they really overlap
    std::atomic<std::int64_t> done[MaxWorkers]; ///< increments each worker completed, kept if it dies
};

class LockResources : public RunResources
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::Scenario)
public:
    explicit LockResources(std::unique_ptr<SharedMemory> memory)
        : m_memory(std::move(memory))
        , m_segment(m_memory->as<LockSegment>())
    { }

    const LockSegment& segment() const { return *m_segment; }

    QMap<QString, QString> workerEnvironment() const override
    {
        return {{QString::fromLatin1(SharedMemory::NameVariable), m_memory->name()}};
    }

    QList<qint64> holders() const override
    {
        const auto holder = m_segment->holder.load();
        return holder ? QList<qint64> {holder} : QList<qint64> {};
    }

    QList<std::pair<QString, qint64>> sample() const override
    {
        return {{QStringLiteral("counter"), m_segment->counter}};
    }

    QString explainStall(const RunModel& model) const override
    {
        const auto holder = m_segment->holder.load();
        if (!holder)
            return {};
        for (const auto& worker : model.workers()) {
            if (worker.pid != holder)
                continue;
            const int waiting = model.liveWorkerCount() - (worker.isAlive() ? 1 : 0);
            if (worker.isAlive()) {
                return tr("worker %1 · pid %2 holds the lock and does not let go (is it stopped?); %3 worker(s) "
                          "wait for it.")
                    .arg(worker.index)
                    .arg(holder)
                    .arg(waiting);
            }
            return tr("The lock holder, worker %1 · pid %2, died while holding the lock; %3 worker(s) wait for it "
                      "forever.")
                .arg(worker.index)
                .arg(holder)
                .arg(waiting);
        }
        return {};
    }

private:
    std::unique_ptr<SharedMemory> m_memory;
    LockSegment* m_segment;
};

void waitForEveryone(LockSegment& segment, int workers)
{
    // Without this, a quick worker could finish before the next one starts and no update would ever be lost.
    // Yield rather than sleep: a sleeper wakes a scheduler tick late. A worker killed before it arrives only
    // delays the others by the timeout.
    segment.arrived.fetch_add(1);
    const auto deadline = monotonicNowNs() + StartGateTimeoutNs;
    while (segment.arrived.load() < workers && monotonicNowNs() < deadline)
        sched_yield();
}

/// Real computation from @p fromNs for about @p ns: what an interpreter does between reading a value and
/// storing it back.
void computeFor(std::int64_t ns, std::int64_t fromNs)
{
    if (ns <= 0)
        return;
    const auto until = fromNs + ns;
    std::uint64_t x = 0;
    while (monotonicNowNs() < until) {
        for (int i = 0; i < 16; ++i) {
            x += std::uint64_t(i);
            asm volatile("" : "+r"(x));
        }
    }
}
} // namespace

class LockScenario : public ScenarioWith<LockResources>
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::Scenario)
public:
    QString id() const override { return QStringLiteral("lock"); }
    QString title() const override { return tr("Lock: a shared counter"); }
    QString summary() const override
    {
        return tr("Processes add 1 to one counter in shared memory: without a lock updates are lost, with a "
                  "process-shared mutex the total is exact, and a robust mutex survives its holder's death.");
    }
    const ParameterTable& parameters() const override { return m_parameters; }
    QStringList roles() const override { return {WorkerRole}; }

    PanelSpec panel() const override
    {
        PanelSpec spec;
        spec.kind = PanelSpec::SampleLine;
        spec.title = QT_TRANSLATE_NOOP("ProcViz::Scenario", "Shared counter against the ideal");
        spec.sample = QStringLiteral("counter");
        spec.axisLabel = QT_TRANSLATE_NOOP("ProcViz::Scenario", "shared counter");
        spec.shortAxisLabel = QT_TRANSLATE_NOOP("ProcViz::Scenario", "counter");
        spec.steps = false;
        spec.level = PanelSpec::Level::Ideal;
        spec.levelValue = [](const QVariantMap& params) { return std::optional(expectedTotal(params)); };
        spec.levelLabel = QT_TRANSLATE_NOOP("ProcViz::Scenario", "ideal: %L1");
        spec.callout = [](const QJsonObject& result) {
            const qint64 counter = result.value(QLatin1String("counter")).toInteger();
            const qint64 lost = result.value(QLatin1String("lost")).toInteger();
            return lost > 0 ? PanelSpec::Callout {tr("got %L1\n%L2 updates lost").arg(counter).arg(lost),
                                  PanelSpec::Callout::Tone::Bad}
                            : PanelSpec::Callout {tr("got %L1\nno update lost").arg(counter),
                                  PanelSpec::Callout::Tone::Good};
        };
        return spec;
    }

    QList<Phase> plan(const QVariantMap& params) const override
    {
        return {Phase::ofRole(QStringLiteral("increment"), WorkerRole, int(Workers(params)))};
    }

    std::unique_ptr<LockResources> create(const QVariantMap& params, QString* error) const override
    {
        auto memory = SharedMemory::create(sizeof(LockSegment), error);
        if (!memory)
            return nullptr;
        const bool robust = Lock(params) == LockRobust;
        if (const int result = SharedMutex::initialize(&memory->as<LockSegment>()->mutex, robust); result != 0) {
            *error = QString::fromLocal8Bit(strerror(result));
            return nullptr;
        }
        return std::make_unique<LockResources>(std::move(memory));
    }

    int runWorker(const WorkerContext& context) const override;
    Evaluation evaluate(const RunModel& model, const LockResources& resources) const override;

private:
    const ParameterTable m_parameters {{Workers, Increments, WorkNs, Lock}};
};

int LockScenario::runWorker(const WorkerContext& context) const
{
    auto memory = SharedMemory::attachForWorker(sizeof(LockSegment));
    if (!memory)
        return EXIT_FAILURE;
    auto& segment = *memory->as<LockSegment>();
    const auto& telemetry = context.telemetry;
    const std::int64_t increments = Increments(context.params);
    const bool locking = Lock(context.params) != LockOff;
    const std::int64_t workNs = WorkNs(context.params);
    const auto pid = std::int32_t(getpid());
    SharedMutex mutex(&segment.mutex);
    StateClock clock(telemetry);
    bool longWait = false;
    // Called only when the lock is taken by someone else: a free lock costs no call and no clock read. Made
    // once: a std::function built at every increment would cost more than the increment.
    const std::function<void()> blocked = [&] { clock.enter(WorkerState::Waiting); };
    const std::function<void()> stillWaiting = [&] {
        clock.announce();
        longWait = true;
    };

    clock.start(WorkerState::Waiting); // at the start gate, for the others to arrive
    waitForEveryone(segment, int(Workers(context.params)));
    clock.enter(WorkerState::Running);
    ProgressThrottle throttle(increments);
    for (std::int64_t i = 0; i < increments; ++i) {
        // The times taken here serve the computation and the accounting alike: with the lock, two clock reads
        // an increment (taken, given back), and one more when it had to wait. The mutex orders the stores
        // inside it, so they need no ordering of their own.
        std::int64_t acquired = 0;
        std::int32_t giver = 0;
        std::int64_t givenNs = 0;
        if (locking) {
            if (mutex.lock(blocked, stillWaiting) == SharedMutex::Locked::FromDeadOwner) {
                const auto dead = segment.holder.load();
                segment.recoveredFrom = dead;
                segment.recoveries.fetch_add(1);
                telemetry.message(QStringLiteral("recovered the lock from dead holder pid %1").arg(dead).toUtf8());
            }
            segment.holder.store(pid, std::memory_order_relaxed);
            acquired = monotonicNowNs();
            if (longWait) { // a hand-off worth an arrow: after a wait of 1 ms or more
                giver = segment.lastReleaser.load(std::memory_order_relaxed);
                givenNs = segment.lastReleaseNs.load(std::memory_order_relaxed);
            }
        } else {
            acquired = monotonicNowNs();
        }
        const std::int64_t value = segment.counter;
        computeFor(workNs, acquired);
        segment.counter = value + 1;
        segment.done[context.index].store(i + 1, std::memory_order_relaxed);
        if (locking) {
            const auto released = clock.isAccounting() ? monotonicNowNs() : 0;
            segment.lastReleaser.store(pid, std::memory_order_relaxed);
            segment.lastReleaseNs.store(released, std::memory_order_relaxed);
            segment.holder.store(0, std::memory_order_relaxed);
            mutex.unlock();
            // Told once the lock is free again: a write() that blocks (the engine busy) must not keep others out.
            clock.enter(WorkerState::Holding, acquired);
            clock.enter(WorkerState::Running, released);
            if (givenNs)
                telemetry.handoff(giver, givenNs, acquired, "lock");
            longWait = false;
        }
        if (((i + 1) % ReportEvery == 0 || i + 1 == increments) && throttle.shouldReport(i + 1))
            clock.progress(i + 1, increments);
    }
    clock.finish(increments);
    return EXIT_SUCCESS;
}

Evaluation LockScenario::evaluate(const RunModel& model, const LockResources& resources) const
{
    const auto& segment = resources.segment();
    const QString lock = Lock(model.params());
    const qint64 expected = expectedTotal(model.params());
    const qint64 counter = segment.counter;

    qint64 completed = 0;
    bool anyKilled = false;
    QJsonArray perWorker;
    for (const auto& worker : model.workers()) {
        const qint64 done = segment.done[worker.index].load();
        completed += done;
        anyKilled = anyKilled || worker.signal.has_value();
        // Measured by each worker around every increment: holds lie inside the lock, so they never overlap.
        const auto time = RunModel::workerTotals(worker, model.endNs());
        perWorker.append(QJsonObject {
            {QStringLiteral("index"), worker.index},
            {QStringLiteral("pid"), worker.pid},
            {QStringLiteral("increments"), done},
            {QStringLiteral("wait_ms"), double(time[size_t(WorkerState::Waiting)]) / 1e6},
            {QStringLiteral("hold_ms"), double(time[size_t(WorkerState::Holding)]) / 1e6},
        });
    }
    Evaluation evaluation;
    auto& result = evaluation.result;
    auto& checks = evaluation.checks;
    result = {
        {QStringLiteral("lock"), lock},
        {QStringLiteral("counter"), counter},
        {QStringLiteral("expected"), expected},
        {QStringLiteral("lost"), expected - counter},
        {QStringLiteral("completed_increments"), completed},
        {QStringLiteral("outcome"), model.outcomeId()},
        {QStringLiteral("per_worker"), perWorker},
    };
    if (lock == LockRobust) {
        result.insert(QStringLiteral("recovered"), segment.recoveries.load() > 0);
        result.insert(QStringLiteral("dead_holder_pid"),
            segment.recoveredFrom.load() ? QJsonValue(segment.recoveredFrom.load()) : QJsonValue(QJsonValue::Null));
    }

    if (!anyKilled) {
        checks.append({QStringLiteral("counter_exact"), counter == expected,
            tr("expected %1 · got %2 · %3 updates lost").arg(expected).arg(counter).arg(expected - counter),
            lock != LockOff});
        return evaluation;
    }
    // A worker died: the target is what the workers really did. The one increment the holder was in the
    // middle of may or may not have reached the counter.
    const qint64 inFlight = counter - completed;
    checks.append({QStringLiteral("counter_matches_completed"),
        lock == LockOff ? counter <= completed : inFlight == 0 || inFlight == 1,
        tr("counter %1 · increments completed %2%3")
            .arg(counter)
            .arg(completed)
            .arg(inFlight == 1 ? tr(" (1 in flight when its worker died)") : QString()),
        lock != LockOff});
    if (lock == LockRobust) {
        checks.append({QStringLiteral("survived_holder_death"), model.outcome() == Outcome::Completed,
            segment.recoveries.load() > 0 ? tr("run %1; the lock was recovered from dead holder pid %2")
                                                .arg(model.outcomeId())
                                                .arg(segment.recoveredFrom.load())
                                          : tr("run %1; no worker died holding the lock").arg(model.outcomeId())});
    }
    return evaluation;
}

} // namespace ProcViz

PROCVIZ_REGISTER_SCENARIO(lock, ProcViz::LockScenario)
