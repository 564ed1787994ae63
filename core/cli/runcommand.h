// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/runoptions.h"

#include <QCommandLineOption>
#include <QJsonArray>
#include <QObject>
#include <QVariantMap>

namespace ProcViz {

class RunController;
class RunModel;
class Scenario;

/// `procviz run SCENARIO [--PARAM VALUE]... [--kill|--stop|--cont TARGET@SECONDS]... [--watchdog-s N]
/// [--repeat N] [--json|--trace|--csv FILE] [--quiet]`: checks everything before anything starts, runs the
/// scenario (N times with --repeat), prints the summary and writes the files.
class RunCommand : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxRepeat = 1000;

    explicit RunCommand(const Scenario& scenario, QObject* parent = nullptr);

    /// @p arguments: program name, scenario id, then the options. Returns CommandLine's exit codes.
    int exec(const QStringList& arguments);

    static QString help(const Scenario& scenario);

private:
    struct OutputFile
    {
        QCommandLineOption option;
        bool (*write)(const RunModel&, const QString&, QString*);
        QString path;
    };

    int parse(const QStringList& arguments); ///< -1 when the run may go ahead, else the exit code
    bool runOnce(RunController& controller, bool live, QString* failure);
    void recordRepeat(const RunModel& model, int run);
    int writeOutputs(const RunModel& model) const;
    QString repeatDistribution() const;
    static QString outputProblem(const QString& option, const QString& path);

    const Scenario& m_scenario;
    QVariantMap m_params;
    RunOptions m_options;
    int m_repeat = 1;
    bool m_quiet = false;
    QList<OutputFile> m_outputs;
    QJsonArray m_repeats;
    int m_stopSignal = 0; ///< the signal that stopped the current run, 0 if none
};

} // namespace ProcViz
