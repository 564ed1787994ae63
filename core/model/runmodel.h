// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "check.h"
#include "outcome.h"
#include "telemetry/telemetryrecord.h"
#include "workerstate.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <array>
#include <optional>

namespace ProcViz {

/// Times in the model are nanoseconds since the run began (RunModel::startNs on the monotonic clock).
struct ProgressPoint
{
    qint64 timeNs = 0;
    double fraction = 0; ///< 0..1
};

/// A stretch of one lane's time: one state throughout, or a mixed window (states too short to report one by
/// one, summed per state by the worker).
struct StateInterval
{
    WorkerState state = WorkerState::Running; ///< of a mixed window: the state with the largest share
    qint64 beginNs = 0;
    qint64 endNs = -1; ///< -1 while the interval is still open
    bool mixed = false;
    std::array<quint32, MeasuredStateCount> mixNs {}; ///< of a mixed window: nanoseconds per measured state

    qint64 durationNs(qint64 openEndNs) const { return (endNs < 0 ? openEndNs : endNs) - beginNs; }
    /// The part of @p state's share in @p keptNs of this mixed window (the rest hidden, e.g. under a SIGSTOP).
    qint64 mixShareNs(int state, qint64 keptNs) const
    {
        const qint64 span = endNs - beginNs;
        return span > 0 ? qint64(mixNs[size_t(state)]) * keptNs / span : 0;
    }
};

/// Nanoseconds per WorkerState.
using StateTotals = std::array<qint64, WorkerStateCount>;

/// A labelled piece of work on a lane: one task of the pool.
struct TaskSpan
{
    int index = 0;
    QString label;
    qint64 beginNs = 0;
    qint64 endNs = -1; ///< -1 while the task runs
};

/// Something one process gave another: a queue item, a message, a permit, the lock after a long wait.
struct Handoff
{
    int fromWorker = -1;
    qint64 givenNs = 0;
    int toWorker = -1;
    int toLane = 0;
    qint64 takenNs = 0;
    QString label;
};

/// A /proc/<pid>/stat reading taken by the engine.
struct ProcSample
{
    qint64 timeNs = 0;
    char procState = '?'; ///< R, S, D, T, Z, ...
    double cpuSeconds = 0; ///< user + system time so far
    double progress = 0; ///< the worker's progress at that moment, 0..1
    WorkerState state = WorkerState::Running;
};

struct CounterPoint
{
    qint64 timeNs = 0;
    qint64 value = 0;
};

struct EventRecord
{
    qint64 timeNs = 0;
    int workerId = -1;
    int lane = 0;
    QString text;
};

/// One thread of execution inside a worker process: the process itself, or one of its threads.
struct Lane
{
    int lane = 0;
    qint64 tid = 0;
    QList<ProgressPoint> progress;
    /// What the worker reported, in order and without overlap: intervals, mixed windows, then done. What the
    /// engine saw from outside (stopped, zombie) is in WorkerInfo::engineStates and wins where both overlap.
    QList<StateInterval> states;
    qint64 beginNs = -1; ///< when its first state began (kept when old intervals are thinned out); -1 before
    StateTotals closedNs {}; ///< time of every closed interval, kept when old intervals are thinned out
    qint64 reportedUntilNs = 0; ///< where the last closed interval ended: a new one may not begin before
    QList<TaskSpan> spans;
    QList<ProcSample> samples; ///< /proc/<pid>/task/<tid>/stat readings, for threads (tid != pid) only
    double latestProgress = 0;
    bool finished = false;
    std::optional<qint64> result; ///< value of the Finished record
    qint64 finishedNs = -1;
};

struct NamedCounter
{
    QString name;
    QList<CounterPoint> points;
};

/// Everything known about one worker process of a run.
struct WorkerInfo
{
    int id = -1; ///< position in RunModel::workers()
    int phase = 0;
    QString role;
    int index = 0;
    qint64 pid = 0;
    qint64 spawnNs = 0;
    qint64 exitNs = -1; ///< when the process ended; a zombie from then until it is reaped
    qint64 endNs = -1; ///< when the engine reaped it (joined it); -1 until then
    std::optional<int> exitCode;
    std::optional<int> signal;
    double cpuSeconds = 0; ///< from the last sample, exact from wait4() once reaped
    QList<Lane> lanes;
    int plannedLanes = 1; ///< as announced by the worker; lanes not yet started count as 0 % done
    QList<ProcSample> samples;
    /// Stopped (SIGSTOP, seen in /proc) and zombie intervals: the whole process, so every lane, in order.
    QList<StateInterval> engineStates;
    QList<NamedCounter> counters;
    quint64 malformedRecords = 0;
    bool killedByUser = false;

