// SPDX-License-Identifier: GPL-3.0-or-later
#include "spawnrequest.h"

#include <QDataStream>
#include <QIODevice>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <unistd.h>

namespace ProcViz {

namespace {
// Both ends are the same build of ProcViz, but a stale procviz-worker next to a new app must be refused,
// not misread.
constexpr quint32 RequestMagic = 0x50565332; // "PVS2"
} // namespace

QByteArray SpawnRequest::encode() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << RequestMagic << arguments << environment << descriptorTargets << nice;
    return bytes;
}

std::optional<SpawnRequest> SpawnRequest::decode(const QByteArray& bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    SpawnRequest request;
    in >> magic >> request.arguments >> request.environment >> request.descriptorTargets >> request.nice;
    if (in.status() != QDataStream::Ok || magic != RequestMagic || !in.atEnd())
        return std::nullopt;
    return request;
}

namespace SpawnChannel {

bool send(int socket, const QByteArray& bytes, const QList<int>& descriptors)
{
    if (descriptors.size() > MaxDescriptors) {
        errno = EINVAL;
        return false;
    }
    iovec data {const_cast<char*>(bytes.constData()), size_t(bytes.size())};
    msghdr message {};
    message.msg_iov = &data;
    message.msg_iovlen = 1;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * MaxDescriptors)] {};
    if (!descriptors.isEmpty()) {
        const size_t size = sizeof(int) * size_t(descriptors.size());
        message.msg_control = control;
        message.msg_controllen = CMSG_SPACE(size);
        cmsghdr* header = CMSG_FIRSTHDR(&message);
        header->cmsg_level = SOL_SOCKET;
        header->cmsg_type = SCM_RIGHTS;
        header->cmsg_len = CMSG_LEN(size);
        std::memcpy(CMSG_DATA(header), descriptors.constData(), size);
    }
    ssize_t sent;
    do {
        // MSG_NOSIGNAL: a peer that is gone is an error to report, not a SIGPIPE to die of.
        sent = ::sendmsg(socket, &message, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    return sent == ssize_t(bytes.size());
}

std::optional<QByteArray> receive(int socket, QList<int>* descriptors)
{
    // A sequenced-packet socket delivers a message whole or not at all: peek at its size first.
    char probe;
    ssize_t size;
    do {
        size = ::recv(socket, &probe, 1, MSG_PEEK | MSG_TRUNC);
    } while (size < 0 && errno == EINTR);
    if (size <= 0) {
        if (size == 0)
            errno = 0;
        return std::nullopt;
    }
    QByteArray bytes(size, Qt::Uninitialized);
    iovec data {bytes.data(), size_t(size)};
    msghdr message {};
    message.msg_iov = &data;
    message.msg_iovlen = 1;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * MaxDescriptors)] {};
    message.msg_control = control;
    message.msg_controllen = sizeof control;
    ssize_t received;
    do {
        received = ::recvmsg(socket, &message, MSG_CMSG_CLOEXEC);
    } while (received < 0 && errno == EINTR);
    if (received <= 0) {
        if (received == 0)
            errno = 0;
        return std::nullopt;
    }
    // Every descriptor that arrived is ours to close, whether or not the caller wants them.
    QList<int> arrived;
    for (cmsghdr* header = CMSG_FIRSTHDR(&message); header; header = CMSG_NXTHDR(&message, header)) {
        if (header->cmsg_level != SOL_SOCKET || header->cmsg_type != SCM_RIGHTS)
            continue;
        const size_t count = (header->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (size_t i = 0; i < count; ++i) {
            int fd;
            std::memcpy(&fd, CMSG_DATA(header) + i * sizeof(int), sizeof fd);
            arrived.append(fd);
        }
    }
    const bool truncated = (message.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) != 0;
    if (truncated || !descriptors) {
        for (int fd : std::as_const(arrived))
            ::close(fd);
    } else {
        *descriptors = arrived;
    }
    if (truncated) {
        errno = EMSGSIZE;
        return std::nullopt;
    }
    return bytes;
}

} // namespace SpawnChannel

} // namespace ProcViz
