// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/workerstate.h"

#include <QList>

#include <cstdint>
#include <functional>
#include <semaphore.h>

namespace ProcViz {

class TelemetryWriter;

/// Small tools the communication scenarios (queue, pipe, pool) share inside their worker processes.
namespace Pacing {

/// The longest stretch a pacing sleep goes without a heartbeat: well under the watchdog's second.
constexpr std::int64_t HeartbeatNs = 200'000'000;

/// Sleeps @p ms, calling @p heartbeat at least every HeartbeatNs (e.g. to repeat the progress so far, which
/// tells the watchdog that a deliberately slow worker is not stuck).
void sleepMs(std::int64_t ms, const std::function<void()>& heartbeat = {});

/// The @p fraction quantile (0.5 = median) of @p values by nearest rank; 0 for none. Reorders @p values.
std::int64_t quantile(QList<std::int64_t>& values, double fraction);

} // namespace Pacing

/// sem_wait that tells the engine when it blocks: a free semaphore is taken without a record; one that
/// stays taken for more than a millisecond makes the worker report Waiting, then Running once it has it.
/// The grace keeps a throughput run from sending two records for every brief wait.
class ReportingWait
{
public:
    explicit ReportingWait(const TelemetryWriter& telemetry)
        : m_telemetry(telemetry)
    { }

    void acquire(sem_t* semaphore);

private:
    const TelemetryWriter& m_telemetry;
};

} // namespace ProcViz
