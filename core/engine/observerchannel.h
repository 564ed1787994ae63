// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "telemetry/telemetryrecord.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QSocketNotifier;

namespace ProcViz {

/// Where the processes of an observed program report (the Python runtime's observer, loaded into every
/// Python process of the run): a listening Unix socket of type SOCK_SEQPACKET in the abstract namespace, so
/// no file is ever left behind, named to the program in the environment variable Variable. Each process
/// connects on its own, whichever way it was started (fork, spawn, forkserver), and sends one 128-byte
/// record a message; the kernel keeps message boundaries, so a message of another size is refused whole.
/// The kernel also tells which process is on each connection (SO_PEERCRED): a record claiming another
/// PID is refused, so one process cannot speak for another.
class ObserverChannel : public QObject
{
    Q_OBJECT
public:
    /// Names the socket for the observer: "@<name>", '@' standing for the abstract namespace's leading NUL.
    static constexpr const char* Variable = "PROCVIZ_TELEMETRY";
    /// More connections than this at once are refused: a fork bomb must not take every descriptor.
    static constexpr int MaxConnections = 256;

    /// A fresh socket with a name no other run has; nullptr and @p error set when it cannot be made.
    static std::unique_ptr<ObserverChannel> open(QString* error);
    ~ObserverChannel() override;

    QString address() const { return m_address; }

    struct Arrival
    {
        qint64 pid; ///< the sender, as the kernel knows it
        TelemetryRecord record;
    };
    /// The records received since the last call, in the order each process sent them.
    std::vector<Arrival> takeRecords();
    /// Messages refused since the last call (wrong size, invalid, from someone else's PID), per sender.
    QHash<qint64, quint64> takeMalformed();

Q_SIGNALS:
    void recordsArrived();
    /// A process closed its connection: it ended (or exec'd another program). Its records came first.
    void disconnected(qint64 pid);

private:
    struct Connection;

    ObserverChannel(int listener, QString address);
    void acceptAll();
    void read(int fd);
    void close(int fd);

    int m_listener;
    QString m_address;
    std::unique_ptr<QSocketNotifier> m_acceptNotifier;
    QHash<int, std::shared_ptr<Connection>> m_connections; ///< by descriptor
    std::vector<Arrival> m_arrivals;
    QHash<qint64, quint64> m_malformed;
};

} // namespace ProcViz
