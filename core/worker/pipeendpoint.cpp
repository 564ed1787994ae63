// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeendpoint.h"

#include "endpointreport.h"
#include "pacing.h"
#include "telemetry/telemetrywriter.h"

#include <QString>

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ProcViz {

namespace {
QByteArray signature(const PipeEndpoint::Setup& setup)
{
    return setup.duplex ? QByteArray("peer ") + QByteArray::number(setup.index) + ": " : QByteArray();
}
} // namespace

PipeEndpoint::PipeEndpoint(const Setup& setup, const TelemetryWriter& telemetry, EndpointReport& report,
    const EndpointReport& partner, std::span<std::int64_t> latencies)
    : m_telemetry(telemetry)
    , m_clock(telemetry)
    , m_report(report)
    , m_partner(partner)
    , m_latencies(latencies)
    , m_channel(setup.channel)
    , m_duplex(setup.duplex)
    , m_sends(setup.sends)
    , m_receives(setup.receives)
    , m_coalesce(setup.sends && !setup.receives && setup.sendMs == 0)
    , m_outbox(setup.script, setup.count, signature(setup), setup.sendMs)
    , m_expected(!setup.receives ? 0
              : setup.duplex     ? 2 * m_outbox.scriptSize()
                                 : m_outbox.scriptSize())
    , m_input(setup.sends ? setup.input : -1)
    , m_receivePause(setup.receiveMs)
    , m_writer(setup.channel)
    , m_reader(setup.channel)
{ }

int PipeEndpoint::run()
{
    m_report.pid = std::int32_t(getpid());
    m_clock.start();
    if (m_duplex)
        fcntl(m_channel, F_SETFL, fcntl(m_channel, F_GETFL) | O_NONBLOCK);
    while (!m_failed) {
        sendWhatIsDue();
        if (m_failed)
            break;
        // Duplex: the script is out; the other side stops expecting greetings once it hears so.
        if (m_duplex && !m_overSent && m_outbox.scriptDone() && m_channelOpen && m_writer.isEmpty()) {
            m_failed = !send({}, Over);
            m_overSent = true;
        }
        if (m_sends && m_channelOpen && !m_writeClosed && finishedSending()) {
            closeWriting();
            if (!m_receives)
                break;
        }
        if (handOverArrived())
            continue; // a reply may be due
        if (!m_receives && !sending() && !m_input.isOpen())
            break;
        if (m_receives && !m_channelOpen && !m_reader.hasWholeFrame())
            break; // end of file and every whole frame handed over
        waitForSomething();
    }
    m_clock.progress(m_report.sent.load() + m_report.received.load(),
        std::max<std::int64_t>(1, m_report.sent.load() + m_report.received.load()));
    m_clock.finish(m_report.received.load());
    return m_failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/// Sends what is due: replies at once, the script on its schedule (all of it at once in a count run). A side that
/// coalesces then writes what it gathered: nothing more is ready, and it must go out before this side looks
/// elsewhere, waits or closes.
void PipeEndpoint::sendWhatIsDue()
{
    const auto now = monotonicNowNs();
    while (m_sends && m_channelOpen && !m_failed && (m_coalesce || m_writer.isEmpty())) {
        if (m_outbox.hasReplies()) {
            m_failed = !send(m_outbox.takeReply(), Reply);
        } else if (m_outbox.scriptDue()) {
            m_failed = !send(m_outbox.takeScript(now), 0);
            m_repliesAwaited += m_duplex ? 1 : 0;
            if (m_outbox.isGenerated() && m_outbox.taken() % 1024 == 0)
                break; // look at the input and the channel now and then
        } else {
            break;
        }
        reportProgress();
    }
    if (m_coalesce && m_channelOpen && !m_failed)
        m_failed = !flush();
}

bool PipeEndpoint::send(QByteArrayView payload, std::uint32_t flags)
{
    payload = payload.first(std::min(payload.size(), MaxPayload));
    const std::int64_t seq = (flags & Over) ? 0 : ++m_seq;
    // The send time is when the frame enters the writer: a frame that waits there for the next write() is late
    // by that much, and its latency includes it, as it should.
    const FrameHeader header {std::uint32_t(payload.size()), flags, seq, monotonicNowNs()};
    auto status = m_writer.append(header, payload);
    if (!(flags & Over)) {
        // Counted as sent once handed over, like Python's send() returning: a reader that dies loses what is
        // still in the writer as it loses what is in the pipe.
        if (seq == 1)
            m_report.firstSendNs = header.sentNs;
        m_report.sent.fetch_add(1);
        m_report.logSent(payload);
        if (seq <= TracedMessages) {
            m_telemetry.message(QStringLiteral("sent #%1 (%2 B)%3")
                                    .arg(seq)
                                    .arg(payload.size())
                                    .arg((flags & Reply) ? QStringLiteral(" reply") : QString())
                                    .toUtf8());
        }
    }
    if (status == FrameWriter::Status::Ok && !m_coalesce) // duplex (and its Over) never coalesces
        status = m_writer.flush();
    return succeeded(status);
}

bool PipeEndpoint::succeeded(FrameWriter::Status status)
{
    switch (status) {
    case FrameWriter::Status::Ok:
        return true;
    case FrameWriter::Status::BrokenPipe:
        m_report.brokenPipe = 1;
        m_telemetry.message("broken pipe (EPIPE): nobody reads the other end any more");
        return false;
    case FrameWriter::Status::Failed:
        m_telemetry.message(QByteArray(QByteArray("write failed: ") + strerror(m_writer.error())));
        return false;
    }
    return false;
}

bool PipeEndpoint::finishedSending() const
{
    return m_writer.isEmpty() && m_outbox.scriptDone()
        && (!m_duplex || (m_repliesAwaited == 0 && m_otherOver && !m_outbox.hasReplies()));
}

void PipeEndpoint::closeWriting()
{
    m_writeClosed = true;
    // One way: closing is the message. Duplex: no more writes from here; the other side reads end of file.
    if (m_duplex)
        ::shutdown(m_channel, SHUT_WR);
    else
        ::close(m_channel);
    m_channelOpen = m_receives;
    m_input.close();
}

/// Hands over the frames already read, one per --recv-ms pause. True when it handed over any.
bool PipeEndpoint::handOverArrived()
{
    bool handled = false;
    FrameHeader frame;
    QByteArrayView payload;
    while (m_receives && m_receivePause.isOver() && m_reader.next(&frame, &payload)) {
        handleFrame(frame, payload);
        handled = true;
        reportProgress();
    }
    m_reader.discardHandled();
    return handled;
}

void PipeEndpoint::handleFrame(const FrameHeader& frame, QByteArrayView payload)
{
    const auto now = monotonicNowNs();
    if (frame.flags & Over) {
        m_otherOver = true;
        return;
    }
    if (frame.seq != m_lastSeqIn + 1)
        m_report.outOfOrder.fetch_add(1);
    m_lastSeqIn = frame.seq;
    const auto n = m_report.received.load();
    if (n < std::int64_t(m_latencies.size()))
        m_latencies[size_t(n)] = now - frame.sentNs;
    m_report.lastReceiveNs = now;
    m_report.logReceived(payload);
    m_report.received.store(n + 1);
    if (frame.seq <= TracedMessages) {
        // Drawn as an arrow from the send: the frame carries its send time, shared memory the sender's pid.
        m_telemetry.handoff(
            m_partner.pid.load(), frame.sentNs, now, payload.first(std::min<qsizetype>(payload.size(), 40)));
        m_telemetry.message(QStringLiteral("received #%1 (%2 B)").arg(frame.seq).arg(payload.size()).toUtf8());
    }
    if (frame.flags & Reply)
        --m_repliesAwaited;
    else if (m_duplex)
        m_outbox.answer(payload);
    m_receivePause.begin(now);
}

/// Waits in poll() for whatever comes first: the channel (readable once this side's pause is over, writable when
/// frames wait for room), a chat line, or the end of a pause; then handles what poll() found.
void PipeEndpoint::waitForSomething()
{
    const bool readable = m_receives && m_channelOpen && m_receivePause.isOver();
    const bool pending = m_channelOpen && !m_writer.isEmpty();
    pollfd fds[2];
    int count = 0;
    if (readable || pending)
        fds[count++] = {m_channel, short((readable ? POLLIN : 0) | (pending ? POLLOUT : 0)), 0};
    if (m_input.isOpen())
        fds[count++] = {m_input.fd(), POLLIN, 0};
    std::int64_t wakeNs = -1; // a deliberate pause (the schedule) ends then
    if (m_sends && !m_outbox.scriptDone())
        wakeNs = m_outbox.scriptDueNs();
    if (m_receives && !readable && m_channelOpen)
        wakeNs = wakeNs < 0 ? m_receivePause.endNs() : std::min(wakeNs, m_receivePause.endNs());
    int ready = pollAccounted(fds, count, wakeNs, readable || pending);
    for (int i = 0; i < count && ready > 0; ++i) {
        if (!fds[i].revents)
            continue;
        if (fds[i].fd == m_input.fd()) {
            takeChatLines();
            continue;
        }
        // A hang-up or error while writing shows in the next write, as EPIPE.
        if (pending && (fds[i].revents & (POLLOUT | POLLERR | POLLHUP)) && !flush())
            m_failed = true;
        if (readable && (fds[i].revents & (POLLIN | POLLERR | POLLHUP)) && !m_reader.readMore())
            m_channelOpen = false;
    }
}

/// poll() with its time accounted. Nothing scheduled and something to read or write on the channel: blocked on
/// the other side (waiting). A pause on the schedule: the lesson's own sleep. Either lasts until poll() returns.
int PipeEndpoint::pollAccounted(pollfd* fds, int count, std::int64_t wakeNs, bool onChannel)
{
    const auto untilWake = wakeNs - monotonicNowNs();
    const int timeoutMs = wakeNs < 0 ? int(Pacing::HeartbeatNs / 1'000'000)
        : untilWake <= 0             ? 0
                                     : int(std::min(untilWake, Pacing::HeartbeatNs) / 1'000'000 + 1);
    const bool blocked = wakeNs < 0 && onChannel;
    const bool pausing = wakeNs >= 0 && untilWake > 0;
    m_clock.enter(blocked ? WorkerState::Waiting : pausing ? WorkerState::Sleeping : WorkerState::Running);
    if (pausing && untilWake >= StateClock::IntervalMinNs)
        m_clock.announce();
    // A blocked wait gets a millisecond's grace before it is announced: in a throughput run most end within it.
    int ready = poll(fds, nfds_t(count), blocked ? std::min(timeoutMs, 1) : timeoutMs);
    if (ready == 0 && blocked && timeoutMs > 1) {
        m_clock.announce();
        ready = poll(fds, nfds_t(count), timeoutMs - 1);
    }
    m_clock.enter(WorkerState::Running);
    if (ready == 0 && wakeNs >= 0)
        m_clock.progress(progressDone(), progressTotal()); // a paced pause is no stall
    return ready;
}

void PipeEndpoint::takeChatLines()
{
    for (const auto& line : m_input.readLines()) {
        if (m_overSent || finishedSending()) {
            m_telemetry.message("chat line dropped: this side has finished sending");
            continue;
        }
        m_telemetry.message("chat line from the user");
        if (m_duplex)
            ++m_repliesAwaited;
        // Typed by a person: it goes out now, even from a sender that coalesces. A failed write ends this side as
        // any other does.
        if (!send(line, 0) || !flush()) {
            m_failed = true;
            return;
        }
    }
}

std::int64_t PipeEndpoint::progressDone() const
{
    return m_report.sent.load() + m_report.received.load();
}

std::int64_t PipeEndpoint::progressTotal() const
{
    // A receiver sends nothing of the script: counting it would halve its progress.
    return std::max<std::int64_t>({1, progressDone(), (m_sends ? m_outbox.scriptSize() : 0) + m_expected});
}

void PipeEndpoint::reportProgress()
{
    const auto done = progressDone(), total = progressTotal();
    if (m_throttle.shouldReport(done * 1000 / total))
        m_clock.progress(done, total);
}

} // namespace ProcViz
