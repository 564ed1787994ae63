// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QStringList>

#include <atomic>
#include <cstdint>

namespace ProcViz {

/// What one side of the pipe lesson did, in the run's shared memory: written only by that side (its
/// PipeEndpoint), read by the engine when the run is evaluated.
struct EndpointReport
{
    static constexpr int LogBytes = 32 * 1024;

    std::atomic<std::int32_t> pid; ///< this side's, written before it sends: its partner names it in hand-offs
    std::atomic<std::int64_t> sent;
    std::atomic<std::int64_t> received;
    std::atomic<std::int64_t> outOfOrder;
    std::atomic<std::int32_t> brokenPipe; ///< a write failed with EPIPE: nobody reads the other end any more
    std::atomic<std::int32_t> sentLogBytes;
    std::atomic<std::int32_t> receivedLogBytes;
    std::atomic<std::int64_t> firstSendNs;
    std::atomic<std::int64_t> lastReceiveNs;
    char sentLog[LogBytes]; ///< messages in order, each ended by '\n'; what does not fit is left out
    char receivedLog[LogBytes];

    void logSent(QByteArrayView message) { append(sentLog, sentLogBytes, message); }
    void logReceived(QByteArrayView message) { append(receivedLog, receivedLogBytes, message); }
    /// The messages logged, in order.
    QStringList sentMessages() const { return lines(sentLog, sentLogBytes); }
    QStringList receivedMessages() const { return lines(receivedLog, receivedLogBytes); }

private:
    static void append(char* log, std::atomic<std::int32_t>& used, QByteArrayView message);
    static QStringList lines(const char* log, const std::atomic<std::int32_t>& bytes);
};

} // namespace ProcViz
