// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/runmodel.h"
#include "telemetry/crc32.h"
#include "telemetry/progressthrottle.h"
#include "telemetry/stateclock.h"
#include "telemetry/telemetrydecoder.h"
#include "telemetry/telemetrywriter.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <limits>
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

    void malformedMixIsRefused_data()
    {
        QTest::addColumn<qint64>("begin");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<QList<qint64>>("shares");
        QTest::addRow("sum short of the span") << qint64(1000) << qint64(2000) << QList<qint64> {500, 400, 0, 0};
        QTest::addRow("sum beyond the span") << qint64(1000) << qint64(2000) << QList<qint64> {900, 200, 0, 0};
        QTest::addRow("negative share") << qint64(1000) << qint64(2000) << QList<qint64> {1100, -100, 0, 0};
        QTest::addRow("empty span") << qint64(1000) << qint64(1000) << QList<qint64> {0, 0, 0, 0};
        QTest::addRow("backwards") << qint64(2000) << qint64(1000) << QList<qint64> {0, 0, 0, 0};
        QTest::addRow("overflowing") << qint64(1) << std::numeric_limits<qint64>::min() << QList<qint64> {0, 0, 0, 0};
        const qint64 tooLong = TelemetryRecord::MaxMixSpanNs + 1;
        QTest::addRow("too long") << qint64(1000) << 1000 + tooLong << QList<qint64> {tooLong, 0, 0, 0};
    }

    void malformedMixIsRefused()
    {
        QFETCH(qint64, begin);
        QFETCH(qint64, end);
        QFETCH(QList<qint64>, shares);
        auto mix = makeRecord(RecordKind::Mix, begin);
        mix.value2 = end;
        mix.setShares({shares[0], shares[1], shares[2], shares[3]});
        mix.seal();
        QVERIFY(!mix.isValid());
        const bool forward = end > begin;
        mix.setShares({forward ? end - begin : 0, 0, 0, 0});
        mix.seal();
        QCOMPARE(mix.isValid(), forward && end - begin <= TelemetryRecord::MaxMixSpanNs);
    }

    void stateClockReportsEveryNanosecond()
    {
        int fds[2];
        QCOMPARE(pipe(fds), 0);
        const TelemetryWriter writer(fds[1]);
        StateClock clock(writer);
        const qint64 t0 = monotonicNowNs() - 100'000'000; // all of it in the past, as a worker reports it
        clock.start(WorkerState::Running, 1, t0);
        // A lock run in miniature: 3 µs waiting, 4 µs holding, 1 µs running, 3000 times (24 ms)...
        qint64 t = t0 + 1000;
        for (int i = 0; i < 3000; ++i) {
            clock.enter(WorkerState::Waiting, t);
            clock.enter(WorkerState::Holding, t += 3000);
            clock.enter(WorkerState::Running, t += 4000);
            t += 1000;
        }
        // ... then one wait of 5 ms, which is an interval of its own, then short ones again.
        clock.enter(WorkerState::Waiting, t);
        clock.enter(WorkerState::Holding, t += 5'000'000);
        clock.enter(WorkerState::Running, t += 2000);
        clock.enter(WorkerState::Sleeping, t += 500);
        clock.enter(WorkerState::Running, t += 300);
        const qint64 end = t + 700;
        clock.finish(1, end);
        ::close(fds[1]);

        QByteArray bytes;
        char buffer[4096];
        for (ssize_t got; (got = ::read(fds[0], buffer, sizeof buffer)) > 0;)
            bytes.append(buffer, got);
        ::close(fds[0]);
        TelemetryDecoder decoder;
        std::vector<TelemetryRecord> records;
        decoder.feed(bytes, records);
        QCOMPARE(decoder.malformedCount(), 0u);
        QVERIFY2(records.size() < 20, "3000 short intervals go out as a few windows, not one record each");

        RunModel model;
        model.begin(QStringLiteral("clock"), {}, t0);
        model.addPhase(QStringLiteral("only"), t0);
        model.addWorker(0, QStringLiteral("worker"), 0, getpid(), t0);
        for (const auto& record : records)
            model.applyRecord(0, record);
        const auto& worker = model.workers().at(0);
        QCOMPARE(worker.malformedRecords, 0u);
        const auto& lane = worker.lanes.at(0);
        // Every nanosecond from the start to the last change is in exactly one state, as the worker counted it.
        QVERIFY(lane.finished);
        const auto totals = RunModel::laneTotals(worker, lane, end - t0);
        qint64 sum = 0;
        for (int state = 0; state < MeasuredStateCount; ++state) {
            QCOMPARE(totals[size_t(state)], clock.totalNs(WorkerState(state)));
            sum += totals[size_t(state)];
        }
        QCOMPARE(sum, end - t0);
        bool longWait = false;
        QCOMPARE(lane.states.last().state, WorkerState::Done);
        for (qsizetype i = 0; i + 1 < lane.states.size(); ++i) {
            const auto& interval = lane.states.at(i);
            if (i > 0)
                QCOMPARE(interval.beginNs, lane.states.at(i - 1).endNs); // contiguous
            if (interval.mixed)
                QVERIFY(interval.endNs - interval.beginNs <= 10'000'000);
            longWait = longWait || (!interval.mixed && interval.state == WorkerState::Waiting
                                       && interval.endNs - interval.beginNs == 5'000'000);
        }
        QVERIFY(longWait);
    }

    void checksumIsZlibCrc32()
    {
        // The standard check value, and zlib.crc32(b"PPVZ") as Python computes it: the observer seals with it.
        QCOMPARE(crc32("123456789", 9), 0xCBF43926u);
        QCOMPARE(crc32("PPVZ", 4), 0xE1AABC36u);
        QCOMPARE(crc32("", 0), 0u);
        const auto record = makeRecord(RecordKind::Message, 0);
        QCOMPARE(record.checksum, crc32(&record, offsetof(TelemetryRecord, checksum)));
    }

    void seedCorpusIsCurrent()
    {
        // The fuzzer starts from these (tests/fuzz/make_telemetry_corpus.py writes them): stale seeds would
        // all be refused, and the fuzzer would only ever see the decoder's error path.
        QFile file(QStringLiteral(PROCVIZ_FUZZ_CORPUS_DIR "/telemetry/records"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto bytes = file.readAll();
        TelemetryDecoder decoder;
        std::vector<TelemetryRecord> out;
        decoder.feed(bytes, out);
        QCOMPARE(decoder.malformedCount(), 0u);
        QCOMPARE(qsizetype(out.size() * sizeof(TelemetryRecord)), bytes.size());
        QCOMPARE(out.back().recordKind(), RecordKind::Finished);
    }

    void observerKindsCarryWhatTheyPromise_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("tid");
        QTest::addColumn<int>("aux");
        QTest::addColumn<qint64>("value");
        QTest::addColumn<qint64>("value2");
        QTest::addColumn<bool>("valid");
        const int process = int(RecordKind::Process);
        const int exited = int(RecordKind::Exited);
        const int gil = int(RecordKind::GilLayout);
        // makeRecord's pid is 1234.
        QTest::addRow("main program") << process << 0 << 1234 << 1 << qint64(5) << qint64(0) << true;
        QTest::addRow("helper") << process << int(ProcessRole::Helper) << 1234 << 77 << qint64(5) << qint64(0) << true;
        QTest::addRow("no such role") << process << 3 << 1234 << 77 << qint64(5) << qint64(0) << false;
        QTest::addRow("thread, not process") << process << 1 << 1235 << 77 << qint64(5) << qint64(0) << false;
        QTest::addRow("no parent") << process << 1 << 1234 << 0 << qint64(5) << qint64(0) << false;
        QTest::addRow("no start") << process << 1 << 1234 << 77 << qint64(0) << qint64(0) << false;
        QTest::addRow("exit 3") << exited << 0 << 1 << 99 << qint64(3) << qint64(8) << true;
        QTest::addRow("SIGKILL") << exited << 0 << 1 << 99 << qint64(-9) << qint64(8) << true;
        QTest::addRow("no status") << exited << 0 << 1 << 99 << qint64(256) << qint64(8) << false;
        QTest::addRow("no signal") << exited << 0 << 1 << 99 << qint64(-65) << qint64(8) << false;
        QTest::addRow("no child") << exited << 0 << 1 << 0 << qint64(0) << qint64(8) << false;
        QTest::addRow("no time") << exited << 0 << 1 << 99 << qint64(0) << qint64(0) << false;
        QTest::addRow("gil layout") << gil << 0 << 1 << 88 << qint64(0x7f0012345678) << qint64(0) << true;
        QTest::addRow("gil offset zero") << gil << 0 << 1 << 0 << qint64(0x7f0012345678) << qint64(0) << false;
        QTest::addRow("gil offset far") << gil << 0 << 1 << 4096 << qint64(0x7f0012345678) << qint64(0) << false;
        QTest::addRow("gil address null") << gil << 0 << 1 << 88 << qint64(0) << qint64(0) << false;
    }

    void observerKindsCarryWhatTheyPromise()
    {
        QFETCH(int, kind);
        QFETCH(int, state);
        QFETCH(int, tid);
        QFETCH(int, aux);
        QFETCH(qint64, value);
        QFETCH(qint64, value2);
        QFETCH(bool, valid);
        auto record = makeRecord(RecordKind(kind), value);
        record.state = std::uint8_t(state);
        record.tid = tid;
        record.aux = aux;
        record.value2 = value2;
        record.seal();
        QCOMPARE(record.isValid(), valid);
        record.kind = std::uint8_t(int(RecordKind::GilLayout) + 1);
        record.seal();
        QVERIFY(!record.isValid()); // nothing after the last kind
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
