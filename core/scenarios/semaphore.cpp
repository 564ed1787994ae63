// SPDX-License-Identifier: GPL-3.0-or-later
// The tutorials' Semaphore lesson: six processes, two permits. A process-shared counting semaphore in
// shared memory lets at most P workers into the section at once; the others wait their turn.
#include "ipc/sharedmemory.h"
#include "model/runmodel.h"
#include "scenario/scenario.h"
#include "telemetry/stateclock.h"
#include "telemetry/telemetrywriter.h"
#include "worker/pacing.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <ctime>
#include <sched.h>
#include <semaphore.h>
#include <unistd.h>

namespace ProcViz {

namespace {
constexpr int MaxWorkers = 64;
constexpr qint64 ProgressStepMs = 50;

const auto Workers = IntParameter::integer("workers", 6, 1, MaxWorkers,
    QT_TRANSLATE_NOOP("ProcViz::Scenario", "Worker processes competing for the permits."));
const auto Permits = IntParameter::integer("permits", 2, 1, MaxWorkers,
    QT_TRANSLATE_NOOP(
        "ProcViz::Scenario", "Permits of the semaphore: how many workers may be inside at once (at most --workers)."));
const auto HoldMs = IntParameter::integer("hold-ms", 2000, 0, 60'000,
    QT_TRANSLATE_NOOP("ProcViz::Scenario", "How long each worker keeps its permit, in milliseconds."));

/// A permit given back: who released it and when. Each worker releases once, so MaxWorkers of them fit.
struct Release
{
    std::atomic<std::int32_t> pid; ///< 0 until written
    std::atomic<std::int64_t> atNs;
};

struct SemaphoreSegment
{
    sem_t permits;
    std::atomic<std::int32_t> holders[MaxWorkers]; ///< pid of the worker while it holds a permit, else 0
    /// Permits are alike, so a hand-off is told by counting: the k-th permit taken after the first `permits`
    /// is the one given back by the (k - permits)-th release.
    std::atomic<std::int32_t> taken;
    std::atomic<std::int32_t> released;
    Release releases[MaxWorkers];
};

/// Who gave back the permit taken as number @p taken (see SemaphoreSegment), or nullptr for one of the
/// first permits. Its release is written before its sem_post, so it is there or about to be.
const Release* giverOf(SemaphoreSegment& segment, int taken, int permits)
{
    const int release = taken - permits;
    if (release < 0 || release >= MaxWorkers)
        return nullptr;
    const auto& entry = segment.releases[release];
    const auto deadline = monotonicNowNs() + 1'000'000;
    while (entry.pid.load() == 0 && monotonicNowNs() < deadline)
        sched_yield();
    return entry.pid.load() ? &entry : nullptr;
}

class SemaphoreResources : public RunResources
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::Scenario)
public:
    explicit SemaphoreResources(std::unique_ptr<SharedMemory> memory)
        : m_memory(std::move(memory))
        , m_segment(m_memory->as<SemaphoreSegment>())
    { }

    ~SemaphoreResources() override { sem_destroy(&m_segment->permits); }

    QMap<QString, QString> workerEnvironment() const override
    {
        return {{QString::fromLatin1(SharedMemory::NameVariable), m_memory->name()}};
    }

    QList<qint64> holders() const override
    {
        QList<qint64> pids;
        for (const auto& holder : m_segment->holders) {
            if (const auto pid = holder.load())
                pids.append(pid);
        }
        return pids;
    }

    QList<std::pair<QString, qint64>> sample() const override
    {
        int free = 0;
        sem_getvalue(&m_segment->permits, &free);
        return {{QStringLiteral("permits_free"), free}, {QStringLiteral("holders"), holders().size()}};
    }

    QString explainStall(const RunModel& model) const override
    {
        QStringList dead;
        for (const auto& worker : model.workers()) {
            if (!worker.isAlive() && holders().contains(worker.pid))
                dead.append(QStringLiteral("%1 · pid %2").arg(worker.index).arg(worker.pid));
        }
        if (dead.isEmpty())
            return {};
        return tr("Permit holder(s) %1 died holding their permits, which nobody gives back; %2 worker(s) wait "
                  "forever.")
            .arg(dead.join(QLatin1String(", ")))
            .arg(model.liveWorkerCount());
    }

private:
    std::unique_ptr<SharedMemory> m_memory;
    SemaphoreSegment* m_segment;
};

