// SPDX-License-Identifier: GPL-3.0-or-later
#include "ipc/framereader.h"
#include "ipc/framewriter.h"

#include <QTest>

#include <fcntl.h>
#include <thread>
#include <unistd.h>

using namespace ProcViz;

namespace {
QByteArray frameBytes(std::int64_t seq, const QByteArray& payload)
{
    const FrameHeader header {std::uint32_t(payload.size()), 0, seq, 0};
    return QByteArray(reinterpret_cast<const char*>(&header), sizeof header) + payload;
}

bool writeAll(int fd, const QByteArray& bytes)
{
    return write(fd, bytes.constData(), size_t(bytes.size())) == ssize_t(bytes.size());
}
} // namespace

class TestFrameReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(pipe2(m_fds, O_CLOEXEC) == 0); }

    void cleanup()
    {
        for (int& fd : m_fds) {
            if (fd >= 0)
                close(fd);
            fd = -1;
        }
    }

    void handsOutEveryFrameOfOneReadInOrder()
    {
        QVERIFY(writeAll(m_fds[1], frameBytes(1, "one") + frameBytes(2, "") + frameBytes(3, "three")));
        FrameReader reader(m_fds[0]);
        QVERIFY(reader.readMore());
        FrameHeader header;
        QByteArrayView payload;
        const QList<QByteArray> expected {"one", "", "three"};
        for (int i = 0; i < expected.size(); ++i) {
            QVERIFY(reader.next(&header, &payload));
            QCOMPARE(header.seq, std::int64_t(i + 1));
            QCOMPARE(payload.toByteArray(), expected.at(i));
        }
        QVERIFY(!reader.next(&header, &payload));
        reader.discardHandled();
        QVERIFY(!reader.hasWholeFrame());
    }

    void aFrameSplitAcrossReadsWaitsForItsEnd()
    {
        const auto bytes = frameBytes(1, "split in two") + frameBytes(2, "next");
        const qsizetype cuts[] = {3, qsizetype(sizeof(FrameHeader)) + 5}; // inside the header, inside the payload
        for (const auto cut : cuts) {
            int fds[2];
            QVERIFY(pipe2(fds, O_CLOEXEC) == 0);
            FrameReader reader(fds[0]);
            FrameHeader header;
            QByteArrayView payload;
            QVERIFY(writeAll(fds[1], bytes.first(cut)));
            QVERIFY(reader.readMore());
            QVERIFY(!reader.hasWholeFrame());
            QVERIFY(!reader.next(&header, &payload));
            QVERIFY(writeAll(fds[1], bytes.sliced(cut)));
            QVERIFY(reader.readMore());
            QVERIFY(reader.next(&header, &payload));
            QCOMPARE(payload.toByteArray(), QByteArray("split in two"));
            QVERIFY(reader.next(&header, &payload));
            QCOMPARE(payload.toByteArray(), QByteArray("next"));
            close(fds[0]);
            close(fds[1]);
        }
    }

    void endOfFileLeavesAnIncompleteFrameBehind()
    {
        QVERIFY(writeAll(m_fds[1], frameBytes(1, "whole") + frameBytes(2, "torn").first(26)));
        close(m_fds[1]);
        m_fds[1] = -1;
        FrameReader reader(m_fds[0]);
        QVERIFY(reader.readMore());
        QVERIFY(!reader.readMore()); // end of file; what was read stays
        FrameHeader header;
        QByteArrayView payload;
        QVERIFY(reader.next(&header, &payload));
        QCOMPARE(payload.toByteArray(), QByteArray("whole"));
        QVERIFY(!reader.hasWholeFrame());
        QVERIFY(!reader.next(&header, &payload));
    }

    void everyFrameOfAWriterArrivesOnceInOrder()
    {
        // A FrameWriter packing frames of varying size into writes, read by a FrameReader as they come.
        constexpr std::int64_t count = 200'000;
        std::thread sender([fd = m_fds[1]] {
            FrameWriter writer(fd);
            for (std::int64_t seq = 1; seq <= count; ++seq) {
                const QByteArray payload(seq % 97, char('a' + seq % 26));
                if (writer.append({std::uint32_t(payload.size()), 0, seq, 0}, payload) != FrameWriter::Status::Ok)
                    return;
            }
            writer.flush();
        });
        FrameReader reader(m_fds[0]);
        std::int64_t expected = 1;
        bool intact = true;
        while (expected <= count && reader.readMore()) {
            FrameHeader header;
            QByteArrayView payload;
            while (reader.next(&header, &payload)) {
                intact = intact && header.seq == expected && payload.size() == expected % 97
                    && (payload.isEmpty() || payload.front() == char('a' + expected % 26));
                ++expected;
            }
        }
        sender.join();
        QVERIFY(intact);
        QCOMPARE(expected - 1, count);
    }

private:
    int m_fds[2] = {-1, -1};
};

QTEST_GUILESS_MAIN(TestFrameReader)
#include "tst_framereader.moc"
