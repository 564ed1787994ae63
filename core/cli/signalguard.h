// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSocketNotifier>

#include <array>
#include <csignal>
#include <functional>
#include <memory>

namespace ProcViz {

/// While it lives, SIGINT, SIGTERM, SIGTSTP (Ctrl-Z) and SIGCONT call @p onSignal from the event loop
/// instead of acting on the process directly.
///
/// Ctrl-C must stop the workers, not orphan them: the handler only writes the signal number to a pipe,
/// and the event loop reads it and stops the run like the window's Stop button does.
class SignalGuard
{
public:
    explicit SignalGuard(std::function<void(int)> onSignal);
    ~SignalGuard();

    SignalGuard(const SignalGuard&) = delete;
    SignalGuard& operator=(const SignalGuard&) = delete;

private:
    static void handler(int signal);

    static constexpr std::array<int, 4> Signals = {SIGINT, SIGTERM, SIGTSTP, SIGCONT};
    static inline int s_pipe[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
    std::array<struct sigaction, Signals.size()> m_old = {};
};

} // namespace ProcViz
