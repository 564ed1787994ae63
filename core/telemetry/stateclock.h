// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "telemetryrecord.h"

namespace ProcViz {

class TelemetryWriter;

/// Measures, on the worker's own monotonic clock, how long one lane spends in each state, and reports all of
/// it without flooding the channel:
/// - a state that lasts at least IntervalMinNs goes out as an interval of its own;
/// - shorter ones (a lock taken for a few microseconds, thousands of times) are summed per window of at most
///   10 ms and go out as one Mix record: nanoseconds per state in that window;
/// - a state that may last (a sleep, a wait past its first millisecond, a long stretch of work) is announced
///   as an open interval at once, so the window shows it while it lasts.
/// Every nanosecond from start() to finish() belongs to exactly one state in exactly one record.
///
/// One per lane, used by that lane's thread only. The caller passes the time it read anyway (the moment
/// a lock was taken): the clock itself reads no clock in enter().
class StateClock
{
public:
    static constexpr std::int64_t IntervalMinNs = 1'000'000;
    /// A mix window goes out once it spans this much; with parts under IntervalMinNs it never exceeds 10 ms.
    static constexpr std::int64_t MixWindowNs = 9'000'000;

    explicit StateClock(const TelemetryWriter& telemetry, int lane = 0);

    /// Accounting is on unless $PROCVIZ_STATE_ACCOUNTING is "off": the benchmark measures what it costs. Off,
    /// a lane reports its start and end only, and enter() reads no clock.
    static bool accounting();

    /// The lane begins at @p nowNs in @p initial state (announced); @p laneCount as for TelemetryWriter::started().
    void start(WorkerState initial = WorkerState::Running, int laneCount = 1, std::int64_t nowNs = monotonicNowNs());
    /// Leaves the current state for @p next at @p nowNs. No record while both are short.
    void enter(WorkerState next, std::int64_t nowNs);
    /// The same, reading the clock only when accounting is on.
    void enter(WorkerState next)
    {
        if (next != m_state)
            enter(next, m_accounting ? monotonicNowNs() : 0);
    }
    /// The current state may last: the engine hears of it now, as an open interval (once).
    void announce();
    /// Announces a state that has lasted IntervalMinNs by @p nowNs, so long stretches of work show while
    /// they last; call it now and then (progress() does).
    void tick(std::int64_t nowNs);
    /// tick() and a progress record.
    void progress(std::int64_t done, std::int64_t total);
    /// Closes the current state at @p nowNs, sends what is summed and the Finished record with @p result.
    void finish(std::int64_t result, std::int64_t nowNs = monotonicNowNs());

    WorkerState state() const { return m_state; }
    bool isAccounting() const { return m_accounting; }
    int lane() const { return m_lane; }
    /// Nanoseconds spent in @p state so far, the current one up to its last change.
    std::int64_t totalNs(WorkerState state) const { return m_totals[size_t(state)]; }

private:
    void close(std::int64_t nowNs);
    void flushMix();

    const TelemetryWriter& m_telemetry;
    const int m_lane;
    const bool m_accounting = accounting();
    WorkerState m_state = WorkerState::Running;
    std::int64_t m_sinceNs = 0;
    bool m_announced = false; ///< the engine has the current state as an open interval
    std::int64_t m_mixBeginNs = -1; ///< -1: nothing summed
    std::int64_t m_mixEndNs = 0;
    TelemetryRecord::Shares m_mix {};
    TelemetryRecord::Shares m_totals {};
};

} // namespace ProcViz
