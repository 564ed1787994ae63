// SPDX-License-Identifier: GPL-3.0-or-later
#include "observedprocess.h"

#include "pidfd.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <unistd.h>

namespace ProcViz {

namespace {
/// How often a process that ended is looked for in /proc, until its parent reaped it.
constexpr int GoneCheckMs = 20;
constexpr int KillWaitMs = 1000;
/// How long the parent's report of an exit status is waited for once the process is gone from /proc.
constexpr int ReportGraceMs = 250;

bool inProcTable(qint64 pid)
{
    return QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid));
}
} // namespace

std::unique_ptr<ObservedProcess> ObservedProcess::watch(qint64 pid, QString* error)
{
    const int pidFd = pidfdOpen(pid_t(pid));
    if (pidFd < 0) {
        *error = QCoreApplication::translate("ProcViz::ObservedProcess", "Cannot watch process %1: %2")
                     .arg(pid)
                     .arg(QString::fromLocal8Bit(strerror(errno)));
        return nullptr;
    }
    return std::unique_ptr<ObservedProcess>(new ObservedProcess(pid, pidFd));
}

ObservedProcess::ObservedProcess(qint64 pid, int pidFd)
    : TrackedProcess(pid)
    , m_pidFd(pidFd)
    , m_exitNotifier(std::make_unique<QSocketNotifier>(pidFd, QSocketNotifier::Read))
{
    connect(m_exitNotifier.get(), &QSocketNotifier::activated, this, &ObservedProcess::onPidFdReadable);
    m_goneCheck.setInterval(GoneCheckMs);
    connect(&m_goneCheck, &QTimer::timeout, this, &ObservedProcess::joinNow);
    m_reportGrace.setSingleShot(true);
    connect(&m_reportGrace, &QTimer::timeout, this, [this] { markReaped(monotonicNowNs()); });
}

ObservedProcess::~ObservedProcess()
{
    if (!hasDied())
        sendSignal(SIGKILL);
    m_exitNotifier.reset();
    ::close(m_pidFd);
}

bool ObservedProcess::sendSignal(int signal) const
{
    return !hasDied() && pidfdSendSignal(m_pidFd, signal) == 0;
}

void ObservedProcess::killNow()
{
    if (hasDied())
        return;
    pidfdSendSignal(m_pidFd, SIGKILL);
    pollfd ended {m_pidFd, POLLIN, 0};
    while (::poll(&ended, 1, KillWaitMs) < 0 && errno == EINTR) { }
    if ((ended.revents & POLLIN) != 0)
        onPidFdReadable();
}

void ObservedProcess::joinNow()
{
    if (m_reaped || !hasDied() || m_reportGrace.isActive() || inProcTable(m_pid))
        return;
    m_goneCheck.stop();
    m_reportGrace.start(ReportGraceMs);
}

void ObservedProcess::setExitStatus(int status, qint64 whenNs)
{
    if (m_reaped)
        return;
    if (status >= 0)
        m_exitCode = status;
    else
        m_signal = -status;
    if (!hasDied()) {
        // The parent's report overtook the pidfd: the end is certain all the same.
        m_diedAtNs = whenNs;
        m_exitNotifier->setEnabled(false);
        Q_EMIT died();
    }
    markReaped(whenNs);
}

void ObservedProcess::onPidFdReadable()
{
    m_exitNotifier->setEnabled(false);
    if (hasDied())
        return;
    m_diedAtNs = monotonicNowNs();
    Q_EMIT died();
    m_goneCheck.start();
    joinNow();
}

void ObservedProcess::markReaped(qint64 whenNs)
{
    m_goneCheck.stop();
    m_reportGrace.stop();
    m_reaped = true;
    m_exitedAtNs = std::max(whenNs, m_diedAtNs);
    Q_EMIT exited();
}

} // namespace ProcViz
