// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trackedprocess.h"

#include <QTimer>

#include <memory>

class QSocketNotifier;

namespace ProcViz {

/// A process the observed program created itself (a Python child, a pool worker, the forkserver): known
/// from its own reports and watched through a pidfd, but not the engine's child. Its parent reaps it and,
/// through the observer, says how it ended (setExitStatus()); one whose parent never says (the parent was
/// killed first) counts as reaped once it is gone from /proc, its status unknown.
class ObservedProcess : public TrackedProcess
{
    Q_OBJECT
public:
    /// nullptr and @p error set when the process cannot be watched (it has already gone, or pidfd_open is
    /// missing).
    static std::unique_ptr<ObservedProcess> watch(qint64 pid, QString* error);
    ~ObservedProcess() override; ///< kills it if it still runs: nothing of a run outlives it

    /// By pidfd: never a process that got the PID after this one was reaped.
    bool sendSignal(int signal) const override;
    /// SIGKILL, then waits (at most a second) for the kernel to tear it down.
    void killNow() override;
    /// Not the engine's to join: looks whether its parent has reaped it by now.
    void joinNow() override;

    /// Its parent reaped it: @p status is the exit code (≥ 0) or the negated signal, at @p whenNs.
    void setExitStatus(int status, qint64 whenNs);

private:
    ObservedProcess(qint64 pid, int pidFd);
    void onPidFdReadable();
    void markReaped(qint64 whenNs);

    int m_pidFd;
    std::unique_ptr<QSocketNotifier> m_exitNotifier;
    QTimer m_goneCheck; ///< after its end, until it is gone from /proc or its parent reported it
    /// Gone from /proc means its parent reaped it, and the parent's report of how may still be on its way.
    QTimer m_reportGrace;
};

} // namespace ProcViz
