// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

namespace ProcViz {

class Scenario;

/// The window-less front end: `procviz list [--json]`, `procviz run SCENARIO [--PARAM VALUE]...`,
/// `--help` and `--version`, all driving the same engine as the window.
///
/// Exit status of exec(): 0 the command did its work (for `run`: the run happened, whatever the lesson's
/// verdict); 1 the run could not be carried out or a requested file could not be written; 2 bad usage,
/// nothing started; 128 + N a run stopped by signal N (130 for Ctrl-C, 143 for SIGTERM) — the workers
/// were stopped cleanly and the summary and files still hold what ran, the shell convention lets a
/// script tell an interrupted run from a finished one.
class CommandLine : public QObject
{
    Q_OBJECT
public:
    enum ExitCode
    {
        Success = 0,
        RunFailed = 1,
        BadUsage = 2,
    };

    explicit CommandLine(QObject* parent = nullptr);

    /// Runs the command in @p arguments, given as QCoreApplication::arguments() (program name first).
    /// Needs a QCoreApplication; `run` spins a local event loop until the run is over.
    int exec(const QStringList& arguments);

private:
    int list(const QStringList& arguments);
    int run(const QStringList& arguments);

    QString globalHelp() const;
    QString unknownScenario(const QString& id) const;
    QByteArray listJson() const;
    QString listText() const;
};

} // namespace ProcViz
