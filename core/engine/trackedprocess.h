// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "telemetry/telemetryrecord.h"

#include <QByteArrayView>
#include <QObject>

#include <optional>
#include <vector>

namespace ProcViz {

/// A process of a run as the engine follows it, whichever way it came to be: a worker the engine spawned
/// (WorkerProcess, its own child) or a process the program under observation created itself
/// (ObservedProcess, e.g. a Python child). The engine asks the same of both: is it alive, has it ended and
/// how, signal it, and what it reported.
class TrackedProcess : public QObject
{
    Q_OBJECT
public:
    qint64 pid() const { return m_pid; }
    bool isAlive() const { return !m_reaped; } ///< not yet reaped: running, or a zombie waiting to be joined
    bool hasDied() const { return m_diedAtNs > 0; }
    qint64 diedAtNs() const { return m_diedAtNs; } ///< when the engine saw it end (0 before)
    qint64 exitedAtNs() const { return m_exitedAtNs; } ///< when it was reaped
    std::optional<int> exitCode() const { return m_exitCode; }
    std::optional<int> termSignal() const { return m_signal; }
    double cpuSeconds() const { return m_cpuSeconds; } ///< exact once reaped, where the reaper could tell

    virtual bool sendSignal(int signal) const = 0;
    /// SIGKILL, and wait for the end, synchronously.
    virtual void killNow() = 0;
    /// Reaps a zombie now instead of after a join delay (the run is being stopped), where that is the engine's.
    virtual void joinNow() = 0;
    /// The parent joins the process this long after it ended; until then it is a zombie. 0: at once.
    virtual void setJoinDelayMs(int ms) { Q_UNUSED(ms) }
    /// Writes to the process's standard input; false if there is none, it would block, or the process is gone.
    virtual bool writeInput(QByteArrayView bytes) const;

    /// Records it reported another way than its own channel (the observer's socket), in order.
    void deliver(const TelemetryRecord& record);
    /// Records received since the last call; malformed input is counted, never passed on.
    std::vector<TelemetryRecord> takeRecords();
    virtual quint64 takeMalformedCount() { return 0; }

Q_SIGNALS:
    void recordsArrived();
    void died(); ///< it ended and is a zombie until exited(); every record it wrote has been read before this
    void exited(); ///< reaped; died() came first

protected:
    explicit TrackedProcess(qint64 pid)
        : m_pid(pid)
    { }

    qint64 m_pid;
    std::vector<TelemetryRecord> m_records;
    bool m_reaped = false;
    std::optional<int> m_exitCode;
    std::optional<int> m_signal;
    double m_cpuSeconds = 0;
    qint64 m_diedAtNs = 0;
    qint64 m_exitedAtNs = 0;
};

} // namespace ProcViz
