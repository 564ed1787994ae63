// SPDX-License-Identifier: GPL-3.0-or-later
#include "runoptions.h"

#include <QCoreApplication>

namespace ProcViz {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ProcViz::RunOptions", text);
}

QString outOfRange(const char* option, int value, int minimum, int maximum)
{
    // Spelled out: lupdate would file a free function's tr() under the namespace.
    return QCoreApplication::translate(
        "ProcViz::RunOptions", "Invalid value '%1' for --%2: allowed is an integer from %3 to %4.")
        .arg(value)
        .arg(QLatin1String(option))
        .arg(minimum)
        .arg(maximum);
}
} // namespace

QString RunOptions::runtimeId(Runtime runtime)
{
    return runtime == Runtime::Python ? QStringLiteral("python") : QStringLiteral("cpp");
}

std::optional<RunOptions::Runtime> RunOptions::runtimeFromId(QStringView id)
{
    if (id == QLatin1String("cpp"))
        return Runtime::Cpp;
    if (id == QLatin1String("python"))
        return Runtime::Python;
    return std::nullopt;
}

QString RunOptions::check(qsizetype largestPhase) const
{
    for (const auto& fault : faults) {
        if (fault.workerIndex >= largestPhase) {
            return tr("--%1 targets worker %2, which this run does not have: allowed are 0 to %3, or 'holder'.")
                .arg(fault.optionName())
                .arg(fault.workerIndex)
                .arg(largestPhase - 1);
        }
    }
    if (watchdogSeconds < 0 || watchdogSeconds > MaxWatchdogSeconds)
        return outOfRange("watchdog-s", watchdogSeconds, 0, MaxWatchdogSeconds);
    if (cpuLimitSeconds < 1 || cpuLimitSeconds > MaxLimitSeconds)
        return outOfRange("cpu-limit-s", cpuLimitSeconds, 1, MaxLimitSeconds);
    if (timeLimitSeconds < 1 || timeLimitSeconds > MaxLimitSeconds)
        return outOfRange("time-limit-s", timeLimitSeconds, 1, MaxLimitSeconds);
    if (workerNice < 0 || workerNice > MaxWorkerNice)
        return outOfRange("worker-nice", workerNice, 0, MaxWorkerNice);
    return {};
}

} // namespace ProcViz
