// SPDX-License-Identifier: GPL-3.0-or-later
// The tutorials' Lock lesson: N processes add 1 to one shared number. Without a lock, updates are lost;
// with a process-shared mutex the total is exact; with a robust mutex even the death of the holder is
// survived. The counter lives in POSIX shared memory, like multiprocessing.Value.
#include "ipc/sharedmemory.h"
#include "ipc/sharedmutex.h"
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
#include <unistd.h>

namespace ProcViz {

namespace {
const QString LockOff = QStringLiteral("off");
const QString LockOn = QStringLiteral("on");
const QString LockRobust = QStringLiteral("robust");
constexpr int MaxWorkers = 64;
constexpr std::int64_t ReportEvery = 256;

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
    LockStamp stamp; ///< who is inside, who left last
    std::atomic<std::int32_t> recoveredFrom; ///< pid of a dead holder whose lock was recovered
    std::atomic<std::int32_t> recoveries;
    StartGate gate;
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
        const auto holder = m_segment->stamp.holder.load();
        return holder ? QList<qint64> {holder} : QList<qint64> {};
    }

    QList<std::pair<QString, qint64>> sample() const override
    {
        return {{QStringLiteral("counter"), m_segment->counter}};
    }

    QString explainStall(const RunModel& model) const override
    {
        const auto holder = m_segment->stamp.holder.load();
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

    QStringList programParameters() const override
    {
        return {Workers.name(), Increments.name(), Lock.name()};
    }

    QString validateProgram(const QVariantMap& given) const override
    {
        if (Lock.find(given) == LockRobust)
            return tr("--lock robust has no counterpart in Python's multiprocessing, whose Lock is not robust: "
                      "with --runtime python, --lock is off or on.");
        return Scenario::validateProgram(given);
    }

    Evaluation evaluateProgram(const RunModel& model, const QJsonObject& printed) const override
    {
        auto evaluation = Scenario::evaluateProgram(model, printed);
        if (printed.isEmpty())
            return evaluation;
        const qint64 counter = printed.value(QLatin1String("counter")).toInteger();
        const qint64 expected = printed.value(QLatin1String("expected")).toInteger();
        const bool locking = printed.value(QLatin1String("lock")).toString() == LockOn;
        evaluation.checks.append({QStringLiteral("counter_exact"), counter == expected && expected > 0,
            tr("expected %1 · got %2 · %3 updates lost").arg(expected).arg(counter).arg(expected - counter),
            locking});
        return evaluation;
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
    StateClock clock(telemetry);
    AccountedLock lock(&segment.mutex, segment.stamp, clock, telemetry);

    clock.start(WorkerState::Waiting); // at the start gate, for the others to arrive
    segment.gate.pass(int(Workers(context.params)));
    clock.enter(WorkerState::Running);
    ProgressThrottle throttle(increments);
    for (std::int64_t i = 0; i < increments; ++i) {
        std::int32_t dead = 0;
        // The time the lock was taken serves the computation and the accounting alike.
        const auto from = locking ? lock.lock(&dead) : monotonicNowNs();
        if (dead) {
            segment.recoveredFrom = dead;
            segment.recoveries.fetch_add(1);
            telemetry.message(QStringLiteral("recovered the lock from dead holder pid %1").arg(dead).toUtf8());
        }
        const std::int64_t value = segment.counter;
        BusyWork::computeFor(workNs, from);
        segment.counter = value + 1;
        segment.done[context.index].store(i + 1, std::memory_order_relaxed);
        if (locking)
            lock.unlock();
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
