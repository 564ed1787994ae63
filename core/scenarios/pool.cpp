// SPDX-License-Identifier: GPL-3.0-or-later
// The tutorials' Pool.map lesson: a fixed set of long-lived worker processes estimates pi by Monte Carlo, task
// by task. The shared task queue is an atomic next-chunk index in POSIX shared memory: a worker that is free
// takes the next chunk of `chunksize` consecutive tasks (fetch_add, so no chunk goes to two workers). Each
// result lands in a shared array at its task's index, so the map's answer comes back in input order however
// the work was split. With `--skew increasing` later tasks cost more, and a big chunksize hands one process
// most of the work.
#include "engine/procstat.h"
#include "ipc/sharedmemory.h"
#include "model/runmodel.h"
#include "scenario/scenario.h"
#include "telemetry/progressthrottle.h"
#include "telemetry/stateclock.h"
#include "telemetry/telemetrywriter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <atomic>
#include <cmath>
#include <ctime>
#include <unistd.h>

namespace ProcViz {

namespace {
const QString Uniform = QStringLiteral("uniform");
const QString Increasing = QStringLiteral("increasing");
constexpr int MaxWorkers = 64;
constexpr int MaxTasks = 100'000;
const auto Workers = IntParameter::integer(
    "workers", 4, 1, MaxWorkers, QT_TRANSLATE_NOOP("ProcViz::Scenario", "Processes in the pool."));
const auto Tasks = IntParameter::integer("tasks", 40, 1, MaxTasks,
    QT_TRANSLATE_NOOP("ProcViz::Scenario", "Inputs to map over: one Monte Carlo batch each."));
const auto Chunksize = IntParameter::integer("chunksize", 0, 0, MaxTasks,
    QT_TRANSLATE_NOOP("ProcViz::Scenario",
        "Consecutive tasks a worker takes at once. 0: Python's default, tasks / (4 × workers) rounded up."));
// A run long enough to watch the chunks being taken (about 2 s on two cores).
const auto Trials = IntParameter::integer("trials", 25'000'000, 1, 1'000'000'000,
    QT_TRANSLATE_NOOP("ProcViz::Scenario", "Random points per task (the mean, with --skew increasing)."));
const auto Skew = TextParameter::choice("skew", Uniform, {Uniform, Increasing},
    QT_TRANSLATE_NOOP("ProcViz::Scenario",
        "uniform: every task costs the same; increasing: a task's cost grows with its index, so the "
        "last chunks are the heaviest."));
/// Samples between two heartbeats inside one task (some 20 ms): a long task is no stall.
constexpr std::int64_t SamplesPerHeartbeat = 1 << 21;

/// A worker with nothing left to take waits this long between two looks at whether the map is over.
constexpr std::int64_t IdleLookNs = 5'000'000;

struct WorkerTally
{
    std::atomic<std::int32_t> pid;
    std::atomic<std::int32_t> busy; ///< inside a chunk now
    std::atomic<std::int64_t> chunks;
    std::atomic<std::int64_t> tasks;
    std::atomic<std::int64_t> busyNs; ///< CPU time inside tasks: the work itself, not the wait for a core
};

/// One element of map()'s result list.
struct TaskResult
{
    std::atomic<std::int64_t> hits; ///< samples inside the quarter circle
    std::int64_t trials;
    std::atomic<std::int32_t> task; ///< the task index + 1 that wrote it: ordered when slot i holds i + 1
    std::atomic<std::int32_t> writes; ///< exactly 1 when each task ran once
};

struct PoolHeader
{
    std::atomic<std::int32_t> nextChunk; ///< the shared task queue
    std::atomic<std::int32_t> tasksDone;
    WorkerTally workers[MaxWorkers];
};

struct PoolShape
{
    int workers;
    int tasks;
    int chunksize;
    std::int64_t trials;
    bool increasing;

