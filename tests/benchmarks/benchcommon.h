// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/runmodel.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariantMap>

#include <optional>

namespace ProcViz::Bench {

/// How big and how often: --quick shrinks everything to a smoke test.
struct Config
{
    bool quick = false;
    /// Nine: one sample of this shared VM strays by up to ±10 % (fidelity pairs ranged 0.76-1.17 in one
    /// hour), so a median of five could not resolve fidelity's 2 % target.
    static constexpr int DefaultRepetitions = 9;
    int repetitions = DefaultRepetitions;
    QStringList only; ///< groups to run; empty = all
    int workerNice = 0; ///< window experiment: workers started at this nice level (0: as ProcViz starts them)
    bool wants(const QString& group) const { return only.isEmpty() || only.contains(group); }
};

/// One line of the table and one entry of the JSON.
struct Figure
{
    QString key;
    QString label;
    double value = 0;
    QString unit;
    QString target; ///< e.g. "<= 1.02"; empty when the figure is informative only
    std::optional<bool> met;
    QJsonObject detail;
};

double median(QList<double> values);
double quantile(QList<double> values, double q);

/// One finished run of a scenario through the real engine.
struct Run
{
    QString outcome;
    QString error;
    qint64 startCallNs = 0; ///< monotonic, just before RunController::start()
    QList<qint64> workerSpawnedNs; ///< monotonic, when workerStarted() arrived
    RunModel model;
};

Run runScenario(const QString& id, const QVariantMap& params, int timeLimitSeconds = 600);

QList<Figure> engineBenchmarks(const Config& config);
QList<Figure> telemetryBenchmarks(const Config& config);
QList<Figure> ipcBenchmarks(const Config& config);
/// What the workers' state accounting costs `lock on` (group "accounting").
QList<Figure> accountingBenchmarks(const Config& config);
QList<Figure> windowBenchmarks(const Config& config, const QString& selfPath);

/// Child modes of the same executable (clean process: RSS and cold start are its own).
int windowChild(int argc, char** argv, int seconds, int workerNice);
int coldStartChild(int argc, char** argv);

qint64 statusKb(const char* field); ///< from /proc/self/status, e.g. "VmRSS:"

} // namespace ProcViz::Bench
