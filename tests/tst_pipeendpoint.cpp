// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetrychannel.h"
#include "worker/endpointreport.h"
#include "worker/pipeendpoint.h"

#include <QTest>

#include <chrono>
#include <csignal>
#include <future>
#include <memory>
#include <sys/socket.h>

using namespace ProcViz;

namespace {
/// Two connected descriptors that close with the test (unless the test hands one over and forgets it).
struct Channel
{
    int fds[2] = {-1, -1};
    static Channel pipe()
    {
        Channel channel;
        if (pipe2(channel.fds, O_CLOEXEC) != 0)
            qFatal("pipe2: %s", strerror(errno));
        return channel;
    }
    static Channel socketPair()
    {
        Channel channel;
        if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, channel.fds) != 0)
            qFatal("socketpair: %s", strerror(errno));
        return channel;
    }
    ~Channel() { closeBoth(); }
    void closeBoth()
    {
        for (int& fd : fds) {
            if (fd >= 0)
                ::close(fd);
            fd = -1;
        }
    }
    int readEnd() const { return fds[0]; }
    /// The write end, which a one-way sender closes itself when it is done.
    int takeWriteEnd() { return std::exchange(fds[1], -1); }
    void closeReadEnd() { ::close(std::exchange(fds[0], -1)); }
};

/// One side's report, latency slots and telemetry, as the pipe scenario gives them from shared memory.
struct Side
{
    static constexpr size_t LatencySlots = 4096;
    std::unique_ptr<EndpointReport> report = std::make_unique<EndpointReport>();
    std::vector<std::int64_t> latencies = std::vector<std::int64_t>(LatencySlots, -1);
    TelemetryChannel telemetry;

    PipeEndpoint endpoint(const PipeEndpoint::Setup& setup, const Side& partner)
    {
        return PipeEndpoint(setup, telemetry.writer(), *report, *partner.report, latencies);
    }
};

PipeEndpoint::Setup oneWay(bool sends, int fd, const QList<QByteArray>& script, int pauseMs = 0)
{
    PipeEndpoint::Setup setup;
    setup.channel = fd;
    setup.index = sends ? 0 : 1;
    setup.sends = sends;
    setup.receives = !sends;
    (sends ? setup.sendMs : setup.receiveMs) = pauseMs;
    setup.script = script;
    return setup;
}

/// The endpoint's run() in a thread of its own.
std::future<int> start(PipeEndpoint& endpoint)
{
    return std::async(std::launch::async, [&endpoint] { return endpoint.run(); });
}

/// Its exit code; a conversation that has not ended within 20 s ends the test binary: a hang is the one failure
/// a test must not wait out.
int finish(std::future<int>& running)
{
    if (running.wait_for(std::chrono::seconds(20)) != std::future_status::ready)
        qFatal("an endpoint did not finish");
    return running.get();
}

std::int64_t elapsedMsSince(std::int64_t startNs)
{
    return (monotonicNowNs() - startNs) / 1'000'000;
}

/// The next whole frame's payload from @p reader, reading (blocking) as needed; empty at end of file.
QByteArray nextMessage(FrameReader& reader)
{
    FrameHeader frame;
    QByteArrayView payload;
    while (!reader.next(&frame, &payload)) {
        if (!reader.readMore())
            return {};
    }
    const auto message = payload.toByteArray();
    reader.discardHandled();
    return message;
}

QStringList strings(const QList<QByteArray>& list)
{
    QStringList result;
    for (const auto& item : list)
        result.append(QString::fromUtf8(item));
    return result;
}
} // namespace

