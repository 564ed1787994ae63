// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/workerstate.h"

#include <QList>

#include <cstdint>
#include <functional>
#include <semaphore.h>

namespace ProcViz {

class StateClock;

/// Small tools the communication scenarios (queue, pipe, pool) share inside their worker processes.
namespace Pacing {

/// The longest stretch a pacing sleep goes without a heartbeat: well under the watchdog's second.
constexpr std::int64_t HeartbeatNs = 200'000'000;

/// The lesson's own pause (time.sleep): @p ms in state Sleeping on @p clock, then back to the state before.
/// Calls @p heartbeat at least every HeartbeatNs (e.g. to repeat the progress so far, which tells the watchdog
/// that a deliberately slow worker is not stuck).
void sleepMs(StateClock& clock, std::int64_t ms, const std::function<void()>& heartbeat = {});

/// The @p fraction quantile (0.5 = median) of @p values by nearest rank; 0 for none. Reorders @p values.
std::int64_t quantile(QList<std::int64_t>& values, double fraction);

} // namespace Pacing

/// sem_wait that accounts for the time it blocks: a free semaphore is taken without even a clock read; a
/// taken one puts the lane in state Waiting until it is free, then back in the state it was in. A wait that
/// passes StateClock::IntervalMinNs is announced, so the window shows it while it lasts.
class ReportingWait
{
public:
    explicit ReportingWait(StateClock& clock)
        : m_clock(clock)
    { }

    /// Returns when the semaphore was taken (CLOCK_MONOTONIC), or 0 when it was free at once.
    std::int64_t acquire(sem_t* semaphore);

private:
    StateClock& m_clock;
};

} // namespace ProcViz