    explicit PoolShape(const QVariantMap& params)
        : workers(int(Workers(params)))
        , tasks(int(Tasks(params)))
        , chunksize(int(Chunksize(params)))
        , trials(Trials(params))
        , increasing(Skew(params) == Increasing)
    {
        if (chunksize == 0) // Python's rule: divmod(len(iterable), 4 * processes), rounded up
            chunksize = (tasks + 4 * workers - 1) / (4 * workers);
    }
    int chunks() const { return (tasks + chunksize - 1) / chunksize; }
    /// Increasing: task i costs 2(i+1)/(tasks+1) times the mean, so the whole run does the same work.
    std::int64_t trialsFor(int task) const
    {
        return increasing ? std::max<std::int64_t>(1, 2 * trials * (task + 1) / (tasks + 1)) : trials;
    }
    size_t bytes() const { return sizeof(PoolHeader) + size_t(tasks) * sizeof(TaskResult); }
};

TaskResult* results(PoolHeader* header)
{
    return reinterpret_cast<TaskResult*>(header + 1);
}

/// splitmix64: tiny, fast and well mixed; seeded by the task index, so every run computes the same pi.
struct SplitMix
{
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
};

std::int64_t cpuNowNs()
{
    timespec now;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

/// A pool worker that is gone (killed, or a zombie) will never finish the chunk it holds.
bool isGone(std::int32_t pid)
{
    const auto stat = ProcStat::read(pid);
    return !stat || stat->state == 'Z' || stat->state == 'X';
}

/// Like a worker of Python's Pool, which stays until the pool is closed: idle, waiting for a task, until
/// every chunk is done (or every worker still holding one is gone).
void waitUntilMapIsOver(const PoolHeader& header, const PoolShape& shape, const std::function<void()>& heartbeat)
{
    for (int look = 1;; ++look) {
        if (header.tasksDone.load() >= shape.tasks)
            return;
        bool anyBusy = false;
        for (int w = 0; w < shape.workers && !anyBusy; ++w)
            anyBusy = header.workers[w].busy.load() && !isGone(header.workers[w].pid.load());
        if (!anyBusy)
            return;
        timespec pause {0, long(IdleLookNs)};
        nanosleep(&pause, nullptr);
        if (look % 40 == 0) // five times a second: an idle worker is no stall
            heartbeat();
    }
}

/// The tutorial's estimate(): random points in the unit square, counting those inside the quarter circle.
std::int64_t monteCarlo(int task, std::int64_t trials, const std::function<void()>& heartbeat)
{
    SplitMix random {std::uint64_t(task) + 1};
    constexpr std::uint64_t One = 1ull << 31; // coordinates are 31-bit fractions, so x² + y² fits in 63 bits
    std::int64_t inside = 0;
    for (std::int64_t i = 0; i < trials; ++i) {
        const auto bits = random.next();
        const auto x = bits >> 33, y = (bits >> 2) & (One - 1);
        inside += x * x + y * y <= One * One ? 1 : 0;
        if ((i + 1) % SamplesPerHeartbeat == 0)
            heartbeat();
    }
    return inside;
}
} // namespace

class PoolResources : public RunResources
{
public:
    explicit PoolResources(std::unique_ptr<SharedMemory> memory)
        : m_memory(std::move(memory))
    { }

    PoolHeader& header() const { return *m_memory->as<PoolHeader>(); }

    QMap<QString, QString> workerEnvironment() const override
    {
        return {{QString::fromLatin1(SharedMemory::NameVariable), m_memory->name()}};
    }

    QList<std::pair<QString, qint64>> sample() const override
    {
        return {{QStringLiteral("tasks_done"), header().tasksDone.load()}};
    }

private:
    std::unique_ptr<SharedMemory> m_memory;
};

class PoolScenario : public ScenarioWith<PoolResources>
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::Scenario)
public:
    QString id() const override { return QStringLiteral("pool"); }
    QString title() const override { return tr("Pool.map: splitting the work"); }
    QString summary() const override
    {
        return tr("A pool of worker processes takes chunks of Monte Carlo tasks from a shared queue and writes "
                  "each result back in input order; the chunk size decides how evenly the work is spread.");
    }
    const ParameterTable& parameters() const override { return m_parameters; }
    QStringList roles() const override { return {WorkerRole}; }

