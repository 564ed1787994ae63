// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lanebarpainter.h"

#include <QCoreApplication>
#include <QPointF>
#include <QString>

namespace ProcViz {

class HandoffArrows;
class RunModel;
class TimelinePlottable;
struct Lane;
struct StateInterval;
struct WorkerInfo;

/// The texts the state timeline tells about its lanes.
class LaneToolTip
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::LaneToolTip)
public:
    /// "producer 0 · PID 1234", "w2 · TID 1240", "w1 · unit 3 · PID 1236" (@p brief: "w2" for "worker 2"), as the
    /// scenario of @p model's run names its workers.
    static QString laneName(const RunModel& model, const WorkerInfo& worker, int lane, bool brief);
    /// "0.4 ms", "12 ms", "1.25 s": as precise as a person reads it.
    static QString duration(qint64 ns);
    /// What is under @p pos (pixels in the plot): the lane's worker, the state or mix drawn there and its
    /// length, the task, the hand-off whose arrow passes close by (when @p arrows are shown). Empty off the lanes.
    static QString text(
        const RunModel& model, const TimelinePlottable& lanes, const HandoffArrows* arrows, const QPointF& pos);

private:
    static QString workerName(const RunModel& model, const WorkerInfo& worker, bool brief = false);
    static QString lasting(qint64 ns, bool open);
    static QString mixText(const StateShares& shares);
    static QString stateText(const RunModel& model, const TimelinePlottable& lanes, int row, const WorkerInfo& worker,
        const Lane* lane, qint64 t0, qint64 t1);
};

} // namespace ProcViz
