// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>

namespace ProcViz {

class StateClock;

/// The tutorial's CPU-bound function: add up 0, 1, ..., n-1. A fixed amount of work, never a duration.
class BusyWork
{
public:
    /// Between two chunks the worker reports progress (throttled) and may hand over an emulated GIL.
    static constexpr std::int64_t ChunkIterations = 1 << 16;

    /// Adds first, first+1, ..., first+count-1 to @p sum, one dependent addition at a time that the
    /// compiler may neither vectorise nor replace by a formula.
    static std::uint64_t add(std::uint64_t sum, std::int64_t first, std::int64_t count);
    /// What a complete run must produce: n(n-1)/2 modulo 2^64.
    static std::uint64_t expectedSum(std::int64_t iterations);

    /// Real computation from @p fromNs (CLOCK_MONOTONIC) until @p ns later: what an interpreter does between
    /// reading a value and storing it back. Nothing for @p ns <= 0.
    static void computeFor(std::int64_t ns, std::int64_t fromNs);

    /// The whole unit with progress reports on @p clock's lane; @p betweenChunks runs after every chunk.
    static std::uint64_t run(
        std::int64_t iterations, StateClock& clock, const std::function<void()>& betweenChunks = {});
};

} // namespace ProcViz