    Evaluation evaluateProgram(const RunModel& model, const QJsonObject& printed) const override
    {
        auto evaluation = Scenario::evaluateProgram(model, printed);
        if (printed.isEmpty())
            return evaluation;
        const auto tasks = printed.value(QLatin1String("tasks")).toArray();
        bool inOrder = !tasks.isEmpty();
        for (qsizetype i = 0; i < tasks.size(); ++i)
            inOrder = inOrder && tasks.at(i).toInteger() == i;
        evaluation.checks.append({QStringLiteral("every_task_once_in_order"), inOrder,
            tr("%1 results, each task's in its input's place: %2").arg(tasks.size()).arg(inOrder ? tr("yes") : tr("no"))});
        return evaluation;
    }

    QList<Phase> plan(const QVariantMap& params) const override
    {
        return {Phase::ofRole(QStringLiteral("map"), WorkerRole, PoolShape(params).workers)};
    }

    PanelSpec panel() const override
    {
        PanelSpec spec;
        spec.kind = PanelSpec::SampleLine;
        spec.title = QT_TRANSLATE_NOOP("ProcViz::Scenario", "Tasks done, and who did them");
        spec.sample = QStringLiteral("tasks_done");
        spec.axisLabel = QT_TRANSLATE_NOOP("ProcViz::Scenario", "tasks done");
        spec.shortAxisLabel = QT_TRANSLATE_NOOP("ProcViz::Scenario", "tasks");
        spec.filled = true;
        spec.level = PanelSpec::Level::Ideal;
        spec.levelValue = [](const QVariantMap& params) { return std::optional(Tasks(params)); };
        spec.levelLabel = QT_TRANSLATE_NOOP("ProcViz::Scenario", "all %L1 tasks");
        spec.callout = [](const QJsonObject& result) {
            QString text = tr("tasks per worker:");
            const auto counts = result.value(QLatin1String("tasks_per_worker")).toObject();
            for (auto it = counts.begin(); it != counts.end(); ++it)
                text += QStringLiteral("\nPID %1 → %2").arg(it.key()).arg(it.value().toInteger());
            text += QLatin1Char('\n')
                + tr("imbalance (max ÷ mean busy): %1×").arg(result.value(QLatin1String("imbalance")).toDouble(), 0, 'f', 2);
            return PanelSpec::Callout {text, PanelSpec::Callout::Tone::Neutral};
        };
        return spec;
    }

    std::unique_ptr<PoolResources> create(const QVariantMap& params, QString* error) const override
    {
        auto memory = SharedMemory::create(PoolShape(params).bytes(), error);
        return memory ? std::make_unique<PoolResources>(std::move(memory)) : nullptr;
    }
    int runWorker(const WorkerContext& context) const override;
    Evaluation evaluate(const RunModel& model, const PoolResources& resources) const override;

private:
    const ParameterTable m_parameters {{Workers, Tasks, Chunksize, Trials, Skew}};
};

int PoolScenario::runWorker(const WorkerContext& context) const
{
    const PoolShape shape(context.params);
    auto memory = SharedMemory::attachForWorker(shape.bytes());
    if (!memory)
        return EXIT_FAILURE;
    auto& header = *memory->as<PoolHeader>();
    auto& tally = header.workers[context.index];
    tally.pid = std::int32_t(getpid());
    const auto& telemetry = context.telemetry;
    StateClock clock(telemetry);
    ProgressThrottle throttle(shape.tasks);
    const auto heartbeat = [&] { clock.progress(header.tasksDone.load(), shape.tasks); };

    clock.start();
    for (;;) {
        tally.busy = 1;
        const int first = header.nextChunk.fetch_add(1) * shape.chunksize;
        if (first >= shape.tasks)
            break;
        tally.chunks.fetch_add(1);
        const int end = std::min(shape.tasks, first + shape.chunksize);
        for (int task = first; task < end; ++task) {
            const QByteArray label = "task " + QByteArray::number(task);
            const auto startedNs = monotonicNowNs();
            telemetry.span(task, label, startedNs, 0);
            const auto begin = cpuNowNs();
            const auto trials = shape.trialsFor(task);
            const auto hits = monteCarlo(task, trials, heartbeat);
            tally.busyNs.fetch_add(cpuNowNs() - begin);
            telemetry.span(task, label, startedNs, monotonicNowNs());
            auto& slot = results(&header)[task];
            slot.trials = trials;
            slot.hits = hits;
            slot.task = task + 1;
            slot.writes.fetch_add(1);
            tally.tasks.fetch_add(1);
            const auto done = header.tasksDone.fetch_add(1) + 1;
            if (throttle.shouldReport(done))
                clock.progress(done, shape.tasks);
        }
        telemetry.counter("chunks", tally.chunks.load());
        telemetry.counter("tasks", tally.tasks.load());
        telemetry.counter("busy_ms", tally.busyNs.load() / 1'000'000);
    }
    tally.busy = 0;
    clock.enter(WorkerState::Waiting);
    clock.announce();
    waitUntilMapIsOver(header, shape, heartbeat);
    clock.progress(header.tasksDone.load(), shape.tasks);
    clock.finish(tally.tasks.load());
    return EXIT_SUCCESS;
}

