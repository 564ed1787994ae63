// SPDX-License-Identifier: GPL-3.0-or-later
#include "pacing.h"

#include "telemetry/stateclock.h"

#include <algorithm>
#include <cerrno>
#include <ctime>

namespace ProcViz {

namespace {
void sleepNs(std::int64_t ns)
{
    timespec duration {time_t(ns / 1'000'000'000), long(ns % 1'000'000'000)};
    while (nanosleep(&duration, &duration) != 0 && errno == EINTR) { }
}
} // namespace

void Pacing::sleepMs(StateClock& clock, std::int64_t ms, const std::function<void()>& heartbeat)
{
    if (ms <= 0)
        return;
    const auto before = clock.state();
    clock.enter(WorkerState::Sleeping);
    clock.announce(); // a millisecond or more: the window shows it while it lasts
    for (std::int64_t left = ms * 1'000'000; left > 0;) {
        const auto step = std::min(left, HeartbeatNs);
        sleepNs(step);
        left -= step;
        if (heartbeat && left > 0)
            heartbeat();
    }
    clock.enter(before);
}

std::int64_t Pacing::quantile(QList<std::int64_t>& values, double fraction)
{
    if (values.isEmpty())
        return 0;
    const auto rank
        = std::clamp<qsizetype>(qsizetype(fraction * double(values.size()) + 0.999999) - 1, 0, values.size() - 1);
    std::nth_element(values.begin(), values.begin() + rank, values.end());
    return values.at(rank);
}

std::int64_t ReportingWait::acquire(sem_t* semaphore)
{
    if (sem_trywait(semaphore) == 0)
        return 0;
    const auto before = m_clock.state();
    const auto waitFrom = monotonicNowNs();
    m_clock.enter(WorkerState::Waiting, waitFrom);
    // A short grace first: most waits in a busy queue end within it, and need no record of their own.
    const auto grace = waitFrom + StateClock::IntervalMinNs;
    timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline); // sem_timedwait measures against the realtime clock
    deadline.tv_nsec += StateClock::IntervalMinNs;
    if (deadline.tv_nsec >= 1'000'000'000) {
        deadline.tv_nsec -= 1'000'000'000;
        ++deadline.tv_sec;
    }
    int result;
    while ((result = sem_timedwait(semaphore, &deadline)) != 0 && errno == EINTR) { }
    if (result != 0) {
        m_clock.tick(std::max(grace, monotonicNowNs()));
        while (sem_wait(semaphore) != 0 && errno == EINTR) { }
    }
    const auto takenNs = monotonicNowNs();
    m_clock.enter(before, takenNs);
    return takenNs;
}

} // namespace ProcViz
