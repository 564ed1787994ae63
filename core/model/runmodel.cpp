// SPDX-License-Identifier: GPL-3.0-or-later
#include "runmodel.h"

#include <algorithm>

namespace ProcViz {

namespace {
constexpr qsizetype MaxEvents = 10000;

// Halves a full series by dropping every other point, keeping the first and the newest: the shape
// survives at half the time resolution and memory stays bounded however long the run.
template<typename T> void appendThinned(QList<T>& series, const T& value, qsizetype cap)
{
    if (series.size() >= cap) {
        QList<T> thinned;
        thinned.reserve(cap / 2 + 2);
        for (qsizetype i = 0; i < series.size(); i += 2)
            thinned.append(series.at(i));
        series.swap(thinned);
    }
    series.append(value);
}
void appendCounter(QList<NamedCounter>& counters, const QString& name, CounterPoint point)
{
    auto it = std::find_if(counters.begin(), counters.end(), [&](const NamedCounter& c) { return c.name == name; });
    if (it == counters.end())
        it = counters.insert(counters.end(), NamedCounter {name, {}});
    appendThinned(it->points, point, RunModel::MaxPointsPerSeries);
}
} // namespace

double WorkerInfo::progress() const
{
    if (lanes.isEmpty())
        return 0;
    double sum = 0;
    for (const auto& lane : lanes)
        sum += lane.latestProgress;
    return sum / double(std::max<qsizetype>(lanes.size(), plannedLanes));
}

const Lane* WorkerInfo::findLane(int lane) const
{
    auto it = std::find_if(lanes.cbegin(), lanes.cend(), [lane](const Lane& l) { return l.lane == lane; });
    return it == lanes.cend() ? nullptr : &*it;
}

void RunModel::begin(const QString& scenarioId, const QVariantMap& params, qint64 startNs)
{
    const auto revision = m_revision; // keeps counting across runs, so a view never mistakes a new run for an old one
    *this = RunModel();
    m_revision = revision;
    m_scenarioId = scenarioId;
    m_params = params;
    m_startNs = startNs;
    ++m_revision;
}

int RunModel::addPhase(const QString& name, qint64 monotonicNs)
{
    m_phases.append({name, relative(monotonicNs), -1, {}});
    ++m_revision;
    return int(m_phases.size() - 1);
}

void RunModel::endPhase(int phase, qint64 monotonicNs)
{
    m_phases[phase].endNs = relative(monotonicNs);
    ++m_revision;
}

int RunModel::addWorker(int phase, const QString& role, int index, qint64 pid, qint64 monotonicNs)
{
    WorkerInfo worker;
    worker.id = int(m_workers.size());
    worker.phase = phase;
    worker.role = role;
    worker.index = index;
    worker.pid = pid;
    worker.spawnNs = relative(monotonicNs);
    m_workers.append(worker);
    m_phases[phase].workerIds.append(worker.id);
    ++m_revision;
    return worker.id;
}

Lane& RunModel::laneFor(WorkerInfo& worker, const TelemetryRecord& record)
{
    for (auto& lane : worker.lanes) {
        if (lane.lane == record.lane)
            return lane;
    }
    Lane lane;
    lane.lane = record.lane;
    lane.tid = record.tid;
    worker.lanes.append(lane);
    std::sort(worker.lanes.begin(), worker.lanes.end(), [](const Lane& a, const Lane& b) { return a.lane < b.lane; });
    return *std::find_if(
        worker.lanes.begin(), worker.lanes.end(), [&](const Lane& l) { return l.lane == record.lane; });
}

void RunModel::enterState(Lane& lane, WorkerState state, qint64 timeNs)
{
    if (!lane.states.isEmpty()) {
        auto& open = lane.states.last();
        if (open.endNs < 0) {
            if (open.state == state)
                return;
            open.endNs = timeNs;
        }
    }
    if (lane.states.size() >= MaxIntervalsPerLane)
        lane.states.remove(0, MaxIntervalsPerLane / 4); // oldest quarter goes; the recent past stays exact
    lane.states.append({state, timeNs, -1});
}

void RunModel::applyRecord(int workerId, const TelemetryRecord& record)
{
    auto& worker = m_workers[workerId];
    // A record claiming another process, an absurd lane or a time outside the run is not trusted.
    const qint64 nowRelative = monotonicNowNs() - m_startNs;
    const bool plausibleTime = record.timestampNs >= m_startNs - ClockSlackNs
        && record.timestampNs - m_startNs <= nowRelative + ClockSlackNs;
    if (record.pid != worker.pid || record.lane < 0 || record.lane >= MaxLanes || !plausibleTime) {
        ++worker.malformedRecords;
        return;
    }
    const qint64 t = std::max<qint64>(0, relative(record.timestampNs));
    auto& lane = laneFor(worker, record);
    switch (record.recordKind()) {
    case RecordKind::Started:
        lane.tid = record.tid;
        // Bounded: a worker cannot make the engine believe in millions of lanes.
        worker.plannedLanes = int(std::clamp<qint64>(record.value, worker.plannedLanes, MaxLanes));
        enterState(lane, static_cast<WorkerState>(record.state), t);
        break;
    case RecordKind::Progress: {
        const double total = record.value2 > 0 ? double(record.value2) : 1.0;
        lane.latestProgress = std::clamp(double(record.value) / total, 0.0, 1.0);
        appendThinned(lane.progress, ProgressPoint {t, lane.latestProgress}, MaxPointsPerSeries);
        break;
    }
    case RecordKind::State:
        enterState(lane, static_cast<WorkerState>(record.state), t);
        break;
    case RecordKind::Counter:
        if (worker.counters.size() < MaxCountersPerWorker
            || std::any_of(worker.counters.cbegin(), worker.counters.cend(),
                [&](const NamedCounter& c) { return c.name.toUtf8() == record.textBytes(); }))
            appendCounter(worker.counters, QString::fromUtf8(record.textBytes()), {t, record.value});
        break;
    case RecordKind::Message:
        if (m_events.size() < MaxEvents)
            m_events.append({t, workerId, record.lane, QString::fromUtf8(record.textBytes())});
        break;
    case RecordKind::Finished:
        lane.finished = true;
        lane.result = record.value;
        lane.finishedNs = t;
        enterState(lane, WorkerState::Done, t);
        break;
    }
    ++m_revision;
}

void RunModel::addSample(int workerId, qint64 monotonicNs, char procState, double cpuSeconds)
{
    auto& worker = m_workers[workerId];
    const qint64 t = relative(monotonicNs);
    worker.cpuSeconds = cpuSeconds;
    // SIGSTOP is invisible to the worker itself: the engine sees it as state T and records the interval.
    const bool stoppedNow = procState == 'T' || procState == 't';
    WorkerState shown = WorkerState::Running;
    for (auto& lane : worker.lanes) {
        const auto* open = lane.states.isEmpty() || lane.states.last().endNs >= 0 ? nullptr : &lane.states.last();
        if (!open)
            continue;
        if (stoppedNow && open->state != WorkerState::Stopped && open->state != WorkerState::Done) {
            m_resumeStates[{workerId, lane.lane}] = open->state;
            enterState(lane, WorkerState::Stopped, t);
        } else if (!stoppedNow && open->state == WorkerState::Stopped) {
            enterState(lane, m_resumeStates.value({workerId, lane.lane}, WorkerState::Running), t);
        }
        shown = lane.states.last().state;
    }
    appendThinned(worker.samples, ProcSample {t, procState, cpuSeconds, worker.progress(), shown}, MaxPointsPerSeries);
    ++m_revision;
}

void RunModel::addLaneSample(int workerId, int laneIndex, qint64 monotonicNs, char procState, double cpuSeconds)
{
    auto& worker = m_workers[workerId];
    for (auto& lane : worker.lanes) {
        if (lane.lane != laneIndex)
            continue;
        const auto state = lane.states.isEmpty() ? WorkerState::Running : lane.states.last().state;
        appendThinned(lane.samples,
            ProcSample {relative(monotonicNs), procState, cpuSeconds, lane.latestProgress, state}, MaxPointsPerSeries);
        ++m_revision;
        return;
    }
}

void RunModel::setExited(
    int workerId, qint64 monotonicNs, std::optional<int> exitCode, std::optional<int> signal, double cpuSeconds)
{
    auto& worker = m_workers[workerId];
    worker.endNs = relative(monotonicNs);
    worker.exitCode = exitCode;
    worker.signal = signal;
    worker.cpuSeconds = cpuSeconds;
    for (auto& lane : worker.lanes) {
        if (!lane.states.isEmpty() && lane.states.last().endNs < 0)
            lane.states.last().endNs = std::max(worker.endNs, lane.states.last().beginNs);
    }
    ++m_revision;
}

void RunModel::addMalformed(int workerId, quint64 count)
{
    m_workers[workerId].malformedRecords += count;
    ++m_revision;
}

void RunModel::markKilledByUser(int workerId)
{
    m_workers[workerId].killedByUser = true;
}

void RunModel::finish(qint64 monotonicNs, const QString& outcome)
{
    m_endNs = relative(monotonicNs);
    m_outcome = outcome;
    ++m_revision;
}

void RunModel::setCause(const QString& cause)
{
    m_cause = cause;
    ++m_revision;
}

void RunModel::addRunSample(const QString& name, qint64 monotonicNs, qint64 value)
{
    appendCounter(m_runSamples, name, {relative(monotonicNs), value});
    ++m_revision;
}

void RunModel::addEvent(qint64 monotonicNs, int workerId, const QString& text)
{
    if (m_events.size() < MaxEvents)
        m_events.append({relative(monotonicNs), workerId, 0, text});
    ++m_revision;
}

void RunModel::setResult(const QJsonObject& result, const QList<Check>& checks)
{
    m_result = result;
    m_checks = checks;
    ++m_revision;
}

double RunModel::elapsedSeconds(qint64 monotonicNowNs) const
{
    const qint64 end = m_endNs >= 0 ? m_endNs : relative(monotonicNowNs);
    return double(end) / 1e9;
}

int RunModel::liveWorkerCount() const
{
    return int(std::count_if(m_workers.cbegin(), m_workers.cend(), [](const WorkerInfo& w) { return w.isAlive(); }));
}

} // namespace ProcViz
