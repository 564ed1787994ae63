// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/csvexporter.h"
#include "export/jsonexporter.h"
#include "export/traceexporter.h"
#include "model/runmodel.h"
#include "tracetotals.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>

using namespace ProcViz;

namespace {
constexpr qint64 StartNs = 10'000'000'000;
constexpr qint64 Ms = 1'000'000;

TelemetryRecord record(qint64 pid, qint64 tid, int lane, RecordKind kind, qint64 atMs)
{
    TelemetryRecord r;
    r.kind = static_cast<std::uint8_t>(kind);
    r.pid = std::int32_t(pid);
    r.tid = std::int32_t(tid);
    r.lane = lane;
    r.timestampNs = StartNs + atMs * Ms;
    return r;
}

TelemetryRecord sealed(TelemetryRecord r)
{
    r.seal();
    return r;
}

TelemetryRecord progress(qint64 pid, qint64 tid, int lane, qint64 atMs, qint64 done)
{
    auto r = record(pid, tid, lane, RecordKind::Progress, atMs);
    r.value = done;
    r.value2 = 100;
    return sealed(r);
}

/// The lane is in @p s from @p atMs on (an announced interval, open until the next).
TelemetryRecord state(qint64 pid, qint64 tid, int lane, qint64 atMs, WorkerState s)
{
    auto r = record(pid, tid, lane, RecordKind::State, atMs);
    r.state = static_cast<std::uint8_t>(s);
    r.value = r.timestampNs;
    return sealed(r);
}

TelemetryRecord mix(qint64 pid, qint64 fromMs, qint64 toMs, TelemetryRecord::Shares shares)
{
    auto r = record(pid, pid, 0, RecordKind::Mix, toMs);
    r.value = StartNs + fromMs * Ms;
    r.value2 = StartNs + toMs * Ms;
    r.setShares(shares);
    return sealed(r);
}

TelemetryRecord timed(qint64 pid, RecordKind kind, qint64 fromMs, qint64 toMs, std::int32_t aux, QByteArrayView text)
{
    auto r = record(pid, pid, 0, kind, toMs);
    r.value = StartNs + fromMs * Ms;
    r.value2 = StartNs + toMs * Ms;
    r.aux = aux;
    r.setText(text);
    return sealed(r);
}

TelemetryRecord started(qint64 pid, qint64 tid, int lane, qint64 atMs)
{
    return sealed(record(pid, tid, lane, RecordKind::Started, atMs));
}

TelemetryRecord finished(qint64 pid, qint64 tid, int lane, qint64 atMs)
{
    auto r = record(pid, tid, lane, RecordKind::Finished, atMs);
    r.value = 7;
    return sealed(r);
}

QJsonArray eventsOf(const QJsonObject& trace, QStringView phase, QStringView name = {})
{
    QJsonArray found;
    for (const auto& value : trace.value(QLatin1String("traceEvents")).toArray()) {
        const auto event = value.toObject();
        if (event.value(QLatin1String("ph")).toString() == phase
            && (name.isEmpty() || event.value(QLatin1String("name")).toString() == name))
            found.append(event);
    }
    return found;
}
} // namespace

