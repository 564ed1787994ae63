// SPDX-License-Identifier: GPL-3.0-or-later
// Items 1-3: fidelity against a bare fork() reference, parallel efficiency, spawn latency.
#include "benchcommon.h"
#include "telemetry/telemetryrecord.h"
#include "worker/busywork.h"

#include <QJsonArray>
#include <QThread>

#include <algorithm>
#include <sys/wait.h>
#include <unistd.h>

namespace ProcViz::Bench {

namespace {

// The same loop over the same iterations in forked processes: no telemetry, no engine, no exec.
double bareElapsedSeconds(int workers, qint64 iterations)
{
    const auto t0 = monotonicNowNs();
    QList<pid_t> children;
    for (int w = 0; w < workers; ++w) {
        const pid_t pid = fork();
        if (pid == 0) {
            std::uint64_t sum = 0;
            for (qint64 done = 0; done < iterations; done += BusyWork::ChunkIterations)
                sum = BusyWork::add(sum, done, std::min<qint64>(BusyWork::ChunkIterations, iterations - done));
            _exit(sum == BusyWork::expectedSum(iterations) ? 0 : 1);
        }
        children.append(pid);
    }
    bool ok = true;
    for (pid_t pid : children) {
        int status = 0;
        waitpid(pid, &status, 0);
        ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    const auto t1 = monotonicNowNs();
    return ok ? double(t1 - t0) / 1e9 : -1;
}

QJsonObject modeEntry(const RunModel& model, const QString& mode)
{
    for (const auto& entry : model.result().value(QStringLiteral("modes")).toArray()) {
        if (entry.toObject().value(QStringLiteral("mode")).toString() == mode)
            return entry.toObject();
    }
    return {};
}

Figure fidelity(const Config& config, int cores)
{
    const qint64 iterations = config.quick ? 50'000'000 : 3'000'000'000; // the scenario's default
    const int workers = cores;
    QList<double> ratios, procviz, bare;
    for (int r = 0; r < config.repetitions; ++r) {
        // Interleaved, so drift on a shared machine hits both sides alike.
        const double reference = bareElapsedSeconds(workers, iterations);
        const auto run = runScenario(QStringLiteral("timing"),
            {{QStringLiteral("mode"), QStringLiteral("processes")}, {QStringLiteral("workers"), workers},
                {QStringLiteral("iterations"), iterations}});
        const double measured
            = modeEntry(run.model, QStringLiteral("processes")).value(QStringLiteral("elapsed_s")).toDouble();
        if (reference <= 0 || measured <= 0 || run.outcome != QStringLiteral("completed"))
            continue;
        bare.append(reference);
        procviz.append(measured);
        ratios.append(measured / reference);
    }
    return {QStringLiteral("fidelity_ratio"), QStringLiteral("1 fidelity: timing processes / bare fork()"),
        median(ratios), QStringLiteral("x"), QStringLiteral("<= 1.02"), median(ratios) <= 1.02,
        {{QStringLiteral("workers"), workers}, {QStringLiteral("iterations"), iterations},
            {QStringLiteral("procviz_elapsed_s_median"), median(procviz)},
            {QStringLiteral("bare_elapsed_s_median"), median(bare)},
            {QStringLiteral("ratios"), QJsonArray::fromVariantList(QVariantList(ratios.cbegin(), ratios.cend()))}}};
}

QList<Figure> parallel(const Config& config, int cores)
{
    // The lesson's default size, as for fidelity: at 9·10⁸ a parallel phase lasted 0.25 s, and one 20 ms
    // hiccup of this shared VM moved a ratio by 8 % (medians of 5 then ranged 0.87-0.98 run to run).
    const qint64 iterations = config.quick ? 50'000'000 : 3'000'000'000;
    const int workers = cores;
    QList<double> processes, threads, gil, bare;
    for (int r = 0; r < config.repetitions; ++r) {
        // What this machine gives the same loop with nothing of ProcViz around it: the ceiling for the two
        // figures below, on a virtual machine whose two vCPUs may not be two full cores.
        const double alone = bareElapsedSeconds(1, iterations * workers);
        const double together = bareElapsedSeconds(workers, iterations);
        if (alone > 0 && together > 0)
            bare.append(alone / together);
        const auto run = runScenario(QStringLiteral("timing"),
            {{QStringLiteral("mode"), QStringLiteral("all")}, {QStringLiteral("workers"), workers},
                {QStringLiteral("iterations"), iterations}});
        if (run.outcome != QStringLiteral("completed"))
            continue;
        processes.append(modeEntry(run.model, QStringLiteral("processes")).value(QStringLiteral("speedup")).toDouble());
        threads.append(modeEntry(run.model, QStringLiteral("threads")).value(QStringLiteral("speedup")).toDouble());
        gil.append(modeEntry(run.model, QStringLiteral("gil")).value(QStringLiteral("speedup")).toDouble());
    }
    const double ideal = std::min(workers, cores);
    const QJsonObject detail {{QStringLiteral("workers"), workers}, {QStringLiteral("cores"), cores},
        {QStringLiteral("iterations"), iterations}};
    auto withSpeedup = [&](double speedup) {
        auto d = detail;
        d.insert(QStringLiteral("speedup_median"), speedup);
        return d;
    };
    const double p = median(processes) / ideal, t = median(threads) / ideal, g = median(gil);
    const double b = median(bare) / ideal;
    return {
        {QStringLiteral("efficiency_bare"), QStringLiteral("2 (ceiling) bare fork(): speedup / min(w,cores)"), b,
            QString(), QString(), std::nullopt, withSpeedup(median(bare))},
        {QStringLiteral("efficiency_processes"), QStringLiteral("2 efficiency: processes speedup / min(w,cores)"), p,
            QString(), QStringLiteral(">= 0.95"), p >= 0.95, withSpeedup(median(processes))},
        {QStringLiteral("efficiency_threads"), QStringLiteral("2 efficiency: threads speedup / min(w,cores)"), t,
            QString(), QStringLiteral(">= 0.95"), t >= 0.95, withSpeedup(median(threads))},
        {QStringLiteral("speedup_gil"), QStringLiteral("2 gil emulation speedup"), g, QStringLiteral("x"),
            QStringLiteral("0.9 .. 1.1"), g >= 0.9 && g <= 1.1, withSpeedup(g)},
    };
}

Figure spawn(const Config& config, int workers)
{
    QList<double> reported, spawned;
    for (int r = 0; r < config.repetitions; ++r) {
        const auto run = runScenario(
            QStringLiteral("lifecycle"), {{QStringLiteral("workers"), workers}, {QStringLiteral("sleep-ms"), 0}});
        const auto& model = run.model;
        qint64 lastStarted = -1;
        int startedWorkers = 0;
        for (const auto& worker : model.workers()) {
            if (worker.lanes.isEmpty() || worker.lanes.first().states.isEmpty())
                continue;
            ++startedWorkers;
            // The Started record's own timestamp (CLOCK_MONOTONIC in the worker, relative to the run).
            lastStarted = std::max(lastStarted, model.startNs() + worker.lanes.first().states.first().beginNs);
        }
        if (startedWorkers != workers || run.workerSpawnedNs.size() != workers)
            continue;
        reported.append(double(lastStarted - run.startCallNs) / 1e6);
        spawned.append(double(run.workerSpawnedNs.last() - run.startCallNs) / 1e6);
    }
    const bool hasTarget = workers == 64;
    const double value = median(reported);
    return {QStringLiteral("spawn_ms_%1").arg(workers),
        QStringLiteral("3 spawn: start -> all %1 reported started").arg(workers), value, QStringLiteral("ms"),
        hasTarget ? QStringLiteral("<= 50") : QString(), hasTarget ? std::optional<bool>(value <= 50) : std::nullopt,
        {{QStringLiteral("all_spawned_ms_median"), median(spawned)}, {QStringLiteral("per_worker_ms"), value / workers},
            {QStringLiteral("samples"), reported.size()}}};
}

} // namespace

QList<Figure> engineBenchmarks(const Config& config)
{
    const int cores = QThread::idealThreadCount();
    QList<Figure> figures;
    if (config.wants(QStringLiteral("fidelity")))
        figures.append(fidelity(config, cores));
    if (config.wants(QStringLiteral("parallel")))
        figures.append(parallel(config, cores));
    if (config.wants(QStringLiteral("spawn"))) {
        for (int workers : {1, 8, 64})
            figures.append(spawn(config, workers));
    }
    return figures;
}

} // namespace ProcViz::Bench
