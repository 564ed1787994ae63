// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace ProcViz {

/// Notices a run in which no worker makes progress any more (a lock whose holder died, say).
class Watchdog
{
public:
    /// @p seconds of silence make it expire; 0 disables it.
    void arm(int seconds, qint64 nowNs);
    /// Progress was seen, or the silence is explained (a user's pause): start counting again.
    void reset(qint64 nowNs) { m_lastProgressNs = nowNs; }
    bool expired(qint64 nowNs) const;
    int seconds() const { return m_seconds; }

private:
    int m_seconds = 0;
    qint64 m_lastProgressNs = 0;
};

} // namespace ProcViz
