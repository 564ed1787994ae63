// SPDX-License-Identifier: GPL-3.0-or-later
// procviz-bench: measures ProcViz against a bare reference, the core count and Python multiprocessing, and
// prints one table (figure, value, target, met?); --json writes the same with details.
#include "benchcommon.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSysInfo>
#include <QThread>

#include <cstdio>
#include <cstring>

using namespace ProcViz::Bench;

namespace {

QString formatValue(double v)
{
    if (v != 0 && (std::abs(v) >= 1e5 || std::abs(v) < 1e-2))
        return QString::number(v, 'e', 3);
    return QString::number(v, 'f', 3);
}

QString cpuModel()
{
    QFile file(QStringLiteral("/proc/cpuinfo"));
    if (file.open(QIODevice::ReadOnly)) {
        for (const auto& line : file.readAll().split('\n')) {
            if (line.startsWith("model name"))
                return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
        }
    }
    return {};
}

int usage()
{
    std::fprintf(stderr,
        "usage: procviz-bench [--json FILE] [--quick] [--reps N] [--only GROUP,...] [--worker-nice N]\n"
        "groups: fidelity parallel spawn telemetry accounting ipc window coldstart\n");
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    Config config;
    QString jsonPath;
    for (int i = 1; i < argc; ++i) {
        const auto arg = QByteArray(argv[i]);
        const bool hasValue = i + 1 < argc;
        if (arg == "--child" && hasValue) {
            const auto mode = QByteArray(argv[i + 1]);
            if (mode == "coldstart")
                return coldStartChild(argc, argv);
            const int seconds = i + 3 < argc && QByteArray(argv[i + 2]) == "--seconds" ? std::atoi(argv[i + 3]) : 10;
            const int nice = i + 5 < argc && QByteArray(argv[i + 4]) == "--nice" ? std::atoi(argv[i + 5]) : 0;
            return windowChild(argc, argv, seconds, nice);
        }
        if (arg == "--json" && hasValue)
            jsonPath = QString::fromLocal8Bit(argv[++i]);
        else if (arg == "--worker-nice" && hasValue)
            config.workerNice = std::atoi(argv[++i]);
        else if (arg == "--quick")
            config.quick = true;
        else if (arg == "--reps" && hasValue)
            config.repetitions = std::max(1, std::atoi(argv[++i]));
        else if (arg == "--only" && hasValue)
            config.only = QString::fromLocal8Bit(argv[++i]).split(QLatin1Char(','));
        else
            return usage();
    }
    if (config.quick && config.repetitions == Config::DefaultRepetitions)
        config.repetitions = 2;

    QCoreApplication app(argc, argv);
    QList<Figure> figures;
    const auto section = [&](const char* name, const QList<Figure>& more) {
        std::fprintf(stderr, "[bench] %s done\n", name);
        figures.append(more);
    };
    section("engine", engineBenchmarks(config));
    section("telemetry", telemetryBenchmarks(config));
    section("accounting", accountingBenchmarks(config));
    section("ipc", ipcBenchmarks(config));
    section("window", windowBenchmarks(config, QCoreApplication::applicationFilePath()));

    std::printf("%-46s %14s %-6s %-16s %s\n", "figure", "value", "unit", "target", "met?");
    QJsonArray entries;
    int missed = 0;
    for (const auto& f : figures) {
        const char* met = !f.met ? "-" : *f.met ? "yes" : "NO";
        missed += f.met && !*f.met ? 1 : 0;
        std::printf("%-46s %14s %-6s %-16s %s\n", qPrintable(f.label), qPrintable(formatValue(f.value)),
            qPrintable(f.unit), qPrintable(f.target.isEmpty() ? QStringLiteral("(info)") : f.target), met);
        QJsonObject entry {{QStringLiteral("key"), f.key}, {QStringLiteral("label"), f.label},
            {QStringLiteral("value"), f.value}, {QStringLiteral("unit"), f.unit}, {QStringLiteral("target"), f.target},
            {QStringLiteral("met"), f.met ? QJsonValue(*f.met) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("detail"), f.detail}};
        entries.append(entry);
    }
    std::printf("%d target(s) missed\n", missed);

    if (!jsonPath.isEmpty()) {
        const QJsonObject doc {
            {QStringLiteral("machine"),
                QJsonObject {{QStringLiteral("cpu"), cpuModel()},
                    {QStringLiteral("cores"), QThread::idealThreadCount()},
                    {QStringLiteral("kernel"), QSysInfo::kernelVersion()}}},
            {QStringLiteral("quick"), config.quick},
            {QStringLiteral("repetitions"), config.repetitions},
            {QStringLiteral("figures"), entries},
        };
        QFile file(jsonPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(doc).toJson()) < 0) {
            std::fprintf(stderr, "cannot write %s: %s\n", qPrintable(jsonPath), qPrintable(file.errorString()));
            return 1;
        }
    }
    return 0;
}
