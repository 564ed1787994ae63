// SPDX-License-Identifier: GPL-3.0-or-later
#include "busywork.h"

#include "telemetry/progressthrottle.h"
#include "telemetry/stateclock.h"

#include <algorithm>

namespace ProcViz {

std::uint64_t BusyWork::add(std::uint64_t sum, std::int64_t first, std::int64_t count)
{
    for (std::int64_t i = first; i < first + count; ++i) {
        sum += std::uint64_t(i);
        // An empty asm that "may change" sum: the loop stays a real loop of additions.
        asm volatile("" : "+r"(sum));
    }
    return sum;
}

std::uint64_t BusyWork::expectedSum(std::int64_t iterations)
{
    const auto n = std::uint64_t(iterations);
    return n % 2 == 0 ? (n / 2) * (n - 1) : n * ((n - 1) / 2);
}

void BusyWork::computeFor(std::int64_t ns, std::int64_t fromNs)
{
    if (ns <= 0)
        return;
    const auto until = fromNs + ns;
    std::uint64_t x = 0;
    while (monotonicNowNs() < until) {
        for (int i = 0; i < 16; ++i) {
            x += std::uint64_t(i);
            asm volatile("" : "+r"(x));
        }
    }
}

std::uint64_t BusyWork::run(std::int64_t iterations, StateClock& clock, const std::function<void()>& betweenChunks)
{
    ProgressThrottle throttle(iterations);
    std::uint64_t sum = 0;
    if (throttle.shouldReport(0))
        clock.progress(0, iterations);
    for (std::int64_t done = 0; done < iterations;) {
        const auto count = std::min(ChunkIterations, iterations - done);
        sum = add(sum, done, count);
        done += count;
        if (throttle.shouldReport(done))
            clock.progress(done, iterations);
        if (betweenChunks)
            betweenChunks();
    }
    return sum;
}

} // namespace ProcViz
