// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatinput.h"
#include "ipc/framereader.h"
#include "ipc/framewriter.h"
#include "outbox.h"
#include "pause.h"
#include "telemetry/progressthrottle.h"
#include "telemetry/stateclock.h"

#include <span>

struct pollfd;

namespace ProcViz {

struct EndpointReport;
class TelemetryWriter;

/// One side of the pipe lesson, inside its worker: it sends its script (and, duplex, answers every greeting),
/// receives until end of file, and forwards the lines a person types, all from one poll() loop over the channel,
/// the chat input and its own pauses. Messages travel as frames that carry their send time. It records what it
/// did in its EndpointReport and reports its states (the lesson's pauses sleeping, blocked on the other side
/// waiting), every message's hand-off and its progress.
class PipeEndpoint
{
public:
    /// Payload bytes a message keeps; a longer one is cut.
    static constexpr qsizetype MaxPayload = 1000;
    /// Messages that get their own send/receive records; a throughput run beyond them reports progress only.
    static constexpr std::int64_t TracedMessages = 1000;

    /// What the lesson decided for this side.
    struct Setup
    {
        int channel = -1; ///< one way a pipe's end, duplex a connected stream socket
        int input = -1; ///< where a person's chat lines arrive, read by a side that sends; -1: none
        int index = 0; ///< this side's number: duplex messages are signed "peer <index>: "
        bool duplex = false;
        bool sends = false;
        bool receives = false;
        std::int64_t sendMs = 0; ///< pause after each script message
        std::int64_t receiveMs = 0; ///< pause after each message received
        QList<QByteArray> script; ///< the messages to send (a receiver counts them to know what to expect)
        std::int64_t count = 0; ///< > 0: this many generated messages instead of the script
    };

    /// Records into @p report, reads the partner's pid from @p partner, and keeps each message's latency in
    /// @p latencies while there is room.
    PipeEndpoint(const Setup& setup, const TelemetryWriter& telemetry, EndpointReport& report,
        const EndpointReport& partner, std::span<std::int64_t> latencies);

    /// The conversation, to its end. A one-way sender closes the channel when it has sent everything: closing is
    /// the message. A duplex peer shuts down its writing half once both sides have answered everything.
    /// EXIT_FAILURE when a write failed (a broken pipe is reported and said in a message).
    int run();

private:
    void sendWhatIsDue();
    /// Frames the message and hands it to the writer, which writes it at once unless this side coalesces.
    bool send(QByteArrayView payload, std::uint32_t flags);
    /// Writes what is pending. One way it blocks (the sender has nothing else to do); duplex never does: two
    /// peers blocked writing into full sockets, neither reading, would deadlock.
    bool flush() { return succeeded(m_writer.flush()); }
    bool succeeded(FrameWriter::Status status); ///< false, and says why, when a write failed
    bool finishedSending() const;
    void closeWriting();
    bool handOverArrived();
    void handleFrame(const FrameHeader& frame, QByteArrayView payload);
    void waitForSomething();
    int pollAccounted(pollfd* fds, int count, std::int64_t wakeNs, bool onChannel);
    void takeChatLines();
    bool sending() const { return m_sends && !m_outbox.isEmpty(); }
    std::int64_t progressDone() const;
    std::int64_t progressTotal() const;
    void reportProgress();

    const TelemetryWriter& m_telemetry;
    StateClock m_clock;
    EndpointReport& m_report;
    const EndpointReport& m_partner;
    const std::span<std::int64_t> m_latencies;
    const int m_channel;
    const bool m_duplex;
    const bool m_sends;
    const bool m_receives;
    /// A one-way sender without pauses lets frames ready back to back share a write(); everyone else writes
    /// each frame at once (a paced, interactive or duplex frame must be seen when it is sent).
    const bool m_coalesce;
    Outbox m_outbox;
    const std::int64_t m_expected; ///< messages this side receives in all
    ChatInput m_input;
    Pause m_receivePause;
    ProgressThrottle m_throttle {1000};
    FrameWriter m_writer;
    FrameReader m_reader;

    std::int64_t m_seq = 0; ///< of the last message sent
    std::int64_t m_lastSeqIn = 0; ///< of the last message received
    std::int64_t m_repliesAwaited = 0; ///< duplex: greetings sent that the other side has not answered yet
    bool m_overSent = false; ///< duplex: told the other side no more greetings come
    bool m_otherOver = false; ///< duplex: the other side told this one so
    bool m_writeClosed = false;
    bool m_channelOpen = true;
    bool m_failed = false;
};

} // namespace ProcViz
