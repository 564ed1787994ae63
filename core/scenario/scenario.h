// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/check.h"
#include "panelspec.h"
#include "parameter.h"
#include "parametertable.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>

namespace ProcViz {

class RunModel;
class TelemetryWriter;

/// One worker process to start: shown by ps as `procviz-worker <scenario> <role> <index>`.
struct WorkerSpec
{
    QString role;
    int index = 0;
};

/// Workers started together; the next phase starts once every worker of this one has ended.
struct Phase
{
    QString name;
    QList<WorkerSpec> workers;

    /// The common case: @p count workers of one role, indexed 0 to count - 1.
    static Phase ofRole(const QString& name, const QString& role, int count)
    {
        Phase phase {name, {}};
        for (int i = 0; i < count; ++i)
            phase.workers.append({role, i});
        return phase;
    }
};

/// Parent-side objects a run needs (shared memory, semaphores, ...). Destroying it tears them down.
class RunResources
{
public:
    virtual ~RunResources() = default;
    /// Extra environment handed to every worker, e.g. the name of a shared-memory segment.
    virtual QMap<QString, QString> workerEnvironment() const { return {}; }
    /// Descriptors one worker inherits: (descriptor in the engine, number in the worker, below 64), e.g.
    /// one end of a pipe the engine created for two workers to talk over.
    virtual QList<std::pair<int, int>> workerDescriptors(const WorkerSpec&) const { return {}; }
    /// Called once every worker of a phase has been spawned: the place to close the engine's copies of
    /// descriptors handed to workers, so that e.g. a pipe's reader sees end of file when its writer closes.
    virtual void workersSpawned() { }
    /// PIDs inside a guarded section right now (the lock holder, the permit holders): `--kill holder`.
    /// Called while the run's workers are stopped, so the answer cannot change under the caller.
    virtual QList<qint64> holders() const { return {}; }
    /// Run-wide values the engine samples along with /proc, e.g. the shared counter: (name, value).
    virtual QList<std::pair<QString, qint64>> sample() const { return {}; }
    /// Why no worker progresses, as far as the shared state tells (e.g. a dead lock holder); empty if unknown.
    virtual QString explainStall(const RunModel& model) const;
    /// A program the workers run instead of the scenario's own body (its path, then its arguments), e.g. the
    /// Python runtime's interpreter with the lesson's program; empty for the scenario's body.
    virtual QStringList program() const { return {}; }
};

/// What a run's evaluation found: the result document (JSON, shown by the CLI and the window) and the checks.
struct Evaluation
{
    QJsonObject result;
    QList<Check> checks;
};

/// What a worker's body gets to work with.
struct WorkerContext
{
    QString role;
    int index = 0;
    QVariantMap params; ///< resolved parameters, as the parent checked them
    const TelemetryWriter& telemetry;
};

/// A lesson: its parameters, the processes it starts, what each does and how its outcome is judged.
///
/// Scenarios are stateless singletons held by the ScenarioRegistry; everything about one run lives in
/// the RunModel and in the RunResources the scenario creates for it.
class Scenario
{
public:
    /// The role of the plain worker, the one most lessons have.
    static inline const QString WorkerRole = QStringLiteral("worker");

    virtual ~Scenario() = default;

    virtual QString id() const = 0;
    virtual QString title() const = 0; ///< translated
    virtual QString summary() const = 0; ///< translated, one line
    virtual const ParameterTable& parameters() const = 0;
    virtual QStringList roles() const = 0;
    /// A worker as the window and the lesson name it, translated: "producer 2"; @p brief for a crowded axis
    /// ("w2"). By default "worker N" whatever the role.
    virtual QString roleLabel(const QString& role, int index, bool brief = false) const;
    /// A phase as the window names it, translated (timing's "gil" is "emulated GIL"); by default its name.
    virtual QString phaseLabel(const QString& phase) const;
    /// The chart of its own the window shows (none by default).
    virtual PanelSpec panel() const;
    /// The worker that takes lines typed in the window on its standard input (the pipe's sender), or -1.
    virtual int inputWorker(const RunModel& model) const;

    /// Checks combinations the table cannot express; @p params are already resolved. Empty when fine.
    virtual QString validate(const QVariantMap& params) const;
    virtual QList<Phase> plan(const QVariantMap& params) const = 0;
    /// Creates the run's IPC objects before any worker starts; nullptr and @p error set on failure.
    virtual std::unique_ptr<RunResources> setUp(const QVariantMap& params, QString* error) const;

    /// How long the parent waits after a worker has ended before it joins (reaps) it; a zombie until then.
    virtual int joinDelayMs(const QVariantMap& params) const
    {
        Q_UNUSED(params);
        return 0;
    }

    /// The body of a worker process (runs in procviz-worker); the return value is its exit code.
    virtual int runWorker(const WorkerContext& context) const = 0;

    /// The result and the checks, from what the run recorded and the run's shared state, made by setUp().
    virtual Evaluation evaluate(const RunModel& model, const RunResources& resources) const = 0;

    // The Python runtime: the same lesson as the lesson's own Python program (resources/python/<id>.py).
    /// The parameters the program takes, as name=value arguments; all of the table's by default. Those not
    /// given keep the program's own defaults, which fit Python's pace (the C++ table's may not).
    virtual QStringList programParameters() const;
    /// What keeps @p given (the parameters as the user gave them, checked by the table) from running as the
    /// program: a parameter it does not take, a value it has no counterpart for. Empty when fine.
    virtual QString validateProgram(const QVariantMap& given) const;
    /// The program's own defaults where they differ from the table's (sized for Python's pace), so that the
    /// run's record says what the program really used.
    virtual QVariantMap programDefaults() const { return {}; }
    /// The result and the checks of a run of the program, from what the run recorded (the observer's
    /// reports) and from the figures the program printed on its `result:` line (@p printed, empty if none).
    /// By default the printed figures, and a check that the program ended well and printed them.
    virtual Evaluation evaluateProgram(const RunModel& model, const QJsonObject& printed) const;
};

/// A scenario whose run has shared state of its own, of type @p Resources: setUp() creates it, and evaluate()
/// gets it back as what it is, so no scenario casts the engine's RunResources itself.
template<typename Resources> class ScenarioWith : public Scenario
{
public:
    std::unique_ptr<RunResources> setUp(const QVariantMap& params, QString* error) const final
    {
        return create(params, error);
    }
    Evaluation evaluate(const RunModel& model, const RunResources& resources) const final
    {
        // The engine hands back what setUp() made for this run: a Resources, by construction.
        return evaluate(model, static_cast<const Resources&>(resources));
    }

protected:
    /// The run's shared state, before any worker starts; nullptr and @p error set on failure.
    virtual std::unique_ptr<Resources> create(const QVariantMap& params, QString* error) const = 0;
    virtual Evaluation evaluate(const RunModel& model, const Resources& resources) const = 0;
};

} // namespace ProcViz

/// Put once in each core/scenarios/<id>.cpp; the build collects them into the registry.
#define PROCVIZ_REGISTER_SCENARIO(id, Class)                                                                           \
    std::unique_ptr<ProcViz::Scenario> procviz_create_scenario_##id()                                                  \
    {                                                                                                                  \
        return std::make_unique<Class>();                                                                              \
    }
