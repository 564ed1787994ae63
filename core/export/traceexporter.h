// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace ProcViz {

class RunModel;

/// The run in the Chrome Trace Event format, for Perfetto (ui.perfetto.dev) and chrome://tracing.
///
/// Each worker is a process track under its real PID, each of its lanes a thread track; every state
/// interval becomes a complete ("X") slice named after the state, progress and the worker's own counters
/// become counter ("C") tracks. Timestamps are microseconds since the run began. A worker counter named
/// FlowOutCounter or FlowInCounter carries a message id instead: equal ids become a flow arrow ("s" to "f").
class TraceExporter
{
public:
    /// A worker reports this counter with a message's run-wide id when it sends (or puts) the message...
    static constexpr const char* FlowOutCounter = "flow_out";
    /// ... and this one with the same id when the message arrives (or is taken).
    static constexpr const char* FlowInCounter = "flow_in";

    static QJsonObject toJson(const RunModel& model);
    /// Writes atomically (QSaveFile); on failure returns false and sets @p error, naming the file.
    static bool write(const RunModel& model, const QString& path, QString* error = nullptr);
};

} // namespace ProcViz
