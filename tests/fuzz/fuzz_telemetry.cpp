// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any byte stream, cut into chunks at fuzzer-chosen places, through the telemetry decoder.
// Nothing may crash, and nothing invalid may come out.
#include "telemetry/telemetrydecoder.h"

#include <cstdlib>
#include <vector>

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
    return 0;
}
