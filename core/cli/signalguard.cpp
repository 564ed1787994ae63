// SPDX-License-Identifier: GPL-3.0-or-later
#include "signalguard.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace ProcViz {

SignalGuard::SignalGuard(std::function<void(int)> onSignal)
{
    if (pipe2(s_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    m_notifier = std::make_unique<QSocketNotifier>(s_pipe[0], QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [onSignal] {
        unsigned char signal = 0;
        while (::read(s_pipe[0], &signal, 1) == 1)
            onSignal(signal);
    });
    struct sigaction action = {};
    action.sa_handler = &SignalGuard::handler;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < Signals.size(); ++i)
        sigaction(Signals[i], &action, &m_old[i]);
}

SignalGuard::~SignalGuard()
{
    if (!m_notifier)
        return;
    for (size_t i = 0; i < Signals.size(); ++i)
        sigaction(Signals[i], &m_old[i], nullptr);
    m_notifier.reset();
    ::close(s_pipe[0]);
    ::close(s_pipe[1]);
    s_pipe[0] = s_pipe[1] = -1;
}

void SignalGuard::handler(int signal)
{
    const int savedErrno = errno;
    const auto byte = static_cast<unsigned char>(signal);
    [[maybe_unused]] const auto written = ::write(s_pipe[1], &byte, 1);
    errno = savedErrno;
}

} // namespace ProcViz
