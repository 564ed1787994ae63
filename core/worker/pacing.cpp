// SPDX-License-Identifier: GPL-3.0-or-later
#include "pacing.h"

#include "telemetry/telemetrywriter.h"

#include <algorithm>
#include <cerrno>
#include <ctime>

namespace ProcViz {

namespace {
constexpr long GraceNs = 1'000'000;

void sleepNs(std::int64_t ns)
{
    timespec duration {time_t(ns / 1'000'000'000), long(ns % 1'000'000'000)};
    while (nanosleep(&duration, &duration) != 0 && errno == EINTR) { }
}
} // namespace

void Pacing::sleepMs(std::int64_t ms, const std::function<void()>& heartbeat)
{
    for (std::int64_t left = ms * 1'000'000; left > 0;) {
        const auto step = std::min(left, HeartbeatNs);
        sleepNs(step);
        left -= step;
        if (heartbeat && left > 0)
            heartbeat();
    }
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

void ReportingWait::acquire(sem_t* semaphore)
{
    if (sem_trywait(semaphore) == 0)
        return;
    timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline); // sem_timedwait measures against the realtime clock
    deadline.tv_nsec += GraceNs;
    if (deadline.tv_nsec >= 1'000'000'000) {
        deadline.tv_nsec -= 1'000'000'000;
        ++deadline.tv_sec;
    }
    int result;
    while ((result = sem_timedwait(semaphore, &deadline)) != 0 && errno == EINTR) { }
    if (result == 0)
        return;
    m_telemetry.state(WorkerState::Waiting);
    while (sem_wait(semaphore) != 0 && errno == EINTR) { }
    m_telemetry.state(WorkerState::Running);
}

} // namespace ProcViz
