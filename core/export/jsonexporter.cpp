// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonexporter.h"

#include "atomicfile.h"
#include "model/runmodel.h"
#include "telemetry/telemetryrecord.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

namespace ProcViz {

namespace {
QJsonValue seconds(qint64 ns)
{
    return ns < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(double(ns) / 1e9);
}

QJsonValue optionalInt(const std::optional<int>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

/// Seconds per state, as measured by the worker (running, waiting, holding, sleeping) and seen by the engine
/// (stopped, zombie), and done; summed over the lanes of a worker with several threads.
QJsonObject timeInState(const RunModel& model, const WorkerInfo& worker)
{
    const auto totals = RunModel::workerTotals(worker, model.nowNs());
    QJsonObject object;
    for (int state = 0; state < WorkerStateCount; ++state)
        object.insert(stateName(WorkerState(state)), double(totals[size_t(state)]) / 1e9);
    return object;
}

QJsonObject workerJson(const RunModel& model, const WorkerInfo& worker)
{
    const auto& phases = model.phases();
    const QString phase = worker.phase >= 0 && worker.phase < phases.size() ? phases.at(worker.phase).name : QString();
    return {
        {QStringLiteral("index"), worker.index},
        {QStringLiteral("role"), worker.role},
        {QStringLiteral("phase"), phase},
        {QStringLiteral("pid"), worker.pid},
        {QStringLiteral("start_s"), seconds(worker.spawnNs)},
        {QStringLiteral("exit_s"), seconds(worker.exitNs)},
        {QStringLiteral("end_s"), seconds(worker.endNs)},
        {QStringLiteral("exit_code"), optionalInt(worker.exitCode)},
        {QStringLiteral("signal"), optionalInt(worker.signal)},
        {QStringLiteral("cpu_s"), worker.cpuSeconds},
        {QStringLiteral("malformed_records"), double(worker.malformedRecords)},
        {QStringLiteral("time_in_state_s"), timeInState(model, worker)},
    };
}
} // namespace

QJsonObject JsonExporter::toJson(const RunModel& model)
{
    QJsonArray workers;
    for (const auto& worker : model.workers())
        workers.append(workerJson(model, worker));

    QJsonArray phases;
    for (const auto& phase : model.phases()) {
        phases.append(QJsonObject {{QStringLiteral("name"), phase.name},
            {QStringLiteral("start_s"), seconds(phase.startNs)}, {QStringLiteral("end_s"), seconds(phase.endNs)}});
    }

    QJsonArray checks;
    for (const auto& check : model.checks()) {
        checks.append(QJsonObject {{QStringLiteral("name"), check.name}, {QStringLiteral("passed"), check.passed},
            {QStringLiteral("detail"), check.detail}});
    }

    return {
        {QStringLiteral("scenario"), model.scenarioId()},
        {QStringLiteral("params"), QJsonObject::fromVariantMap(model.params())},
        {QStringLiteral("runtime"), model.runtime()},
        {QStringLiteral("elapsed_s"), model.elapsedSeconds(monotonicNowNs())},
        {QStringLiteral("outcome"), model.outcomeId()},
        {QStringLiteral("cores"), QThread::idealThreadCount()},
        {QStringLiteral("workers"), workers},
        {QStringLiteral("phases"), phases},
        {QStringLiteral("result"), model.result()},
        {QStringLiteral("checks"), checks},
        {QStringLiteral("generator"),
            QJsonObject {{QStringLiteral("name"), QStringLiteral("ProcViz")},
                {QStringLiteral("version"), QStringLiteral(PROCVIZ_VERSION)}}},
    };
}

bool JsonExporter::write(const RunModel& model, const QString& path, QString* error)
{
    return writeFileAtomically(path, QJsonDocument(toJson(model)).toJson(QJsonDocument::Indented), error);
}

} // namespace ProcViz
