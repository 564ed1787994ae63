// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

class QJsonArray;
class QJsonObject;

namespace ProcViz {

class RunModel;
class Scenario;
struct WorkerInfo;

/// The text the command line prints about a run: the live progress line and the summary at its end.
class RunReport
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::RunReport)
public:
    /// Scenario, parameters, every worker (PID, how it ended, CPU time, time in each state), the result and
    /// the checks.
    static QString summary(const Scenario& scenario, const RunModel& model);
    /// One line for a terminal: current phase, mean progress bar, live workers, elapsed time.
    static QString progressLine(const RunModel& model);

private:
    static QString workerLines(const RunModel& model);
    static QString timeInStates(const RunModel& model, const WorkerInfo& worker);
    static QString resultLines(const QJsonObject& result);
    static QString tableLines(const QJsonArray& rows);
};

} // namespace ProcViz
