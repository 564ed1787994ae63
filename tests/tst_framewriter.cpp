// SPDX-License-Identifier: GPL-3.0-or-later
#include "ipc/framewriter.h"

#include <QTest>

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace ProcViz;

namespace {
constexpr qsizetype HeaderBytes = sizeof(FrameHeader);

/// A pipe whose ends close with the test.
struct Pipe
{
    int fds[2] = {-1, -1};
    Pipe() { QVERIFY(pipe2(fds, O_CLOEXEC) == 0); }
    ~Pipe()
    {
        for (int fd : fds) {
            if (fd >= 0)
                close(fd);
        }
    }
    int readEnd() const { return fds[0]; }
    int writeEnd() const { return fds[1]; }
    /// What is in the pipe now, without waiting.
    QByteArray drain() const
    {
        QByteArray all;
        fcntl(readEnd(), F_SETFL, O_NONBLOCK);
        char buffer[65536];
        for (ssize_t got; (got = read(readEnd(), buffer, sizeof buffer)) > 0;)
            all.append(buffer, got);
        return all;
    }
};

FrameHeader header(std::int64_t seq, qsizetype payloadBytes)
{
    return {std::uint32_t(payloadBytes), 0, seq, 1000 + seq};
}

/// The frames in @p bytes, in order, as (seq, payload); fails the test on a torn frame.
QList<std::pair<std::int64_t, QByteArray>> decode(const QByteArray& bytes)
{
    QList<std::pair<std::int64_t, QByteArray>> frames;
    qsizetype at = 0;
    while (at < bytes.size()) {
        FrameHeader frame;
        if (bytes.size() - at < HeaderBytes)
            return {};
        std::memcpy(&frame, bytes.constData() + at, sizeof frame);
        if (bytes.size() - at - HeaderBytes < qsizetype(frame.bytes) || frame.sentNs != 1000 + frame.seq)
            return {};
        frames.append({frame.seq, bytes.mid(at + HeaderBytes, frame.bytes)});
        at += HeaderBytes + frame.bytes;
    }
    return frames;
}
} // namespace

class TestFrameWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { std::signal(SIGPIPE, SIG_IGN); } // as in every worker: EPIPE is reported, not fatal

    void holdsFramesUntilFlushed()
    {
        Pipe pipe;
        FrameWriter writer(pipe.writeEnd());
        QCOMPARE(writer.append(header(1, 5), "hello"), FrameWriter::Status::Ok);
        QCOMPARE(writer.append(header(2, 4), "pipe"), FrameWriter::Status::Ok);
        QCOMPARE(pipe.drain(), QByteArray()); // nothing written yet: both fit
        QCOMPARE(writer.pendingBytes(), 2 * HeaderBytes + 9);
        QCOMPARE(writer.flush(), FrameWriter::Status::Ok);
        QVERIFY(writer.isEmpty());
        const auto frames = decode(pipe.drain());
        QCOMPARE(frames.size(), 2);
        QCOMPARE(frames.at(0), std::make_pair(std::int64_t(1), QByteArray("hello")));
        QCOMPARE(frames.at(1), std::make_pair(std::int64_t(2), QByteArray("pipe")));
    }

    void writesWhatWasGatheredWhenTheNextFrameWouldNotFit()
    {
        Pipe pipe;
        FrameWriter writer(pipe.writeEnd());
        const QByteArray payload(100, 'x');
        const qsizetype frameBytes = HeaderBytes + payload.size();
        const qsizetype perWrite = FrameWriter::Capacity / frameBytes;
        for (std::int64_t seq = 1; seq <= perWrite; ++seq)
            QCOMPARE(writer.append(header(seq, payload.size()), payload), FrameWriter::Status::Ok);
        QCOMPARE(pipe.drain(), QByteArray());
        // The next one does not fit: the gathered frames go out whole, in one write, and it starts a new batch.
        QCOMPARE(writer.append(header(perWrite + 1, payload.size()), payload), FrameWriter::Status::Ok);
        const auto first = pipe.drain();
        QCOMPARE(first.size(), perWrite * frameBytes);
        QVERIFY(first.size() <= FrameWriter::Capacity);
        QCOMPARE(writer.pendingBytes(), frameBytes);
        QCOMPARE(writer.flush(), FrameWriter::Status::Ok);
        const auto frames = decode(first + pipe.drain());
        QCOMPARE(frames.size(), perWrite + 1);
        for (qsizetype i = 0; i < frames.size(); ++i)
            QCOMPARE(frames.at(i).first, std::int64_t(i + 1));
    }

    void aFrameThatFillsTheBufferExactly()
    {
        Pipe pipe;
        FrameWriter writer(pipe.writeEnd());
        const QByteArray full(FrameWriter::MaxPayload, 'f');
        QCOMPARE(writer.append(header(1, full.size()), full), FrameWriter::Status::Ok);
        QCOMPARE(writer.pendingBytes(), FrameWriter::Capacity); // it fits: nothing written yet
        QCOMPARE(pipe.drain(), QByteArray());
        QCOMPARE(writer.append(header(2, 1), "y"), FrameWriter::Status::Ok);
        const auto first = pipe.drain();
        QCOMPARE(first.size(), FrameWriter::Capacity);
        QCOMPARE(writer.flush(), FrameWriter::Status::Ok);
        const auto frames = decode(first + pipe.drain());
        QCOMPARE(frames.size(), 2);
        QCOMPARE(frames.at(0).second, full);
        QCOMPARE(frames.at(1).second, QByteArray("y"));
    }

    void flushingNothingWritesNothing()
    {
        Pipe pipe;
        FrameWriter writer(pipe.writeEnd());
        QCOMPARE(writer.flush(), FrameWriter::Status::Ok);
        QCOMPARE(pipe.drain(), QByteArray());
    }

    void brokenPipeOnceTheReaderIsGone()
    {
        Pipe pipe;
        FrameWriter writer(pipe.writeEnd());
        QCOMPARE(writer.append(header(1, 3), "bye"), FrameWriter::Status::Ok);
        close(pipe.fds[0]);
        pipe.fds[0] = -1;
        QCOMPARE(writer.flush(), FrameWriter::Status::BrokenPipe);
        QCOMPARE(writer.error(), EPIPE);
        QVERIFY(writer.isEmpty()); // nothing is kept that can never be written
        // A frame that makes the writer write first fails the same way and is not taken.
        const QByteArray big(FrameWriter::MaxPayload, 'b');
        QCOMPARE(writer.append(header(2, big.size()), big), FrameWriter::Status::Ok);
        QCOMPARE(writer.append(header(3, 1), "z"), FrameWriter::Status::BrokenPipe);
        QVERIFY(writer.isEmpty());
    }

    void aFullNonBlockingSocketKeepsTheRestInOrder()
    {
        // Duplex peers write to a non-blocking socket, which may take part of a write: the rest must stay, in order.
        int ends[2];
        QVERIFY(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) == 0);
        int small = 4096;
        setsockopt(ends[0], SOL_SOCKET, SO_SNDBUF, &small, sizeof small);
        setsockopt(ends[1], SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        fcntl(ends[0], F_SETFL, O_NONBLOCK);
        FrameWriter writer(ends[0]);
        const QByteArray payload(500, 'p');
        std::int64_t seq = 0;
        while (writer.isEmpty() && seq < 10'000) {
            QCOMPARE(writer.append(header(++seq, payload.size()), payload), FrameWriter::Status::Ok);
            QCOMPARE(writer.flush(), FrameWriter::Status::Ok);
        }
        QVERIFY2(!writer.isEmpty(), "the socket never filled up");
        // Full: more frames still go behind the rest, and nothing is lost or reordered.
        for (int more = 0; more < 20; ++more)
            QCOMPARE(writer.append(header(++seq, payload.size()), payload), FrameWriter::Status::Ok);
        QVERIFY(writer.pendingBytes() > FrameWriter::Capacity);
        QByteArray received;
        char buffer[65536];
        fcntl(ends[1], F_SETFL, O_NONBLOCK);
        for (int round = 0; round < 100'000 && !writer.isEmpty(); ++round) {
            for (ssize_t got; (got = read(ends[1], buffer, sizeof buffer)) > 0;)
                received.append(buffer, got);
            QCOMPARE(writer.flush(), FrameWriter::Status::Ok);
        }
        QVERIFY(writer.isEmpty());
        for (ssize_t got; (got = read(ends[1], buffer, sizeof buffer)) > 0;)
            received.append(buffer, got);
        close(ends[0]);
        close(ends[1]);
        const auto frames = decode(received);
        QCOMPARE(frames.size(), qsizetype(seq));
        for (qsizetype i = 0; i < frames.size(); ++i)
            QCOMPARE(frames.at(i).first, std::int64_t(i + 1));
    }
};

QTEST_GUILESS_MAIN(TestFrameWriter)
#include "tst_framewriter.moc"
