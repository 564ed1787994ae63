// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace ProcViz {

/// Decides when a worker's progress is worth a record: a change of at least 1/1000 of the total and
/// at least MinIntervalNs since the last report (the first and the last report always pass).
/// This keeps reporting far under 1 % of the work however fast the loop runs.
class ProgressThrottle
{
public:
    static constexpr std::int64_t MinIntervalNs = 10'000'000; // 100 reports per second at most

    explicit ProgressThrottle(std::int64_t total);

    bool shouldReport(std::int64_t done, std::int64_t nowNs);
    /// The same, reading the clock itself and only when the progress moved by a permille: in a tight loop a
    /// clock read can cost as much as the work between two calls (some 100 ns on a virtual machine).
    bool shouldReport(std::int64_t done);

private:
    std::int64_t m_total;
    std::int64_t m_lastPermille = -1;
    std::int64_t m_lastReportNs = 0;
    bool m_reportedEnd = false;
};

} // namespace ProcViz
