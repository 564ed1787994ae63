// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanetooltip.h"

#include "handoffarrows.h"
#include "model/runmodel.h"
#include "scenario/scenarioregistry.h"
#include "statepalette.h"
#include "timelineplottable.h"

#include <algorithm>
#include <cmath>

namespace ProcViz {

namespace {
constexpr double HandoffReachPixels = 6;
} // namespace

QString LaneToolTip::workerName(const RunModel& model, const WorkerInfo& worker, bool brief)
{
    const auto* scenario = ScenarioRegistry::instance().find(model.scenarioId());
    return scenario ? scenario->roleLabel(worker.role, worker.index, brief)
                    : worker.role + QLatin1Char(' ') + QString::number(worker.index);
}

QString LaneToolTip::lasting(qint64 ns, bool open)
{
    return open ? tr("%1 so far").arg(duration(ns)) : duration(ns);
}

/// "mixed 8.9 ms: holding 24 %, waiting 70 %, running 6 %", largest share first.
QString LaneToolTip::mixText(const StateShares& shares)
{
    double total = 0;
    for (double share : shares)
        total += share;
    if (total <= 0)
        return {};
    QList<int> order;
    for (int state = 0; state < WorkerStateCount; ++state)
        order.append(state);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return shares[size_t(a)] > shares[size_t(b)]; });
    QStringList parts;
    for (int state : std::as_const(order)) {
        const auto percent = std::lround(100 * shares[size_t(state)] / total);
        if (percent > 0)
            parts.append(tr("%1 %2 %")
                             .arg(StatePalette::stateLabel(WorkerState(state)))
                             .arg(percent));
    }
    return tr("mixed %1: %2")
        .arg(duration(qint64(total)), parts.join(tr(", ")));
}

/// The state drawn at @p t on a lane that began at @p laneBegin: the engine's, the tail, or what was reported.
QString LaneToolTip::stateText(const RunModel& model, const TimelinePlottable& lanes, int row, const WorkerInfo& worker,
    const Lane* lane, qint64 t0, qint64 t1)
{
    const qint64 t = (t0 + t1) / 2;
    const qint64 nowNs = model.nowNs();
    const qint64 laneBegin = worker.laneBeginNs(lane);
    for (const auto& seen : worker.engineStates) {
        const qint64 begin = std::max(seen.beginNs, laneBegin);
        const qint64 end = seen.endNs < 0 ? nowNs : seen.endNs;
        if (t >= begin && t < end)
            return tr("%1 · %2")
                .arg(StatePalette::stateLabel(seen.state), lasting(end - begin, seen.endNs < 0));
    }
    if (!worker.isAlive() && t >= worker.endNs)
        return tr("joined: %1")
            .arg(TimelinePlottable::exitText(worker));
    if (!lane)
        return {};
    // Everything in this pixel column: one interval is told as itself, several as the mix the column shows.
    QList<const StateInterval*> under;
    const auto& states = lane->states;
    auto it = std::lower_bound(states.cbegin(), states.cend(), t0,
        [nowNs](const StateInterval& s, qint64 t) { return (s.endNs < 0 ? nowNs : s.endNs) <= t; });
    for (; it != states.cend() && it->beginNs < t1; ++it)
        under.append(&*it);
    if (under.isEmpty())
        return {};
    if (under.size() > 1)
        return mixText(lanes.reportedShares(row, t0, t1));
    const StateInterval& one = *under.first();
    if (one.mixed)
        return mixText(TimelinePlottable::sharesOf(one, nowNs));
    return tr("%1 · %2")
        .arg(StatePalette::stateLabel(one.state), lasting(one.durationNs(nowNs), one.endNs < 0));
}

QString LaneToolTip::laneName(const RunModel& model, const WorkerInfo& worker, int laneIndex, bool brief)
{
    const Lane* lane = worker.findLane(laneIndex);
    const QString name = workerName(model, worker, brief);
    if (lane && lane->tid != worker.pid && lane->tid != 0)
        return tr("%1 · TID %2").arg(name).arg(lane->tid);
    if (worker.plannedLanes > 1 || worker.lanes.size() > 1) // units done one after another
        return tr("%1 · unit %2 · PID %3")
            .arg(name)
            .arg(laneIndex)
            .arg(worker.pid);
    return tr("%1 · PID %2").arg(name).arg(worker.pid);
}

QString LaneToolTip::duration(qint64 ns)
{
    if (ns < 10'000)
        return tr("%1 µs")
            .arg(QString::number(double(ns) / 1e3, 'f', 1));
    if (ns < 100'000)
        return tr("%1 µs").arg(ns / 1000);
    if (ns < 10'000'000)
        return tr("%1 ms")
            .arg(QString::number(double(ns) / 1e6, 'f', 1));
    if (ns < 100'000'000)
        return tr("%1 ms").arg(ns / 1'000'000);
    return tr("%1 s").arg(QString::number(double(ns) / 1e9, 'f', 2));
}

QString LaneToolTip::text(const RunModel& model, const TimelinePlottable& lanes, const HandoffArrows* arrows, const QPointF& pos)
{
    const int row = lanes.rowAt(pos.y());
    const QCPAxis* axis = lanes.keyAxis();
    if (row < 0 || !axis || !QRectF(lanes.keyAxis()->axisRect()->rect()).contains(pos))
        return {};
    const auto& rows = lanes.rows();
    if (rows[row].workerId >= model.workers().size()) // rows of a run the model has already forgotten
        return {};
    const WorkerInfo& worker = model.workers().at(rows[row].workerId);
    const Lane* lane = worker.findLane(rows[row].lane);
    const double column = std::floor(pos.x());
    const auto t0 = qint64(axis->pixelToCoord(column) * 1e9);
    const auto t1 = qint64(axis->pixelToCoord(column + 1) * 1e9);
    if (t1 <= 0)
        return {};

    QStringList lines {laneName(model, worker, rows[row].lane, false)};
    const QString state = stateText(model, lanes, row, worker, lane, t0, t1);
    if (!state.isEmpty())
        lines.append(state);
    const qint64 t = (t0 + t1) / 2;
    for (const auto& span : lane ? lane->spans : QList<TaskSpan>()) {
        const qint64 end = span.endNs < 0 ? model.nowNs() : span.endNs;
        if (span.beginNs <= t && t < end)
            lines.append(tr("task %1 · %2")
                             .arg(span.index)
                             .arg(lasting(end - span.beginNs, span.endNs < 0)));
    }
    const qsizetype near = arrows && arrows->visible() ? arrows->handoffNear(pos, HandoffReachPixels) : -1;
    if (near >= 0) {
        const Handoff& handoff = model.handoffs().at(near);
        const auto& giver = model.workers().at(handoff.fromWorker);
        const auto& taker = model.workers().at(handoff.toWorker);
        lines.append(tr("%1: %2 → %3, %4 later")
                         .arg(handoff.label, workerName(model, giver), workerName(model, taker),
                             duration(std::max<qint64>(0, handoff.takenNs - handoff.givenNs))));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace ProcViz
