// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any byte stream, cut into chunks at fuzzer-chosen places, through the telemetry decoder and
// into a run model, as the engine takes a worker's records. Nothing may crash, nothing invalid may come out of
// the decoder, and the model keeps its own rules whatever it is fed: a lane's intervals in order and apart,
// no negative time in any state. The corpus records are a worker of pid 4242 in a run that began at 1 s.
#include "export/traceexporter.h"
#include "model/runmodel.h"
#include "telemetry/telemetrydecoder.h"

#include <cstdlib>
#include <vector>

namespace {
void checkModel(const ProcViz::RunModel& model)
{
    using namespace ProcViz;
    for (const auto& worker : model.workers()) {
        for (const auto& lane : worker.lanes) {
            for (qsizetype i = 0; i < lane.states.size(); ++i) {
                const auto& interval = lane.states.at(i);
                const bool last = i + 1 == lane.states.size();
                if ((interval.endNs < 0 && !last) || (interval.endNs >= 0 && interval.endNs < interval.beginNs))
                    std::abort();
                if (i > 0 && interval.beginNs < lane.states.at(i - 1).endNs)
                    std::abort();
            }
            for (const auto total : RunModel::laneTotals(worker, lane, model.nowNs())) {
                if (total < 0)
                    std::abort();
            }
        }
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
    ProcViz::TelemetryDecoder decoder;
    std::vector<ProcViz::TelemetryRecord> records;
    // The first byte chooses the chunk size, so reads that end mid-record are explored too.
    const size_t chunk = size > 0 ? 1 + data[0] % 200 : 1;
    for (size_t offset = size > 0 ? 1 : 0; offset < size; offset += chunk) {
        const auto length = std::min(chunk, size - offset);
        decoder.feed(QByteArrayView(reinterpret_cast<const char*>(data + offset), qsizetype(length)), records);
    }
    decoder.finish();
    for (const auto& record : records) {
        if (!record.isValid())
            std::abort();
    }
    if (decoder.decodedCount() != records.size() || decoder.pendingBytes() != 0)
        std::abort();

    constexpr qint64 RunStartNs = 1'000'000'000;
    ProcViz::RunModel model;
    model.begin(QStringLiteral("fuzz"), {}, RunStartNs);
    model.addPhase(QStringLiteral("fuzz"), RunStartNs);
    const int worker = model.addWorker(0, QStringLiteral("worker"), 0, 4242, RunStartNs);
    for (const auto& record : records)
        model.applyRecord(worker, record);
    checkModel(model);
    model.setExited(worker, RunStartNs + 1'000'000'000, 0, std::nullopt, 0);
    checkModel(model);
    ProcViz::TraceExporter::toJson(model);
    return 0;
}
