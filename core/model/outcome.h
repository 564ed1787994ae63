// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

#include <optional>

namespace ProcViz {

class RunModel;

/// How a run ended.
enum class Outcome
{
    Completed, ///< every phase ran to its end
    Stopped, ///< the user (or a signal to the CLI) stopped it
    Deadlock, ///< the watchdog saw no progress; RunModel::cause() says what the engine could see
    Limit, ///< the run passed its time limit or a worker its CPU-time limit; cause() says which
    Failed, ///< a worker could not be started
};

/// The stable English id used in exports and by scripts: "completed", "stopped", ...
QString outcomeId(Outcome outcome);
std::optional<Outcome> outcomeFromId(QStringView id);

/// The one place that words an outcome, for the window, the result panel, the export header and the CLI.
class OutcomeText
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::OutcomeText)
public:
    /// A few words for a status bar: "Run completed", "Run ended: deadlock", ...
    static QString brief(Outcome outcome);
    /// One sentence about @p model's run, with its length and, when the engine knows one, its cause:
    /// "Ended by the watchdog after 3.02 s: deadlock. The lock holder, worker 1 · pid 1234, died ...".
    /// While the run goes on: that the checks come at its end.
    static QString sentence(const RunModel& model);
};

} // namespace ProcViz

Q_DECLARE_METATYPE(ProcViz::Outcome)
