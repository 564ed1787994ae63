// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchcommon.h"

#include "engine/runcontroller.h"

#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <algorithm>

namespace ProcViz::Bench {

double median(QList<double> values)
{
    return quantile(std::move(values), 0.5);
}

double quantile(QList<double> values, double q)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const double pos = q * double(values.size() - 1);
    const auto lo = qsizetype(pos);
    const auto hi = std::min(lo + 1, values.size() - 1);
    return values[lo] + (values[hi] - values[lo]) * (pos - double(lo));
}

Run runScenario(const QString& id, const QVariantMap& params, int timeLimitSeconds)
{
    RunController controller;
    controller.setWorkerProgram(QStringLiteral(PROCVIZ_WORKER_PATH));
    Run run;
    QEventLoop loop;
    QObject::connect(&controller, &RunController::workerStarted, &loop,
        [&](int, qint64) { run.workerSpawnedNs.append(monotonicNowNs()); });
    QObject::connect(&controller, &RunController::failed, &loop, [&](const QString& message) { run.error = message; });
    QObject::connect(&controller, &RunController::finished, &loop, [&](Outcome outcome) {
        run.outcome = outcomeId(outcome);
        loop.quit();
    });
    RunOptions options;
    options.watchdogSeconds = 60; // 64 busy workers on 2 cores report slowly; a benchmark never deadlocks
    options.timeLimitSeconds = timeLimitSeconds;
    run.startCallNs = monotonicNowNs();
    if (controller.start(id, params, options) && run.outcome.isEmpty())
        loop.exec();
    run.model = controller.model();
    return run;
}

qint64 statusKb(const char* field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const auto& line : file.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace ProcViz::Bench
