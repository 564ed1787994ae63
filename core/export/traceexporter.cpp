// SPDX-License-Identifier: GPL-3.0-or-later
#include "traceexporter.h"

#include "atomicfile.h"
#include "model/runmodel.h"
#include "telemetry/telemetryrecord.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace ProcViz {

namespace {
double micros(qint64 ns)
{
    return double(ns) / 1000.0;
}

QJsonObject event(QChar phase, const QString& name, qint64 pid, qint64 tid)
{
    return {{QStringLiteral("ph"), QString(phase)}, {QStringLiteral("name"), name}, {QStringLiteral("pid"), pid},
        {QStringLiteral("tid"), tid}};
}

QJsonObject metadata(const QString& name, qint64 pid, qint64 tid, const QJsonObject& args)
{
    auto object = event(u'M', name, pid, tid);
    object.insert(QStringLiteral("args"), args);
    return object;
}

// Lanes are units of work, not always threads: the sequential role runs every unit on its main thread.
// Slices of one thread track must nest, so a lane that shares its thread with an earlier lane gets a
// track of its own, with a tid above the kernel's PID_MAX_LIMIT (2^22) so it can never be a real one.
struct LaneTrack
{
    qint64 tid = 0;
    QString name;
};

QList<LaneTrack> laneTracks(const WorkerInfo& worker)
{
    constexpr qint64 PidMaxLimit = 1 << 22;
    QHash<qint64, int> lanesOnThread;
    for (const auto& lane : worker.lanes)
        ++lanesOnThread[lane.tid > 0 ? lane.tid : worker.pid];
    QList<LaneTrack> tracks;
    QSet<qint64> used;
    for (const auto& lane : worker.lanes) {
        const qint64 thread = lane.tid > 0 ? lane.tid : worker.pid;
        LaneTrack track;
        if (worker.lanes.size() == 1)
            track.name = QStringLiteral("main");
        else if (lanesOnThread.value(thread) > 1)
            track.name = QStringLiteral("unit %1 · tid %2").arg(lane.lane).arg(thread);
        else
            track.name = QStringLiteral("thread %1").arg(lane.lane);
        track.tid = used.contains(thread) ? PidMaxLimit + worker.pid * 256 + (lane.lane & 0xff) : thread;
        used.insert(track.tid);
        tracks.append(track);
    }
    return tracks;
}

class TraceBuilder
{
public:
    explicit TraceBuilder(const RunModel& model)
        : m_model(model)
        , m_runEndNs(model.endNs() >= 0 ? model.endNs() : model.relative(monotonicNowNs()))
    { }

    QJsonArray build()
    {
        for (const auto& worker : m_model.workers())
            addWorker(worker);
        for (const auto& record : m_model.events())
            addMessage(record);
        addFlows();
        return m_events;
    }

private:
    void addWorker(const WorkerInfo& worker)
    {
        const auto label = QStringLiteral("%1 %2 · pid %3").arg(worker.role).arg(worker.index).arg(worker.pid);
        m_events.append(
            metadata(QStringLiteral("process_name"), worker.pid, worker.pid, {{QStringLiteral("name"), label}}));
        m_events.append(metadata(
            QStringLiteral("process_sort_index"), worker.pid, worker.pid, {{QStringLiteral("sort_index"), worker.id}}));
        const auto& phases = m_model.phases();
        if (worker.phase >= 0 && worker.phase < phases.size()) {
            m_events.append(metadata(QStringLiteral("process_labels"), worker.pid, worker.pid,
                {{QStringLiteral("labels"), phases.at(worker.phase).name}}));
        }

        const qint64 workerEndNs = worker.endNs >= 0 ? worker.endNs : m_runEndNs;
        const auto tracks = laneTracks(worker);
        m_tracks.insert(worker.id, tracks);
        for (qsizetype i = 0; i < worker.lanes.size(); ++i) {
            const auto& lane = worker.lanes.at(i);
            const auto& track = tracks.at(i);
            m_events.append(
                metadata(QStringLiteral("thread_name"), worker.pid, track.tid, {{QStringLiteral("name"), track.name}}));
            m_events.append(metadata(QStringLiteral("thread_sort_index"), worker.pid, track.tid,
                {{QStringLiteral("sort_index"), lane.lane}}));
            for (const auto& interval : lane.states)
                addSlice(worker, track.tid, interval, workerEndNs);
            addEngineSlices(worker, lane, track.tid, workerEndNs);
            for (const auto& task : lane.spans)
                addTask(worker, track.tid, task, workerEndNs);
            // Counters with the same name in one process are told apart by id (Chrome and Perfetto both honour it).
            for (const auto& point : lane.progress) {
                auto counter = event(u'C', QStringLiteral("progress"), worker.pid, track.tid);
                counter.insert(QStringLiteral("ts"), micros(point.timeNs));
                counter.insert(
                    QStringLiteral("args"), QJsonObject {{QStringLiteral("progress"), point.fraction * 100.0}});
                if (tracks.size() > 1)
                    counter.insert(QStringLiteral("id"), track.name);
                m_events.append(counter);
            }
        }

        for (const auto& counter : worker.counters) {
            for (const auto& point : counter.points) {
                auto object = event(u'C', counter.name, worker.pid, worker.pid);
                object.insert(QStringLiteral("ts"), micros(point.timeNs));
                object.insert(QStringLiteral("args"), QJsonObject {{QStringLiteral("value"), point.value}});
                m_events.append(object);
            }
        }
    }