    bool isAlive() const { return endNs < 0; } ///< not yet reaped (a zombie counts)
    bool hasExited() const { return exitNs >= 0; }
    double progress() const; ///< mean of the planned lanes' latest progress
    /// Where @p lane begins (at the worker's spawn when it has reported no state): the engine's states, which
    /// cover the whole process, count on a lane from there.
    qint64 laneBeginNs(const Lane* lane) const { return lane && lane->beginNs >= 0 ? lane->beginNs : spawnNs; }
    const Lane* findLane(int lane) const;
};

/// One group of workers started together; a scenario may run several in turn (timing's mode "all").
struct PhaseInfo
{
    QString name;
    qint64 startNs = 0;
    qint64 endNs = -1;
    QList<int> workerIds;
};

/// The single record of a run: what the window draws, the CLI summarises and every export writes.
///
/// Fed by the engine on the thread that owns the RunController; memory stays bounded because every
/// series is thinned out (every other point dropped) when it reaches its cap.
class RunModel
{
public:
    static constexpr qsizetype MaxPointsPerSeries = 4096;
    static constexpr qsizetype MaxIntervalsPerLane = 16384;
    static constexpr int MaxLanes = 4096; ///< per worker; a record naming another lane is refused
    static constexpr qsizetype MaxCountersPerWorker = 64;
    static constexpr qsizetype MaxSpansPerLane = 16384;
    static constexpr qsizetype MaxHandoffs = 20000;
    static constexpr qsizetype MaxEngineStatesPerWorker = 1024;
    /// Records from further before the run began are refused, and so is any time still to come: a record is
    /// read after it was written.
    static constexpr qint64 ClockSlackNs = 1'000'000'000;

    void begin(const QString& scenarioId, const QVariantMap& params, qint64 startNs);
    /// What ran the lesson: "cpp" (ProcViz's workers, the default) or "python" (the lesson's own program).
    void setRuntime(const QString& runtime);
    int addPhase(const QString& name, qint64 monotonicNs);
    void endPhase(int phase, qint64 monotonicNs);
    int addWorker(int phase, const QString& role, int index, qint64 pid, qint64 monotonicNs);
    void applyRecord(int workerId, const TelemetryRecord& record);
    void addSample(int workerId, qint64 monotonicNs, char procState, double cpuSeconds);
    void addLaneSample(int workerId, int lane, qint64 monotonicNs, char procState, double cpuSeconds);
    /// The process has ended and is a zombie until setExited(), when the engine reaps it.
    void setDied(int workerId, qint64 monotonicNs);
    /// Reaped: its exit code or signal and CPU time are known (setDied() first, else it died just now).
    void setExited(
        int workerId, qint64 monotonicNs, std::optional<int> exitCode, std::optional<int> signal, double cpuSeconds);
    void addMalformed(int workerId, quint64 count);
    void markKilledByUser(int workerId);
    void finish(qint64 monotonicNs, Outcome outcome);
    /// Why the run ended as it did, when the engine can tell (e.g. which dead holder left a lock locked).
    void setCause(const QString& cause);
    /// A value of the whole run sampled by the engine, e.g. the shared counter read from shared memory.
    void addRunSample(const QString& name, qint64 monotonicNs, qint64 value);
    /// Something the engine did or saw, e.g. a fault it injected.
    void addEvent(qint64 monotonicNs, int workerId, const QString& text);
    void setResult(const QJsonObject& result, const QList<Check>& checks);

