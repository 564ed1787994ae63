// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "faultaction.h"

#include <QList>

namespace ProcViz {

/// How the engine runs any scenario, as opposed to the scenario's own parameters.
struct RunOptions
{
    static constexpr int DefaultWatchdogSeconds = 3;
    static constexpr int MaxWatchdogSeconds = 3600;

    QList<FaultAction> faults;
    /// When no worker makes progress for this long the run ends as a deadlock; 0 turns the watchdog off.
    int watchdogSeconds = DefaultWatchdogSeconds;
};

} // namespace ProcViz
