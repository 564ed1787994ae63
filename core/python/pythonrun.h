// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "programoutput.h"
#include "pythoninterpreter.h"
#include "scenario/scenario.h"

#include <QTemporaryDir>

#include <memory>

namespace ProcViz {

/// What a lesson needs to run as real CPython besides its processes: the lesson's program and the observer,
/// written from the application's resources into a folder of the run's own (removed with it); the pipes
/// that catch what the program prints; the interpreter's command line and environment. The one worker the
/// engine spawns execs the interpreter; every other process is the program's own, reported by the observer.
class PythonRun : public RunResources
{
public:
    /// The resource folder of the lessons' programs (`<scenario>.py`) and of the observer (`observer/`).
    static inline const QString ResourceRoot = QStringLiteral(":/python");

    /// The program's file name for @p scenarioId: not `<id>.py`, which would hide a standard module of that
    /// name (`queue`) from every program in the folder.
    static QString programName(const QString& scenarioId) { return scenarioId + QStringLiteral("_lesson.py"); }

    /// @p given: the parameters the user set (checked); the program keeps its own defaults for the others.
    /// nullptr and @p error set when the scenario has no Python program or the files or pipes cannot be made.
    static std::unique_ptr<PythonRun> create(const Scenario& scenario, const QVariantMap& given,
        const PythonInterpreter& interpreter, const QString& observerAddress, QString* error);

    QStringList program() const override;
    QMap<QString, QString> workerEnvironment() const override;
    QList<std::pair<int, int>> workerDescriptors(const WorkerSpec& spec) const override;
    void workersSpawned() override;
    QString explainStall(const RunModel& model) const override;

    ProgramOutput& output() const { return *m_output; }
    /// The last `result: {...}` line the program printed, as JSON; empty if it printed none.
    QJsonObject printedResult() const;

private:
    PythonRun() = default;

    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<ProgramOutput> m_output;
    QStringList m_program;
    QString m_observerAddress;
};

} // namespace ProcViz
