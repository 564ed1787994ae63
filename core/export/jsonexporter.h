// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace ProcViz {

class RunModel;

/// The whole run as one JSON document: parameters, every worker's PID and end, phases, result and checks.
///
/// Times are seconds since the run began; keys that do not apply (a signal for a worker that exited, the
/// end of a worker still alive) are JSON null rather than missing, so every worker has the same shape.
class JsonExporter
{
public:
    static QJsonObject toJson(const RunModel& model);
    /// Writes atomically (QSaveFile); on failure returns false and sets @p error, naming the file.
    static bool write(const RunModel& model, const QString& path, QString* error = nullptr);
};

} // namespace ProcViz
