// SPDX-License-Identifier: GPL-3.0-or-later
#include "runmodel.h"

#include <algorithm>
#include <limits>

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

void RunModel::setRuntime(const QString& runtime)
{
    m_runtime = runtime;
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

int RunModel::workerByPid(qint64 pid) const
{
    for (const auto& worker : m_workers) {
        if (worker.pid == pid)
            return worker.id;
    }
    return -1;
}

QList<std::pair<qint64, qint64>> RunModel::visiblePieces(const WorkerInfo& worker, qint64 beginNs, qint64 endNs)
{
    QList<std::pair<qint64, qint64>> pieces;
    qint64 from = beginNs;
    for (const auto& hidden : worker.engineStates) {
        const qint64 hiddenEnd = hidden.endNs < 0 ? std::numeric_limits<qint64>::max() : hidden.endNs;
        if (hiddenEnd <= from || hidden.beginNs >= endNs)
            continue;
        if (hidden.beginNs > from)
            pieces.append({from, hidden.beginNs});
        from = std::max(from, hiddenEnd);
        if (from >= endNs)
            break;
    }
    if (from < endNs)
        pieces.append({from, endNs});
    return pieces;
}

namespace {
// Adds what is shown of @p interval, up to @p endNs, to @p totals.
void addVisible(StateTotals& totals, const WorkerInfo& worker, const StateInterval& interval, qint64 endNs)
{
    qint64 kept = 0;
    for (const auto& [begin, end] : RunModel::visiblePieces(worker, interval.beginNs, endNs))
        kept += end - begin;
    if (!interval.mixed) {
        totals[size_t(interval.state)] += kept;
        return;
    }
    for (int state = 0; state < MeasuredStateCount; ++state)
        totals[size_t(state)] += interval.mixShareNs(state, kept);
}
} // namespace

void RunModel::account(const WorkerInfo& worker, Lane& lane, const StateInterval& interval)
{
    addVisible(lane.closedNs, worker, interval, interval.endNs);
}

StateTotals RunModel::laneTotals(const WorkerInfo& worker, const Lane& lane, qint64 nowNs)
{
    StateTotals totals = lane.closedNs;
    if (!lane.states.isEmpty() && lane.states.last().endNs < 0)
        addVisible(totals, worker, lane.states.last(), std::max(nowNs, lane.states.last().beginNs));
    // The engine's states cover the whole process, but a lane only from its start.
    const qint64 laneBegin = worker.laneBeginNs(&lane);
    for (const auto& seen : worker.engineStates) {
        const qint64 end = seen.endNs < 0 ? nowNs : seen.endNs;
        totals[size_t(seen.state)] += std::max<qint64>(0, end - std::max(seen.beginNs, laneBegin));
    }
    return totals;
}

StateTotals RunModel::workerTotals(const WorkerInfo& worker, qint64 nowNs)
{
    StateTotals totals {};
    for (const auto& lane : worker.lanes) {
        const auto laneTime = laneTotals(worker, lane, nowNs);
        for (size_t state = 0; state < totals.size(); ++state)
            totals[state] += laneTime[state];
    }
    return totals;
}

void RunModel::closeOpen(const WorkerInfo& worker, Lane& lane, qint64 timeNs)
{
    if (lane.states.isEmpty() || lane.states.last().endNs >= 0)
        return;
    auto& open = lane.states.last();
    open.endNs = std::max(timeNs, open.beginNs);
    lane.reportedUntilNs = open.endNs;
    if (open.endNs == open.beginNs)
        lane.states.removeLast(); // no time in it: e.g. a first state left at once
    else
        account(worker, lane, open);
}

bool RunModel::append(const WorkerInfo& worker, Lane& lane, const StateInterval& interval)
{
    // A worker reports its time once and in order: an interval reaching back into reported time (or before the
    // open one began) is not trusted, and changes nothing.
    const bool open = !lane.states.isEmpty() && lane.states.last().endNs < 0;
    const qint64 reported = open ? std::max(lane.reportedUntilNs, lane.states.last().beginNs) : lane.reportedUntilNs;
    if (interval.beginNs < reported || (interval.endNs >= 0 && interval.endNs < interval.beginNs))
        return false;
    closeOpen(worker, lane, interval.beginNs);
    if (lane.beginNs < 0)
        lane.beginNs = interval.beginNs;
    if (lane.states.size() >= MaxIntervalsPerLane)
        lane.states.remove(0, MaxIntervalsPerLane / 4); // oldest quarter goes; the totals keep their time
    lane.states.append(interval);
    if (interval.endNs >= 0) {
        lane.reportedUntilNs = interval.endNs;
        account(worker, lane, interval);
    }
    return true;
}

// The records that carry times of their own: intervals, mixes, the start and end of the work, tasks, hand-offs.
// Each is checked before its lane is looked up, so a refused record makes no lane.
bool RunModel::applyTimed(WorkerInfo& worker, const TelemetryRecord& record)
{
    // A record is read after it was written: none of its times can lie ahead of now.
    const qint64 now = monotonicNowNs();
    const auto plausible = [&](qint64 monotonicNs) {
        return monotonicNs >= m_startNs - ClockSlackNs && monotonicNs <= now;
    };
    const auto at = [&](qint64 monotonicNs) { return std::max<qint64>(0, relative(monotonicNs)); };
    const qint64 begin = record.value;
    const qint64 end = record.value2;
    switch (record.recordKind()) {
    case RecordKind::Started:
    case RecordKind::Finished: {
        const qint64 when = end > 0 ? end : record.timestampNs;
        if (!plausible(when))
            return false;
        auto& lane = laneFor(worker, record);
        if (record.recordKind() == RecordKind::Started) {
            lane.tid = record.tid;
            // Bounded: a worker cannot make the engine believe in millions of lanes.
            worker.plannedLanes = int(std::clamp<qint64>(record.value, worker.plannedLanes, MaxLanes));
            return append(worker, lane, {static_cast<WorkerState>(record.state), at(when)});
        }
        lane.finished = true;
        lane.result = record.value;
        lane.finishedNs = at(when);
        return append(worker, lane, {WorkerState::Done, at(when)});
    }
    case RecordKind::State: {
        if (!plausible(begin) || (end != 0 && !plausible(end)))
            return false;
        auto& lane = laneFor(worker, record);
        const auto state = static_cast<WorkerState>(record.state);
        auto* open = lane.states.isEmpty() || lane.states.last().endNs >= 0 ? nullptr : &lane.states.last();
        if (end != 0 && open && !open->mixed && open->state == state && at(begin) <= open->beginNs) {
            closeOpen(worker, lane, at(end)); // the end of an interval announced while it lasted
            return true;
        }
        return append(worker, lane, {state, at(begin), end == 0 ? -1 : at(end)});
    }
    case RecordKind::Mix: {
        if (!plausible(begin) || !plausible(end))
            return false;
        auto& lane = laneFor(worker, record);
        StateInterval window {WorkerState::Running, at(begin), at(end), true, {}};
        const auto shares = record.shares();
        for (int state = 0; state < MeasuredStateCount; ++state) {
            window.mixNs[size_t(state)] = quint32(shares[size_t(state)]);
            if (shares[size_t(state)] > shares[size_t(window.state)])
                window.state = WorkerState(state);
        }
        return append(worker, lane, window);
    }
    case RecordKind::Span: {
        if (!plausible(begin) || (end != 0 && !plausible(end)))
            return false;
        auto& lane = laneFor(worker, record);
        if (end != 0) {
            for (auto it = lane.spans.rbegin(); it != lane.spans.rend(); ++it) {
                if (it->index == record.aux && it->endNs < 0) {
                    it->endNs = std::max(it->beginNs, at(end));
                    return true;
                }
            }
        }
        if (lane.spans.size() >= MaxSpansPerLane)
            lane.spans.remove(0, MaxSpansPerLane / 4);
        lane.spans.append({record.aux, QString::fromUtf8(record.textBytes()), at(begin), end == 0 ? -1 : at(end)});
        return true;
    }
    case RecordKind::Handoff: {
        const int giver = workerByPid(record.aux);
        if (!plausible(begin) || !plausible(end) || giver < 0)
            return false;
        if (m_handoffs.size() >= MaxHandoffs)
            m_handoffs.remove(0, MaxHandoffs / 4);
        m_handoffs.append({giver, at(begin), worker.id, record.lane, at(end), QString::fromUtf8(record.textBytes())});
        return true;
    }
    default:
        return true;
    }
}

void RunModel::applyRecord(int workerId, const TelemetryRecord& record)
{
    auto& worker = m_workers[workerId];
    // A record claiming another process, an absurd lane or a time outside the run is not trusted.
    const qint64 nowRelative = monotonicNowNs() - m_startNs;
    const bool plausibleTime
        = record.timestampNs >= m_startNs - ClockSlackNs && record.timestampNs <= m_startNs + nowRelative;
    if (record.pid != worker.pid || record.lane < 0 || record.lane >= MaxLanes || !plausibleTime) {
        ++worker.malformedRecords;
        return;
    }
    const qint64 t = std::max<qint64>(0, relative(record.timestampNs));
    switch (record.recordKind()) {
    case RecordKind::Progress: {
        auto& lane = laneFor(worker, record);
        const double total = record.value2 > 0 ? double(record.value2) : 1.0;
        lane.latestProgress = std::clamp(double(record.value) / total, 0.0, 1.0);
        appendThinned(lane.progress, ProgressPoint {t, lane.latestProgress}, MaxPointsPerSeries);
        break;
    }
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
    default:
        if (!applyTimed(worker, record))
            ++worker.malformedRecords;
        break;
    }
    ++m_revision;
}

void RunModel::beginEngineState(WorkerInfo& worker, WorkerState state, qint64 timeNs)
{
    auto& seen = worker.engineStates;
    if (!seen.isEmpty() && seen.last().endNs < 0) {
        if (seen.last().state == state)
            return;
        seen.last().endNs = std::max(timeNs, seen.last().beginNs);
    }
    if (seen.size() >= MaxEngineStatesPerWorker)
        seen.removeFirst();
    seen.append({state, timeNs});
}

void RunModel::endEngineState(WorkerInfo& worker, WorkerState state, qint64 timeNs)
{
    auto& seen = worker.engineStates;
    if (!seen.isEmpty() && seen.last().endNs < 0 && seen.last().state == state)
        seen.last().endNs = std::max(timeNs, seen.last().beginNs);
}

void RunModel::addSample(int workerId, qint64 monotonicNs, char procState, double cpuSeconds)
{
    auto& worker = m_workers[workerId];
    const qint64 t = relative(monotonicNs);
    worker.cpuSeconds = cpuSeconds;
    // SIGSTOP is invisible to the worker itself: the engine sees it as state T and records the interval.
    const bool stoppedNow = procState == 'T' || procState == 't';
    if (stoppedNow && !worker.hasExited())
        beginEngineState(worker, WorkerState::Stopped, t);
    else if (!stoppedNow)
        endEngineState(worker, WorkerState::Stopped, t);
    WorkerState shown = WorkerState::Running;
    if (!worker.engineStates.isEmpty() && worker.engineStates.last().endNs < 0)
        shown = worker.engineStates.last().state;
    else if (!worker.lanes.isEmpty() && !worker.lanes.first().states.isEmpty())
        shown = worker.lanes.first().states.last().state;
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

void RunModel::setDied(int workerId, qint64 monotonicNs)
{
    auto& worker = m_workers[workerId];
    if (worker.hasExited())
        return;
    worker.exitNs = relative(monotonicNs);
    // Its threads are gone: nothing it reported lasts beyond its death, not even a task cut short.
    for (auto& lane : worker.lanes) {
        closeOpen(worker, lane, worker.exitNs);
        for (auto& task : lane.spans) {
            if (task.endNs < 0)
                task.endNs = std::max(task.beginNs, worker.exitNs);
        }
    }
    endEngineState(worker, WorkerState::Stopped, worker.exitNs);
    beginEngineState(worker, WorkerState::Zombie, worker.exitNs);
    ++m_revision;
}

void RunModel::setExited(
    int workerId, qint64 monotonicNs, std::optional<int> exitCode, std::optional<int> signal, double cpuSeconds)
{
    setDied(workerId, monotonicNs);
    auto& worker = m_workers[workerId];
    worker.endNs = std::max(worker.exitNs, relative(monotonicNs));
    worker.exitCode = exitCode;
    worker.signal = signal;
    worker.cpuSeconds = cpuSeconds;
    endEngineState(worker, WorkerState::Zombie, worker.endNs);
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

void RunModel::finish(qint64 monotonicNs, Outcome outcome)
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

qint64 RunModel::nowNs() const
{
    return m_endNs >= 0 ? m_endNs : relative(monotonicNowNs());
}

int RunModel::liveWorkerCount() const
{
    return int(std::count_if(m_workers.cbegin(), m_workers.cend(), [](const WorkerInfo& w) { return w.isAlive(); }));
}

} // namespace ProcViz
