// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QList>

#include <optional>

namespace ProcViz {

/// What the engine asks the spawner for: one worker, described completely, so the spawner keeps no state
/// between requests. The descriptors themselves travel beside it as SCM_RIGHTS, in the order of
/// descriptorTargets.
struct SpawnRequest
{
    /// The worker's argv: `procviz-worker <scenario> <role> <index>`; shown by ps as the process title.
    QByteArrayList arguments;
    /// The worker's whole environment, `NAME=value` each.
    QByteArrayList environment;
    /// The number each passed descriptor gets inside the worker (the telemetry pipe, stdin, a channel's end).
    QList<int> descriptorTargets;
    int nice = 0; ///< applied before the worker runs when above 0; 0 keeps the spawner's own

    QByteArray encode() const;
    static std::optional<SpawnRequest> decode(const QByteArray& bytes);
};

/// The spawner's answer: the new worker's PID, or the errno that kept it from existing.
struct SpawnReply
{
    qint64 pid = 0;
    int error = 0;
};

/// One request or reply a message, over a SOCK_SEQPACKET socket pair: the socket keeps message boundaries,
/// so neither side needs framing, and a peer that dies shows up as end of file on the next read.
namespace SpawnChannel {
/// The descriptor number the spawner finds its end of the socket at.
constexpr int SpawnerFd = 3;
/// The spawner's first message when it can clone itself; any other first message says why it cannot.
/// (Not empty: a message of no bytes cannot be told from end of file.)
inline const QByteArray Ready = QByteArrayLiteral("ready");
/// At most this many descriptors a request (the kernel's limit for one SCM_RIGHTS message is 253).
constexpr int MaxDescriptors = 32;

/// Sends @p bytes and @p descriptors as one message; errno is set when it returns false.
bool send(int socket, const QByteArray& bytes, const QList<int>& descriptors = {});
/// Receives one message; the descriptors arrive with FD_CLOEXEC set. An empty optional means end of file
/// (the peer is gone) or an error (errno is set then, and 0 for end of file).
std::optional<QByteArray> receive(int socket, QList<int>* descriptors = nullptr);
} // namespace SpawnChannel

} // namespace ProcViz