void sleepMs(qint64 ms)
{
    timespec duration {time_t(ms / 1000), long(ms % 1000) * 1'000'000};
    while (nanosleep(&duration, &duration) != 0 && errno == EINTR) { }
}

/// The most holders at any one time, from the workers' own `holding` intervals (not from a counter).
int maxConcurrentHolders(const RunModel& model)
{
    QList<std::pair<qint64, int>> edges; // (time, +1 begin / -1 end); an end sorts before a begin at the same time
    for (const auto& worker : model.workers()) {
        for (const auto& lane : worker.lanes) {
            for (const auto& interval : lane.states) {
                if (interval.state != WorkerState::Holding)
                    continue;
                edges.append({interval.beginNs, +1});
                edges.append({interval.endNs >= 0 ? interval.endNs : model.endNs(), -1});
            }
        }
    }
    std::sort(edges.begin(), edges.end());
    int current = 0, most = 0;
    for (const auto& [time, delta] : edges) {
        current += delta;
        most = std::max(most, current);
    }
    return most;
}
} // namespace

class SemaphoreScenario : public ScenarioWith<SemaphoreResources>
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::Scenario)
public:
    QString id() const override { return QStringLiteral("semaphore"); }
    QString title() const override { return tr("Semaphore: limited permits"); }
    QString summary() const override
    {
        return tr("Workers compete for a process-shared counting semaphore: only as many hold a permit at once as "
                  "there are permits; the rest wait their turn.");
    }
    const ParameterTable& parameters() const override { return m_parameters; }
    QStringList roles() const override { return {WorkerRole}; }

    PanelSpec panel() const override
    {
        PanelSpec spec;
        spec.kind = PanelSpec::SampleLine;
        spec.title = QT_TRANSLATE_NOOP("ProcViz::Scenario", "Permits in use");
        spec.sample = QStringLiteral("holders");
        spec.axisLabel = QT_TRANSLATE_NOOP("ProcViz::Scenario", "permits in use");
        spec.shortAxisLabel = QT_TRANSLATE_NOOP("ProcViz::Scenario", "permits");
        spec.filled = true;
        spec.level = PanelSpec::Level::Bound;
        spec.levelValue = [](const QVariantMap& params) { return std::optional(Permits(params)); };
        spec.levelLabel = QT_TRANSLATE_NOOP("ProcViz::Scenario", "limit: %L1 permits");
        spec.rangeAtLeast = [](const QVariantMap& params) { return std::max(Permits(params), Workers(params)); };
        return spec;
    }

    QString validate(const QVariantMap& params) const override
    {
        const auto workers = Workers(params);
        const auto permits = Permits(params);
        if (permits > workers) {
            return tr("Invalid value '%1' for --permits: allowed is an integer from 1 to the number of workers (%2).")
                .arg(permits)
                .arg(workers);
        }
        return {};
    }

    Evaluation evaluateProgram(const RunModel& model, const QJsonObject& printed) const override
    {
        auto evaluation = Scenario::evaluateProgram(model, printed);
        if (printed.isEmpty())
            return evaluation;
        // The program counts the holders itself, under a Value's lock. (The trace cannot yet: its holding
        // states do not say which lock is held, and that Value's lock is one too.)
        const qint64 most = printed.value(QLatin1String("max_concurrent")).toInteger();
        const qint64 permits = printed.value(QLatin1String("permits")).toInteger();
        evaluation.checks.append({QStringLiteral("never_more_holders_than_permits"), most > 0 && most <= permits,
            tr("at most %1 processes held a permit at once; %2 permits").arg(most).arg(permits)});
        return evaluation;
    }

    QList<Phase> plan(const QVariantMap& params) const override
    {
        return {Phase::ofRole(QStringLiteral("compete"), WorkerRole, int(Workers(params)))};
    }

    std::unique_ptr<SemaphoreResources> create(const QVariantMap& params, QString* error) const override
    {
        auto memory = SharedMemory::create(sizeof(SemaphoreSegment), error);
        if (!memory)
            return nullptr;
        const auto permits = unsigned(Permits(params));
        if (sem_init(&memory->as<SemaphoreSegment>()->permits, 1 /* shared between processes */, permits) != 0) {
            *error = QString::fromLocal8Bit(strerror(errno));
            return nullptr;
        }
        return std::make_unique<SemaphoreResources>(std::move(memory));
    }

    int runWorker(const WorkerContext& context) const override
    {
        auto memory = SharedMemory::attachForWorker(sizeof(SemaphoreSegment));
        if (!memory)
            return EXIT_FAILURE;
        auto& segment = *memory->as<SemaphoreSegment>();
        const qint64 holdMs = HoldMs(context.params);
        const int permits = int(Permits(context.params));
        const auto pid = std::int32_t(getpid());

        StateClock clock(context.telemetry);
        clock.start(WorkerState::Running);
        const auto waitedUntil = ReportingWait(clock).acquire(&segment.permits);
        // The holding interval begins after sem_wait returned and ends before sem_post: the intervals the
        // engine records never overlap more than the semaphore allows.
        const auto acquired = monotonicNowNs();
        clock.enter(WorkerState::Holding, acquired);
        clock.announce();
        segment.holders[context.index] = pid;
        const int taken = segment.taken.fetch_add(1);
        for (qint64 held = 0; held < holdMs;) {
            clock.progress(held, holdMs);
            const auto step = std::min(ProgressStepMs, holdMs - held);
            sleepMs(step);
            held += step;
        }
        clock.progress(holdMs, std::max<qint64>(holdMs, 1));
        segment.holders[context.index] = 0;
        const auto released = monotonicNowNs();
        clock.enter(WorkerState::Running, released);
        auto& release = segment.releases[std::min(segment.released.fetch_add(1), MaxWorkers - 1)];
        release.atNs = released;
        release.pid = pid;
        sem_post(&segment.permits);
        // Looked up once the permit is back: the short wait for a release being written must not count as held.
        if (waitedUntil) {
            if (const auto* giver = giverOf(segment, taken, permits))
                context.telemetry.handoff(giver->pid.load(), giver->atNs.load(), acquired, "permit");
        }
        clock.finish(holdMs);
        return EXIT_SUCCESS;
    }

    Evaluation evaluate(const RunModel& model, const SemaphoreResources&) const override
    {
        const auto workers = Workers(model.params());
        const auto permits = Permits(model.params());
        const qint64 holdMs = HoldMs(model.params());
        const int most = maxConcurrentHolders(model);

        QJsonArray waiting;
        for (const auto& worker : model.workers()) {
            const auto time = RunModel::workerTotals(worker, model.endNs());
            waiting.append(QJsonObject {{QStringLiteral("index"), worker.index}, {QStringLiteral("pid"), worker.pid},
                {QStringLiteral("waited_s"), double(time[size_t(WorkerState::Waiting)]) / 1e9},
                {QStringLiteral("held_s"), double(time[size_t(WorkerState::Holding)]) / 1e9}});
        }
        const double ideal = std::ceil(double(workers) / double(permits)) * double(holdMs) / 1000;
        Evaluation evaluation;
        evaluation.result = {
            {QStringLiteral("max_concurrent"), most},
            {QStringLiteral("permits"), permits},
            {QStringLiteral("elapsed_s"), double(model.endNs()) / 1e9},
            {QStringLiteral("ideal_elapsed_s"), ideal},
            {QStringLiteral("waiting"), waiting},
            {QStringLiteral("outcome"), model.outcomeId()},
        };
        evaluation.checks.append({QStringLiteral("never_more_than_permits"), most <= permits,
            tr("at most %1 of %2 workers held a permit at once; %3 permits").arg(most).arg(workers).arg(permits)});
        return evaluation;
    }

private:
    const ParameterTable m_parameters {{Workers, Permits, HoldMs}};
};

} // namespace ProcViz

PROCVIZ_REGISTER_SCENARIO(semaphore, ProcViz::SemaphoreScenario)
