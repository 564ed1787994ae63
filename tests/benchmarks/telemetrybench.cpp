// SPDX-License-Identifier: GPL-3.0-or-later
// Item 4: telemetry end to end (a forked flooder -> the real pipe -> TelemetryDecoder -> RunModel) and
// the cost of one progress report in a worker.
#include "benchcommon.h"
#include "telemetry/telemetrydecoder.h"
#include "telemetry/telemetrywriter.h"

#include <atomic>
#include <fcntl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace ProcViz::Bench {

namespace {

struct FloodResult
{
    double eventsPerSecond = 0;
    quint64 decoded = 0;
    quint64 malformed = 0;
    qint64 sent = 0;
};

// The flooder is a forked child writing with the real TelemetryWriter (one 128-byte write() per record);
// the parent reads like the engine does (large reads, decoder, model). No throttle: every record counts.
FloodResult flood(qint64 records, bool intoModel)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return {};
    const auto t0 = monotonicNowNs();
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        TelemetryWriter writer(fds[1]);
        writer.started(0, WorkerState::Running, 1, monotonicNowNs());
        for (qint64 i = 1; i <= records; ++i)
            writer.progress(i, records);
        writer.finished(records, 0, monotonicNowNs());
        _exit(0);
    }
    close(fds[1]);
    RunModel model;
    model.begin(QStringLiteral("flood"), {}, t0);
    const int phase = model.addPhase(QStringLiteral("flood"), t0);
    const int worker = model.addWorker(phase, QStringLiteral("flood"), 0, pid, t0);
    TelemetryDecoder decoder;
    std::vector<TelemetryRecord> out;
    std::vector<char> buffer(64 * 1024);
    for (;;) {
        const auto n = read(fds[0], buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        out.clear();
        decoder.feed(QByteArrayView(buffer.data(), n), out);
        if (intoModel) {
            for (const auto& record : out)
                model.applyRecord(worker, record);
        }
    }
    decoder.finish();
    const auto t1 = monotonicNowNs();
    close(fds[0]);
    waitpid(pid, nullptr, 0);
    FloodResult result;
    result.sent = records + 2;
    result.decoded = decoder.decodedCount();
    result.malformed = decoder.malformedCount();
    result.eventsPerSecond = double(result.decoded) * 1e9 / double(t1 - t0);
    return result;
}

// One progress report as a worker makes it, into a pipe that a thread keeps drained.
double progressCostNs(qint64 calls, double* writeOnlyNs)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return -1;
    std::thread drain([fd = fds[0]] {
        std::vector<char> buffer(64 * 1024);
        while (read(fd, buffer.data(), buffer.size()) > 0) { }
    });
    TelemetryWriter writer(fds[1]);
    const auto t0 = monotonicNowNs();
    for (qint64 i = 0; i < calls; ++i)
        writer.progress(i, calls);
    const auto t1 = monotonicNowNs();
    // The floor under it: the same number of bare 128-byte write()s.
    const TelemetryRecord record;
    for (qint64 i = 0; i < calls; ++i) {
        if (::write(fds[1], &record, sizeof record) != ssize_t(sizeof record))
            break;
    }
    *writeOnlyNs = double(monotonicNowNs() - t1) / double(calls);
    close(fds[1]);
    drain.join();
    close(fds[0]);
    return double(t1 - t0) / double(calls);
}

} // namespace

QList<Figure> telemetryBenchmarks(const Config& config)
{
    if (!config.wants(QStringLiteral("telemetry")))
        return {};
    const qint64 records = config.quick ? 200'000 : 1'000'000;
    QList<double> decoderRates, modelRates, costs, writeCosts;
    quint64 lost = 0, malformed = 0;
    for (int r = 0; r < config.repetitions; ++r) {
        const auto plain = flood(records, false);
        const auto full = flood(records, true);
        decoderRates.append(plain.eventsPerSecond);
        modelRates.append(full.eventsPerSecond);
        lost += quint64(plain.sent) - plain.decoded + quint64(full.sent) - full.decoded;
        malformed += plain.malformed + full.malformed;
        // On a thread of its own, so nothing this process forks later inherits its telemetry state.
        double cost = 0, writeOnly = 0;
        std::thread([&] { cost = progressCostNs(config.quick ? 200'000 : 1'000'000, &writeOnly); }).join();
        costs.append(cost);
        writeCosts.append(writeOnly);
    }
    const double rate = median(modelRates);
    return {
        {QStringLiteral("telemetry_events_per_s"), QStringLiteral("4 telemetry e2e (pipe+decoder+model)"), rate,
            QStringLiteral("ev/s"), QStringLiteral(">= 1e6, no loss"), rate >= 1e6 && lost == 0 && malformed == 0,
            {{QStringLiteral("records_per_run"), records}, {QStringLiteral("lost"), qint64(lost)},
                {QStringLiteral("malformed"), qint64(malformed)},
                {QStringLiteral("decoder_only_events_per_s"), median(decoderRates)}}},
        {QStringLiteral("telemetry_decoder_events_per_s"), QStringLiteral("4 telemetry e2e (pipe+decoder only)"),
            median(decoderRates), QStringLiteral("ev/s"), QString(), std::nullopt, {}},
        {QStringLiteral("progress_report_ns"), QStringLiteral("4 one progress report in a worker"), median(costs),
            QStringLiteral("ns"), QString(), std::nullopt, {{QStringLiteral("bare_write_ns"), median(writeCosts)}}},
        {QStringLiteral("bare_write_ns"), QStringLiteral("4 (floor) one bare 128-byte write()"), median(writeCosts),
            QStringLiteral("ns"), QString(), std::nullopt, {}},
    };
}

} // namespace ProcViz::Bench