    /// The parts of @p interval not hidden under a stop or the zombie (those get slices of their own).
    void addSlice(const WorkerInfo& worker, qint64 tid, const StateInterval& interval, qint64 workerEndNs)
    {
        const qint64 endNs = std::max(interval.beginNs, interval.endNs >= 0 ? interval.endNs : workerEndNs);
        for (const auto& [begin, end] : RunModel::visiblePieces(worker, interval.beginNs, endNs)) {
            auto slice = event(u'X', interval.mixed ? QStringLiteral("mixed") : stateName(interval.state), worker.pid, tid);
            slice.insert(QStringLiteral("cat"), QStringLiteral("state"));
            slice.insert(QStringLiteral("ts"), micros(begin));
            slice.insert(QStringLiteral("dur"), micros(end - begin));
            if (interval.mixed) {
                QJsonObject shares;
                for (int state = 0; state < MeasuredStateCount; ++state) {
                    shares.insert(stateName(WorkerState(state)) + QLatin1String("_ns"),
                        interval.mixShareNs(state, end - begin));
                }
                slice.insert(QStringLiteral("args"), shares);
            }
            m_events.append(slice);
        }
    }

    /// Stopped and zombie, which the engine saw for the whole process: on every lane, from its start.
    void addEngineSlices(const WorkerInfo& worker, const Lane& lane, qint64 tid, qint64 workerEndNs)
    {
        const qint64 laneBegin = worker.laneBeginNs(&lane);
        for (const auto& seen : worker.engineStates) {
            const qint64 begin = std::max(seen.beginNs, laneBegin);
            const qint64 end = seen.endNs >= 0 ? seen.endNs : workerEndNs;
            if (end <= begin)
                continue;
            auto slice = event(u'X', stateName(seen.state), worker.pid, tid);
            slice.insert(QStringLiteral("cat"), QStringLiteral("state"));
            slice.insert(QStringLiteral("ts"), micros(begin));
            slice.insert(QStringLiteral("dur"), micros(end - begin));
            m_events.append(slice);
        }
    }

    void addTask(const WorkerInfo& worker, qint64 tid, const TaskSpan& task, qint64 workerEndNs)
    {
        auto slice = event(u'X', task.label, worker.pid, tid);
        slice.insert(QStringLiteral("cat"), QStringLiteral("task"));
        slice.insert(QStringLiteral("ts"), micros(task.beginNs));
        slice.insert(QStringLiteral("dur"), micros(std::max(task.beginNs, task.endNs >= 0 ? task.endNs : workerEndNs) - task.beginNs));
        slice.insert(QStringLiteral("args"), QJsonObject {{QStringLiteral("index"), task.index}});
        m_events.append(slice);
    }

    void addMessage(const EventRecord& record)
    {
        if (record.workerId < 0 || record.workerId >= m_model.workers().size())
            return;
        const auto& worker = m_model.workers().at(record.workerId);
        qint64 tid = worker.pid;
        const auto tracks = m_tracks.value(worker.id);
        for (qsizetype i = 0; i < worker.lanes.size(); ++i) {
            if (worker.lanes.at(i).lane == record.lane)
                tid = tracks.at(i).tid;
        }
        auto instant = event(u'i', record.text, worker.pid, tid);
        instant.insert(QStringLiteral("ts"), micros(record.timeNs));
        instant.insert(QStringLiteral("s"), QStringLiteral("t"));
        m_events.append(instant);
    }

    qint64 trackOf(int workerId, int laneIndex) const
    {
        const auto& worker = m_model.workers().at(workerId);
        const auto tracks = m_tracks.value(workerId);
        for (qsizetype i = 0; i < worker.lanes.size() && i < tracks.size(); ++i) {
            if (worker.lanes.at(i).lane == laneIndex)
                return tracks.at(i).tid;
        }
        return tracks.isEmpty() ? worker.pid : tracks.first().tid;
    }

    /// An arrow ("s" to "f", one id per hand-off) from the giver's track to the taker's.
    void addFlows()
    {
        qint64 id = 0;
        for (const auto& handoff : m_model.handoffs()) {
            ++id;
            const auto& giver = m_model.workers().at(handoff.fromWorker);
            const auto& taker = m_model.workers().at(handoff.toWorker);
            auto start = event(u's', handoff.label, giver.pid, trackOf(handoff.fromWorker, 0));
            auto finish = event(u'f', handoff.label, taker.pid, trackOf(handoff.toWorker, handoff.toLane));
            for (auto* flow : {&start, &finish}) {
                flow->insert(QStringLiteral("cat"), QStringLiteral("flow"));
                flow->insert(QStringLiteral("id"), id);
            }
            start.insert(QStringLiteral("ts"), micros(handoff.givenNs));
            finish.insert(QStringLiteral("ts"), micros(handoff.takenNs));
            finish.insert(QStringLiteral("bp"), QStringLiteral("e")); // bind to the slice around the take
            m_events.append(start);
            m_events.append(finish);
        }
    }

    const RunModel& m_model;
    const qint64 m_runEndNs;
    QJsonArray m_events;
    QHash<int, QList<LaneTrack>> m_tracks; ///< by worker id, for the messages
};
} // namespace

QJsonObject TraceExporter::toJson(const RunModel& model)
{
    return {
        {QStringLiteral("traceEvents"), TraceBuilder(model).build()},
        {QStringLiteral("displayTimeUnit"), QStringLiteral("ms")},
        {QStringLiteral("otherData"),
            QJsonObject {{QStringLiteral("scenario"), model.scenarioId()}, {QStringLiteral("outcome"), model.outcomeId()},
                {QStringLiteral("generator"), QStringLiteral("ProcViz " PROCVIZ_VERSION)}}},
    };
}

bool TraceExporter::write(const RunModel& model, const QString& path, QString* error)
{
    return writeFileAtomically(
        path, QJsonDocument(toJson(model)).toJson(QJsonDocument::Compact) /* nobody reads a trace by eye */, error);
}

} // namespace ProcViz