class TestPipeEndpoint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { std::signal(SIGPIPE, SIG_IGN); } // as in every worker: EPIPE is reported, not fatal

    void oneWayArrivesInOrderThenEndOfFile()
    {
        const QList<QByteArray> script {"one", "two", "three", "four", "five"};
        auto channel = Channel::pipe();
        Side sending, receiving;
        // Everything fits in the pipe: the sender can finish (closing its end) before the receiver starts.
        auto sender = sending.endpoint(oneWay(true, channel.takeWriteEnd(), script), receiving);
        QCOMPARE(sender.run(), EXIT_SUCCESS);
        auto receiver = receiving.endpoint(oneWay(false, channel.readEnd(), script), sending);
        QCOMPARE(receiver.run(), EXIT_SUCCESS); // it only returns at end of file

        QCOMPARE(sending.report->sent.load(), 5);
        QCOMPARE(sending.report->sentMessages(), strings(script));
        QCOMPARE(receiving.report->received.load(), 5);
        QCOMPARE(receiving.report->receivedMessages(), strings(script));
        QCOMPARE(receiving.report->outOfOrder.load(), 0);
        QVERIFY(!sending.report->brokenPipe.load());
        QVERIFY(receiving.report->lastReceiveNs.load() >= sending.report->firstSendNs.load());
        for (size_t i = 0; i < 5; ++i)
            QVERIFY(receiving.latencies[i] >= 0);
        QCOMPARE(receiving.latencies[5], -1);
        // Every message a hand-off from the sender's pid (from its report), sent when it entered the writer.
        const auto handoffs = receiving.telemetry.handoffs();
        QCOMPARE(handoffs.size(), size_t(5));
        for (size_t i = 0; i < handoffs.size(); ++i) {
            QCOMPARE(handoffs[i].aux, std::int32_t(getpid()));
            QCOMPARE(handoffs[i].textBytes(), script[qsizetype(i)]);
            QVERIFY(handoffs[i].value2 >= handoffs[i].value);
        }
        QVERIFY(sending.telemetry.messages().contains("sent #1 (3 B)"));
    }

    /// A count run's sender packs frames into few writes; every generated message arrives once and in order, and
    /// latencies fill the slots there are and no more.
    void countRunDeliversEveryMessageInOrder()
    {
        constexpr int count = 50'000;
        auto channel = Channel::pipe();
        Side sending, receiving;
        auto senderSetup = oneWay(true, channel.takeWriteEnd(), {});
        auto receiverSetup = oneWay(false, channel.readEnd(), {});
        senderSetup.count = receiverSetup.count = count;
        auto sender = sending.endpoint(senderSetup, receiving);
        auto receiver = receiving.endpoint(receiverSetup, sending);
        auto sent = start(sender);
        auto received = start(receiver);
        QCOMPARE(finish(sent), EXIT_SUCCESS);
        QCOMPARE(finish(received), EXIT_SUCCESS);

        QCOMPARE(sending.report->sent.load(), count);
        QCOMPARE(receiving.report->received.load(), count);
        QCOMPARE(receiving.report->outOfOrder.load(), 0);
        const auto log = receiving.report->receivedMessages();
        QVERIFY(log.size() > 1000); // as many as the log holds
        for (int i = 0; i < log.size(); ++i)
            QCOMPARE(log.at(i), QString("message %1").arg(i + 1));
        QCOMPARE(log, sending.report->sentMessages());
        QVERIFY(receiving.latencies.back() >= 0); // the slots are full, and nothing was written past them
        QCOMPARE(receiving.telemetry.handoffs().size(), size_t(PipeEndpoint::TracedMessages));
    }

    /// The receiver's pause after each message is sleeping, measured as such.
    void receivePauseIsSleeping()
    {
        constexpr int pauseMs = 60;
        const QList<QByteArray> script {"a", "b", "c"};
        auto channel = Channel::pipe();
        Side sending, receiving;
        auto sender = sending.endpoint(oneWay(true, channel.takeWriteEnd(), script), receiving);
        QCOMPARE(sender.run(), EXIT_SUCCESS);
        auto receiver = receiving.endpoint(oneWay(false, channel.readEnd(), script, pauseMs), sending);
        const auto begin = monotonicNowNs();
        QCOMPARE(receiver.run(), EXIT_SUCCESS);
        QVERIFY(elapsedMsSince(begin) >= 3 * pauseMs - 5);
        QCOMPARE(receiving.report->receivedMessages(), strings(script));
        const double sleepingMs = double(receiving.telemetry.totalNs(WorkerState::Sleeping)) / 1e6;
        QVERIFY2(std::abs(sleepingMs - 3 * pauseMs) <= 0.25 * 3 * pauseMs,
            qPrintable(QStringLiteral("slept %1 ms for %2 ms of pauses").arg(sleepingMs).arg(3 * pauseMs)));
        QVERIFY(receiving.telemetry.totalNs(WorkerState::Waiting) < 20'000'000);
    }

    void duplexPeersGreetAndAnswer()
    {
        auto channel = Channel::socketPair();
        Side sides[2];
        std::vector<PipeEndpoint> peers;
        for (int i = 0; i < 2; ++i) {
            PipeEndpoint::Setup setup;
            setup.channel = channel.fds[i];
            setup.index = i;
            setup.duplex = setup.sends = setup.receives = true;
            setup.sendMs = setup.receiveMs = 5;
            setup.script = {"hi", "bye"};
            peers.push_back(sides[i].endpoint(setup, sides[1 - i]));
        }
        auto first = start(peers[0]);
        auto second = start(peers[1]);
        QCOMPARE(finish(first), EXIT_SUCCESS);
        QCOMPARE(finish(second), EXIT_SUCCESS);

        for (int i = 0; i < 2; ++i) {
            const auto me = QString("peer %1: ").arg(i), other = QString("peer %1: ").arg(1 - i);
            auto got = sides[i].report->receivedMessages();
            got.sort();
            QStringList expected {other + "hi", other + "bye", other + "re " + me + "hi", other + "re " + me + "bye"};
            expected.sort();
            QCOMPARE(got, expected); // two greetings and two answers
            QCOMPARE(sides[i].report->sentMessages(), sides[1 - i].report->receivedMessages());
            QCOMPARE(sides[i].report->outOfOrder.load(), 0);
            QVERIFY(!sides[i].report->brokenPipe.load());
        }
    }

    void closedReaderIsABrokenPipe_data()
    {
        QTest::addColumn<int>("sendMs");
        QTest::addRow("coalescing") << 0;
        QTest::addRow("paced") << 5;
    }

    void closedReaderIsABrokenPipe()
    {
        QFETCH(int, sendMs);
        auto channel = Channel::pipe();
        channel.closeReadEnd();
        Side sending, nobody;
        auto sender = sending.endpoint(oneWay(true, channel.takeWriteEnd(), {"a", "b"}, sendMs), nobody);
        auto running = start(sender);
        QCOMPARE(finish(running), EXIT_FAILURE);
        QCOMPARE(sending.report->brokenPipe.load(), 1);
        bool said = false;
        for (const auto& message : sending.telemetry.messages())
            said = said || message.contains("EPIPE");
        QVERIFY(said);
    }

    /// A line typed into a paced sender goes out at once, not at the next message's turn.
    void chatLineGoesOutAtOnce()
    {
        constexpr int sendMs = 400;
        auto channel = Channel::pipe();
        auto input = Channel::pipe();
        Side sending, receiving;
        auto setup = oneWay(true, channel.takeWriteEnd(), {"a", "b"}, sendMs);
        setup.input = input.readEnd();
        auto sender = sending.endpoint(setup, receiving);
        auto running = start(sender);
        FrameReader reader(channel.readEnd());
        QCOMPARE(nextMessage(reader), QByteArray("a"));
        QCOMPARE(::write(input.fds[1], "hello\n", 6), ssize_t(6));
        // Before "b": the line did not wait for the next message's turn.
        QCOMPARE(nextMessage(reader), QByteArray("hello"));
        QCOMPARE(nextMessage(reader), QByteArray("b"));
        QCOMPARE(nextMessage(reader), QByteArray()); // end of file
        QCOMPARE(finish(running), EXIT_SUCCESS);
        QCOMPARE(sending.report->sentMessages(), QStringList({"a", "hello", "b"}));
        QVERIFY(sending.telemetry.messages().contains("chat line from the user"));
    }

    /// A chat line whose write finds the reader gone ends the sender, as any failed write does.
    void chatLineIntoAClosedReaderEndsTheSender()
    {
        constexpr int sendMs = 2000;
        auto channel = Channel::pipe();
        auto input = Channel::pipe();
        Side sending, receiving;
        auto setup = oneWay(true, channel.takeWriteEnd(), {"a", "b"}, sendMs);
        setup.input = input.readEnd();
        auto sender = sending.endpoint(setup, receiving);
        auto running = start(sender);
        FrameReader reader(channel.readEnd());
        QCOMPARE(nextMessage(reader), QByteArray("a"));
        channel.closeReadEnd();
        const auto typed = monotonicNowNs();
        QCOMPARE(::write(input.fds[1], "hello\n", 6), ssize_t(6));
        QCOMPARE(finish(running), EXIT_FAILURE);
        // Well before "b"'s turn: the failed write of the line ended it (a generous bound, not a timing claim).
        QVERIFY(elapsedMsSince(typed) < sendMs / 2);
        QCOMPARE(sending.report->brokenPipe.load(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPipeEndpoint)
#include "tst_pipeendpoint.moc"
