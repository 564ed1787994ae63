// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "spawnrequest.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QString>

#include <memory>

namespace ProcViz {

/// The run's spawner: one `procviz-worker --spawner`, started with posix_spawn like any child, which loads
/// QtCore and the scenarios once and then creates each worker by cloning itself, without an exec.
///
/// Why: starting procviz-worker afresh costs an exec and the loading and relocation of QtCore and its
/// libraries, about 2.6 ms of CPU a worker; 64 of them cannot start within 50 ms on two cores. A clone of a
/// process that has all that done already costs a tenth of it.
///
/// The spawner clones with CLONE_PARENT, so every worker is a child of this process, not of the spawner:
/// the engine reaps it by PID as before, ps shows it under the app, and its PR_SET_PDEATHSIG follows this
/// thread. Destroying the Spawner kills and reaps the spawner process (never the workers, which are the
/// caller's to end).
class Spawner
{
    Q_DECLARE_TR_FUNCTIONS(Spawner)
public:
    /// How long the spawner may take to get ready or to answer one request before it counts as hung.
    static constexpr int AnswerTimeoutMs = 10000;
    /// Bytes of argv the spawner is started with, so a worker can show its own argv there (see ProcessTitle).
    static constexpr int TitleRoom = 128;

    /// Starts @p program in spawner mode, without waiting for it to be ready (the first spawn() does, and
    /// reports a program that cannot act as spawner); nullptr and @p error set when it cannot be started.
    /// The spawner and its workers get a session of their own.
    static std::unique_ptr<Spawner> start(const QString& program, QString* error);
    ~Spawner();
    Spawner(const Spawner&) = delete;
    Spawner& operator=(const Spawner&) = delete;

    qint64 pid() const { return m_pid; }

    /// Requests sent and not yet answered may be at most this many: below the kernel's default queue of 10
    /// messages a socket (net.unix.max_dgram_qlen), so neither side can ever block the other.
    static constexpr int MaxInFlight = 8;

    /// Asks for one worker with @p descriptors installed as request.descriptorTargets says (the caller keeps
    /// its own copies of them); receivePid() tells its PID. Sending several before reading their answers
    /// saves a round trip each. False with @p error set when the request cannot be sent.
    bool send(const SpawnRequest& request, const QList<int>& descriptors, QString* error);
    /// The answer to the oldest unanswered send(): the worker's PID (a child of this process), or 0 with
    /// @p error set. Waits for it, at most AnswerTimeoutMs.
    qint64 receivePid(QString* error);

    /// No more requests: the spawner is told to end (its socket closes) and reaped once it has, from this
    /// thread's event loop; nothing waits for it. Only the destructor may follow.
    void dismiss();

    /// Readable when the spawner has said something: for callers that wait in an event loop instead.
    int socket() const { return m_socket; }
    int inFlight() const { return m_inFlight; }
    /// Reads the one message that socket() has ready: the answer to the oldest unanswered send() (a PID, or
    /// 0 with @p error set), or nothing when it was the spawner's greeting and the answer is still to come.
    std::optional<qint64> takeAnswer(QString* error);

private:
    Spawner(qint64 pid, int socket, const QString& program);
    QString describeEnd(); ///< reaps the spawner that closed its socket and says how it ended

    qint64 m_pid;
    int m_socket;
    QString m_program;
    bool m_ready = false;
    int m_inFlight = 0;
    bool m_reaped = false;
    int m_exitFd = -1; ///< a pidfd, after dismiss()
    std::unique_ptr<QSocketNotifier> m_exitWatch;
};

} // namespace ProcViz
