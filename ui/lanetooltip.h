// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QString>

namespace ProcViz {

class HandoffArrows;
class RunModel;
class TimelinePlottable;
struct WorkerInfo;

/// The texts the state timeline tells about its lanes.
namespace LaneToolTip {

/// "producer 0 · PID 1234", "w2 · TID 1240", "w1 · unit 3 · PID 1236" (@p brief: "w2" for "worker 2").
QString laneName(const WorkerInfo& worker, int lane, bool brief);
/// "0.4 ms", "12 ms", "1.25 s": as precise as a person reads it.
QString duration(qint64 ns);
/// What is under @p pos (pixels in the plot): the lane's worker, the state or mix drawn there and its length,
/// the task, the hand-off whose arrow passes close by (when @p arrows are shown). Empty off the lanes.
QString text(const RunModel& model, const TimelinePlottable& lanes, const HandoffArrows* arrows, const QPointF& pos);

} // namespace LaneToolTip

} // namespace ProcViz
