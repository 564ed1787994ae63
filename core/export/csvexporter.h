// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace ProcViz {

class RunModel;

/// The engine's /proc samples of every worker as CSV, one row per sample, grouped by worker.
///
/// Columns: `time_s,worker,role,pid,progress,state,proc_state,cpu_s` — time in seconds since the run
/// began, worker = its id in the run, progress 0..1, state from the fixed vocabulary ("running", ...),
/// proc_state the letter from /proc/<pid>/stat (R, S, D, T, Z, ...), cpu_s user + system seconds so far.
class CsvExporter
{
public:
    static QByteArray toCsv(const RunModel& model);
    /// Writes atomically (QSaveFile); on failure returns false and sets @p error, naming the file.
    static bool write(const RunModel& model, const QString& path, QString* error = nullptr);
};

} // namespace ProcViz