class TestExporters : public QObject
{
    Q_OBJECT

private:
    // Four workers covering every shape an export must handle: a clean exit, a kill by signal with a
    // forged record, one still alive at the end, and one running two units on a single thread.
    RunModel m_model;

private slots:
    void initTestCase()
    {
        auto& m = m_model;
        m.begin(QStringLiteral("timing"),
            {{QStringLiteral("workers"), qint64(3)}, {QStringLiteral("mode"), QStringLiteral("processes")}}, StartNs);
        m.addPhase(QStringLiteral("processes"), StartNs);
        const int clean = m.addWorker(0, QStringLiteral("worker"), 0, 4242, StartNs + 1 * Ms);
        const int killed = m.addWorker(0, QStringLiteral("gil"), 1, 4343, StartNs + 1 * Ms);
        const int alive = m.addWorker(0, QStringLiteral("worker"), 2, 4444, StartNs + 2 * Ms);
        const int sequential = m.addWorker(0, QStringLiteral("sequential"), 0, 4545, StartNs + 2 * Ms);

        m.applyRecord(clean, started(4242, 4242, 0, 2));
        m.applyRecord(clean, progress(4242, 4242, 0, 10, 50));
        m.applyRecord(clean, state(4242, 4242, 0, 20, WorkerState::Waiting));
        m.addSample(clean, StartNs + 25 * Ms, 'S', 0.01);
        m.applyRecord(clean, state(4242, 4242, 0, 30, WorkerState::Running));
        // 6 ms too busy to report one by one: 1 ms running, 3 ms waiting, 2 ms holding.
        m.applyRecord(clean, mix(4242, 32, 38, {1 * Ms, 3 * Ms, 2 * Ms, 0}));
        m.applyRecord(clean, timed(4242, RecordKind::Handoff, 12, 14, 4343, "item 0.0"));
        auto counter = record(4242, 4242, 0, RecordKind::Counter, 35);
        counter.setText("queue");
        counter.value = 3;
        m.applyRecord(clean, sealed(counter));
        auto message = record(4242, 4242, 0, RecordKind::Message, 36);
        message.setText("hello");
        m.applyRecord(clean, sealed(message));
        m.applyRecord(clean, progress(4242, 4242, 0, 40, 100));
        m.addSample(clean, StartNs + 42 * Ms, 'R', 0.03);
        m.applyRecord(clean, finished(4242, 4242, 0, 45));
        m.setExited(clean, StartNs + 50 * Ms, 0, std::nullopt, 0.04);

        m.applyRecord(killed, started(4343, 4344, 0, 3));
        m.applyRecord(killed, started(4343, 4345, 1, 3));
        m.applyRecord(killed, started(9999, 9999, 0, 4)); // claims another process: refused, counted
        m.addSample(killed, StartNs + 20 * Ms, 'R', 0.02);
        m.setExited(killed, StartNs + 30 * Ms, std::nullopt, 9, 0.02);

        m.applyRecord(alive, started(4444, 4444, 0, 5));
        m.addSample(alive, StartNs + 20 * Ms, 'R', 0.01);
        m.addSample(alive, StartNs + 25 * Ms, 'T', 0.01); // SIGSTOPped: the engine's interval wins
        m.addSample(alive, StartNs + 35 * Ms, 'R', 0.01);

        m.applyRecord(sequential, started(4545, 4545, 0, 3));
        m.applyRecord(sequential, timed(4545, RecordKind::Span, 5, 15, 3, "task 3"));
        m.applyRecord(sequential, finished(4545, 4545, 0, 20));
        m.applyRecord(sequential, started(4545, 4545, 1, 20));
        m.applyRecord(sequential, finished(4545, 4545, 1, 40));
        m.setExited(sequential, StartNs + 41 * Ms, 0, std::nullopt, 0.04);

        m.finish(StartNs + 60 * Ms, Outcome::Completed);
        m.setResult({{QStringLiteral("answer"), 42}},
            {{QStringLiteral("ok"), true, QStringLiteral("fine")},
                {QStringLiteral("bad"), false, QStringLiteral("not")}});
    }

