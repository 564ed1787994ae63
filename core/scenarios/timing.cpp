// SPDX-License-Identifier: GPL-3.0-or-later
// The tutorials' first lesson: the same CPU-bound function four times, one after another, in threads,
// in threads under a (emulated) GIL, and in processes. Only processes escape the GIL.
#include "model/runmodel.h"
#include "scenario/scenario.h"
#include "telemetry/stateclock.h"
#include "worker/busywork.h"
#include "worker/emulatedgil.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QThread>

#include <thread>
#include <vector>

namespace ProcViz {

namespace {
const QString Sequential = QStringLiteral("sequential");
const QString Threads = QStringLiteral("threads");
const QString Gil = QStringLiteral("gil");
const QString Processes = QStringLiteral("processes");
const QString All = QStringLiteral("all");
// Measured on the 2-core development machine: about one second of work for one worker.
constexpr qint64 DefaultIterations = 3'000'000'000;

const auto Mode = TextParameter::choice("mode", All, {Sequential, Threads, Gil, Processes, All},
    QT_TRANSLATE_NOOP("ProcViz::Scenario",
        "How to run the units of work: sequential (one after another), threads, gil "
        "(threads under an emulated global interpreter lock), processes, or all in turn."));
const auto Workers = IntParameter::integer(
    "workers", 4, 1, 64, QT_TRANSLATE_NOOP("ProcViz::Scenario", "Units of work, each run by its own thread or process."));
const auto Iterations = IntParameter::integer("iterations", DefaultIterations, 1000, 100'000'000'000,
    QT_TRANSLATE_NOOP(
        "ProcViz::Scenario", "Loop iterations per unit (sum of 0..n-1); the default takes about a second."));

QStringList modesOf(const QString& mode)
{
    return mode == All ? QStringList {Sequential, Threads, Gil, Processes} : QStringList {mode};
}

// The role that runs a mode: one process with threads, or (for processes) the plain worker role.
QString roleOf(const QString& mode)
{
    return mode == Processes ? Scenario::WorkerRole : mode;
}

std::uint64_t computeUnit(const WorkerContext& context, qint64 iterations, int lane, int lanes)
{
    StateClock clock(context.telemetry, lane);
    clock.start(WorkerState::Running, lanes);
    const auto sum = BusyWork::run(iterations, clock);
    clock.finish(qint64(sum));
    return sum;
}

void computeUnderGil(const WorkerContext& context, EmulatedGil& gil, qint64 iterations, int lane, int lanes)
{
    StateClock clock(context.telemetry, lane);
    clock.start(WorkerState::Waiting, lanes);
    gil.acquire();
    clock.enter(WorkerState::Running);
    // Checked after every chunk (about 20 µs of work): a ready heir spins only until the next check.
    const auto sum = BusyWork::run(iterations, clock, [&] {
        if (!gil.switchDue())
            return;
        clock.enter(WorkerState::Waiting);
        gil.handOver();
        clock.enter(WorkerState::Running);
    });
    clock.finish(qint64(sum));
    gil.release();
}
} // namespace

class TimingScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::Scenario)
public:
    QString id() const override { return QStringLiteral("timing"); }
    QString title() const override { return tr("Threads vs processes"); }
    QString summary() const override
    {
        return tr("The same CPU-bound work one after another, in threads, under an "
            "emulated GIL, and in processes: who really runs in parallel?");
    }

    const ParameterTable& parameters() const override { return m_parameters; }

    QStringList roles() const override { return {Sequential, Threads, Gil, WorkerRole}; }

    QVariantMap programDefaults() const override
    {
        // The lesson's own figure: a pure-Python loop runs some 50 times slower than the C++ one.
        return {{Iterations.name(), 4'000'000}};
    }

    Evaluation evaluateProgram(const RunModel& model, const QJsonObject& printed) const override
    {
        auto evaluation = Scenario::evaluateProgram(model, printed);
        // The program times each mode itself (time.perf_counter around it); the speedup is against its own
        // sequential run, as in C++. How many cores a mode kept busy the trace cannot yet split by mode.
        QJsonArray modes;
        double sequential = 0;
        for (const auto& value : printed.value(QLatin1String("modes")).toArray()) {
            auto mode = value.toObject();
            const double elapsed = mode.value(QLatin1String("elapsed_s")).toDouble();
            if (mode.value(QLatin1String("mode")).toString() == Sequential)
                sequential = elapsed;
            mode.insert(QStringLiteral("completed"), elapsed > 0);
            mode.insert(QStringLiteral("speedup"),
                sequential > 0 && elapsed > 0 ? QJsonValue(sequential / elapsed) : QJsonValue(QJsonValue::Null));
            mode.insert(QStringLiteral("parallelism"), QJsonValue::Null);
            mode.insert(QStringLiteral("emulated"), false);
            modes.append(mode);
        }
        if (!modes.isEmpty())
            evaluation.result.insert(QStringLiteral("modes"), modes);
        evaluation.result.insert(QStringLiteral("cores"), QThread::idealThreadCount());
        evaluation.result.insert(QStringLiteral("workers"), Workers(model.params()));
        return evaluation;
    }

    QString validateProgram(const QVariantMap& given) const override
    {
        if (Mode.find(given) == Gil)
            return tr("--mode gil is the C++ runtime's emulation: in Python the GIL is real, and --mode threads "
                      "runs under it. With --runtime python, --mode is sequential, threads, processes or all.");
        return Scenario::validateProgram(given);
    }

    QList<Phase> plan(const QVariantMap& params) const override
    {
        const auto workers = int(Workers(params));
        QList<Phase> phases;
        for (const auto& mode : modesOf(Mode(params))) {
            Phase phase {mode, {}};
            if (mode == Processes) {
                for (int i = 0; i < workers; ++i)
                    phase.workers.append({WorkerRole, i});
            } else {
                phase.workers.append({roleOf(mode), 0});
            }
            phases.append(phase);
        }
        return phases;
    }

    int runWorker(const WorkerContext& context) const override
    {
        const qint64 iterations = Iterations(context.params);
        const auto units = int(Workers(context.params));
        if (context.role == WorkerRole) {
            computeUnit(context, iterations, 0, 1);
            return 0;
        }
        if (context.role == Sequential) {
            for (int unit = 0; unit < units; ++unit)
                computeUnit(context, iterations, unit, units);
            return 0;
        }
        EmulatedGil gil;
        std::vector<std::thread> threads;
        for (int unit = 0; unit < units; ++unit) {
            if (context.role == Gil)
                threads.emplace_back([&, unit] { computeUnderGil(context, gil, iterations, unit, units); });
            else
                threads.emplace_back([&, unit] { computeUnit(context, iterations, unit, units); });
        }
        for (auto& thread : threads)
            thread.join();
        return 0;
    }

    QString phaseLabel(const QString& phase) const override
    {
        return phase == Gil ? tr("emulated GIL") : phase; // always said: the GIL here is ProcViz's own lock
    }

    PanelSpec panel() const override
    {
        PanelSpec spec;
        spec.kind = PanelSpec::Timing;
        spec.title = QT_TRANSLATE_NOOP("ProcViz::Scenario", "Elapsed time per mode (kept across runs)");
        return spec;
    }

    Evaluation evaluate(const RunModel& model, const RunResources&) const override;

