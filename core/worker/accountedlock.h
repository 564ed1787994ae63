// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ipc/sharedmutex.h"

#include <atomic>
#include <cstdint>
#include <functional>

namespace ProcViz {

class StateClock;
class TelemetryWriter;

/// Who is inside a shared lock and who left it last: lives in shared memory next to the mutex (zero-filled).
struct LockStamp
{
    std::atomic<std::int32_t> holder; ///< pid inside, 0 when none: `--kill holder`, and a stall explained
    std::atomic<std::int32_t> lastReleaser;
    std::atomic<std::int64_t> lastReleaseNs;
};

/// A worker's side of a process-shared mutex, with its time accounted on the worker's StateClock: waiting
/// while the mutex is taken by another, holding while inside, and a hand-off from the last holder when the
/// wait lasted a millisecond or more (shorter ones would flood the window with arrows).
///
/// A free mutex costs no extra clock read; the records go out only after unlock(), so a write() that blocks
/// (the engine busy) never keeps the others out.
class AccountedLock
{
public:
    AccountedLock(pthread_mutex_t* mutex, LockStamp& stamp, StateClock& clock, const TelemetryWriter& telemetry);

    /// Takes the mutex (see SharedMutex::lock) and returns when it was taken, for the work inside to start from.
    /// @p deadHolder gets the pid of a holder that died holding it (a robust mutex, recovered), else 0.
    std::int64_t lock(std::int32_t* deadHolder = nullptr);
    /// Leaves it, then reports the hold (and the hand-off, after a long wait).
    void unlock();

private:
    SharedMutex m_mutex;
    LockStamp& m_stamp;
    StateClock& m_clock;
    const TelemetryWriter& m_telemetry;
    const std::int32_t m_pid;
    const std::function<void()> m_blocked; ///< made once: one built per lock would cost more than the lock
    const std::function<void()> m_stillWaiting;
    bool m_longWait = false;
    std::int64_t m_acquiredNs = 0;
    std::int32_t m_giver = 0;
    std::int64_t m_givenNs = 0;
};

} // namespace ProcViz
