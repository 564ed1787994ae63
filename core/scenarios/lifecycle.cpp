// SPDX-License-Identifier: GPL-3.0-or-later
// Process lifecycle (start, sleep, join, exit code): the tutorials' Process(target=...).start()/join()
// example, with the exit code, the zombie before the join, and what stop/kill/pause do made visible.
#include "model/runmodel.h"
#include "scenario/scenario.h"
#include "telemetry/stateclock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>
#include <ctime>

namespace ProcViz {

namespace {
constexpr qint64 StepMs = 50;

const auto Workers = IntParameter::integer(
    "workers", 3, 1, 64, QT_TRANSLATE_NOOP("ProcViz::Scenario", "Worker processes to start."));
const auto SleepMs = IntParameter::integer("sleep-ms", 1000, 0, 600'000,
    QT_TRANSLATE_NOOP("ProcViz::Scenario", "How long each worker sleeps before it exits, in milliseconds."));
const auto SleepJitterMs = IntParameter::integer("sleep-jitter-ms", 2000, 0, 600'000,
    QT_TRANSLATE_NOOP("ProcViz::Scenario",
        "Each worker sleeps a random extra of up to this many milliseconds, so they end at different "
        "times (the tutorial's random 1 to 3 seconds)."));
const auto JoinAfterMs = IntParameter::integer("join-after-ms", 0, 0, 60'000,
    QT_TRANSLATE_NOOP("ProcViz::Scenario",
        "The parent joins each worker only this many milliseconds after it has exited; until then the "
        "ended process is a zombie (state Z in ps). 0: joined at once."));
const auto ExitCode = IntParameter::integer("exit-code", 0, 0, 255,
    QT_TRANSLATE_NOOP("ProcViz::Scenario", "The exit code every worker ends with (sys.exit(n))."));

void sleepMs(qint64 ms)
{
    timespec duration {time_t(ms / 1000), long(ms % 1000) * 1'000'000};
    while (nanosleep(&duration, &duration) != 0) { } // resumes after a signal (SIGSTOP/SIGCONT) interrupts it
}
} // namespace

class LifecycleScenario : public Scenario
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::Scenario)
public:
    QString id() const override { return QStringLiteral("lifecycle"); }
    QString title() const override { return tr("Process lifecycle"); }
    QString summary() const override
    {
        return tr("Start processes, let them sleep, join them: each has its own PID and "
                  "exit code; stop, pause or kill one and see what the parent records.");
    }
    const ParameterTable& parameters() const override { return m_parameters; }
    QStringList roles() const override { return {WorkerRole}; }

    Evaluation evaluateProgram(const RunModel& model, const QJsonObject& printed) const override
    {
        auto evaluation = Scenario::evaluateProgram(model, printed);
        if (printed.isEmpty())
            return evaluation;
        const qint64 expected = printed.value(QLatin1String("expected_exit_code")).toInteger();
        const auto codes = printed.value(QLatin1String("exit_codes")).toObject();
        // The program's word, held against what its parent told the engine when it reaped each one.
        int agreeing = 0;
        for (const auto& worker : model.workers()) {
            const auto code = codes.value(QString::number(worker.pid));
            if (!code.isUndefined() && worker.exitCode == code.toInt() && code.toInteger() == expected)
                ++agreeing;
        }
        evaluation.checks.append({QStringLiteral("exit_codes_as_asked"), !codes.isEmpty() && agreeing == codes.size(),
            tr("%1 of %2 processes exited with code %3, as the engine saw them reaped").arg(agreeing).arg(codes.size()).arg(expected)});
        return evaluation;
    }

    QList<Phase> plan(const QVariantMap& params) const override
    {
        return {Phase::ofRole(QStringLiteral("workers"), WorkerRole, int(Workers(params)))};
    }

    int joinDelayMs(const QVariantMap& params) const override { return int(JoinAfterMs(params)); }

    int runWorker(const WorkerContext& context) const override
    {
        // Like the tutorial's time.sleep(random.randint(1, 3)): each process draws its own pause.
        const qint64 jitter = SleepJitterMs(context.params);
        const qint64 total
            = SleepMs(context.params) + (jitter > 0 ? QRandomGenerator::system()->bounded(jitter + 1) : 0);
        StateClock clock(context.telemetry);
        clock.start(WorkerState::Sleeping);
        for (qint64 slept = 0; slept < total;) {
            clock.progress(slept, total);
            const qint64 step = std::min(StepMs, total - slept);
            sleepMs(step);
            slept += step;
        }
        clock.progress(total, total);
        clock.finish(total);
        return int(ExitCode(context.params));
    }

    Evaluation evaluate(const RunModel& model, const RunResources&) const override
    {
        const auto wanted = int(ExitCode(model.params()));
        QJsonObject exitCodes;
        int asWanted = 0, signalled = 0;
        for (const auto& worker : model.workers()) {
            exitCodes.insert(QString::number(worker.pid),
                worker.exitCode ? QJsonValue(*worker.exitCode) : QJsonValue(QJsonValue::Null));
            asWanted += worker.exitCode == wanted ? 1 : 0;
            signalled += worker.signal ? 1 : 0;
        }
        return {{{QStringLiteral("exit_codes"), exitCodes}, {QStringLiteral("signalled"), signalled},
                    {QStringLiteral("expected_exit_code"), wanted}},
            {{QStringLiteral("exit_codes"), asWanted == model.workers().size(),
                tr("%1 of %2 workers exited with code %3").arg(asWanted).arg(model.workers().size()).arg(wanted)}}};
    }

private:
    const ParameterTable m_parameters {{Workers, SleepMs, SleepJitterMs, JoinAfterMs, ExitCode}};
};

} // namespace ProcViz

PROCVIZ_REGISTER_SCENARIO(lifecycle, ProcViz::LifecycleScenario)
