// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchdog.h"

namespace ProcViz {

void Watchdog::arm(int seconds, qint64 nowNs)
{
    m_seconds = seconds;
    m_lastProgressNs = nowNs;
}

bool Watchdog::expired(qint64 nowNs) const
{
    return m_seconds > 0 && nowNs - m_lastProgressNs > qint64(m_seconds) * 1'000'000'000;
}

} // namespace ProcViz
