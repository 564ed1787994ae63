// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSocketNotifier>

#include <csignal>
#include <functional>
#include <memory>

namespace ProcViz {

/// While it lives, SIGINT and SIGTERM call @p onSignal from the event loop instead of killing the process.
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

    static inline int s_pipe[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
    struct sigaction m_oldInt = {};
    struct sigaction m_oldTerm = {};
};

} // namespace ProcViz
