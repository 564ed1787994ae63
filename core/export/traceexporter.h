// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace ProcViz {

class RunModel;

/// The run in the Chrome Trace Event format, for Perfetto (ui.perfetto.dev) and chrome://tracing.
///
/// Each worker is a process track under its real PID, each of its lanes a thread track; every state
/// interval becomes a complete ("X") slice named after the state (`running`, `stopped`, `zombie`, ...), each
/// mixed window a slice named `mixed` whose args give `<state>_ns` per state, each pool task a slice named by
/// its label ("task 7", category `task`, args `index`); the slices of one lane add up to the JSON export's
/// `time_in_state_s`, unless the lane outgrew RunModel::MaxIntervalsPerLane: then its oldest intervals are gone
/// from the model and the trace, while the totals still count them. Progress and the worker's own counters become counter ("C") tracks, every hand-off a
/// flow arrow ("s" to "f") from giver to taker. Timestamps are microseconds since the run began.
class TraceExporter
{
public:
    static QJsonObject toJson(const RunModel& model);
    /// Writes atomically (QSaveFile); on failure returns false and sets @p error, naming the file.
    static bool write(const RunModel& model, const QString& path, QString* error = nullptr);
};

} // namespace ProcViz
