// SPDX-License-Identifier: GPL-3.0-or-later
#include "observerchannel.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace ProcViz {

struct ObserverChannel::Connection
{
    qint64 pid = 0;
    std::unique_ptr<QSocketNotifier> notifier;
};

namespace {
/// How many messages one connection may hand over before the others get their turn.
constexpr int MessagesPerRound = 256;

sockaddr_un abstractAddress(const QByteArray& name, socklen_t* length)
{
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    // sun_path[0] stays NUL: the abstract namespace, which vanishes with the last descriptor.
    std::memcpy(address.sun_path + 1, name.constData(), size_t(name.size()));
    *length = socklen_t(offsetof(sockaddr_un, sun_path) + 1 + size_t(name.size()));
    return address;
}
} // namespace

std::unique_ptr<ObserverChannel> ObserverChannel::open(QString* error)
{
    const int listener = ::socket(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (listener < 0) {
        *error = QCoreApplication::translate("ProcViz::ObserverChannel", "Could not create the observer's socket: %1")
                     .arg(QString::fromLocal8Bit(strerror(errno)));
        return nullptr;
    }
    // Unguessable as well as unique: another user's process must not be able to connect in its place first.
    const QByteArray name = "procviz-" + QByteArray::number(getpid()) + '-'
        + QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    socklen_t length = 0;
    const auto address = abstractAddress(name, &length);
    if (::bind(listener, reinterpret_cast<const sockaddr*>(&address), length) != 0
        || ::listen(listener, SOMAXCONN) != 0) {
        *error = QCoreApplication::translate("ProcViz::ObserverChannel", "Could not listen on the observer's socket: %1")
                     .arg(QString::fromLocal8Bit(strerror(errno)));
        ::close(listener);
        return nullptr;
    }
    return std::unique_ptr<ObserverChannel>(new ObserverChannel(listener, QLatin1Char('@') + QString::fromLatin1(name)));
}

ObserverChannel::ObserverChannel(int listener, QString address)
    : m_listener(listener)
    , m_address(std::move(address))
    , m_acceptNotifier(std::make_unique<QSocketNotifier>(listener, QSocketNotifier::Read))
{
    connect(m_acceptNotifier.get(), &QSocketNotifier::activated, this, &ObserverChannel::acceptAll);
}

ObserverChannel::~ObserverChannel()
{
    const auto descriptors = m_connections.keys();
    for (int fd : descriptors)
        close(fd);
    m_acceptNotifier.reset();
    ::close(m_listener);
}

std::vector<ObserverChannel::Arrival> ObserverChannel::takeRecords()
{
    std::vector<Arrival> arrivals;
    arrivals.swap(m_arrivals);
    return arrivals;
}

QHash<qint64, quint64> ObserverChannel::takeMalformed()
{
    QHash<qint64, quint64> malformed;
    malformed.swap(m_malformed);
    return malformed;
}

void ObserverChannel::acceptAll()
{
    for (;;) {
        const int fd = ::accept4(m_listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            return; // EAGAIN: nobody else waiting; EMFILE and the like: they wait in the backlog
        }
        ucred peer {};
        socklen_t size = sizeof peer;
        if (m_connections.size() >= MaxConnections || ::getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &peer, &size) != 0
            || peer.pid <= 0) {
            ::close(fd);
            continue;
        }
        auto connection = std::make_shared<Connection>();
        connection->pid = peer.pid;
        connection->notifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
        connect(connection->notifier.get(), &QSocketNotifier::activated, this, [this, fd] { read(fd); });
        m_connections.insert(fd, connection);
        read(fd); // it may have written before we got to it
    }
}

void ObserverChannel::read(int fd)
{
    const auto connection = m_connections.value(fd);
    if (!connection)
        return;
    bool arrived = false;
    bool ended = false;
    for (int round = 0; round < MessagesPerRound; ++round) {
        TelemetryRecord record;
        const ssize_t size = ::recv(fd, &record, sizeof record, MSG_TRUNC);
        if (size < 0 && errno == EINTR)
            continue;
        if (size < 0) {
            ended = errno != EAGAIN;
            break;
        }
        if (size == 0) {
            ended = true;
            break;
        }
        // The kernel, not the record, says who sent it; a record from a thread names its own TID but the
        // process's PID.
        if (size != ssize_t(sizeof record) || !record.isValid() || record.pid != connection->pid) {
            ++m_malformed[connection->pid];
            continue;
        }
        m_arrivals.push_back({connection->pid, record});
        arrived = true;
    }
    if (arrived)
        Q_EMIT recordsArrived();
    if (ended) {
        const qint64 pid = connection->pid;
        close(fd);
        Q_EMIT disconnected(pid);
    }
}

void ObserverChannel::close(int fd)
{
    const auto connection = m_connections.take(fd);
    if (connection)
        connection->notifier.reset();
    ::close(fd);
}

} // namespace ProcViz