Evaluation PoolScenario::evaluate(const RunModel& model, const PoolResources& resources) const
{
    auto& header = resources.header();
    const PoolShape shape(model.params());
    std::int64_t hits = 0, trials = 0;
    int missing = 0, repeated = 0, misplaced = 0;
    for (int task = 0; task < shape.tasks; ++task) {
        const auto& slot = results(&header)[task];
        const int writes = slot.writes.load();
        missing += writes == 0 ? 1 : 0;
        repeated += writes > 1 ? 1 : 0;
        misplaced += writes > 0 && slot.task.load() != task + 1 ? 1 : 0;
        if (writes > 0) {
            hits += slot.hits.load();
            trials += slot.trials;
        }
    }
    QJsonObject perWorker, busy;
    double busiest = 0, busySum = 0;
    bool anyKilled = false;
    for (const auto& worker : model.workers()) {
        anyKilled = anyKilled || worker.signal.has_value();
        const auto& tally = header.workers[worker.index];
        const double seconds = double(tally.busyNs.load()) / 1e9;
        perWorker.insert(QString::number(worker.pid), qint64(tally.tasks.load()));
        busy.insert(QString::number(worker.pid), seconds);
        busiest = std::max(busiest, seconds);
        busySum += seconds;
    }
    const double mean = model.workers().isEmpty() ? 0 : busySum / double(model.workers().size());
    const double pi = trials > 0 ? 4.0 * double(hits) / double(trials) : 0;
    Evaluation evaluation;
    auto& checks = evaluation.checks;
    evaluation.result = {
        {QStringLiteral("mechanism"),
            QStringLiteral("atomic next-chunk index and a results array in POSIX shared memory")},
        {QStringLiteral("pi"), pi},
        {QStringLiteral("pi_error"), std::abs(pi - M_PI)},
        {QStringLiteral("trials"), qint64(trials)},
        {QStringLiteral("chunksize"), shape.chunksize},
        {QStringLiteral("chunks"), shape.chunks()},
        {QStringLiteral("tasks_per_worker"), perWorker},
        {QStringLiteral("busy_s"), busy},
        {QStringLiteral("imbalance"), mean > 0 ? busiest / mean : 0.0},
        {QStringLiteral("ordered"), misplaced == 0 && missing == 0},
        {QStringLiteral("outcome"), model.outcomeId()},
    };
    checks.append({QStringLiteral("every_task_once"), missing == 0 && repeated == 0,
        tr("%1 of %2 tasks done · %3 missing · %4 done twice")
            .arg(shape.tasks - missing)
            .arg(shape.tasks)
            .arg(missing)
            .arg(repeated),
        !anyKilled});
    checks.append({QStringLiteral("ordered"), misplaced == 0,
        tr("%1 results in a slot other than their input's").arg(misplaced)});
    return evaluation;
}

} // namespace ProcViz

PROCVIZ_REGISTER_SCENARIO(pool, ProcViz::PoolScenario)
