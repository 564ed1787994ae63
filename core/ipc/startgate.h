// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "telemetry/telemetryrecord.h"

#include <atomic>
#include <cstdint>
#include <sched.h>

namespace ProcViz {

/// Lives in shared memory (zero-filled): workers that pass it begin together, so they really overlap.
///
/// Without it a quick worker could finish before the next one starts and no update would ever be lost.
struct StartGate
{
    static constexpr std::int64_t TimeoutNs = 5'000'000'000;

    std::atomic<std::int32_t> arrived;

    /// Returns once @p workers have arrived. Yields rather than sleeps: a sleeper wakes a scheduler tick late.
    /// A worker killed before it arrives only delays the others by the timeout.
    void pass(int workers)
    {
        arrived.fetch_add(1);
        const auto deadline = monotonicNowNs() + TimeoutNs;
        while (arrived.load() < workers && monotonicNowNs() < deadline)
            sched_yield();
    }
};

} // namespace ProcViz
