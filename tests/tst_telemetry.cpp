// SPDX-License-Identifier: GPL-3.0-or-later
#include "telemetry/progressthrottle.h"
#include "telemetry/telemetrydecoder.h"
#include "telemetry/telemetrywriter.h"

#include <QRandomGenerator>
#include <QTest>

#include <unistd.h>

using namespace ProcViz;

namespace {
TelemetryRecord makeRecord(RecordKind kind, qint64 value)
{
    TelemetryRecord record;
    record.kind = static_cast<std::uint8_t>(kind);
    record.pid = 1234;
    record.tid = 1235;
    record.lane = 2;
    record.timestampNs = 42;
    record.value = value;
    record.value2 = 1000;
    record.setText("hello");
    record.seal();
    return record;
}

QByteArray bytesOf(const TelemetryRecord& record)
{
    return QByteArray(reinterpret_cast<const char*>(&record), sizeof record);
}
} // namespace

class TestTelemetry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        TelemetryDecoder decoder;
        std::vector<TelemetryRecord> out;
        decoder.feed(bytesOf(makeRecord(RecordKind::Progress, 500)), out);
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out[0].recordKind(), RecordKind::Progress);
        QCOMPARE(out[0].value, 500);
        QCOMPARE(out[0].value2, 1000);
        QCOMPARE(out[0].lane, 2);
        QCOMPARE(out[0].textBytes(), QByteArray("hello"));
        QCOMPARE(decoder.malformedCount(), 0u);
    }

    void byteByByte()
    {
        const QByteArray stream
            = bytesOf(makeRecord(RecordKind::Started, 0)) + bytesOf(makeRecord(RecordKind::Finished, 7));
        TelemetryDecoder decoder;
        std::vector<TelemetryRecord> out;
        for (char byte : stream)
            decoder.feed(QByteArrayView(&byte, 1), out);
        QCOMPARE(out.size(), size_t(2));
        QCOMPARE(out[1].value, 7);
        QCOMPARE(decoder.pendingBytes(), 0);
    }

    void corruptRecordIsCountedAndSkipped_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addRow("magic") << 0;
        QTest::addRow("kind") << 6;
        QTest::addRow("value") << 40;
        QTest::addRow("text") << 60;
        QTest::addRow("checksum") << 125;
    }

    void corruptRecordIsCountedAndSkipped()
    {
        QFETCH(int, offset);
        auto bad = bytesOf(makeRecord(RecordKind::Progress, 1));
        bad[offset] = char(bad[offset] ^ 0x5a);
        TelemetryDecoder decoder;
        std::vector<TelemetryRecord> out;
        decoder.feed(QByteArray(bad + bytesOf(makeRecord(RecordKind::Progress, 2))), out);
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out[0].value, 2);
        QVERIFY(decoder.malformedCount() >= 1);
    }

    void unknownKindAndStateAreRefused()
    {
        auto record = makeRecord(RecordKind::Progress, 1);
        record.kind = 99;
        record.seal();
        auto state = makeRecord(RecordKind::State, 0);
        state.state = 200;
        state.seal();
        TelemetryDecoder decoder;
        std::vector<TelemetryRecord> out;
        decoder.feed(QByteArray(bytesOf(record) + bytesOf(state)), out);
        QVERIFY(out.empty());
        QCOMPARE(decoder.malformedCount(), 2u);
    }

    void unterminatedTextIsRefused()
    {
        auto record = makeRecord(RecordKind::Message, 0);
        std::memset(record.text, 'x', sizeof record.text);
        record.seal();
        TelemetryDecoder decoder;
        std::vector<TelemetryRecord> out;
        decoder.feed(bytesOf(record), out);
        QVERIFY(out.empty());
        QCOMPARE(decoder.malformedCount(), 1u);
    }

    void truncatedStreamCountsOnce()
    {
        TelemetryDecoder decoder;
        std::vector<TelemetryRecord> out;
        decoder.feed(bytesOf(makeRecord(RecordKind::Started, 0)).left(100), out);
        QVERIFY(out.empty());
        QCOMPARE(decoder.pendingBytes(), 100);
        decoder.finish();
        QCOMPARE(decoder.malformedCount(), 1u);
        QCOMPARE(decoder.pendingBytes(), 0);
    }

    void randomBytesNeverCrash()
    {
        auto* random = QRandomGenerator::global();
        TelemetryDecoder decoder;
        std::vector<TelemetryRecord> out;
        for (int round = 0; round < 200; ++round) {
            QByteArray noise(int(random->bounded(1, 4096)), Qt::Uninitialized);
            for (auto& byte : noise)
                byte = char(random->bounded(256));
            if (round % 10 == 0) // sprinkle magic numbers so the resync path is exercised too
                noise.insert(noise.size() / 2, bytesOf(makeRecord(RecordKind::Progress, 0)).left(8));
            decoder.feed(noise, out);
        }
        // A valid record after the noise still comes through.
        decoder.feed(bytesOf(makeRecord(RecordKind::Finished, 99)), out);
        QVERIFY(!out.empty());
        QCOMPARE(out.back().value, 99);
        QVERIFY(decoder.malformedCount() > 0);
    }

    void writerStampsPidAndTid()
    {
        int fds[2];
        QCOMPARE(pipe(fds), 0);
        const TelemetryWriter writer(fds[1]);
        writer.progress(5, 10, 3);
        writer.message("a message that is far too long to fit in the seventy-six bytes of text a record carries");
        char buffer[256];
        QCOMPARE(::read(fds[0], buffer, sizeof buffer), ssize_t(256));
        ::close(fds[0]);
        ::close(fds[1]);
        TelemetryDecoder decoder;
        std::vector<TelemetryRecord> out;
        decoder.feed(QByteArrayView(buffer, 256), out);
        QCOMPARE(out.size(), size_t(2));
        QCOMPARE(out[0].pid, getpid());
        QCOMPARE(out[0].tid, gettid());
        QCOMPARE(out[0].lane, 3);
        QVERIFY(out[0].timestampNs > 0);
        QCOMPARE(out[1].textBytes().size(), TelemetryRecord::TextCapacity - 1);
    }

    void throttleLimitsReports()
    {
        const std::int64_t total = 1'000'000;
        ProgressThrottle throttle(total);
        int reports = 0;
        std::int64_t now = 0;
        for (std::int64_t done = 0; done <= total; done += 10) {
            now += 1000; // 1 µs per step: 100 ms in all
            reports += throttle.shouldReport(done, now) ? 1 : 0;
        }
        // At most one per 10 ms plus the first and the last, and the last always comes.
        QVERIFY2(reports <= 12, qPrintable(QString::number(reports)));
        QVERIFY(reports >= 2);
        QVERIFY(!throttle.shouldReport(total, now + ProgressThrottle::MinIntervalNs));
    }

    void throttleWithItsOwnClock()
    {
        ProgressThrottle throttle(1000);
        QVERIFY(throttle.shouldReport(0)); // the first always passes
        QVERIFY(!throttle.shouldReport(0)); // no permille moved: not even the clock is read
        QVERIFY(throttle.shouldReport(1000)); // the last always passes, once
        QVERIFY(!throttle.shouldReport(1000));
    }
};

QTEST_GUILESS_MAIN(TestTelemetry)
#include "tst_telemetry.moc"
