// SPDX-License-Identifier: GPL-3.0-or-later
// The channel the Python runtime's observer reports on: one record a message, each process on its own
// connection, the sender named by the kernel. A record that claims someone else, or a message that is not
// one record, is refused; nothing is ever left in the file system.
#include "engine/observerchannel.h"

#include <QSignalSpy>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ProcViz;

namespace {
int connectTo(const QString& address)
{
    const int fd = ::socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
    sockaddr_un peer {};
    peer.sun_family = AF_UNIX;
    const QByteArray name = address.mid(1).toLatin1(); // "@name": the abstract namespace
    std::memcpy(peer.sun_path + 1, name.constData(), size_t(name.size()));
    const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + 1 + size_t(name.size()));
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&peer), length) != 0)
        qFatal("connect: %s", strerror(errno));
    return fd;
}

TelemetryRecord record(RecordKind kind, qint64 pid, qint64 value = 0)
{
    TelemetryRecord r;
    r.kind = std::uint8_t(kind);
    r.pid = std::int32_t(pid);
    r.tid = std::int32_t(pid);
    r.timestampNs = monotonicNowNs();
    r.value = value;
    r.seal();
    return r;
}

void sendRecord(int fd, const TelemetryRecord& r)
{
    QCOMPARE(::send(fd, &r, sizeof r, 0), ssize_t(sizeof r));
}
} // namespace

class TestObserverChannel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordsArriveNamedByTheKernel()
    {
        QString error;
        auto channel = ObserverChannel::open(&error);
        QVERIFY2(channel, qPrintable(error));
        QVERIFY(channel->address().startsWith(QLatin1String("@procviz-")));
        QSignalSpy arrived(channel.get(), &ObserverChannel::recordsArrived);
        QSignalSpy gone(channel.get(), &ObserverChannel::disconnected);

        const int fd = connectTo(channel->address());
        sendRecord(fd, record(RecordKind::Progress, getpid(), 1));
        sendRecord(fd, record(RecordKind::Progress, getpid() + 1, 2)); // claims another process
        const char shortMessage[100] = {};
        QCOMPARE(::send(fd, shortMessage, sizeof shortMessage, 0), ssize_t(sizeof shortMessage));
        auto corrupt = record(RecordKind::Progress, getpid(), 3);
        corrupt.value = 4; // after the seal
        sendRecord(fd, corrupt);
        sendRecord(fd, record(RecordKind::Progress, getpid(), 5));
        ::close(fd);
        QTRY_COMPARE(gone.size(), 1);
        QCOMPARE(gone.at(0).at(0).toLongLong(), qint64(getpid()));
        QVERIFY(arrived.size() >= 1);
        const auto records = channel->takeRecords();
        QCOMPARE(records.size(), size_t(2));
        QCOMPARE(records[0].record.value, 1);
        QCOMPARE(records[1].record.value, 5);
        QCOMPARE(records[0].pid, qint64(getpid()));
        QCOMPARE(channel->takeMalformed().value(getpid()), quint64(3));
    }

    void eachProcessOnItsOwnConnection()
    {
        QString error;
        auto channel = ObserverChannel::open(&error);
        QVERIFY(channel);
        QSignalSpy gone(channel.get(), &ObserverChannel::disconnected);
        QList<pid_t> children;
        for (int i = 0; i < 3; ++i) {
            const pid_t child = fork();
            if (child == 0) {
                const int fd = connectTo(channel->address());
                for (int n = 0; n < 10; ++n) {
                    const auto r = record(RecordKind::Progress, getpid(), n);
                    ::send(fd, &r, sizeof r, 0);
                }
                _exit(0);
            }
            children.append(child);
        }
        for (pid_t child : children)
            waitpid(child, nullptr, 0);
        QTRY_COMPARE(gone.size(), 3);
        QHash<qint64, QList<qint64>> values;
        for (const auto& arrival : channel->takeRecords())
            values[arrival.pid].append(arrival.record.value);
        QCOMPARE(values.size(), 3);
        for (pid_t child : children)
            QCOMPARE(values.value(child), QList<qint64>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9})); // in order, all
    }

    void nothingInTheFileSystem()
    {
        QString error;
        auto channel = ObserverChannel::open(&error);
        QVERIFY(channel);
        // Abstract names are listed with a leading '@' in /proc/net/unix, and gone with the socket.
        const auto name = channel->address().toLatin1();
        QFile table(QStringLiteral("/proc/net/unix"));
        QVERIFY(table.open(QIODevice::ReadOnly));
        QVERIFY(table.readAll().contains(name));
        channel.reset();
        table.close();
        QVERIFY(table.open(QIODevice::ReadOnly));
        QVERIFY(!table.readAll().contains(name));
    }
};

QTEST_GUILESS_MAIN(TestObserverChannel)
#include "tst_observerchannel.moc"
