// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "faultaction.h"

#include <QList>
#include <QString>

#include <optional>

namespace ProcViz {

/// How the engine runs any scenario, as opposed to the scenario's own parameters.
struct RunOptions
{
    static constexpr int DefaultWatchdogSeconds = 3;
    static constexpr int MaxWatchdogSeconds = 3600;
    static constexpr int DefaultCpuLimitSeconds = 600;
    static constexpr int DefaultTimeLimitSeconds = 1800;
    static constexpr int MaxLimitSeconds = 86400;

    QList<FaultAction> faults;
    /// When no worker makes progress for this long the run ends as a deadlock; 0 turns the watchdog off.
    int watchdogSeconds = DefaultWatchdogSeconds;
    /// CPU seconds each worker may use (RLIMIT_CPU; past it the kernel sends SIGXCPU): no endless worker.
    int cpuLimitSeconds = DefaultCpuLimitSeconds;
    /// Wall-clock seconds a whole run may last before the engine stops it.
    int timeLimitSeconds = DefaultTimeLimitSeconds;
    static constexpr int MaxWorkerNice = 19;
    /// The nice value workers start with, set before their first instruction of scenario code: the window
    /// uses 19 so that it keeps its share of the CPU; the command line keeps 0, for honest timings.
    int workerNice = 0;

    /// What runs the lesson: ProcViz's own C++ workers, or the lesson's Python program under CPython.
    enum class Runtime
    {
        Cpp,
        Python,
    };
    Runtime runtime = Runtime::Cpp;
    /// The interpreter for Runtime::Python: a path, or empty for `python3` on PATH.
    QString python;

    static QString runtimeId(Runtime runtime);
    static std::optional<Runtime> runtimeFromId(QStringView id);

    /// What is wrong with these options for a run whose largest phase has @p largestPhase workers; empty if fine.
    QString check(qsizetype largestPhase) const;
};

} // namespace ProcViz