private:
    const ParameterTable m_parameters {{Mode, Workers, Iterations}};
};

Evaluation TimingScenario::evaluate(const RunModel& model, const RunResources&) const
{
    const qint64 iterations = Iterations(model.params());
    const auto units = int(Workers(model.params()));
    const auto expected = qint64(BusyWork::expectedSum(iterations));

    int cleanExits = 0, correctUnits = 0, plannedUnits = 0;
    for (const auto& worker : model.workers())
        cleanExits += worker.exitCode == 0 ? 1 : 0;

    QJsonArray modes;
    double sequentialElapsed = 0;
    for (const auto& phase : model.phases()) {
        qint64 lastFinish = 0;
        double cpu = 0;
        int finishedUnits = 0;
        for (int id : phase.workerIds) {
            const auto& worker = model.workers().at(id);
            cpu += worker.cpuSeconds;
            for (const auto& lane : worker.lanes) {
                if (lane.finished) {
                    ++finishedUnits;
                    correctUnits += lane.result == expected ? 1 : 0;
                }
                lastFinish = std::max(lastFinish, lane.finishedNs);
            }
            lastFinish = std::max(lastFinish, worker.endNs);
        }
        plannedUnits += units;
        const bool complete = finishedUnits == units;
        // From just before the first spawn to the last unit's end, as time.time() around start/join would.
        const double elapsed = double(lastFinish - phase.startNs) / 1e9;
        if (phase.name == Sequential && complete)
            sequentialElapsed = elapsed;
        QJsonObject entry {
            {QStringLiteral("mode"), phase.name},
            {QStringLiteral("elapsed_s"), elapsed},
            {QStringLiteral("cpu_s"), cpu},
            {QStringLiteral("parallelism"), elapsed > 0 ? cpu / elapsed : 0.0},
            {QStringLiteral("completed"), complete},
            {QStringLiteral("emulated"), phase.name == Gil},
        };
        entry.insert(QStringLiteral("speedup"),
            sequentialElapsed > 0 && complete && elapsed > 0 ? QJsonValue(sequentialElapsed / elapsed)
                                                             : QJsonValue(QJsonValue::Null));
        modes.append(entry);
    }
    Evaluation evaluation;
    auto& checks = evaluation.checks;
    evaluation.result = {
        {QStringLiteral("modes"), modes},
        {QStringLiteral("cores"), QThread::idealThreadCount()},
        {QStringLiteral("workers"), units},
        {QStringLiteral("iterations"), iterations},
        {QStringLiteral("expected_sum"), QString::number(quint64(expected))},
    };

    const auto workerCount = model.workers().size();
    checks.append({QStringLiteral("workers_exited_cleanly"), cleanExits == workerCount,
        tr("%1 of %2 worker processes exited with code 0")
            .arg(cleanExits)
            .arg(workerCount)});
    checks.append({QStringLiteral("work_complete"), correctUnits == plannedUnits,
        tr("%1 of %2 units of work computed the expected sum %3")
            .arg(correctUnits)
            .arg(plannedUnits)
            .arg(quint64(expected))});
    return evaluation;
}

} // namespace ProcViz

PROCVIZ_REGISTER_SCENARIO(timing, ProcViz::TimingScenario)
