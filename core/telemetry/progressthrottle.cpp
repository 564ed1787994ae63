// SPDX-License-Identifier: GPL-3.0-or-later
#include "progressthrottle.h"

#include "telemetryrecord.h"

namespace ProcViz {

ProgressThrottle::ProgressThrottle(std::int64_t total)
    : m_total(total > 0 ? total : 1)
{ }

bool ProgressThrottle::shouldReport(std::int64_t done, std::int64_t nowNs)
{
    if (m_reportedEnd)
        return false;
    const auto permille = done * 1000 / m_total;
    if (done >= m_total) {
        m_reportedEnd = true;
    } else if (m_lastPermille >= 0 && (permille == m_lastPermille || nowNs - m_lastReportNs < MinIntervalNs)) {
        return false;
    }
    m_lastPermille = permille;
    m_lastReportNs = nowNs;
    return true;
}

bool ProgressThrottle::shouldReport(std::int64_t done)
{
    if (m_reportedEnd || (done < m_total && m_lastPermille >= 0 && done * 1000 / m_total == m_lastPermille))
        return false;
    return shouldReport(done, monotonicNowNs());
}

} // namespace ProcViz