    const QString& scenarioId() const { return m_scenarioId; }
    const QVariantMap& params() const { return m_params; }
    const QString& runtime() const { return m_runtime; }
    qint64 startNs() const { return m_startNs; }
    qint64 endNs() const { return m_endNs; } ///< relative; -1 while running
    double elapsedSeconds(qint64 monotonicNowNs) const;
    std::optional<Outcome> outcome() const { return m_outcome; } ///< none while the run goes on
    /// The outcome's stable id for exports: "completed", ...; "running" while it goes on.
    QString outcomeId() const { return m_outcome ? ProcViz::outcomeId(*m_outcome) : QStringLiteral("running"); }
    const QString& cause() const { return m_cause; }
    const QList<NamedCounter>& runSamples() const { return m_runSamples; }
    const QList<WorkerInfo>& workers() const { return m_workers; }
    const QList<PhaseInfo>& phases() const { return m_phases; }
    const QList<EventRecord>& events() const { return m_events; }
    const QList<Handoff>& handoffs() const { return m_handoffs; }
    const QJsonObject& result() const { return m_result; }
    const QList<Check>& checks() const { return m_checks; }
    int liveWorkerCount() const;
    /// Where the run stands: its end, or now while it runs (relative).
    qint64 nowNs() const;
    /// Time in each state of one lane up to @p nowNs (relative), as shown: the engine's stopped and zombie
    /// intervals hide what the worker reported under them.
    static StateTotals laneTotals(const WorkerInfo& worker, const Lane& lane, qint64 nowNs);
    /// The same summed over the worker's lanes (thread-seconds for a worker with several).
    static StateTotals workerTotals(const WorkerInfo& worker, qint64 nowNs);
    /// [@p beginNs, @p endNs) without the parts under the worker's engine states: what of it is shown.
    static QList<std::pair<qint64, qint64>> visiblePieces(const WorkerInfo& worker, qint64 beginNs, qint64 endNs);
    qint64 relative(qint64 monotonicNs) const { return monotonicNs - m_startNs; }

    /// Incremented on every change, so views can skip redrawing when nothing happened.
    quint64 revision() const { return m_revision; }

private:
    Lane& laneFor(WorkerInfo& worker, const TelemetryRecord& record);
    bool applyTimed(WorkerInfo& worker, const TelemetryRecord& record);
    /// Closes the lane's open interval at @p timeNs (not before it began) and counts its time.
    void closeOpen(const WorkerInfo& worker, Lane& lane, qint64 timeNs);
    /// Appends an interval that begins where the lane's last one ended or later; false if it overlaps.
    bool append(const WorkerInfo& worker, Lane& lane, const StateInterval& interval);
    void account(const WorkerInfo& worker, Lane& lane, const StateInterval& interval);
    void beginEngineState(WorkerInfo& worker, WorkerState state, qint64 timeNs);
    void endEngineState(WorkerInfo& worker, WorkerState state, qint64 timeNs);
    int workerByPid(qint64 pid) const;

    QString m_scenarioId;
    QVariantMap m_params;
    QString m_runtime = QStringLiteral("cpp");
    qint64 m_startNs = 0;
    qint64 m_endNs = -1;
    std::optional<Outcome> m_outcome;
    QString m_cause;
    QList<NamedCounter> m_runSamples;
    QList<WorkerInfo> m_workers;
    QList<PhaseInfo> m_phases;
    QList<EventRecord> m_events;
    QList<Handoff> m_handoffs;
    QJsonObject m_result;
    QList<Check> m_checks;
    quint64 m_revision = 0;
};

} // namespace ProcViz