    void jsonDocument()
    {
        const auto json = JsonExporter::toJson(m_model);
        for (const char* key : {"scenario", "params", "elapsed_s", "outcome", "cores", "workers", "phases", "result",
                 "checks", "generator"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QCOMPARE(json.value(QLatin1String("scenario")).toString(), QStringLiteral("timing"));
        QCOMPARE(json.value(QLatin1String("params")).toObject().value(QLatin1String("workers")).toInt(), 3);
        QCOMPARE(json.value(QLatin1String("elapsed_s")).toDouble(), 0.06);
        QCOMPARE(json.value(QLatin1String("outcome")).toString(), QStringLiteral("completed"));
        QCOMPARE(json.value(QLatin1String("cores")).toInt(), QThread::idealThreadCount());
        QCOMPARE(json.value(QLatin1String("result")).toObject(), QJsonObject({{QStringLiteral("answer"), 42}}));
        const auto generator = json.value(QLatin1String("generator")).toObject();
        QCOMPARE(generator.value(QLatin1String("name")).toString(), QStringLiteral("ProcViz"));
        QCOMPARE(generator.value(QLatin1String("version")).toString(), QStringLiteral(PROCVIZ_VERSION));

        const auto checks = json.value(QLatin1String("checks")).toArray();
        QCOMPARE(checks.size(), 2);
        QCOMPARE(checks.at(1).toObject(),
            QJsonObject({{QStringLiteral("name"), QStringLiteral("bad")}, {QStringLiteral("passed"), false},
                {QStringLiteral("detail"), QStringLiteral("not")}}));
        const auto phases = json.value(QLatin1String("phases")).toArray();
        QCOMPARE(phases.size(), 1);
        QCOMPARE(phases.at(0)[QLatin1String("name")].toString(), QStringLiteral("processes"));
        QVERIFY(phases.at(0)[QLatin1String("end_s")].isNull()); // never ended: null, not missing
    }

    void jsonWorkers()
    {
        const auto workers = JsonExporter::toJson(m_model).value(QLatin1String("workers")).toArray();
        QCOMPARE(workers.size(), 4);
        const auto clean = workers.at(0).toObject();
        QCOMPARE(clean.keys().size(), 12);
        QCOMPARE(clean.value(QLatin1String("index")).toInt(), 0);
        QCOMPARE(clean.value(QLatin1String("role")).toString(), QStringLiteral("worker"));
        QCOMPARE(clean.value(QLatin1String("phase")).toString(), QStringLiteral("processes"));
        QCOMPARE(clean.value(QLatin1String("pid")).toInteger(), 4242);
        QCOMPARE(clean.value(QLatin1String("start_s")).toDouble(), 0.001);
        QCOMPARE(clean.value(QLatin1String("end_s")).toDouble(), 0.05);
        QCOMPARE(clean.value(QLatin1String("exit_code")).toInt(-1), 0);
        QVERIFY(clean.value(QLatin1String("signal")).isNull());
        QCOMPARE(clean.value(QLatin1String("cpu_s")).toDouble(), 0.04);
        QCOMPARE(clean.value(QLatin1String("malformed_records")).toInt(), 0);
        const auto time = clean.value(QLatin1String("time_in_state_s")).toObject();
        QCOMPARE(time.keys().size(), WorkerStateCount);
        // running 2-20 and 30-32 and 1 ms of the mix, waiting 20-30 and 3 ms, holding 2 ms, done 45-50 (exit).
        QCOMPARE(time.value(QLatin1String("running")).toDouble(), 0.021);
        QCOMPARE(time.value(QLatin1String("waiting")).toDouble(), 0.013);
        QCOMPARE(time.value(QLatin1String("holding")).toDouble(), 0.002);
        QCOMPARE(time.value(QLatin1String("done")).toDouble(), 0.005);
        QCOMPARE(time.value(QLatin1String("stopped")).toDouble(), 0.0);

        const auto killed = workers.at(1).toObject();
        QVERIFY(killed.value(QLatin1String("exit_code")).isNull());
        QCOMPARE(killed.value(QLatin1String("signal")).toInt(), 9);
        QCOMPARE(killed.value(QLatin1String("malformed_records")).toInt(), 1);

        const auto alive = workers.at(2).toObject();
        QCOMPARE(alive.value(QLatin1String("index")).toInt(), 2);
        QVERIFY(alive.value(QLatin1String("end_s")).isNull());
        QVERIFY(alive.value(QLatin1String("exit_code")).isNull());
        QVERIFY(alive.value(QLatin1String("signal")).isNull());
        const auto aliveTime = alive.value(QLatin1String("time_in_state_s")).toObject();
        QCOMPARE(aliveTime.value(QLatin1String("stopped")).toDouble(), 0.010);
        QCOMPARE(aliveTime.value(QLatin1String("running")).toDouble(), 0.045); // 5-25 and 35-60
    }

    void jsonWrite()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("run.json"));
        QString error;
        QVERIFY2(JsonExporter::write(m_model, path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError parseError;
        const auto document = QJsonDocument::fromJson(file.readAll(), &parseError);
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(document.object().value(QLatin1String("workers")).toArray().size(), 4);

        const QString nowhere = dir.filePath(QStringLiteral("missing/run.json"));
        QVERIFY(!JsonExporter::write(m_model, nowhere, &error));
        QVERIFY2(error.contains(nowhere), qPrintable(error));
    }

    void traceProcesses()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("trace.json"));
        QString error;
        QVERIFY2(TraceExporter::write(m_model, path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError parseError;
        const auto trace = QJsonDocument::fromJson(file.readAll(), &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(trace.value(QLatin1String("displayTimeUnit")).toString(), QStringLiteral("ms"));

        QHash<qint64, QString> names;
        for (const auto& value : eventsOf(trace, u"M", u"process_name"))
            names.insert(value[QLatin1String("pid")].toInteger(),
                value[QLatin1String("args")][QLatin1String("name")].toString());
        QCOMPARE(names.size(), m_model.workers().size());
        QCOMPARE(names.value(4242), QStringLiteral("worker 0 · pid 4242"));
        QCOMPARE(names.value(4343), QStringLiteral("gil 1 · pid 4343"));
        QCOMPARE(names.value(4444), QStringLiteral("worker 2 · pid 4444"));
        QCOMPARE(names.value(4545), QStringLiteral("sequential 0 · pid 4545"));

        for (const auto& value : eventsOf(trace, u"M", u"process_sort_index")) {
            const auto pid = value[QLatin1String("pid")].toInteger();
            const auto& workers = m_model.workers();
            const auto it
                = std::find_if(workers.cbegin(), workers.cend(), [pid](const auto& w) { return w.pid == pid; });
            QVERIFY(it != workers.cend());
            QCOMPARE(value[QLatin1String("args")][QLatin1String("sort_index")].toInt(), it->id);
        }

        QMultiHash<qint64, QString> threads;
        QSet<QPair<qint64, qint64>> tracks;
        for (const auto& value : eventsOf(trace, u"M", u"thread_name")) {
            const auto pid = value[QLatin1String("pid")].toInteger();
            threads.insert(pid, value[QLatin1String("args")][QLatin1String("name")].toString());
            tracks.insert({pid, value[QLatin1String("tid")].toInteger()});
        }
        QCOMPARE(threads.values(4242), QStringList {QStringLiteral("main")});
        auto gilThreads = threads.values(4343);
        gilThreads.sort();
        QCOMPARE(gilThreads, QStringList({QStringLiteral("thread 0"), QStringLiteral("thread 1")}));
        QCOMPARE(threads.count(4545), 2);
        QCOMPARE(tracks.size(), threads.size()); // every lane its own track, even units sharing a thread
    }

    void traceSlicesAndCounters()
    {
        const auto trace = QJsonDocument::fromJson(QJsonDocument(TraceExporter::toJson(m_model)).toJson()).object();
        const auto slices = eventsOf(trace, u"X");
        QVERIFY(!slices.isEmpty());
        QHash<QPair<qint64, qint64>, QList<QPair<double, double>>> byTrack;
        bool sawWaiting = false;
        for (const auto& value : slices) {
            const auto slice = value.toObject();
            const QString name = slice.value(QLatin1String("name")).toString();
            if (slice.value(QLatin1String("cat")).toString() == QLatin1String("task"))
                continue; // on a track of its own in Perfetto's view: tasks nest over the states
            QVERIFY2(stateFromName(name).has_value() || name == QLatin1String("mixed"), qPrintable(name));
            const double ts = slice.value(QLatin1String("ts")).toDouble();
            const double dur = slice.value(QLatin1String("dur")).toDouble();
            QVERIFY(ts >= 0 && dur >= 0);
            const qint64 pid = slice.value(QLatin1String("pid")).toInteger();
            byTrack[{pid, slice.value(QLatin1String("tid")).toInteger()}].append({ts, ts + dur});
            if (pid == 4242 && name == QLatin1String("waiting")) {
                sawWaiting = true;
                QCOMPARE(ts, 20000.0); // microseconds since the run began
                QCOMPARE(dur, 10000.0);
            }
            if (pid == 4444 && name == QLatin1String("running")) // the part after the stop closes at the run's end
                QVERIFY(ts + dur == 25000.0 || ts + dur == 60000.0);
        }
        QVERIFY(sawWaiting);
        // Perfetto drops slices that overlap on one thread track without nesting.
        for (auto intervals : std::as_const(byTrack)) {
            std::sort(intervals.begin(), intervals.end());
            for (qsizetype i = 1; i < intervals.size(); ++i)
                QVERIFY(intervals.at(i).first >= intervals.at(i - 1).second);
        }

        QList<double> progress;
        for (const auto& value : eventsOf(trace, u"C", u"progress")) {
            if (value[QLatin1String("pid")].toInteger() == 4242)
                progress.append(value[QLatin1String("args")][QLatin1String("progress")].toDouble());
        }
        QCOMPARE(progress, QList<double>({50.0, 100.0}));
        const auto queue = eventsOf(trace, u"C", u"queue");
        QCOMPARE(queue.size(), 1);
        QCOMPARE(queue.at(0)[QLatin1String("pid")].toInteger(), 4242);
        QCOMPARE(eventsOf(trace, u"i", u"hello").size(), 1);

        const auto mixed = eventsOf(trace, u"X", u"mixed");
        QCOMPARE(mixed.size(), 1);
        QCOMPARE(mixed.at(0)[QLatin1String("args")][QLatin1String("waiting_ns")].toInteger(), 3 * Ms);
        QCOMPARE(mixed.at(0)[QLatin1String("args")][QLatin1String("holding_ns")].toInteger(), 2 * Ms);
        const auto stopped = eventsOf(trace, u"X", u"stopped");
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(stopped.at(0)[QLatin1String("ts")].toDouble(), 25000.0);
        QCOMPARE(stopped.at(0)[QLatin1String("dur")].toDouble(), 10000.0);
        const auto task = eventsOf(trace, u"X", u"task 3");
        QCOMPARE(task.size(), 1);
        QCOMPARE(task.at(0)[QLatin1String("args")][QLatin1String("index")].toInt(), 3);
        const auto flowStart = eventsOf(trace, u"s"), flowEnd = eventsOf(trace, u"f");
        QCOMPARE(flowStart.size(), 1);
        QCOMPARE(flowEnd.size(), 1);
        QCOMPARE(flowStart.at(0)[QLatin1String("pid")].toInteger(), 4343);
        QCOMPARE(flowEnd.at(0)[QLatin1String("pid")].toInteger(), 4242);
        QCOMPARE(flowStart.at(0)[QLatin1String("id")], flowEnd.at(0)[QLatin1String("id")]);
        QCOMPARE(flowEnd.at(0)[QLatin1String("ts")].toDouble(), 14000.0);
    }

    /// The trace's state slices, with each mixed slice counted by its shares, add up to the JSON's totals.
    void traceAddsUpToTimeInState()
    {
        const auto trace = TraceExporter::toJson(m_model);
        const auto workers = JsonExporter::toJson(m_model).value(QLatin1String("workers")).toArray();
        for (const auto& value : workers) {
            const auto worker = value.toObject();
            const qint64 pid = worker.value(QLatin1String("pid")).toInteger();
            const auto micros = traceStateMicros(trace, pid);
            const auto time = worker.value(QLatin1String("time_in_state_s")).toObject();
            for (auto it = time.begin(); it != time.end(); ++it)
                QVERIFY2(std::abs(micros.value(it.key()) - it.value().toDouble() * 1e6) < 0.01,
                    qPrintable(QStringLiteral("pid %1 %2: trace %3 µs, json %4 s")
                                   .arg(pid)
                                   .arg(it.key())
                                   .arg(micros.value(it.key()))
                                   .arg(it.value().toDouble())));
        }
    }

    void csv()
    {
        const QList<QByteArray> lines = CsvExporter::toCsv(m_model).split('\n');
        QCOMPARE(lines.first(), QByteArray("time_s,worker,role,pid,progress,state,proc_state,cpu_s"));
        QCOMPARE(lines.last(), QByteArray()); // ends with a newline
        qsizetype samples = 0;
        for (const auto& worker : m_model.workers())
            samples += worker.samples.size();
        QCOMPARE(lines.size() - 2, samples);
        QCOMPARE(lines.at(1), QByteArray("0.025000,0,worker,4242,0.5000,waiting,S,0.010"));
        QVERIFY(CsvExporter::toCsv(m_model).contains(",worker,4444,0.0000,stopped,T,"));
        for (qsizetype i = 1; i < lines.size() - 1; ++i) {
            const auto fields = lines.at(i).split(',');
            QCOMPARE(fields.size(), 8);
            QVERIFY(stateFromName(QString::fromLatin1(fields.at(5))).has_value());
        }

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("samples.csv"));
        QString error;
        QVERIFY2(CsvExporter::write(m_model, path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), CsvExporter::toCsv(m_model));
    }
};

QTEST_GUILESS_MAIN(TestExporters)
#include "tst_exporters.moc"
