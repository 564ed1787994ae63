// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

namespace ProcViz {

/// A descriptor that turns readable when process @p pid has exited (Linux 5.3): an event loop can wait for
/// a child's end with it, without SIGCHLD. glibc 2.36 has no wrapper for it.
inline int pidfdOpen(pid_t pid)
{
    return int(syscall(SYS_pidfd_open, pid, 0));
}

/// Signals the process behind @p pidFd (Linux 5.1): unlike kill(), never a process that got the same PID
/// after it was reaped.
inline int pidfdSendSignal(int pidFd, int signal)
{
    return int(syscall(SYS_pidfd_send_signal, pidFd, signal, nullptr, 0));
}

} // namespace ProcViz
