// SPDX-License-Identifier: GPL-3.0-or-later
#include "stateclock.h"

#include "telemetrywriter.h"

#include <QByteArray>

#include <algorithm>

namespace ProcViz {

StateClock::StateClock(const TelemetryWriter& telemetry, int lane)
    : m_telemetry(telemetry)
    , m_lane(lane)
{ }

bool StateClock::accounting()
{
    static const bool on = qgetenv("PROCVIZ_STATE_ACCOUNTING") != "off";
    return on;
}

void StateClock::start(WorkerState initial, int laneCount, std::int64_t nowNs)
{
    m_state = initial;
    m_sinceNs = nowNs;
    m_announced = true; // Started opens the first interval
    m_telemetry.started(m_lane, initial, laneCount, m_sinceNs);
}

void StateClock::enter(WorkerState next, std::int64_t nowNs)
{
    if (next == m_state)
        return;
    if (m_accounting)
        close(nowNs);
    else
        m_sinceNs = nowNs;
    m_state = next;
}

void StateClock::close(std::int64_t nowNs)
{
    nowNs = std::max(nowNs, m_sinceNs);
    const auto duration = nowNs - m_sinceNs;
    m_totals[size_t(m_state)] += duration;
    if (m_announced || duration >= IntervalMinNs) {
        flushMix(); // ends where this interval begins
        m_telemetry.interval(m_state, m_sinceNs, nowNs, m_lane);
    } else {
        if (m_mixBeginNs < 0)
            m_mixBeginNs = m_sinceNs;
        m_mix[size_t(m_state)] += duration;
        m_mixEndNs = nowNs;
        if (m_mixEndNs - m_mixBeginNs >= MixWindowNs)
            flushMix();
    }
    m_sinceNs = nowNs;
    m_announced = false;
}

void StateClock::flushMix()
{
    if (m_mixBeginNs < 0)
        return;
    // A window of nothing but zero-length changes has no time to report.
    if (m_mixEndNs > m_mixBeginNs)
        m_telemetry.mix(m_mixBeginNs, m_mixEndNs, m_mix, m_lane);
    m_mixBeginNs = -1;
    m_mix = {};
}

void StateClock::announce()
{
    if (m_announced || !m_accounting)
        return;
    flushMix();
    m_telemetry.interval(m_state, m_sinceNs, 0, m_lane);
    m_announced = true;
}

void StateClock::tick(std::int64_t nowNs)
{
    if (!m_announced && nowNs - m_sinceNs >= IntervalMinNs)
        announce();
}

void StateClock::progress(std::int64_t done, std::int64_t total)
{
    tick(monotonicNowNs());
    m_telemetry.progress(done, total, m_lane);
}

void StateClock::finish(std::int64_t result, std::int64_t nowNs)
{
    if (m_accounting)
        close(nowNs);
    flushMix();
    m_telemetry.finished(result, m_lane, nowNs);
}

} // namespace ProcViz
