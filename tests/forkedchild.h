// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <csignal>
#include <ctime>
#include <sys/wait.h>
#include <unistd.h>

/// A forked copy of the test process running one function, whose return value is its exit code. The child
/// leaves with _exit(): no test framework, no destructors of the parent's objects. A child still running when
/// its ForkedChild goes away is killed and reaped, so a failing test leaves no process behind.
class ForkedChild
{
public:
    template<typename Body>
    explicit ForkedChild(Body body)
        : m_pid(fork())
    {
        if (m_pid == 0)
            _exit(body());
    }
    ~ForkedChild()
    {
        if (m_pid > 0) {
            kill(m_pid, SIGKILL);
            waitpid(m_pid, nullptr, 0);
        }
    }
    ForkedChild(const ForkedChild&) = delete;
    ForkedChild& operator=(const ForkedChild&) = delete;

    pid_t pid() const { return m_pid; }

    /// Its exit code once it has ended; -1 when it did not end within @p timeoutMs (then it is killed) or did not
    /// exit normally.
    int wait(int timeoutMs = 20'000)
    {
        if (m_pid <= 0)
            return -1;
        int status = 0;
        for (int waited = 0; waitpid(m_pid, &status, WNOHANG) == 0; waited += 5) {
            if (waited >= timeoutMs) {
                kill(m_pid, SIGKILL);
                waitpid(m_pid, nullptr, 0);
                m_pid = -1;
                return -1;
            }
            const timespec step {0, 5'000'000};
            nanosleep(&step, nullptr);
        }
        m_pid = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }

private:
    pid_t m_pid;
};
