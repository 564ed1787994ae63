// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountedlock.h"

#include "telemetry/stateclock.h"
#include "telemetry/telemetrywriter.h"

#include <unistd.h>

namespace ProcViz {

AccountedLock::AccountedLock(
    pthread_mutex_t* mutex, LockStamp& stamp, StateClock& clock, const TelemetryWriter& telemetry)
    : m_mutex(mutex)
    , m_stamp(stamp)
    , m_clock(clock)
    , m_telemetry(telemetry)
    , m_pid(std::int32_t(getpid()))
    , m_blocked([this] { m_clock.enter(WorkerState::Waiting); })
    , m_stillWaiting([this] {
        m_clock.announce();
        m_longWait = true;
    })
{ }

std::int64_t AccountedLock::lock(std::int32_t* deadHolder)
{
    const auto how = m_mutex.lock(m_blocked, m_stillWaiting);
    if (deadHolder)
        *deadHolder = how == SharedMutex::Locked::FromDeadOwner ? m_stamp.holder.load() : 0;
    // The mutex orders the stores inside it, so they need no ordering of their own.
    m_stamp.holder.store(m_pid, std::memory_order_relaxed);
    m_acquiredNs = monotonicNowNs();
    m_givenNs = 0;
    if (m_longWait) {
        m_giver = m_stamp.lastReleaser.load(std::memory_order_relaxed);
        m_givenNs = m_stamp.lastReleaseNs.load(std::memory_order_relaxed);
        m_longWait = false;
    }
    return m_acquiredNs;
}

void AccountedLock::unlock()
{
    const auto released = m_clock.isAccounting() ? monotonicNowNs() : 0;
    m_stamp.lastReleaser.store(m_pid, std::memory_order_relaxed);
    m_stamp.lastReleaseNs.store(released, std::memory_order_relaxed);
    m_stamp.holder.store(0, std::memory_order_relaxed);
    m_mutex.unlock();
    // Told once the lock is free again.
    m_clock.enter(WorkerState::Holding, m_acquiredNs);
    m_clock.enter(WorkerState::Running, released);
    if (m_givenNs)
        m_telemetry.handoff(m_giver, m_givenNs, m_acquiredNs, "lock");
}

} // namespace ProcViz
